import type { Viewport } from '@empiria/shared';

/**
 * Camera arithmetic in tldraw's convention: a page point p is drawn at screen point
 * (p + camera.xy) × camera.z, relative to the viewport's top-left corner. The one home of it:
 * following a sheet or a leader, a summons, the room display.
 */
export interface Camera {
  x: number;
  y: number;
  z: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Size {
  w: number;
  h: number;
}

export interface FitOptions {
  /** Screen pixels kept free around the box. */
  inset: number;
  minZoom: number;
  maxZoom: number;
}

/** The camera that shows all of `box`, centred, as large as the viewport allows. */
export function fitCamera(box: Box, viewport: Size, options: FitOptions): Camera {
  const freeW = Math.max(1, viewport.w - 2 * options.inset);
  const freeH = Math.max(1, viewport.h - 2 * options.inset);
  const z = clamp(Math.min(freeW / box.w, freeH / box.h), options.minZoom, options.maxZoom);
  return {
    x: viewport.w / (2 * z) - (box.x + box.w / 2),
    y: viewport.h / (2 * z) - (box.y + box.h / 2),
    z,
  };
}

/** The part of the page a camera shows in a viewport of `viewport` screen pixels. */
export function visiblePageBox(camera: Camera, viewport: Size): Box {
  return { x: -camera.x, y: -camera.y, w: viewport.w / camera.z, h: viewport.h / camera.z };
}

/**
 * Whether `actual` shows a visibly different part of the page than `target`: zoomed more than
 * `tolerance` (a share) in or out, or its centre moved by more than `tolerance` of the target's
 * visible width or height. Small nudges (a stray scroll, tldraw keeping an edited note in view)
 * do not count as having looked away.
 */
export function departsFrom(target: Camera, actual: Camera, viewport: Size, tolerance = 0.1): boolean {
  if (Math.abs(Math.log(actual.z / target.z)) > Math.log(1 + tolerance)) return true;
  const a = visiblePageBox(target, viewport);
  const b = visiblePageBox(actual, viewport);
  const dx = Math.abs(b.x + b.w / 2 - (a.x + a.w / 2));
  const dy = Math.abs(b.y + b.h / 2 - (a.y + a.h / 2));
  return dx > a.w * tolerance || dy > a.h * tolerance;
}

/**
 * The camera `t` (0…1) of the way from `from` to `to`, moving the visible centre in a straight
 * line and the zoom geometrically, so the motion reads as one smooth glide.
 */
export function interpolateCamera(from: Camera, to: Camera, viewport: Size, t: number): Camera {
  const centre = (c: Camera) => ({ x: viewport.w / (2 * c.z) - c.x, y: viewport.h / (2 * c.z) - c.y });
  const a = centre(from);
  const b = centre(to);
  const z = from.z * Math.pow(to.z / from.z, t);
  const cx = a.x + (b.x - a.x) * t;
  const cy = a.y + (b.y - a.y) * t;
  return { x: viewport.w / (2 * z) - cx, y: viewport.h / (2 * z) - cy, z };
}

export function easeInOut(t: number): number {
  return t < 0.5 ? 2 * t * t : 1 - Math.pow(-2 * t + 2, 2) / 2;
}

/**
 * The camera that shows all of `view` (someone else's viewport, in page coordinates) in a screen
 * of `screen` pixels, centred: the same place, whatever the two screens' sizes.
 */
export function cameraForViewport(view: Viewport, screen: Size, limits: Omit<FitOptions, 'inset'>): Camera {
  return fitCamera(view, screen, { inset: 0, ...limits });
}

/** Whether two viewports show the same place within `tolerance` of their size (for throttling). */
export function sameViewport(a: Viewport | null, b: Viewport | null, tolerance = 0.002): boolean {
  if (!a || !b) return a === b;
  const scale = Math.max(a.w, a.h, 1) * tolerance;
  return (
    Math.abs(a.x - b.x) <= scale &&
    Math.abs(a.y - b.y) <= scale &&
    Math.abs(a.w - b.w) <= scale &&
    Math.abs(a.h - b.h) <= scale
  );
}

/** Rounded to whole page units: what goes into awareness and the control document. */
export function roundViewport(view: Viewport): Viewport {
  return {
    x: Math.round(view.x),
    y: Math.round(view.y),
    w: Math.max(1, Math.round(view.w)),
    h: Math.max(1, Math.round(view.h)),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * Page units of the sheet shown above its zones when the view starts at them: a strip of the
 * sheet, so the first zone's outline is not flush with the view's edge. Less than the layout's
 * gap between the instruction and the zones (36, formats' sheet-layout), so no heading text.
 */
export const SHEET_HEADROOM = 12;

/**
 * The camera for a sheet on a screen too small to show it whole and readable — a 68×99 sheet
 * on a laptop is ~6 px text when whole. In order: the whole sheet if it reads at `readableZoom`
 * or more; else its work area (the zones) whole, if that reads; else the work area's full width
 * at `readableZoom` (or less, if the width needs it) from the top of the zones — they fill from
 * the top (a reveal, the scribe, "tidy") — the rest a scroll away.
 *
 * The sheet's heading (its title and instruction, above the work area; the step panel repeats
 * them) is on screen whole or not at all: a view that would start inside it, or cut its sides,
 * starts at the zones instead (`clearOfHeading`). A heading cut into fragments reads as noise.
 * `above` is the screen pixels the caller shows of the page above `viewport` (its top inset,
 * where the menus and banners are): the heading is kept out of them too.
 */
export function readableSheetCamera(
  sheet: Box,
  work: Box,
  viewport: Size,
  options: FitOptions & { readableZoom: number; above?: number },
): Camera {
  const whole = fitCamera(sheet, viewport, options);
  if (whole.z >= options.readableZoom) return whole;
  const above = options.above ?? 0;
  const area = fitCamera(work, viewport, options);
  if (area.z >= options.readableZoom) return clearOfHeading(area, sheet, work, viewport, above);
  const freeW = Math.max(1, viewport.w - 2 * options.inset);
  const z = clamp(Math.min(options.readableZoom, freeW / work.w), options.minZoom, options.maxZoom);
  return {
    x: viewport.w / (2 * z) - (work.x + work.w / 2),
    // The screen's top edge (`above` higher than the viewport's) at the zones.
    y: (options.inset - above) / z - Math.max(sheet.y, work.y - SHEET_HEADROOM),
    z,
  };
}

/**
 * `camera` (showing the work area whole) moved up or down so the sheet's heading — the band of
 * the sheet above `work` — is on screen whole or not at all, counting the `above` screen pixels
 * the caller shows above `viewport`. Whole if the view is as wide as the sheet and tall enough
 * for the heading and the work area together; otherwise the screen starts at the zones (what
 * the caller shows above `viewport` included: the end of the work area may then be a scroll away).
 */
export function clearOfHeading(camera: Camera, sheet: Box, work: Box, viewport: Size, above = 0): Camera {
  const seen = visiblePageBox(camera, viewport);
  const band = above / camera.z;
  const screenTop = seen.y - band;
  const headingBottom = work.y - SHEET_HEADROOM;
  if (headingBottom <= sheet.y || screenTop >= headingBottom) return camera;
  const wide = seen.w >= sheet.w;
  if (wide && seen.y <= sheet.y) return camera;
  const span = work.y + work.h - sheet.y;
  // Whole, centred with the work area; or the screen's top edge at the zones.
  const top = wide && seen.h >= span ? sheet.y + span / 2 - seen.h / 2 : headingBottom + band;
  return { ...camera, y: -top };
}

/**
 * Whether `camera` shows the sheet's heading (the band of the sheet above `work`) whole in
 * `viewport`. A view that does not still shows its last lines in the screen above the viewport —
 * the band of menus and banners, where `readableSheetCamera` leaves the heading out — so the
 * caller hides it there while it keeps that view (camera-follower.ts).
 */
export function showsHeadingWhole(camera: Camera, sheet: Box, work: Box, viewport: Size): boolean {
  const headingBottom = work.y - SHEET_HEADROOM;
  if (headingBottom <= sheet.y) return true;
  const seen = visiblePageBox(camera, viewport);
  const tolerance = 0.5 / camera.z;
  return (
    seen.y <= sheet.y + tolerance &&
    seen.y + seen.h >= headingBottom - tolerance &&
    seen.x <= sheet.x + tolerance &&
    seen.x + seen.w >= sheet.x + sheet.w - tolerance
  );
}

/**
 * A box around the visible part of the page that stays the same while the view moves a little:
 * the view snapped outward to a grid of tiles half the view's larger side (a power of two, so a
 * zoom changes it only past a factor of two), plus one tile around. Overlays that draw per
 * note read it instead of the viewport, and re-render every half screen of panning, not every
 * frame; what they draw outside the view is off screen.
 */
export function coarseWindow(view: Box): Box {
  const tile = Math.pow(2, Math.ceil(Math.log2(Math.max(view.w, view.h, 1) / 2)));
  const minX = (Math.floor(view.x / tile) - 1) * tile;
  const minY = (Math.floor(view.y / tile) - 1) * tile;
  const maxX = (Math.ceil((view.x + view.w) / tile) + 1) * tile;
  const maxY = (Math.ceil((view.y + view.h) / tile) + 1) * tile;
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

export function sameBox(a: Box, b: Box): boolean {
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
}
