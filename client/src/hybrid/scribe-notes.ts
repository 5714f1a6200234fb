import { createShapeId, toRichText } from 'tldraw';
import type { Editor, TLNoteShape, TLParentId, TLShapeId } from 'tldraw';
import { NOTE_SIZE, TEMPLATE_PAGE_ID, overlaps } from '@empiria/formats';
import type { Rect } from '@empiria/formats';
import { cityNoteColor, templateMetaOf } from '@empiria/shared';
import type { Identity, JsonObject } from '@empiria/shared';
import { placeNote } from './free-slot';
import { scribeNoteMeta } from './room-note-meta';
import type { ScribeTarget } from '../zones/scribe-targets';

export type AddNoteResult =
  { ok: true; id: TLShapeId; overlapping: boolean } | { ok: false; reason: 'read-only' | 'refused' };

/** What lies on the template page already, other than the template itself, in page coordinates. */
function occupiedRects(editor: Editor, area: Rect, except?: TLShapeId): Rect[] {
  const rects: Rect[] = [];
  for (const id of editor.getPageShapeIds(TEMPLATE_PAGE_ID)) {
    if (id === except) continue;
    const shape = editor.getShape(id);
    if (!shape || templateMetaOf(shape) !== null) continue;
    const bounds = editor.getShapePageBounds(shape);
    if (!bounds) continue;
    const rect = { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h };
    if (overlaps(rect, area)) rects.push(rect);
  }
  return rects;
}

/**
 * A sticky note with `text` in the target zone (or cell), in a free place so that it covers no
 * other, in the author's city colour, stamped as written in the room. Nothing else moves. tldraw
 * grows a note for a long text as it creates it: if the grown note then covers another, it is
 * moved once more to a place that fits its real size.
 */
export function addScribeNote(
  editor: Editor,
  target: ScribeTarget,
  text: string,
  author: Identity,
): AddNoteResult {
  return addNoteInTarget(editor, target, text, author, scribeNoteMeta(author, target));
}

/**
 * A sticky note placed as the scribe's are (a free place in the zone or cell, nothing moves), with
 * the given meta (its author and zone; a scribe's also says "written in the room"). A phone's
 * list writes its notes through this too.
 */
export function addNoteInTarget(
  editor: Editor,
  target: ScribeTarget,
  text: string,
  author: Identity,
  meta: JsonObject,
): AddNoteResult {
  if (editor.getIsReadonly()) return { ok: false, reason: 'read-only' };
  const id = createShapeId();
  const place = placeNote(target.rect, occupiedRects(editor, target.rect), { w: NOTE_SIZE, h: NOTE_SIZE });
  editor.markHistoryStoppingPoint('scribe note');
  editor.createShape<TLNoteShape>({
    id,
    type: 'note',
    parentId: TEMPLATE_PAGE_ID as TLParentId,
    x: place.x,
    y: place.y,
    meta,
    props: { richText: toRichText(text), color: cityNoteColor(author.city), scale: place.scale },
  });
  const created = editor.getShape<TLNoteShape>(id);
  if (!created) return { ok: false, reason: 'refused' };

  let overlapping = place.overlapping;
  const bounds = editor.getShapePageBounds(id);
  const planned = NOTE_SIZE * place.scale;
  if (bounds && bounds.h > planned + 1) {
    const others = occupiedRects(editor, target.rect, id);
    const real = { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h };
    if (others.some((rect) => overlaps(rect, real))) {
      const size = { w: bounds.w / place.scale, h: bounds.h / place.scale };
      const again = placeNote(target.rect, others, size, { scales: [place.scale, 0.5] });
      editor.updateShape<TLNoteShape>({
        id,
        type: 'note',
        x: again.x,
        y: again.y,
        props: { scale: again.scale },
      });
      overlapping = again.overlapping;
    }
  }
  return { ok: true, id, overlapping };
}
