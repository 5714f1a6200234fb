import type { Viewport } from '@empiria/shared';

/** tldraw's camera: a page point p is drawn at (p + camera.xy) × camera.z in the viewport. */
export interface Camera {
  x: number;
  y: number;
  z: number;
}

export interface ZoomLimits {
  minZoom: number;
  maxZoom: number;
}

/**
 * The camera that shows all of `view` (someone else's viewport, in page coordinates) in a screen
 * of `screen` pixels, centred: the same place, whatever the two screens' sizes.
 */
export function cameraForViewport(
  view: Viewport,
  screen: { w: number; h: number },
  limits: ZoomLimits,
): Camera {
  const raw = Math.min(screen.w / view.w, screen.h / view.h);
  const z = Math.min(limits.maxZoom, Math.max(limits.minZoom, raw));
  return {
    x: screen.w / (2 * z) - (view.x + view.w / 2),
    y: screen.h / (2 * z) - (view.y + view.h / 2),
    z,
  };
}

/** The page area a camera shows in a screen of `screen` pixels. */
export function viewportOf(camera: Camera, screen: { w: number; h: number }): Viewport {
  return { x: -camera.x, y: -camera.y, w: screen.w / camera.z, h: screen.h / camera.z };
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

/**
 * Whether `actual` shows a visibly different place than `placed`: zoomed more than `tolerance`
 * (a share) in or out, or its centre moved by more than `tolerance` of the visible width or
 * height. tldraw's own small nudges (keeping an edited note in view) are not a step away.
 */
export function departed(
  placed: Camera,
  actual: Camera,
  screen: { w: number; h: number },
  tolerance = 0.1,
): boolean {
  if (Math.abs(Math.log(actual.z / placed.z)) > Math.log(1 + tolerance)) return true;
  const a = viewportOf(placed, screen);
  const b = viewportOf(actual, screen);
  return (
    Math.abs(b.x + b.w / 2 - (a.x + a.w / 2)) > a.w * tolerance ||
    Math.abs(b.y + b.h / 2 - (a.y + a.h / 2)) > a.h * tolerance
  );
}

/** One step of a chase: `t` (0…1) of the way from `from` to `to`, the zoom moving geometrically. */
export function chaseCamera(from: Camera, to: Camera, screen: { w: number; h: number }, t: number): Camera {
  const centre = (c: Camera) => ({ x: screen.w / (2 * c.z) - c.x, y: screen.h / (2 * c.z) - c.y });
  const a = centre(from);
  const b = centre(to);
  const z = from.z * Math.pow(to.z / from.z, t);
  return {
    x: screen.w / (2 * z) - (a.x + (b.x - a.x) * t),
    y: screen.h / (2 * z) - (a.y + (b.y - a.y) * t),
    z,
  };
}
