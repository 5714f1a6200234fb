import { describe, expect, it } from 'vitest';
import type { SummaryBlock } from '../summary/summary-tree';
import { noteUnits, unitLines, unitStepId, unitsInSection } from './continuity';

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
