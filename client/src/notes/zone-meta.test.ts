import { describe, expect, it } from 'vitest';
import { format2, layoutFormat } from '@empiria/formats';
import type { Rect } from '@empiria/formats';
import { noteZoneOf } from '@empiria/shared';
import { noteCentre, withNoteZone, zoneOfPoint } from './zone-meta';

const layout = layoutFormat(format2);
const sheet = (stepId: string) => layout.sheets.find((s) => s.stepId === stepId)!;
const zone = (stepId: string, zoneId: string) => sheet(stepId).zones.find((z) => z.zoneId === zoneId)!;
const centre = (r: Rect) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
const note = (
  x: number,
  y: number,
  extra: Partial<{ rotation: number; scale: number; growY: number }> = {},
) => ({
  x,
  y,
  rotation: extra.rotation ?? 0,
  props: { scale: extra.scale ?? 1, growY: extra.growY ?? 0 },
});

describe('note centre', () => {
  it('is the middle of a 200×200 note, taller by growY, times its scale', () => {
    expect(noteCentre(note(100, 100), null)).toEqual({ x: 200, y: 200 });
    expect(noteCentre(note(100, 100, { growY: 100 }), null)).toEqual({ x: 200, y: 250 });
    expect(noteCentre(note(100, 100, { scale: 0.5 }), null)).toEqual({ x: 150, y: 150 });
  });
  it('turns with the note and moves with its parent frame', () => {
    const turned = noteCentre(note(0, 0, { rotation: Math.PI / 2 }), null);
    expect(turned.x).toBeCloseTo(-100);
    expect(turned.y).toBeCloseTo(100);
    const frame = { a: 1, b: 0, c: 0, d: 1, e: 1560, f: 0 };
    expect(noteCentre(note(100, 100), frame)).toEqual({ x: 1760, y: 200 });
  });
});

describe('zone of a point', () => {
  it('names the step and zone of an area, with no cell', () => {
    const facts = zone('challenge', 'facts');
    expect(zoneOfPoint(layout, centre(facts.body))).toEqual({ stepId: 'challenge', zoneId: 'facts' });
  });
  it('names the cell of a zone with cells', () => {
    const top = zone('priorities', 'top');
    const cell = top.cells.find((c) => c.cellId === 'barrier-2')!;
    expect(zoneOfPoint(layout, centre(cell))).toEqual({
      stepId: 'priorities',
      zoneId: 'top',
      cellId: 'barrier-2',
    });
  });
  it('is null between sheets and off the board', () => {
    const first = sheet('challenge');
    expect(zoneOfPoint(layout, { x: first.x + first.w + 50, y: 500 })).toBeNull();
    expect(zoneOfPoint(layout, { x: -500, y: -500 })).toBeNull();
  });
});

describe('zone in the note meta', () => {
  it('records the zone and keeps the other keys', () => {
    const meta = withNoteZone(
      { author: 'x', empiria: { votes: 2 } },
      { stepId: 's', zoneId: 'z', cellId: 'c' },
    );
    expect(meta).toEqual({
      author: 'x',
      empiria: { votes: 2, zone: { stepId: 's', zoneId: 'z', cellId: 'c' } },
    });
    expect(noteZoneOf({ meta })).toEqual({ stepId: 's', zoneId: 'z', cellId: 'c' });
  });
  it('returns the same object when the zone is unchanged', () => {
    const meta = { empiria: { zone: { stepId: 's', zoneId: 'z' } } };
    expect(withNoteZone(meta, { stepId: 's', zoneId: 'z' })).toBe(meta);
    const none = { author: 'x' };
    expect(withNoteZone(none, null)).toBe(none);
  });
  it('removes the zone outside every zone, and an empty empiria with it', () => {
    expect(withNoteZone({ a: 1, empiria: { zone: { stepId: 's', zoneId: 'z' } } }, null)).toEqual({ a: 1 });
    expect(withNoteZone({ empiria: { zone: { stepId: 's', zoneId: 'z' }, votes: 1 } }, null)).toEqual({
      empiria: { votes: 1 },
    });
  });
  it('moves the note from one cell to another', () => {
    const before = { empiria: { zone: { stepId: 's', zoneId: 'z', cellId: 'a' } } };
    expect(withNoteZone(before, { stepId: 's', zoneId: 'z', cellId: 'b' })).toEqual({
      empiria: { zone: { stepId: 's', zoneId: 'z', cellId: 'b' } },
    });
    expect(withNoteZone(before, { stepId: 's', zoneId: 'z' })).toEqual({
      empiria: { zone: { stepId: 's', zoneId: 'z' } },
    });
  });
  it('ignores a malformed zone', () => {
    expect(noteZoneOf({ meta: { empiria: { zone: { stepId: 1 } } } })).toBeNull();
    expect(noteZoneOf({ meta: { empiria: 'x' } })).toBeNull();
  });
  it('writes over a malformed zone rather than keeping it', () => {
    expect(withNoteZone({ empiria: { zone: { stepId: 1 } } }, { stepId: 's', zoneId: 'z' })).toEqual({
      empiria: { zone: { stepId: 's', zoneId: 'z' } },
    });
  });
});
