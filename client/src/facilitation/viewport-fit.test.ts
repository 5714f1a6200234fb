import { describe, expect, it } from 'vitest';
import {
  cameraForViewport,
  chaseCamera,
  departed,
  roundViewport,
  sameViewport,
  viewportOf,
} from './viewport-fit';

const limits = { minZoom: 0.05, maxZoom: 8 };

describe('cameraForViewport', () => {
  it('shows the leader’s whole view, centred, in a screen of another shape', () => {
    const view = { x: 1000, y: 500, w: 1600, h: 900 };
    const screen = { w: 800, h: 800 };
    const camera = cameraForViewport(view, screen, limits);
    expect(camera.z).toBeCloseTo(0.5);
    const seen = viewportOf(camera, screen);
    expect(seen.x + seen.w / 2).toBeCloseTo(1800);
    expect(seen.y + seen.h / 2).toBeCloseTo(950);
    expect(seen.w).toBeGreaterThanOrEqual(view.w - 1e-9);
    expect(seen.h).toBeGreaterThanOrEqual(view.h - 1e-9);
  });

  it('the same screen gives back the same viewport', () => {
    const view = { x: -200, y: 40, w: 1280, h: 720 };
    const seen = viewportOf(cameraForViewport(view, { w: 1280, h: 720 }, limits), { w: 1280, h: 720 });
    expect(seen.x).toBeCloseTo(view.x);
    expect(seen.y).toBeCloseTo(view.y);
    expect(seen.w).toBeCloseTo(view.w);
  });

  it('keeps the zoom within limits', () => {
    expect(cameraForViewport({ x: 0, y: 0, w: 10, h: 10 }, { w: 1000, h: 1000 }, limits).z).toBe(8);
  });
});

describe('viewport helpers', () => {
  it('tells the same place from a different one', () => {
    const a = { x: 0, y: 0, w: 1000, h: 800 };
    expect(sameViewport(a, { ...a, x: 1 })).toBe(true);
    expect(sameViewport(a, { ...a, x: 50 })).toBe(false);
    expect(sameViewport(null, null)).toBe(true);
    expect(sameViewport(a, null)).toBe(false);
    expect(roundViewport({ x: 1.4, y: -2.6, w: 0.2, h: 99.5 })).toEqual({ x: 1, y: -3, w: 1, h: 100 });
  });
});

describe('stepping away and chasing', () => {
  const screen = { w: 1000, h: 800 };
  const placed = { x: -100, y: -50, z: 1 };
  it('ignores nudges, notices pans and zooms', () => {
    expect(departed(placed, { ...placed, x: -120 }, screen)).toBe(false);
    expect(departed(placed, { ...placed, x: -400 }, screen)).toBe(true);
    expect(departed(placed, { ...placed, z: 1.3 }, screen)).toBe(true);
  });
  it('chases from start to end', () => {
    const to = { x: -900, y: 300, z: 0.5 };
    expect(chaseCamera(placed, to, screen, 0)).toEqual(placed);
    const end = chaseCamera(placed, to, screen, 1);
    expect(end.x).toBeCloseTo(to.x);
    expect(end.y).toBeCloseTo(to.y);
    expect(end.z).toBeCloseTo(to.z);
  });
});
