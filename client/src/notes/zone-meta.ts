import { NOTE_SIZE, zoneAt } from '@empiria/formats';
import type { Point, SheetLayout, ZoneHit } from '@empiria/formats';
import { metaWith, noteZoneOf, type JsonObject, type NoteZone } from '@empiria/shared';

/**
 * Which zone of which sheet a sticky note is in, kept in the note's own meta so the summary can
 * read it: `meta.empiria.zone = { stepId, zoneId, cellId? }`, absent outside every zone.
 */

export interface NoteLike {
  x: number;
  y: number;
  rotation: number;
  props: { scale: number; growY: number };
}

/** An affine matrix as tldraw's `Mat`: (x, y) → (a·x + c·y + e, b·x + d·y + f). */
export interface MatLike {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

/** A note's size as tldraw draws it: 200 units square, taller by `growY`, times its scale. */
export function noteSize(note: NoteLike): { w: number; h: number } {
  return { w: NOTE_SIZE * note.props.scale, h: (NOTE_SIZE + note.props.growY) * note.props.scale };
}

/**
 * The note's centre in page coordinates. `x`, `y` and `rotation` are in its parent's space (a
 * frame, when the note sits on an unlocked sheet); `parent` is that parent's page transform, none
 * for a note right on the page.
 */
export function noteCentre(note: NoteLike, parent: MatLike | null): Point {
  const { w, h } = noteSize(note);
  const cos = Math.cos(note.rotation);
  const sin = Math.sin(note.rotation);
  const x = note.x + (cos * w) / 2 - (sin * h) / 2;
  const y = note.y + (sin * w) / 2 + (cos * h) / 2;
  if (!parent) return { x, y };
  return { x: parent.a * x + parent.c * y + parent.e, y: parent.b * x + parent.d * y + parent.f };
}

export function zoneOfPoint(layout: SheetLayout, point: Point): NoteZone | null {
  return toNoteZone(zoneAt(layout, point));
}

export function toNoteZone(hit: ZoneHit | null): NoteZone | null {
  if (!hit) return null;
  return hit.cellId === null
    ? { stepId: hit.stepId, zoneId: hit.zoneId }
    : { stepId: hit.stepId, zoneId: hit.zoneId, cellId: hit.cellId };
}

export function sameZone(a: NoteZone | null, b: NoteZone | null): boolean {
  if (a === null || b === null) return a === b;
  return a.stepId === b.stepId && a.zoneId === b.zoneId && a.cellId === b.cellId;
}

/**
 * The note's meta with `zone` recorded (or removed when null), keeping every other key. Returns
 * the same object when nothing changes, so an unchanged note is not rewritten.
 */
export function withNoteZone(meta: unknown, zone: NoteZone | null): JsonObject {
  // Compared as zones, not as JSON: a zone written with its keys in another order is the same.
  if (sameZone(noteZoneOf({ meta }), zone)) return metaWith(meta, {});
  return metaWith(meta, { zone: zone ?? undefined });
}
