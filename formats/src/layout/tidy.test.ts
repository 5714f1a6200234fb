import { describe, expect, it } from 'vitest';
import { overlaps, inside } from './geometry';
import { noteCapacity, tidyZone, type TidyNote } from './tidy';

const zone = { x: 1000, y: 500, w: 900, h: 700 };

function note(id: string, x: number, y: number, size = 200): TidyNote {
  return { id, x, y, w: size, h: size };
}

/** Boxes of the placed notes, with their sizes from the input. */
function boxes(notes: TidyNote[], placed: Array<{ id: string; x: number; y: number }>) {
  return placed.map((p) => {
    const n = notes.find((m) => m.id === p.id)!;
    return { ...p, w: n.w, h: n.h };
  });
}

function expectTidy(notes: TidyNote[], placed: Array<{ id: string; x: number; y: number }>) {
  const laid = boxes(notes, placed);
  for (const box of laid) expect(inside(box, zone), JSON.stringify(box)).toBe(true);
  laid.forEach((a, i) => laid.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
}

describe('tidyZone', () => {
  it('does nothing with no notes', () => {
    expect(tidyZone(zone, [])).toEqual({ placed: [], overflow: [], fitScale: 1 });
  });

  it('lays scattered notes out in a grid, inside the zone, without overlaps, in reading order', () => {
    const notes = [
      note('d', 1500, 900),
      note('a', 1010, 520),
      note('c', 1050, 880),
      note('b', 1400, 560),
      note('e', 1100, 600), // overlaps "a": tidy separates them
    ];
    const result = tidyZone(zone, notes);
    expect(result.overflow).toEqual([]);
    expect(result.fitScale).toBe(1);
    // Rows of a note's height from the zone's top: a and b in the first, e in the second.
    expect(result.placed.map((p) => p.id)).toEqual(['a', 'b', 'e', 'c', 'd']);
    expect(result.placed.slice(0, 2)).toEqual([
      { id: 'a', x: 1012, y: 512 },
      { id: 'b', x: 1222, y: 512 },
    ]);
    expectTidy(notes, result.placed);
  });

  it('is deterministic, whatever order the notes come in', () => {
    const notes = Array.from({ length: 9 }, (_, i) =>
      note(`n${i}`, 1000 + ((i * 137) % 700), 500 + ((i * 251) % 500)),
    );
    const once = tidyZone(zone, notes);
    expect(tidyZone(zone, [...notes].reverse())).toEqual(once);
    expect(tidyZone(zone, notes)).toEqual(once);
  });

  it('breaks ties of position by id', () => {
    const result = tidyZone(zone, [note('b', 1100, 600), note('a', 1100, 600)]);
    expect(result.placed.map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('keeps mixed sizes apart', () => {
    const notes = [
      note('s', 1200, 600, 120),
      note('l', 1300, 650, 260),
      note('m', 1000, 500, 200),
      note('x', 1600, 700, 90),
    ];
    const result = tidyZone(zone, notes);
    expect(result.overflow).toEqual([]);
    expectTidy(notes, result.placed);
  });

  it('reports the notes that do not fit, and a scale at which they all would', () => {
    const notes = Array.from({ length: 20 }, (_, i) =>
      note(`n${String(i).padStart(2, '0')}`, 1000 + i * 10, 500 + i * 5),
    );
    const capacity = noteCapacity(zone);
    expect(capacity).toBe(12);
    const result = tidyZone(zone, notes);
    expect(result.placed).toHaveLength(capacity);
    expect(result.overflow).toHaveLength(20 - capacity);
    expect(result.overflow).not.toContain(result.placed[0]!.id);
    expect(result.fitScale).toBeGreaterThan(0.5);
    expect(result.fitScale).toBeLessThan(1);
    expectTidy(notes, result.placed);

    const shrunk = notes.map((n) => ({ ...n, w: n.w * result.fitScale, h: n.h * result.fitScale }));
    const again = tidyZone(zone, shrunk);
    expect(again.overflow).toEqual([]);
    expect(again.placed).toHaveLength(20);
    expectTidy(shrunk, again.placed);
  });

  it('places nothing in a zone smaller than a note', () => {
    const tiny = { x: 0, y: 0, w: 150, h: 150 };
    const result = tidyZone(tiny, [note('a', 0, 0)]);
    expect(result.placed).toEqual([]);
    expect(result.overflow).toEqual(['a']);
    expect(result.fitScale).toBeCloseTo((150 - 24) / 200, 2);
  });
});

describe('noteCapacity', () => {
  it('counts the default notes a rectangle holds', () => {
    expect(noteCapacity({ x: 0, y: 0, w: 1000, h: 1000 })).toBe(16);
    expect(noteCapacity({ x: 0, y: 0, w: 223, h: 223 })).toBe(0);
    expect(noteCapacity({ x: 0, y: 0, w: 224, h: 224 })).toBe(1);
  });
});
