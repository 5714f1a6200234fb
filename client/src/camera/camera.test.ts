import { describe, expect, it } from 'vitest';
import {
  cameraForViewport,
  coarseWindow,
  departsFrom,
  easeInOut,
  fitCamera,
  interpolateCamera,
  readableSheetCamera,
  clearOfHeading,
  showsHeadingWhole,
  SHEET_HEADROOM,
  roundViewport,
  sameBox,
  sameViewport,
  visiblePageBox,
} from './camera';
import type { Camera } from './camera';

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

  it('on a laptop: readable zoom, the work area’s full width, from the top of the zones', () => {
    const laptop = { w: 850, h: 600 };
    const camera = readableSheetCamera(sheet, work, laptop, options);
    expect(camera.z).toBe(0.6);
    const seen = visiblePageBox(camera, laptop);
    // Below the heading (no fragment of the instruction), a strip of the sheet above the zones.
    expect(seen.y).toBeCloseTo(work.y - SHEET_HEADROOM);
    expect(seen.y).toBeGreaterThan(work.y - 36);
    expect(seen.x).toBeLessThanOrEqual(work.x);
    expect(seen.x + seen.w).toBeGreaterThanOrEqual(work.x + work.w);
  });

  it('a canvas showing the work area whole starts it below the heading, not inside it', () => {
    // A tall canvas (a tablet upright): the zones read whole and, centred, would show the
    // instruction's last lines above them, its sides cut.
    const upright = { w: 850, h: 1150 };
    const camera = readableSheetCamera(sheet, work, upright, options);
    const seen = visiblePageBox(camera, upright);
    expect(camera.z).toBeCloseTo(fitCamera(work, upright, options).z);
    expect(seen.y).toBeCloseTo(work.y - SHEET_HEADROOM);
    expect(seen.y + seen.h).toBeGreaterThanOrEqual(work.y + work.h);
  });

  it('keeps the heading out of what the caller shows above the viewport (its menus’ inset)', () => {
    const laptop = { w: 850, h: 600 };
    const camera = readableSheetCamera(sheet, work, laptop, { ...options, above: 56 });
    const seen = visiblePageBox(camera, laptop);
    expect(seen.y - 56 / camera.z).toBeCloseTo(work.y - SHEET_HEADROOM);
    const upright = { w: 850, h: 1150 };
    const tall = readableSheetCamera(sheet, work, upright, { ...options, above: 56 });
    expect(visiblePageBox(tall, upright).y - 56 / tall.z).toBeCloseTo(work.y - SHEET_HEADROOM);
  });

  it('never cuts the work area’s sides: a narrow canvas zooms out to its width', () => {
    const narrow = { w: 500, h: 600 };
    const camera = readableSheetCamera(sheet, work, narrow, options);
    expect(camera.z).toBeCloseTo(500 / work.w);
  });
});

const zoomLimits = { minZoom: 0.05, maxZoom: 8 };

