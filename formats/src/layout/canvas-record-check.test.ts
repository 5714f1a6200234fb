import { describe, expect, it } from 'vitest';
import { checkCanvasEntry, repairCanvasEntry } from './canvas-record-check';
import { layoutFormat } from './sheet-layout';
import { templateRecords } from './template-records';
import { format2 } from '../definitions/format-2';

/** A template shape as the server writes it: a valid tldraw record with a whole template meta. */
const shape = templateRecords(layoutFormat(format2), 'pl').find((record) => record.typeName === 'shape')!;
const withEmpiria = (empiria: unknown) => ({ ...shape, meta: { ...shape.meta, empiria } });

describe('[D3] a canvas record’s meta.empiria is checked with the record', () => {
  it('accepts a record whose meta.empiria is well formed', () => {
    expect(checkCanvasEntry({ key: shape.id, val: shape })).toMatchObject({ ok: true });
  });

  it('refuses one whose meta.empiria is malformed, saying where, as a record fault of its metadata', () => {
    const check = checkCanvasEntry({ key: shape.id, val: withEmpiria({ author: { id: 'p1', name: 3 } }) });
    expect(check).toMatchObject({ ok: false, key: shape.id, meta: true });
    expect(!check.ok && check.reason).toMatch(/^invalid shape: meta\.empiria\.author\.name: /);
  });
});

describe('[D6] loading a stored record with malformed metadata', () => {
  it('keeps the record without the malformed keys, and says what was wrong', () => {
    const stored = withEmpiria({ zone: { stepId: 7 }, field: true });
    const repair = repairCanvasEntry({ key: shape.id, val: stored }, null);
    expect(repair).toMatchObject({ ok: true, metaRepaired: expect.stringMatching(/meta\.empiria\.zone/) });
    expect(repair.ok && repair.record.meta).toEqual({ empiria: { field: true } });
  });

  it('sets aside what no repair of its metadata makes valid', () => {
    expect(repairCanvasEntry({ key: shape.id, val: withEmpiria({ kind: 'template' }) }, null)).toMatchObject({
      ok: false,
    });
    expect(
      repairCanvasEntry({ key: shape.id, val: { ...withEmpiria({ zone: 1 }), x: 'left' } }, null),
    ).toMatchObject({ ok: false });
  });

  it('leaves a sound record as it is', () => {
    const repair = repairCanvasEntry({ key: shape.id, val: shape }, null);
    expect(repair).toMatchObject({ ok: true });
    expect(repair).not.toHaveProperty('metaRepaired');
  });
});
