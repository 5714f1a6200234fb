import { describe, expect, it } from 'vitest';
import { format2 } from '../definitions/format-2';
import { inside, overlaps } from './geometry';
import { cardFields } from './card-fields';
import { layoutFormat } from './sheet-layout';

describe('cardFields', () => {
  const layout = layoutFormat(format2);
  const fields = cardFields(layout, 'test-plan');
  const zone = layout.sheets.find((s) => s.stepId === 'test-plan')!.zones[0]!;

  it('gives every field of the three test cards a box for its text', () => {
    expect(fields.map((f) => f.cellId)).toEqual(
      [1, 2, 3].flatMap((n) => ['solution', 'pilot-city', 'measure', 'deadline'].map((f) => `${n}.${f}`)),
    );
  });

  it('below its label, inside its field, clear of the other fields, room for two lines of text', () => {
    for (const field of fields) {
      const cell = zone.cells.find((c) => c.cellId === field.cellId)!;
      const label = zone.headers.find((h) => h.headerId === field.cellId)!;
      expect(inside(field.input, cell)).toBe(true);
      expect(overlaps(field.input, label)).toBe(false);
      expect(field.input.h).toBeGreaterThanOrEqual(2 * 24 * 1.35);
      for (const other of fields) if (other !== field) expect(overlaps(field.input, other.input)).toBe(false);
    }
  });
});