describe('cameraForViewport', () => {
  it('shows the leader’s whole view, centred, in a screen of another shape', () => {
    const view = { x: 1000, y: 500, w: 1600, h: 900 };
    const screen = { w: 800, h: 800 };
    const camera = cameraForViewport(view, screen, zoomLimits);
    expect(camera.z).toBeCloseTo(0.5);
    const seen = visiblePageBox(camera, screen);
    expect(seen.x + seen.w / 2).toBeCloseTo(1800);
    expect(seen.y + seen.h / 2).toBeCloseTo(950);
    expect(seen.w).toBeGreaterThanOrEqual(view.w - 1e-9);
    expect(seen.h).toBeGreaterThanOrEqual(view.h - 1e-9);
  });

  it('the same screen gives back the same viewport', () => {
    const view = { x: -200, y: 40, w: 1280, h: 720 };
    const seen = visiblePageBox(cameraForViewport(view, { w: 1280, h: 720 }, zoomLimits), {
      w: 1280,
      h: 720,
    });
    expect(seen.x).toBeCloseTo(view.x);
    expect(seen.y).toBeCloseTo(view.y);
    expect(seen.w).toBeCloseTo(view.w);
  });

  it('keeps the zoom within limits', () => {
    expect(cameraForViewport({ x: 0, y: 0, w: 10, h: 10 }, { w: 1000, h: 1000 }, zoomLimits).z).toBe(8);
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

describe('a follower stepping away and chasing', () => {
  const screen = { w: 1000, h: 800 };
  const placed = { x: -100, y: -50, z: 1 };
  it('ignores nudges, notices pans and zooms', () => {
    expect(departsFrom(placed, { ...placed, x: -120 }, screen)).toBe(false);
    expect(departsFrom(placed, { ...placed, x: -400 }, screen)).toBe(true);
    expect(departsFrom(placed, { ...placed, z: 1.3 }, screen)).toBe(true);
  });
  it('chases from start to end', () => {
    const to = { x: -900, y: 300, z: 0.5 };
    expect(interpolateCamera(placed, to, screen, 0)).toEqual(placed);
    const end = interpolateCamera(placed, to, screen, 1);
    expect(end.x).toBeCloseTo(to.x);
    expect(end.y).toBeCloseTo(to.y);
    expect(end.z).toBeCloseTo(to.z);
  });
});

describe('coarseWindow', () => {
  const contains = (outer: { x: number; y: number; w: number; h: number }, inner: typeof outer) =>
    outer.x <= inner.x &&
    outer.y <= inner.y &&
    outer.x + outer.w >= inner.x + inner.w &&
    outer.y + outer.h >= inner.y + inner.h;

  it('holds the view, with room around it', () => {
    const view = { x: 130, y: -75, w: 1280, h: 800 };
    const window = coarseWindow(view);
    expect(contains(window, view)).toBe(true);
    expect(window.x).toBeLessThanOrEqual(view.x - 512);
    expect(window.w).toBeLessThan(view.w * 4);
  });

  it('stays the same over a pan of a frame or two, and changes within about a screen', () => {
    const at = (x: number) => coarseWindow({ x, y: 0, w: 5120, h: 3200 });
    // A pan of 30 page units a frame (a fast drag at zoom 0.25): most frames keep the window.
    let changes = 0;
    for (let x = 0; x < 5120; x += 30) if (!sameBox(at(x), at(x + 30))) changes++;
    expect(changes).toBeGreaterThan(0);
    expect(changes).toBeLessThanOrEqual(3);
    for (let x = 0; x < 5120; x += 30) expect(contains(at(x), { x, y: 0, w: 5120, h: 3200 })).toBe(true);
  });

  it('changes with the zoom only past a factor of two', () => {
    const base = coarseWindow({ x: 0, y: 0, w: 1100, h: 700 });
    expect(sameBox(base, coarseWindow({ x: 0, y: 0, w: 1200, h: 760 }))).toBe(true);
    expect(sameBox(base, coarseWindow({ x: 0, y: 0, w: 2400, h: 1500 }))).toBe(false);
  });
});

describe('clearOfHeading', () => {
  // A sheet 1360×1980 with its heading above the zones (as formats lays it out).
  const sheet = { x: 0, y: 0, w: 1360, h: 1980 };
  const work = { x: 80, y: 492, w: 1200, h: 1408 };
  const at = (y: number, z: number): Camera => ({ x: -0, y: -y, z });

  it('moves a view that starts inside the heading down to the zones', () => {
    const viewport = { w: 1300, h: 1000 };
    const seen = visiblePageBox(clearOfHeading(at(300, 0.65), sheet, work, viewport), viewport);
    expect(seen.y).toBe(work.y - SHEET_HEADROOM);
  });

  it('shows the heading whole when the view is as wide as the sheet and tall enough', () => {
    const viewport = { w: 1000, h: 1000 };
    // z 0.5: the view is 2000 tall and as wide, the sheet to the bottom of its zones is 1900.
    const seen = visiblePageBox(clearOfHeading(at(200, 0.5), sheet, work, viewport), viewport);
    expect(seen.y).toBeLessThanOrEqual(sheet.y);
    expect(seen.y + seen.h).toBeGreaterThanOrEqual(work.y + work.h);
  });

  it('leaves a view alone that shows the heading whole or none of it', () => {
    const viewport = { w: 1000, h: 1000 };
    expect(clearOfHeading(at(-10, 0.5), sheet, work, viewport)).toEqual(at(-10, 0.5));
    expect(clearOfHeading(at(485, 0.9), sheet, work, viewport)).toEqual(at(485, 0.9));
  });

  it('starts at the zones when the heading’s sides would be cut, even if it fits in height', () => {
    const viewport = { w: 800, h: 1300 };
    // z 0.65: 1231 wide (the sheet is 1360), 2000 tall.
    const seen = visiblePageBox(clearOfHeading(at(-20, 0.65), sheet, work, viewport), viewport);
    expect(seen.y).toBeGreaterThan(work.y - 36);
    expect(seen.y + seen.h).toBeGreaterThanOrEqual(work.y + work.h);
  });
});

describe('showsHeadingWhole', () => {
  const sheet = { x: 0, y: 0, w: 1360, h: 1980 };
  const work = { x: 80, y: 492, w: 1200, h: 1408 };
  const viewport = { w: 1000, h: 800 };

  it('is true for the whole sheet fitted, and for a view that reads the heading whole', () => {
    expect(showsHeadingWhole(fitCamera(sheet, viewport, limits), sheet, work, viewport)).toBe(true);
    // As wide as the sheet, from its top edge.
    expect(showsHeadingWhole({ x: 0, y: 0, z: 1000 / 1360 }, sheet, work, viewport)).toBe(true);
  });

  it('is false for the step’s view that starts at the zones, and for one that cuts the heading’s sides', () => {
    const atZones = readableSheetCamera(sheet, work, viewport, { ...limits, readableZoom: 0.6 });
    expect(visiblePageBox(atZones, viewport).y).toBeGreaterThan(sheet.y);
    expect(showsHeadingWhole(atZones, sheet, work, viewport)).toBe(false);
    // From the top edge, but narrower than the sheet: the heading's lines are cut at the sides.
    expect(showsHeadingWhole({ x: -100, y: 0, z: 1 }, sheet, work, viewport)).toBe(false);
  });

  it('is true for a sheet without a heading above its zones', () => {
    const bare = { x: 0, y: 0, w: 1000, h: 1000 };
    expect(showsHeadingWhole({ x: 0, y: -500, z: 1 }, bare, bare, viewport)).toBe(true);
  });
});
