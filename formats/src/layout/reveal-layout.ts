import { NOTE_SIZE, type Point, type Rect, type SheetLayout } from './geometry';
import { packIntoFreeSpace } from './free-space';
import { centreOf, placeOf, zoneAt, type ZoneHit } from './zone-membership';

/** A note written in private, where its author put it (top-left corner, page coordinates). */
export interface WrittenNote extends Point {
  id: string;
  /** When it was last written (ms): notes on the same spot keep the order they were written in. */
  updatedAt?: number;
  /** How much taller than its 200-unit square it is drawn (tldraw's `growY`, at scale 1); 0 if none. */
  growY?: number;
}

export interface RevealedPlace extends Point {
  id: string;
  /** The note's scale: 1, or less when its zone could not hold every note at full size. */
  scale: number;
  /** The zone (and cell) it lies in, for its meta; null outside every zone. */
  hit: ZoneHit | null;
}

/** Smaller than this the text is no longer readable on a projector: the reveal does not shrink further. */
const SCALES = [1, 0.9, 0.8, 0.7, 0.6, 0.5];

/**
 * Where the reveal puts each note. People writing in private choose the same spots, so each
 * note goes into the free space of the zone (or cell) its author dropped it in, in the authors'
 * reading order (top to bottom, then left to right), around what the group already has there:
 * no two notes overlap, each taken at its height (a long text's note is taller, D54). A zone too small for all of them at full size gets them smaller (not
 * below half); whatever still does not fit, and notes outside every zone, stay where they were
 * written.
 */
export function layoutRevealedNotes(
  layout: SheetLayout | null,
  notes: readonly WrittenNote[],
  occupied: readonly Rect[],
): RevealedPlace[] {
  const full = NOTE_SIZE;
  const heightOf = (note: WrittenNote, scale: number) => (full + (note.growY ?? 0)) * scale;
  const hitOf = (note: WrittenNote): ZoneHit | null =>
    layout ? zoneAt(layout, centreOf({ x: note.x, y: note.y, w: full, h: heightOf(note, 1) })) : null;
  const places = new Map<string, RevealedPlace>();
  const groups = new Map<string, { rect: Rect; notes: WrittenNote[] }>();
  for (const note of notes) {
    const hit = hitOf(note);
    const zone = hit && layout?.sheets[hit.sheetIndex]?.zones.find((z) => z.zoneId === hit.zoneId);
    // On a header of a zone with cells the note belongs to no cell: it stays (as the tidy does).
    const rect =
      hit && zone && !(zone.cells.length > 0 && hit.cellId === null) ? placeOf(layout!, hit) : null;
    if (!hit || !rect) {
      places.set(note.id, { id: note.id, x: note.x, y: note.y, scale: 1, hit });
      continue;
    }
    const key = `${hit.stepId}|${hit.zoneId}|${hit.cellId ?? ''}`;
    const group = groups.get(key) ?? { rect, notes: [] };
    group.notes.push(note);
    groups.set(key, group);
  }

  for (const { rect, notes: group } of groups.values()) {
    const ordered = [...group].sort(readingOrder);
    let best: { scale: number; placed: Map<string, Point> } | null = null;
    for (const scale of SCALES) {
      const result = packIntoFreeSpace(
        rect,
        occupied,
        ordered.map((n) => ({ id: n.id, w: full * scale, h: heightOf(n, scale) })),
      );
      best = { scale, placed: new Map(result.placed.map((p) => [p.id, p])) };
      if (result.overflow.length === 0) break;
    }
    for (const note of ordered) {
      const at = best?.placed.get(note.id);
      const scale = best?.scale ?? 1;
      places.set(
        note.id,
        at
          ? {
              id: note.id,
              x: at.x,
              y: at.y,
              scale,
              hit: hitIn(layout, { ...at, w: full * scale, h: heightOf(note, scale) }),
            }
          : { id: note.id, x: note.x, y: note.y, scale: 1, hit: hitOf(note) },
      );
    }
  }
  return notes.map((note) => places.get(note.id)!);
}

function hitIn(layout: SheetLayout | null, box: Rect): ZoneHit | null {
  return layout ? zoneAt(layout, centreOf(box)) : null;
}

/** By the written spot's row (a note's height), then left to right; ties by when written, then id. */
function readingOrder(a: WrittenNote, b: WrittenNote): number {
  const row = Math.floor(a.y / NOTE_SIZE) - Math.floor(b.y / NOTE_SIZE);
  if (row !== 0) return row;
  if (a.x !== b.x) return a.x - b.x;
  if (a.y !== b.y) return a.y - b.y;
  if ((a.updatedAt ?? 0) !== (b.updatedAt ?? 0)) return (a.updatedAt ?? 0) - (b.updatedAt ?? 0);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
