import { NOTE_SIZE, TEMPLATE_PAGE_ID, packIntoFreeSpace, placeOf, tidyZone, zoneAt } from '@empiria/formats';
import type { Rect, SheetLayout, TidyNote } from '@empiria/formats';
import type { Editor, TLNoteShape, TLShape, TLShapeId, TLShapePartial } from 'tldraw';
import { isClusterShape } from '../notes/cluster';
import { noteSize } from '../notes/zone-meta';
import { noteHit } from './zone-tracking';

export interface TidyOutcome {
  /** Notes laid out. */
  tidied: number;
  /** Notes that did not fit even shrunk, left where they were. */
  overflow: number;
}

/** Below this the text of a note is no longer readable on the room display: do not shrink further. */
const MIN_SCALE = 0.5;

/**
 * Lays the notes of one zone out without overlaps (`tidyZone` of @empiria/formats): each cell's
 * notes inside that cell, an area's inside the area below its label. When they do not fit, they
 * are shrunk to fit (not below half size). An area with clusters lays the clusters and the loose
 * notes out as blocks (a cluster's notes stay inside it), so no two clusters overlap. One
 * undoable change.
 */
export function tidyNotesInZone(
  editor: Editor,
  layout: SheetLayout,
  stepId: string,
  zoneId: string,
): TidyOutcome {
  const zone = layout.sheets.find((s) => s.stepId === stepId)?.zones.find((z) => z.zoneId === zoneId);
  if (!zone) return { tidied: 0, overflow: 0 };

  // Clusters are laid out as blocks with the loose notes; their own notes stay inside them.
  const clusters = zone.cells.length === 0 ? clustersIn(editor, layout, stepId, zoneId) : [];
  if (clusters.length > 0) return tidyWithClusters(editor, layout, zone.body, stepId, zoneId, clusters);

  // Where each note goes: its cell, or the zone's body for an area. Notes on a header stay.
  const groups = new Map<string, { rect: Rect; notes: TLNoteShape[] }>();
  for (const id of editor.getPageShapeIds(TEMPLATE_PAGE_ID)) {
    const shape = editor.getShape(id);
    if (!shape || shape.type !== 'note' || shape.isLocked) continue;
    if (isClusterShape(editor.getShape(shape.parentId as TLShapeId))) continue;
    const note = shape as TLNoteShape;
    const hit = noteHit(editor, layout, note);
    if (!hit || hit.stepId !== stepId || hit.zoneId !== zoneId) continue;
    // On a header of a zone with cells the note belongs to no cell: laid out over the whole body
    // it would land on the cells' notes, so it stays where it is.
    if (zone.cells.length > 0 && hit.cellId === null) continue;
    const rect = placeOf(layout, hit);
    if (!rect) continue;
    const key = hit.cellId ?? '';
    const group = groups.get(key) ?? { rect, notes: [] };
    group.notes.push(note);
    groups.set(key, group);
  }

  const updates: TLShapePartial<TLNoteShape>[] = [];
  let overflow = 0;
  for (const { rect, notes } of groups.values()) {
    // Laid out upright: each note's own size, at the corner of what it covers now (for the order).
    const asTidy = (scale: number): TidyNote[] =>
      notes.map((note) => {
        const bounds = editor.getShapePageBounds(note);
        const { w, h } = noteSize(note);
        return { id: note.id, x: bounds?.x ?? note.x, y: bounds?.y ?? note.y, w: w * scale, h: h * scale };
      });
    let scale = 1;
    let result = tidyZone(rect, asTidy(1));
    if (result.overflow.length > 0 && result.fitScale < 1) {
      scale = Math.max(MIN_SCALE, result.fitScale);
      result = tidyZone(rect, asTidy(scale));
    }
    overflow += result.overflow.length;
    for (const place of result.placed) {
      const note = notes.find((n) => n.id === place.id)!;
      const inParent = editor.getPointInParentSpace(note, { x: place.x, y: place.y });
      updates.push({
        id: note.id,
        type: 'note',
        x: inParent.x,
        y: inParent.y,
        rotation: 0,
        ...(scale !== 1 ? { props: { scale: note.props.scale * scale } } : {}),
      });
    }
  }
  if (updates.length > 0) {
    editor.markHistoryStoppingPoint('empiria tidy zone');
    editor.run(() => editor.updateShapes(updates));
  }
  return { tidied: updates.length, overflow };
}

/** The clusters whose centre lies in the zone. */
function clustersIn(editor: Editor, layout: SheetLayout, stepId: string, zoneId: string): TLShape[] {
  return editor.getCurrentPageShapes().filter((shape) => {
    if (!isClusterShape(shape)) return false;
    const bounds = editor.getShapePageBounds(shape.id);
    const hit = bounds ? zoneAt(layout, { x: bounds.center.x, y: bounds.center.y }) : null;
    return hit?.stepId === stepId && hit.zoneId === zoneId;
  });
}

/**
 * A zone with clusters: the clusters (with their notes) and the loose notes laid out as blocks of
 * their own sizes, in reading order, none covering another (`packIntoFreeSpace`). Nothing is
 * shrunk: what does not fit stays where it is.
 */
function tidyWithClusters(
  editor: Editor,
  layout: SheetLayout,
  body: Rect,
  stepId: string,
  zoneId: string,
  clusters: TLShape[],
): TidyOutcome {
  const loose = editor.getCurrentPageShapes().filter((shape) => {
    if (shape.type !== 'note' || shape.isLocked) return false;
    if (isClusterShape(editor.getShape(shape.parentId as TLShapeId))) return false;
    const hit = noteHit(editor, layout, shape as TLNoteShape);
    return hit?.stepId === stepId && hit.zoneId === zoneId;
  });
  const blocks = [...clusters, ...loose]
    .map((shape) => ({ shape, bounds: editor.getShapePageBounds(shape.id)! }))
    .filter((block) => block.bounds !== undefined)
    .sort(
      (a, b) =>
        Math.floor(a.bounds.y / NOTE_SIZE) - Math.floor(b.bounds.y / NOTE_SIZE) || a.bounds.x - b.bounds.x,
    );
  const packed = packIntoFreeSpace(
    body,
    [],
    blocks.map((block) => ({ id: block.shape.id, w: block.bounds.w, h: block.bounds.h })),
  );
  const updates: TLShapePartial[] = packed.placed.map((place) => {
    const { shape } = blocks.find((block) => block.shape.id === place.id)!;
    const inParent = editor.getPointInParentSpace(shape, { x: place.x, y: place.y });
    return { id: shape.id, type: shape.type, x: inParent.x, y: inParent.y, rotation: 0 };
  });
  if (updates.length > 0) {
    editor.markHistoryStoppingPoint('empiria tidy zone');
    editor.run(() => editor.updateShapes(updates));
  }
  return { tidied: updates.length, overflow: packed.overflow.length };
}
