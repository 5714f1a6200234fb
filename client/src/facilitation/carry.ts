import {
  TEMPLATE_PAGE_ID,
  cardFields,
  occupiedRects,
  planCarry,
  planWinnersCarry,
  zoneAt,
} from '@empiria/formats';
import type { CarryItem, CarryPlan, FormatDefinition, SheetLayout, ZoneRef } from '@empiria/formats';
import {
  carriedOf,
  clusterMetaOf,
  metaWith,
  noteAuthorOf,
  noteZoneOf,
  privateRoundOf,
} from '@empiria/shared';
import type { CarryStop, JsonObject, RankingEntry } from '@empiria/shared';
import { createShapeId, toRichText } from 'tldraw';
import type { Editor, TLNoteShape, TLShape, TLShapeId, TLTextShape } from 'tldraw';
import { fieldKey, fieldTextShape, filledFields } from '../notes/card-field-texts';
import { isClusterShape } from '../notes/cluster';
import { withAuthor } from '../notes/note-meta';

export interface CarryOutcome {
  /** Notes and clusters moved, and notes made to name a winner. */
  carried: number;
  /** What found no room (or no row) on the next sheet and stayed where it was. */
  left: number;
}

/**
 * Carrying the group's material on to the next step's sheet, in one change everyone receives at
 * once (one Yjs update, applied whole or refused whole by the server) and one Ctrl+Z for the
 * person who did it. The lead's own client writes it, like tidying: the notes are the group's,
 * ordinary records every member may move, so the server has nothing to hold back or to check
 * beyond its record rules. Where things go is `planCarry` / `planWinnersCarry` (pure, formats).
 */

/** A note's or a cluster's place, as its meta says, else as its centre says. */
function placeOf(editor: Editor, layout: SheetLayout, shape: TLShape): ZoneRef | null {
  const zone = noteZoneOf(shape);
  if (shape.type === 'note' && zone)
    return { stepId: zone.stepId, zoneId: zone.zoneId, cellId: zone.cellId ?? null };
  const bounds = editor.getShapePageBounds(shape.id);
  const hit = bounds ? zoneAt(layout, { x: bounds.center.x, y: bounds.center.y }) : null;
  return hit ? { stepId: hit.stepId, zoneId: hit.zoneId, cellId: hit.cellId } : null;
}

function textOf(editor: Editor, shape: TLShape): string {
  if (isClusterShape(shape)) return clusterMetaOf(shape)?.name || shape.props.name;
  return (editor.getShapeUtil(shape).getText?.(shape) ?? '').replace(/\s+/g, ' ').trim();
}

/** A shape as the carry sees it; null for what is not the group's carriable material. */
function itemOf(editor: Editor, layout: SheetLayout, shape: TLShape): CarryItem | null {
  const cluster = isClusterShape(shape);
  if (shape.type !== 'note' && !cluster) return null;
  // Private notes go public only by the reveal.
  if (privateRoundOf(shape) !== null) return null;
  const bounds = editor.getShapePageBounds(shape.id);
  if (!bounds) return null;
  const parent = editor.getShape(shape.parentId as TLShapeId);
  const item: CarryItem = {
    id: shape.id,
    kind: cluster ? 'cluster' : 'note',
    bounds: { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h },
    zone: placeOf(editor, layout, shape),
    text: textOf(editor, shape),
  };
  if (isClusterShape(parent)) item.cluster = textOf(editor, parent);
  return item;
}

/**
 * Everything the group put on a step's sheet: its loose notes and its clusters (a cluster's notes
 * travel inside it). Empty notes are left: they are nobody's words yet.
 */
export function sheetItems(editor: Editor, layout: SheetLayout, stepId: string): CarryItem[] {
  const items: CarryItem[] = [];
  for (const id of editor.getSortedChildIdsForParent(TEMPLATE_PAGE_ID)) {
    const shape = editor.getShape(id);
    if (!shape) continue;
    const item = itemOf(editor, layout, shape);
    if (!item || item.zone?.stepId !== stepId) continue;
    if (item.kind === 'note' && !item.text) continue;
    items.push(item);
  }
  return items;
}

/** The selected notes and clusters (a note inside a selected cluster goes with it). */
export function selectedItems(editor: Editor, layout: SheetLayout): CarryItem[] {
  const selected = editor.getSelectedShapes();
  const clusters = new Set(selected.filter(isClusterShape).map((shape) => shape.id));
  return selected
    .filter((shape) => !clusters.has(shape.parentId as TLShapeId))
    .map((shape) => itemOf(editor, layout, shape))
    .filter((item): item is CarryItem => item !== null);
}

/** The voted items still on the board, for the winners' carry. */
export function rankedItems(
  editor: Editor,
  layout: SheetLayout,
  ranking: readonly RankingEntry[],
): CarryItem[] {
  return ranking
    .map((entry) => editor.getShape(entry.targetId as TLShapeId))
    .filter((shape): shape is TLShape => shape !== undefined)
    .map((shape) => itemOf(editor, layout, shape))
    .filter((item): item is CarryItem => item !== null);
}

