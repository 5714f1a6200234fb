import { describe, expect, it } from 'vitest';
import {
  departsFrom,
  easeInOut,
  fitCamera,
  interpolateCamera,
  readableSheetCamera,
  visiblePageBox,
} from './camera-math';

const sheet = { x: 1560, y: 0, w: 1360, h: 1980 };
const viewport = { w: 1000, h: 800 };
const limits = { inset: 20, minZoom: 0.05, maxZoom: 8 };

describe('fitCamera', () => {
  it('shows the whole sheet, centred, as large as the viewport allows', () => {
    const camera = fitCamera(sheet, viewport, limits);
    expect(camera.z).toBeCloseTo(760 / 1980);
    const visible = visiblePageBox(camera, viewport);
    expect(visible.x + visible.w / 2).toBeCloseTo(sheet.x + sheet.w / 2);
    expect(visible.y + visible.h / 2).toBeCloseTo(sheet.y + sheet.h / 2);
    // The sheet's top edge sits `inset` pixels below the viewport's top.
    expect((sheet.y + camera.y) * camera.z).toBeCloseTo(20);
    expect(visible.w).toBeGreaterThanOrEqual(sheet.w);
  });
  it('keeps the zoom within tldraw’s limits', () => {
    expect(fitCamera({ x: 0, y: 0, w: 10, h: 10 }, viewport, limits).z).toBe(8);
  });
});

describe('departsFrom', () => {
  const target = fitCamera(sheet, viewport, limits);
  it('ignores small nudges', () => {
    expect(departsFrom(target, { ...target, x: target.x + 50 }, viewport)).toBe(false);
    expect(departsFrom(target, { ...target, z: target.z * 1.05 }, viewport)).toBe(false);
  });
  it('notices a pan or zoom away', () => {
    expect(departsFrom(target, { ...target, x: target.x - 1500 }, viewport)).toBe(true);
    expect(departsFrom(target, { ...target, y: target.y + 400 }, viewport)).toBe(true);
    expect(departsFrom(target, { ...target, z: target.z * 1.5 }, viewport)).toBe(true);
    expect(departsFrom(target, { ...target, z: target.z / 1.5 }, viewport)).toBe(true);
  });
});

describe('interpolateCamera', () => {
  it('starts at the start, ends at the end', () => {
    const from = { x: 0, y: 0, z: 1 };
    const to = fitCamera(sheet, viewport, limits);
    const start = interpolateCamera(from, to, viewport, 0);
    const end = interpolateCamera(from, to, viewport, 1);
    expect(start.x).toBeCloseTo(from.x);
    expect(start.z).toBeCloseTo(from.z);
    expect(end.x).toBeCloseTo(to.x);
    expect(end.y).toBeCloseTo(to.y);
    expect(end.z).toBeCloseTo(to.z);
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(0.5)).toBeCloseTo(0.5);
  });
});

describe('readableSheetCamera', () => {
  const work = { x: 1610, y: 482, w: 1260, h: 1448 };
  const options = { inset: 0, minZoom: 0.05, maxZoom: 8, readableZoom: 0.6 };

  it('shows the whole sheet when it reads whole (a tall screen)', () => {
    const tall = { w: 1800, h: 3400 };
    expect(readableSheetCamera(sheet, work, tall, options)).toEqual(fitCamera(sheet, tall, options));
  });

  it('shows the work area whole when that reads', () => {
    const screen = { w: 1400, h: 900 };
    const camera = readableSheetCamera(sheet, work, screen, options);
    expect(camera).toEqual(fitCamera(work, screen, options));
    expect(camera.z).toBeGreaterThanOrEqual(0.6);
  });

  it('on a laptop: readable zoom, the work area’s full width, from just above the zones', () => {
    const laptop = { w: 850, h: 600 };
    const camera = readableSheetCamera(sheet, work, laptop, options);
    expect(camera.z).toBe(0.6);
    const seen = visiblePageBox(camera, laptop);
    expect(seen.y).toBeCloseTo(work.y - 150);
    expect(seen.x).toBeLessThanOrEqual(work.x);
    expect(seen.x + seen.w).toBeGreaterThanOrEqual(work.x + work.w);
  });

  it('never cuts the work area’s sides: a narrow canvas zooms out to its width', () => {
    const narrow = { w: 500, h: 600 };
    const camera = readableSheetCamera(sheet, work, narrow, options);
    expect(camera.z).toBeCloseTo(500 / work.w);
  });
});
