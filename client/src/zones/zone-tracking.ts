import { TEMPLATE_PAGE_ID, zoneAt } from '@empiria/formats';
import type { SheetLayout, ZoneHit } from '@empiria/formats';
import type { Editor, TLNoteShape, TLParentId, TLShape, TLShapeId } from 'tldraw';
import { clusterMetaOf, type NoteZone } from '@empiria/shared';
import { noteCentre, toNoteZone, withNoteZone } from '../notes/zone-meta';
import type { MatLike } from '../notes/zone-meta';

/** Where a note's centre is: its sheet, zone and cell; null off the template page or outside every zone. */
export function noteHit(editor: Editor, layout: SheetLayout, note: TLNoteShape): ZoneHit | null {
  const parent = parentTransform(editor, note.parentId);
  if (parent === undefined) return null;
  return zoneAt(layout, noteCentre(note, parent));
}

/** The zone a note is in now, as its meta records it. */
export function currentNoteZone(editor: Editor, layout: SheetLayout, note: TLNoteShape): NoteZone | null {
  return toNoteZone(noteHit(editor, layout, note));
}

/**
 * Keeps `meta.empiria.zone` of this person's notes up to date: set when a note is created, and
 * whenever it moves, turns or changes size, in the same change as the move itself (so the record
 * is never written twice, and undo restores both together), and those of a cluster this person
 * moves. Others' notes are kept by their own clients; the server's records are not touched.
 */
export function trackNoteZones(editor: Editor, getLayout: () => SheetLayout | null): () => void {
  const place = (note: TLNoteShape): TLNoteShape => {
    const layout = getLayout();
    if (!layout) return note;
    const meta = withNoteZone(note.meta, currentNoteZone(editor, layout, note));
    return meta === note.meta ? note : { ...note, meta };
  };
  const offCreate = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) =>
    source === 'user' && isNote(shape) ? place(shape) : shape,
  );
  const offChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user' || !isNote(next) || !isNote(prev) || !moved(prev, next)) return next;
    return place(next);
  });
  // A cluster dragged elsewhere takes its notes along without changing them: their zones follow
  // in the same change, or the meeting notes would still read them where they were.
  const offCluster = editor.sideEffects.registerAfterChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user' || next.type !== 'frame' || clusterMetaOf(next) === null) return;
    if (prev.x === next.x && prev.y === next.y && prev.parentId === next.parentId) return;
    const updates = editor
      .getSortedChildIdsForParent(next.id)
      .map((id) => editor.getShape(id))
      .filter((child): child is TLNoteShape => child !== undefined && isNote(child))
      .map((note) => ({ note, placed: place(note) }))
      .filter(({ note, placed }) => placed !== note)
      .map(({ placed }) => ({ id: placed.id, type: 'note' as const, meta: placed.meta }));
    if (updates.length > 0) editor.updateShapes(updates);
  });
  return () => {
    offCreate();
    offChange();
    offCluster();
  };
}

function isNote(shape: TLShape): shape is TLNoteShape {
  return shape.type === 'note';
}

function moved(prev: TLNoteShape, next: TLNoteShape): boolean {
  return (
    prev.x !== next.x ||
    prev.y !== next.y ||
    prev.rotation !== next.rotation ||
    prev.parentId !== next.parentId ||
    prev.props.scale !== next.props.scale ||
    prev.props.growY !== next.props.growY
  );
}

/**
 * The page transform of a note's parent: null for the template page itself, undefined when the
 * note is on another page (no zones there).
 */
function parentTransform(editor: Editor, parentId: TLParentId): MatLike | null | undefined {
  if (!parentId.startsWith('shape:')) return parentId === TEMPLATE_PAGE_ID ? null : undefined;
  const parent = editor.getShape(parentId as TLShapeId);
  if (!parent || editor.getAncestorPageId(parent) !== TEMPLATE_PAGE_ID) return undefined;
  return editor.getShapePageTransform(parent);
}