/** Moves `items` onto `toStepId`'s sheet. */
export function carryItems(
  editor: Editor,
  layout: SheetLayout,
  format: FormatDefinition,
  toStepId: string,
  items: readonly CarryItem[],
): CarryOutcome | null {
  const plan = planCarry({ layout, format, toStepId, items, occupied: pageMaterial(editor) });
  return plan ? apply(editor, layout, plan, items) : null;
}

/** Names a closed vote's winners on `toStepId`'s sheet (step 5's rows). */
export function carryWinners(
  editor: Editor,
  layout: SheetLayout,
  format: FormatDefinition,
  toStepId: string,
  ranking: readonly RankingEntry[],
): CarryOutcome | null {
  // Winners already named on that sheet are not named twice.
  const named = carriedWinnerIds(editor, toStepId);
  const fresh = ranking.filter((entry) => !named.has(entry.targetId));
  const items = rankedItems(editor, layout, fresh);
  const plan = planWinnersCarry({
    layout,
    format,
    toStepId,
    ranking: fresh,
    items,
    occupied: pageMaterial(editor),
  });
  return plan ? apply(editor, layout, plan, items) : null;
}

/** The items a note on `stepId`'s sheet already names (a winner carried there before). */
export function carriedWinnerIds(editor: Editor, stepId: string): Set<string> {
  const ids = new Set<string>();
  for (const shape of editor.getCurrentPageShapes()) {
    if (shape.type !== 'note') continue;
    const zone = noteZoneOf(shape);
    const copy = carriedOf(shape)?.copyOf;
    if (copy && zone?.stepId === stepId) ids.add(copy.id);
  }
  return ids;
}

/** The rectangles the group's material covers, from the store's records. */
function pageMaterial(editor: Editor) {
  return occupiedRects(editor.getCurrentPageShapes());
}

/** `meta` with `empiria.zone` set and `stop` added to `empiria.carried.from`. */
function withCarry(meta: unknown, zone: ZoneRef, stop: CarryStop | null): JsonObject {
  const carried = carriedOf({ meta }) ?? { from: [] };
  const from = stop ? [...carried.from, stop].slice(-50) : carried.from;
  return metaWith(meta, {
    zone: { stepId: zone.stepId, zoneId: zone.zoneId, ...(zone.cellId ? { cellId: zone.cellId } : {}) },
    carried: { ...carried, from },
  });
}

function apply(
  editor: Editor,
  layout: SheetLayout,
  plan: CarryPlan,
  items: readonly CarryItem[],
): CarryOutcome {
  // A card's field that already holds an answer keeps it.
  const filled = filledFields(editor);
  const fields =
    plan.target.kind === 'cells' && plan.target.fields ? cardFields(layout, plan.target.stepId) : [];
  const copies = plan.copies.filter((copy) => {
    const field = fields.find((f) => f.cellId === copy.zone.cellId);
    return !field || !filled.has(fieldKey(field));
  });
  const outcome = {
    carried: plan.moves.length + copies.length,
    left: plan.overflow.length + plan.copies.length - copies.length,
  };
  if (outcome.carried === 0) return outcome;
  editor.markHistoryStoppingPoint('empiria carry');
  editor.run(() => {
    for (const move of plan.moves) {
      const shape = editor.getShape(move.id as TLShapeId);
      if (!shape) continue;
      // Out of a cluster it was carried without: onto the page, where page coordinates hold.
      if (shape.parentId !== TEMPLATE_PAGE_ID) editor.reparentShapes([shape.id], TEMPLATE_PAGE_ID);
      editor.updateShape({
        id: shape.id,
        type: shape.type,
        x: move.x,
        y: move.y,
        rotation: 0,
        meta: withCarry(shape.meta, move.zone, move.leaves),
      });
      if (!isClusterShape(shape)) continue;
      // A cluster's notes go with it; each remembers the cluster it was in and where.
      const name = items.find((item) => item.id === move.id)?.text;
      for (const childId of editor.getSortedChildIdsForParent(shape.id)) {
        const child = editor.getShape(childId);
        if (!child || child.type !== 'note') continue;
        const was = move.leaves ? { ...move.leaves, cluster: name } : null;
        editor.updateShape({ id: child.id, type: 'note', meta: withCarry(child.meta, move.zone, was) });
      }
    }
    for (const copy of copies) {
      const carried = { from: copy.from, copyOf: copy.copyOf };
      const field = fields.find((f) => f.cellId === copy.zone.cellId);
      if (field) {
        const shape = fieldTextShape(field, copy.text);
        editor.createShape<TLTextShape>({ ...shape, meta: metaWith(shape.meta, { carried }) });
        continue;
      }
      // The winner's name stays its author's words (a cluster's name is nobody's in particular).
      const source = editor.getShape(copy.sourceId as TLShapeId);
      const author = source?.type === 'note' ? noteAuthorOf(source) : null;
      const meta = withCarry(author ? withAuthor({}, author) : {}, copy.zone, null);
      editor.createShape<TLNoteShape>({
        id: createShapeId(),
        type: 'note',
        parentId: TEMPLATE_PAGE_ID,
        x: copy.x,
        y: copy.y,
        // White: a title for the row, not one city's note.
        props: { richText: toRichText(copy.text), color: 'white' },
        meta: metaWith(meta, { carried }),
      });
    }
    // What was selected has gone to the next sheet (or lent it its words): nothing is left to act on here.
    editor.selectNone();
  });
  return outcome;
}
