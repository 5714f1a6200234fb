import { describe, expect, it } from 'vitest';
import { format2 } from '../definitions/format-2';
import { inside, overlaps, NOTE_SIZE, type Rect } from './geometry';
import { packIntoFreeSpace } from './free-space';
import { occupiedRects } from './occupied';
import { layoutRevealedNotes } from './reveal-layout';
import { layoutFormat } from './sheet-layout';

const layout = layoutFormat(format2);
const barriers = layout.sheets.find((s) => s.stepId === 'barriers')!.zones[0]!;

const boxOf = (p: { x: number; y: number; scale: number }): Rect => ({
  x: p.x,
  y: p.y,
  w: NOTE_SIZE * p.scale,
  h: NOTE_SIZE * p.scale,
});

function expectApart(rects: Rect[]) {
  rects.forEach((a, i) =>
    rects.slice(i + 1).forEach((b) => expect(overlaps(a, b), JSON.stringify([a, b])).toBe(false)),
  );
}

describe('packIntoFreeSpace', () => {
  it('places items of different sizes around what is there, inside the area, apart', () => {
    const area = { x: 0, y: 0, w: 1000, h: 800 };
    const obstacle = { x: 20, y: 20, w: 400, h: 300 };
    const items = [
      { id: 'cluster', w: 500, h: 260 },
      { id: 'a', w: 200, h: 200 },
      { id: 'b', w: 200, h: 200 },
    ];
    const { placed, overflow } = packIntoFreeSpace(area, [obstacle], items);
    expect(overflow).toEqual([]);
    const rects = placed.map((p) => ({ ...p, ...items.find((i) => i.id === p.id)! }));
    for (const r of rects) expect(inside(r, area)).toBe(true);
    expectApart([obstacle, ...rects]);
    // The first item goes top-most: beside the obstacle, not below it.
    expect(placed[0]!.y).toBe(12);
  });

  it('says what does not fit', () => {
    const { placed, overflow } = packIntoFreeSpace(
      { x: 0, y: 0, w: 250, h: 250 },
      [],
      [
        { id: 'a', w: 200, h: 200 },
        { id: 'b', w: 200, h: 200 },
      ],
    );
    expect(placed.map((p) => p.id)).toEqual(['a']);
    expect(overflow).toEqual(['b']);
  });
});

describe('layoutRevealedNotes', () => {
  it('six notes written on the same spot come out side by side in their zone, none covering another', () => {
    const spot = { x: barriers.body.x + 300, y: barriers.body.y + 300 };
    const notes = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'].map((id) => ({ id, ...spot }));
    const places = layoutRevealedNotes(layout, notes, []);
    expect(places.map((p) => p.id)).toEqual(notes.map((n) => n.id));
    const rects = places.map(boxOf);
    for (const r of rects) expect(inside(r, barriers.body)).toBe(true);
    expectApart(rects);
    for (const p of places) {
      expect(p.scale).toBe(1);
      expect(p.hit).toMatchObject({ stepId: 'barriers', zoneId: 'barriers' });
    }
  });

  it('keeps the authors’ reading order and goes around the notes already in the zone', () => {
    const body = barriers.body;
    const existing = { x: body.x + 12, y: body.y + 12, w: 200, h: 200 };
    const notes = [
      { id: 'later', x: body.x + 800, y: body.y + 900 },
      { id: 'first', x: body.x + 600, y: body.y + 20 },
    ];
    const places = layoutRevealedNotes(layout, notes, [existing]);
    expectApart([existing, ...places.map(boxOf)]);
    const first = places.find((p) => p.id === 'first')!;
    const later = places.find((p) => p.id === 'later')!;
    expect(first.y < later.y || (first.y === later.y && first.x < later.x)).toBe(true);
  });

  it('shrinks the notes of a full zone (not below half), and leaves notes outside every zone where they are', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      id: `m${String(i).padStart(2, '0')}`,
      x: barriers.body.x + 100,
      y: barriers.body.y + 100,
    }));
    const outside = { id: 'off', x: -5000, y: -5000 };
    const places = layoutRevealedNotes(layout, [...many, outside], []);
    const inZone = places.filter((p) => p.id !== 'off');
    expect(Math.min(...inZone.map((p) => p.scale))).toBeGreaterThanOrEqual(0.5);
    expect(inZone[0]!.scale).toBeLessThan(1);
    expectApart(inZone.map(boxOf));
    expect(places.find((p) => p.id === 'off')).toMatchObject({ x: -5000, y: -5000, scale: 1, hit: null });
  });

  it('takes each note at its height: tall notes on the same spot do not cover the notes below them (D54)', () => {
    const spot = { x: barriers.body.x + 300, y: barriers.body.y + 300 };
    const growY = { tall: 260, taller: 400, square: 0, mid: 90 } as Record<string, number>;
    const notes = Object.keys(growY).map((id) => ({ id, ...spot, growY: growY[id] }));
    const places = layoutRevealedNotes(layout, notes, []);
    const rects = places.map((p) => ({ ...boxOf(p), h: (NOTE_SIZE + growY[p.id]!) * p.scale }));
    for (const r of rects) expect(inside(r, barriers.body)).toBe(true);
    expectApart(rects);
    for (const p of places) expect(p.hit).toMatchObject({ stepId: 'barriers', zoneId: 'barriers' });
  });

  it('shrinks a zone’s tall notes when they do not fit at full size, none covering another', () => {
    const many = Array.from({ length: 24 }, (_, i) => ({
      id: `t${String(i).padStart(2, '0')}`,
      x: barriers.body.x + 100,
      y: barriers.body.y + 100,
      growY: 300,
    }));
    const places = layoutRevealedNotes(layout, many, []);
    expect(places[0]!.scale).toBeLessThan(1);
    const rects = places.map((p) => ({ ...boxOf(p), h: (NOTE_SIZE + 300) * p.scale }));
    for (const r of rects) expect(inside(r, barriers.body)).toBe(true);
    expectApart(rects);
  });
});

describe('occupiedRects', () => {
  it('reads notes and clusters (not their members, not the template) in page coordinates', () => {
    const records = [
      {
        typeName: 'shape',
        id: 'shape:tpl',
        type: 'frame',
        x: 1000,
        y: 0,
        props: { w: 1360, h: 1980 },
        meta: { empiria: { kind: 'template' } },
      },
      {
        typeName: 'shape',
        id: 'shape:c',
        type: 'frame',
        x: 100,
        y: 100,
        parentId: 'page:page',
        props: { w: 500, h: 300 },
        meta: { empiria: { cluster: { name: 'x' } } },
      },
      {
        typeName: 'shape',
        id: 'shape:in',
        type: 'note',
        x: 10,
        y: 10,
        parentId: 'shape:c',
        props: { scale: 1, growY: 0 },
        meta: {},
      },
      {
        typeName: 'shape',
        id: 'shape:n',
        type: 'note',
        x: 20,
        y: 30,
        parentId: 'shape:tpl',
        props: { scale: 0.5, growY: 40 },
        meta: {},
      },
    ];
    expect(occupiedRects(records)).toEqual([
      { id: 'shape:c', x: 100, y: 100, w: 500, h: 300 },
      { id: 'shape:n', x: 1020, y: 30, w: 100, h: 120 },
    ]);
  });
});
