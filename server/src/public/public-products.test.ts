import { describe, expect, it } from 'vitest';
import { run, type SummaryBlock } from '@empiria/shared';
import { productsOfNote } from './public-products';

const heading = (sectionId: string | null, text: string): SummaryBlock => ({
  type: 'heading',
  level: 2,
  sectionId,
  runs: [run(text)],
});
const list = (...items: string[]): SummaryBlock => ({
  type: 'bulletList',
  items: items.map((text) => [{ type: 'paragraph', runs: [run(text)] }]),
});

describe('the products of a published note', () => {
  it("reads Format 3's model practice and its versions, and nothing the note has from other steps", () => {
    const blocks: SummaryBlock[] = [
      heading('section.conclusions', 'Wnioski'),
      heading('case-cards.1', 'Karty przypadków'),
      list('Gdańsk: budżet obywatelski'),
      heading('model.1', 'Modelowa praktyka'),
      list('Krok 1: diagnoza', 'Krok 2: pilotaż'),
      heading('versions.1', 'Wersje dla typów miast'),
      list('Małe miasta: jeden pilotaż'),
      heading(null, 'Dopisane ręcznie'),
      list('Nie jest produktem'),
    ];
    const steps = (formatId: string, stepId: string) =>
      formatId === 'format-3' ? new Set([stepId]) : new Set<string>();
    expect(productsOfNote(blocks, steps)).toEqual([
      { kind: 'recommendation', title: 'Wersje dla typów miast', lines: ['Małe miasta: jeden pilotaż'] },
      { kind: 'model', title: 'Modelowa praktyka', lines: ['Krok 1: diagnoza', 'Krok 2: pilotaż'] },
    ]);
  });

  it("finds a scheme on a meeting's board, whose steps are the agenda's positions", () => {
    const blocks: SummaryBlock[] = [
      heading('s3.1', 'Kroki i ich kolejność'),
      list('Najpierw rada', 'Potem NGO'),
    ];
    const steps = (formatId: string, stepId: string) =>
      formatId === 'format-1' && stepId === 'sequence' ? new Set(['s3']) : new Set<string>();
    expect(productsOfNote(blocks, steps)).toEqual([
      { kind: 'scheme', title: 'Kroki i ich kolejność', lines: ['Najpierw rada', 'Potem NGO'] },
    ]);
    expect(productsOfNote(blocks, () => new Set())).toEqual([]);
  });
});
