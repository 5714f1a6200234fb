import { describe, expect, it } from 'vitest';
import { agendaFormat, cardFields, format2, format3 } from '@empiria/formats';
import { layoutOf } from '../formats/format-layout';
import { fieldKey } from '../notes/card-field-texts';
import { firstFreeCard, isCaseCardsStep } from './case-insert';

describe('where earlier cases are offered and which card they go to', () => {
  it('knows Format 3’s case cards on its own board and on a meeting’s agenda, nothing else', () => {
    const own = format3.steps.find((s) => s.id === 'case-cards')!;
    expect(isCaseCardsStep(format3, own)).toBe(true);
    expect(format3.steps.filter((s) => isCaseCardsStep(format3, s))).toHaveLength(1);
    const agenda = agendaFormat([
      { kind: 'step', format: 'format-3', version: format3.version, stepId: 'case-cards', minutes: 50 },
      { kind: 'step', format: 'format-3', version: format3.version, stepId: 'case-cards', minutes: 30 },
    ] as Parameters<typeof agendaFormat>[0]);
    expect(agenda.steps.map((s) => isCaseCardsStep(agenda, s))).toEqual([true, true]);
    expect(format2.steps.some((s) => isCaseCardsStep(format2, s))).toBe(false);
  });

  it('takes the first card none of whose fields holds anything', () => {
    const fields = cardFields(layoutOf(format3), 'case-cards');
    const all = new Set<string>();
    expect(firstFreeCard(fields, all)?.[0]?.cellId).toBe('1.city');
    const card1 = fields.filter((f) => f.cellId.startsWith('1.')).map(fieldKey);
    const oneOf2 = fields.find((f) => f.cellId === '2.cost')!;
    expect(firstFreeCard(fields, new Set([...card1, fieldKey(oneOf2)]))?.[0]?.cellId).toBe('3.city');
    expect(firstFreeCard(fields, new Set(fields.map(fieldKey)))).toBeNull();
  });
});
