import { describe, expect, it } from 'vitest';
import { format2, inside, layoutFormat, overlaps, tidyZone } from '@empiria/formats';
import type { Rect } from '@empiria/formats';
import { findFreeSlot, placeNote } from './free-slot';

const area: Rect = { x: 100, y: 100, w: 644, h: 434 };
const note = { w: 200, h: 200 };
const at = (x: number, y: number, size = 200): Rect => ({ x, y, w: size, h: size });

describe('a free slot for a new note', () => {
  it('takes the first slot of tidyZone’s grid in an empty zone', () => {
    const tidy = tidyZone(area, [{ id: 'a', x: 0, y: 0, w: 200, h: 200 }]);
    expect(findFreeSlot(area, [], note)).toEqual({ x: tidy.placed[0]!.x, y: tidy.placed[0]!.y });
  });

  it('fills the grid slot by slot, in reading order, never covering a note', () => {
    const occupied: Rect[] = [];
    for (let i = 0; i < 6; i++) {
      const slot = findFreeSlot(area, occupied, note)!;
      expect(slot).not.toBeNull();
      const rect = at(slot.x, slot.y);
      expect(inside(rect, area)).toBe(true);
      expect(occupied.some((r) => overlaps(r, rect))).toBe(false);
      occupied.push(rect);
    }
    // 3 × 2 slots of 200 with gaps of 10 inside 644 × 434: now full.
    expect(findFreeSlot(area, occupied, note)).toBeNull();
    expect(occupied.map((r) => [r.x, r.y])).toEqual([
      [112, 112],
      [322, 112],
      [532, 112],
      [112, 322],
      [322, 322],
      [532, 322],
    ]);
  });

  it('finds room between notes placed by hand, off the grid', () => {
    const wide = { x: 100, y: 100, w: 900, h: 434 };
    // Every grid slot is partly covered; between the notes there is one gap wide enough.
    const byHand = [at(217, 112), at(660, 112), at(217, 322), at(660, 322)];
    const slot = findFreeSlot(wide, byHand, note)!;
    expect(slot).not.toBeNull();
    const rect = at(slot.x, slot.y);
    expect(byHand.some((r) => overlaps(r, rect))).toBe(false);
    expect(inside(rect, wide)).toBe(true);
    expect(slot.x).toBeGreaterThan(417);
  });

  it('ignores what lies outside the zone', () => {
    expect(findFreeSlot(area, [at(-500, -500), at(900, 100)], note)).toEqual({ x: 112, y: 112 });
  });

  it('has no slot in a zone smaller than a note', () => {
    expect(findFreeSlot({ x: 0, y: 0, w: 150, h: 400 }, [], note)).toBeNull();
  });
});

describe('placing a note', () => {
  it('at full size while there is room', () => {
    expect(placeNote(area, [], note)).toEqual({ x: 112, y: 112, scale: 1, overlapping: false });
  });

  it('smaller when only a smaller note fits, still covering nothing', () => {
    const narrow = { x: 0, y: 0, w: 180, h: 400 };
    const below = [at(0, 200, 180)];
    const place = placeNote(narrow, below, note);
    expect(place).toEqual({ x: 12, y: 12, scale: 0.5, overlapping: false });
  });

  it('never refuses: in a zone full even for half-size notes, it overlaps and says so', () => {
    const wall = [{ x: 100, y: 100, w: 644, h: 434 }];
    const place = placeNote(area, wall, note);
    expect(place.overlapping).toBe(true);
    expect(place.scale).toBe(0.5);
    expect(inside({ x: place.x, y: place.y, w: 100, h: 100 }, area)).toBe(true);
  });

  it('fits a full note and two half ones in a cell of "First" before it overlaps', () => {
    const layout = layoutFormat(format2);
    const cell = layout.sheets.find((s) => s.stepId === 'priorities')!.zones.find((z) => z.zoneId === 'top')!
      .cells[0]!;
    const placed: Rect[] = [];
    const places = Array.from({ length: 4 }, () => {
      const place = placeNote(cell, placed, note);
      placed.push({ x: place.x, y: place.y, w: 200 * place.scale, h: 200 * place.scale });
      return [place.scale, place.overlapping];
    });
    expect(places).toEqual([
      [1, false],
      [0.5, false],
      [0.5, false],
      [0.5, true],
    ]);
  });

  it('keeps 20 notes in a real Format 2 zone apart', () => {
    const layout = layoutFormat(format2);
    const zone = layout.sheets
      .find((s) => s.stepId === 'challenge')!
      .zones.find((z) => z.zoneId === 'facts')!;
    const placed: Rect[] = [];
    for (let i = 0; i < 20; i++) {
      const place = placeNote(zone.body, placed, note);
      expect(place.overlapping).toBe(false);
      const rect = { x: place.x, y: place.y, w: 200 * place.scale, h: 200 * place.scale };
      expect(inside(rect, zone.body)).toBe(true);
      expect(placed.some((r) => overlaps(r, rect))).toBe(false);
      placed.push(rect);
    }
  });
});
