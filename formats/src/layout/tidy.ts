import { NOTE_SIZE, type Rect } from './geometry';
import { centreOf } from './zone-membership';

export interface TidyNote extends Rect {
  id: string;
}

export interface TidyOptions {
  /** Between the zone's edge and the notes. */
  padding?: number;
  /** Between two notes. */
  gap?: number;
}

export interface TidyResult {
  /** New top-left corners, in reading order, for the notes that fit. */
  placed: Array<{ id: string; x: number; y: number }>;
  /** Notes that did not fit, in reading order; left where they are. */
  overflow: string[];
  /**
   * The largest scale (at most 1) at which every note would fit: below 1 only with an overflow.
   * The client may shrink the notes by it and tidy again.
   */
  fitScale: number;
}

const DEFAULTS = { padding: 12, gap: 10 };

/**
 * Lays the notes out in a grid inside `zone` (a zone, a cell, any rectangle in page coordinates),
 * row by row, keeping their reading order: by the row their centre is in, then left to right.
 * Every slot has the size of the largest note, so no two notes overlap. Deterministic: ties break
 * by id.
 */
export function tidyZone(zone: Rect, notes: readonly TidyNote[], options: TidyOptions = {}): TidyResult {
  const { padding, gap } = { ...DEFAULTS, ...options };
  if (notes.length === 0) return { placed: [], overflow: [], fitScale: 1 };
  const slotW = Math.max(...notes.map((n) => n.w));
  const slotH = Math.max(...notes.map((n) => n.h));
  const columns = Math.max(0, Math.floor((zone.w - 2 * padding + gap) / (slotW + gap)));
  const rows = Math.max(0, Math.floor((zone.h - 2 * padding + gap) / (slotH + gap)));
  const capacity = columns * rows;

  const ordered = [...notes].sort((a, b) => compareReading(a, b, zone.y, slotH));
  const placed = ordered.slice(0, capacity).map((note, i) => ({
    id: note.id,
    x: zone.x + padding + (i % columns) * (slotW + gap),
    y: zone.y + padding + Math.floor(i / columns) * (slotH + gap),
  }));
  const overflow = ordered.slice(capacity).map((note) => note.id);
  const fitScale = overflow.length === 0 ? 1 : scaleToFit(zone, notes.length, slotW, slotH, padding, gap);
  return { placed, overflow, fitScale };
}

/** How many notes of `size` a rectangle holds in a tidy grid. */
export function noteCapacity(zone: Rect, size = NOTE_SIZE, options: TidyOptions = {}): number {
  const { padding, gap } = { ...DEFAULTS, ...options };
  const fit = (length: number) => Math.max(0, Math.floor((length - 2 * padding + gap) / (size + gap)));
  return fit(zone.w) * fit(zone.h);
}

function compareReading(a: TidyNote, b: TidyNote, top: number, rowHeight: number): number {
  const ca = centreOf(a);
  const cb = centreOf(b);
  const row = Math.floor((ca.y - top) / rowHeight) - Math.floor((cb.y - top) / rowHeight);
  if (row !== 0) return row;
  if (ca.x !== cb.x) return ca.x - cb.x;
  if (ca.y !== cb.y) return ca.y - cb.y;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function scaleToFit(zone: Rect, count: number, w: number, h: number, padding: number, gap: number): number {
  let best = 0;
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    const sx = (zone.w - 2 * padding - (columns - 1) * gap) / (columns * w);
    const sy = (zone.h - 2 * padding - (rows - 1) * gap) / (rows * h);
    best = Math.max(best, Math.min(sx, sy));
  }
  // Rounded down, so that notes scaled by it and tidied again surely fit.
  return Math.max(0, Math.min(1, Math.floor(best * 1000) / 1000));
}
