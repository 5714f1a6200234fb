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
