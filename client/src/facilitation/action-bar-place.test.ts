import { describe, expect, it } from 'vitest';
import { placeActionBar } from './action-bar-place';

const view = { w: 1000, h: 800 };
const bar = { w: 200, h: 40 };
const overlaps = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('placeActionBar', () => {
  const cluster = { x: 400, y: 300, w: 300, h: 200 };

  it('goes above the selection when nothing is there', () => {
    expect(placeActionBar(cluster, bar, [], view)).toEqual({ x: 450, y: 252 });
  });

  it('does not cover the neighbour’s notes right above the cluster: it goes below', () => {
    const neighbour = { x: 420, y: 200, w: 100, h: 90 };
    const at = placeActionBar(cluster, bar, [neighbour], view);
    expect(overlaps({ ...at, ...bar }, neighbour)).toBe(false);
    expect(overlaps({ ...at, ...bar }, cluster)).toBe(false);
    expect(at.y).toBe(508);
  });

  it('stays on the screen', () => {
    const top = { x: 0, y: 0, w: 100, h: 100 };
    const at = placeActionBar(top, bar, [], view);
    expect(at.x).toBeGreaterThanOrEqual(8);
    expect(at.y).toBeGreaterThanOrEqual(8);
    expect(overlaps({ ...at, ...bar }, top)).toBe(false);
  });
});
