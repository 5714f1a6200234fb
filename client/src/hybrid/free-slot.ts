import { overlaps } from '@empiria/formats';
import type { Rect } from '@empiria/formats';

/**
 * Where a new note goes in a zone or cell without covering anything already there: the first
 * free slot of the same grid `tidyZone` lays notes out in (so a tidied zone and a scribe's notes
 * line up), else the first free place beside or below what is there, else — the zone being full
 * at full size — the same at half size (tidy's smallest). Nothing already on the board is moved.
 */
export interface SlotOptions {
  /** Between the area's edge and the notes (tidyZone's default). */
  padding?: number;
  /** Between two notes (tidyZone's default). */
  gap?: number;
  /** The scales tried in turn when no slot is free at full size. */
  scales?: readonly number[];
  /** The step of the fine scan, page units. */
  scanStep?: number;
}

export interface Placement {
  x: number;
  y: number;
  scale: number;
  /** Nowhere free even at the smallest scale: the note covers others (the zone needs tidying). */
  overlapping: boolean;
}

const DEFAULTS = { padding: 12, gap: 10, scales: [1, 0.5], scanStep: 20 };

/** The first free w×h place in `area` (grid first, then next to the others, then a fine scan), or null. */
export function findFreeSlot(
  area: Rect,
  occupied: readonly Rect[],
  size: { w: number; h: number },
  options: Pick<SlotOptions, 'padding' | 'gap' | 'scanStep'> = {},
): { x: number; y: number } | null {
  const { padding, gap, scanStep } = { ...DEFAULTS, ...options };
  const inner = {
    x: area.x + padding,
    y: area.y + padding,
    w: area.w - 2 * padding,
    h: area.h - 2 * padding,
  };
  if (inner.w < size.w || inner.h < size.h) return null;
  // Others in the way, widened by half a gap so that neighbours never touch.
  const blocking = occupied.filter((r) => overlaps(r, area)).map((r) => grow(r, gap / 2));
  const free = (x: number, y: number) => {
    const candidate = grow({ x, y, w: size.w, h: size.h }, gap / 2 - 0.01);
    return !blocking.some((r) => overlaps(candidate, r));
  };

  const columns = Math.floor((inner.w + gap) / (size.w + gap));
  const rows = Math.floor((inner.h + gap) / (size.h + gap));
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const x = inner.x + column * (size.w + gap);
      const y = inner.y + row * (size.h + gap);
      if (free(x, y)) return { x, y };
    }
  }
  // Notes placed by hand (or smaller ones) are off the grid: try right of and below each of
  // them, and against the far edges, top to bottom, left to right.
  const maxX = inner.x + inner.w - size.w;
  const maxY = inner.y + inner.h - size.h;
  const xs = unique([inner.x, maxX, ...blocking.map((r) => r.x + r.w + gap / 2)]).filter((x) => x <= maxX);
  const ys = unique([inner.y, maxY, ...blocking.map((r) => r.y + r.h + gap / 2)]).filter((y) => y <= maxY);
  for (const y of ys) {
    for (const x of xs) {
      if (x >= inner.x && y >= inner.y && free(x, y)) return { x, y };
    }
  }
  for (let y = inner.y; y <= maxY; y += scanStep) {
    for (let x = inner.x; x <= maxX; x += scanStep) {
      if (free(x, y)) return { x, y };
    }
  }
  return null;
}

/**
 * The place for a note of `size` (its full-scale size) in `area`: the first free slot at the
 * largest scale that has one. When even the smallest has none, the last grid slot at the smallest
 * scale, marked `overlapping`: the note is never refused, the scribe is told the zone is full.
 */
export function placeNote(
  area: Rect,
  occupied: readonly Rect[],
  size: { w: number; h: number },
  options: SlotOptions = {},
): Placement {
  const { padding, gap, scales } = { ...DEFAULTS, ...options };
  for (const scale of scales) {
    const slot = findFreeSlot(area, occupied, { w: size.w * scale, h: size.h * scale }, options);
    if (slot) return { ...slot, scale, overlapping: false };
  }
  const scale = scales.at(-1) ?? 1;
  const w = size.w * scale;
  const h = size.h * scale;
  const columns = Math.max(1, Math.floor((area.w - 2 * padding + gap) / (w + gap)));
  const rows = Math.max(1, Math.floor((area.h - 2 * padding + gap) / (h + gap)));
  return {
    x: area.x + padding + (columns - 1) * (w + gap),
    y: area.y + padding + (rows - 1) * (h + gap),
    scale,
    overlapping: true,
  };
}

function unique(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

function grow(rect: Rect, by: number): Rect {
  return { x: rect.x - by, y: rect.y - by, w: rect.w + 2 * by, h: rect.h + 2 * by };
}
