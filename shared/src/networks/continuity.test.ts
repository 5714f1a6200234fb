import { describe, expect, it } from 'vitest';
import type { SummaryBlock } from '../summary/summary-tree';
import { caseCardsOfUnits, noteUnits, unitLines, unitStepId, unitsInSection } from './continuity';

const heading = (text: string, sectionId: string | null, level: 1 | 2 = 2): SummaryBlock => ({
  type: 'heading',
  level,
  sectionId,
  runs: [{ text, marks: [] }],
});
const para = (text: string): SummaryBlock => ({ type: 'paragraph', runs: [{ text, marks: [] }] });

describe('reading an approved note for continuity', () => {
  it('names a unit’s step from drafting’s ids; sections and typed headings have none', () => {
    expect(unitStepId('contract.0')).toBe('contract');
    expect(unitStepId('f2-barriers.1')).toBe('f2-barriers');
    expect(unitStepId('section.decisions')).toBeNull();
    expect(unitStepId(null)).toBeNull();
  });

  it('keeps text typed before any heading, and a typed heading inside the section above it', () => {
    const units = noteUnits([
      para('Wstęp'),
      heading('Następne kroki', 'section.next-steps', 1),
      heading('Dopisane ręcznie', null),
      para('Spotkanie w Lublinie'),
    ]);
    expect(units.map((u) => [u.section, u.title])).toEqual([
      [null, ''],
      ['next-steps', 'Następne kroki'],
      ['next-steps', 'Dopisane ręcznie'],
    ]);
    expect(
      unitsInSection(
        [
          heading('Następne kroki', 'section.next-steps', 1),
          heading('x', null),
          para('Spotkanie w Lublinie'),
        ],
        'next-steps',
      ).flatMap(unitLines),
    ).toEqual(['Spotkanie w Lublinie']);
  });
});

describe('reading case cards out of an edited note', () => {
  const labels = {
    city: ['Miasto', 'City'],
    context: ['Kontekst', 'Context'],
    problem: ['Problem'],
    solution: ['Rozwiązanie', 'Solution'],
    results: ['Rezultaty', 'Results'],
    cost: ['Koszt', 'Cost'],
    lessons: ['Wnioski', 'Lessons'],
  };
  const list = (...lines: string[]): SummaryBlock => ({
    type: 'bulletList',
    items: lines.map((l) => [para(l)]),
  });

  it('skips lines with no known label and cards with no known field; reads a typed `Label:` line', () => {
    const units = noteUnits([
      heading('Przypadki', 'case-cards.0'),
      para('Przypadek 1'),
      list('miasto: Gdynia', 'Uwagi: bez znaczenia', 'Rozwiązanie: Autobus na żądanie'),
      para('Przypadek 2'),
      list('Uwagi: tylko to'),
      para('Miasto: Lublin'),
      para('Solution: Bike sharing'),
    ]);
    const cards = caseCardsOfUnits(units, labels);
    expect(cards.map((c) => [c.city, c.solution])).toEqual([
      ['Gdynia', 'Autobus na żądanie'],
      ['Lublin', ''],
      ['', 'Bike sharing'],
    ]);
  });

  it('finds nothing in a unit without case lines', () => {
    expect(
      caseCardsOfUnits(noteUnits([heading('Obszar', 'area-criteria.0'), para('Transport')]), labels),
    ).toEqual([]);
  });
});
