import { describe, expect, it } from 'vitest';
import { inside, overlaps, type Rect } from './geometry';
import { planCluster } from './cluster-layout';

const zone = { x: 0, y: 0, w: 1240, h: 1500 };
const note = (id: string, x: number, y: number) => ({ id, x, y, w: 200, h: 200 });
const withTitle = (r: Rect): Rect => ({ x: r.x, y: r.y - 48, w: r.w, h: r.h + 48 });

describe('planCluster', () => {
  it('gathers notes from far apart into a compact frame, notes inside it in reading order', () => {
    const plan = planCluster([note('b', 1000, 1200), note('a', 20, 60)], zone, [])!;
    expect(plan.frame.w).toBe(2 * 200 + 10 + 60);
    expect(plan.frame.h).toBe(200 + 60);
    expect(plan.notes.map((n) => n.id)).toEqual(['a', 'b']);
    for (const n of plan.notes) expect(inside({ ...n, w: 200, h: 200 }, plan.frame)).toBe(true);
    expect(inside(plan.frame, zone)).toBe(true);
  });

  it('a second cluster made next to the first keeps clear of it and of its name', () => {
    const first = planCluster([note('a', 40, 100), note('b', 250, 100)], zone, [])!;
    const loose = note('loose', 40, 420);
    // The next cluster's notes lie right below the first cluster, against it.
    const second = planCluster(
      [note('c', 60, first.frame.y + first.frame.h - 20), note('d', 280, first.frame.y + first.frame.h)],
      zone,
      [first.frame, loose],
    )!;
    expect(overlaps(withTitle(second.frame), first.frame)).toBe(false);
    expect(overlaps(second.frame, loose)).toBe(false);
    expect(inside(second.frame, zone)).toBe(true);
  });

  it('without a zone the frame stays where the notes were', () => {
    const plan = planCluster([note('a', 5000, 5000), note('b', 5210, 5000)], null, [])!;
    expect(plan.frame).toMatchObject({ x: 4970, y: 4970 });
  });
});
