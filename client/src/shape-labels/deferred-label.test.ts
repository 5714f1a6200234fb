import { describe, expect, it } from 'vitest';
import { Geometry2dFilters, Group2d, Rectangle2d, Vec } from 'tldraw';
import { DeferredLabel2d } from './deferred-label';

/** A note of 200 × 240 whose label, once measured, is 120 × 40 in its middle. */
function note() {
  let measured = 0;
  const label = new DeferredLabel2d(() => {
    measured++;
    return new Rectangle2d({
      x: 40,
      y: 100,
      width: 120,
      height: 40,
      isFilled: true,
      isLabel: true,
      excludeFromShapeBounds: true,
    });
  });
  const geometry = new Group2d({
    children: [new Rectangle2d({ width: 200, height: 240, isFilled: true }), label],
  });
  return { geometry, label, measured: () => measured };
}

describe('a note label worked out on demand', () => {
  it('gives the note its bounds, hit area and outline without measuring the text', () => {
    const { geometry, label, measured } = note();
    expect(geometry.bounds.toJson()).toEqual({ x: 0, y: 0, w: 200, h: 240 });
    expect(geometry.vertices).toHaveLength(4);
    expect(geometry.hitTestPoint(new Vec(10, 10), 0, true)).toBe(true);
    expect(geometry.hitTestPoint(new Vec(300, 10), 0, true)).toBe(false);
    expect(geometry.getSvgPathData()).toContain('M0,0');
    expect(measured()).toBe(0);
    expect(label.isBuilt).toBe(false);
  });

  it('measures once when asked about the label, and answers as tldraw’s label would', () => {
    const { geometry, label, measured } = note();
    expect(label.isLabel).toBe(true);
    expect(label.isPointInBounds(new Vec(100, 120))).toBe(true);
    expect(label.isPointInBounds(new Vec(10, 10))).toBe(false);
    expect(geometry.getVertices(Geometry2dFilters.INCLUDE_ALL)).toHaveLength(8);
    expect(label.bounds.toJson()).toEqual({ x: 40, y: 100, w: 120, h: 40 });
    expect(label.distanceToPoint(new Vec(100, 90))).toBeCloseTo(10);
    expect(label.hitTestPoint(new Vec(100, 120))).toBe(true);
    expect(measured()).toBe(1);
    expect(label.isBuilt).toBe(true);
  });

  it('stays out of the shape’s bounds once measured', () => {
    const { geometry, label } = note();
    expect(label.bounds.w).toBe(120);
    expect(geometry.bounds.toJson()).toEqual({ x: 0, y: 0, w: 200, h: 240 });
  });
});
