import { createShapeId, removeFrame } from 'tldraw';
import type { Editor, TLFrameShape, TLShape, TLShapeId } from 'tldraw';
import { occupiedRects, placeOf, planCluster, zoneAt } from '@empiria/formats';
import type { SheetLayout } from '@empiria/formats';
import { clusterMetaOf, privateRoundOf } from '@empiria/shared';
import {
  clusterableNotes,
  cleanClusterName,
  isClusterShape,
  withClusterName,
  type Box,
} from '../notes/cluster';

/** The selected notes that can be clustered (two or more, none already in a cluster). */
export function clusterableSelection(editor: Editor): TLShape[] {
  // Private notes are clustered after the reveal: a shared frame around them would show them early.
  const selected = editor
    .getSelectedShapes()
    .filter((shape) => privateRoundOf(shape) === null)
    .map((shape) => ({
      ...shape,
      parentIsCluster: isClusterShape(editor.getShape(shape.parentId as TLShapeId)),
    }));
  return clusterableNotes(selected);
}

/** The selected clusters. */
export function selectedClusters(editor: Editor): TLFrameShape[] {
  return editor.getSelectedShapes().filter(isClusterShape);
}

/**
 * "Cluster": the selected notes go into a new frame, named `name`; the frame moves them as one,
 * its title is edited like any frame's, and it can be voted on. The notes are gathered into a
 * compact grid and the frame goes to the free spot of their zone nearest to where they were
 * (`planCluster`), so clusters never overlap and no frame covers a note that is not in it. One
 * undo step.
 */
export function makeCluster(
  editor: Editor,
  name: string,
  layout: SheetLayout | null = null,
): TLShapeId | null {
  const notes = clusterableSelection(editor);
  if (notes.length < 2) return null;
  const boxes = notes
    .map((note) => ({ id: note.id, box: editor.getShapePageBounds(note.id) }))
    .filter((entry) => entry.box !== undefined)
    .map(({ id, box }) => ({ id, x: box!.x, y: box!.y, w: box!.w, h: box!.h }));
  const gathered = new Set<string>(boxes.map((box) => box.id));
  const obstacles = occupiedRects(editor.getCurrentPageShapes()).filter((rect) => !gathered.has(rect.id));
  const plan = planCluster(boxes, zoneRectOf(layout, boxes), obstacles);
  if (!plan) return null;
  const id = createShapeId();
  editor.markHistoryStoppingPoint('cluster');
  editor.run(() => {
    editor.createShape<TLFrameShape>({
      id,
      type: 'frame',
      parentId: editor.getCurrentPageId(),
      x: plan.frame.x,
      y: plan.frame.y,
      props: { w: plan.frame.w, h: plan.frame.h, name: cleanClusterName(name) },
      meta: withClusterName({}, name),
    });
    if (!editor.getShape(id)) return;
    // Above the notes it gathers (they become its children and draw inside it).
    editor.bringToFront([id]);
    editor.reparentShapes(
      notes.map((note) => note.id),
      id,
    );
    // Children's coordinates are the frame's.
    editor.updateShapes(
      plan.notes.map((place) => ({
        id: place.id as TLShapeId,
        type: 'note',
        x: place.x - plan.frame.x,
        y: place.y - plan.frame.y,
        rotation: 0,
      })),
    );
    editor.select(id);
  });
  return editor.getShape(id) ? id : null;
}

/** The body of the zone (or cell) under the notes' middle, where the cluster must stay. */
function zoneRectOf(layout: SheetLayout | null, boxes: readonly Box[]): Box | null {
  if (!layout || boxes.length === 0) return null;
  const x = boxes.reduce((sum, b) => sum + b.x + b.w / 2, 0) / boxes.length;
  const y = boxes.reduce((sum, b) => sum + b.y + b.h / 2, 0) / boxes.length;
  const hit = zoneAt(layout, { x, y });
  return hit ? placeOf(layout, hit) : null;
}

/** "Ungroup": the notes go back onto the page where they are, the cluster's frame goes. */
export function ungroupClusters(editor: Editor): void {
  const clusters = selectedClusters(editor);
  if (clusters.length === 0) return;
  const children = clusters.flatMap((cluster) => editor.getSortedChildIdsForParent(cluster.id));
  editor.markHistoryStoppingPoint('ungroup');
  removeFrame(
    editor,
    clusters.map((cluster) => cluster.id),
  );
  editor.select(...children.filter((id) => editor.getShape(id)));
}

/** Keeps `meta.empiria.cluster.name` equal to the frame's visible title when someone renames it. */
export function bindClusterNames(editor: Editor): () => void {
  return editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user' || next.type !== 'frame' || !isClusterShape(next)) return next;
    const name = (next as TLFrameShape).props.name;
    if (name === (prev as TLFrameShape).props.name && clusterMetaOf(next)?.name === cleanClusterName(name))
      return next;
    return { ...next, meta: withClusterName(next.meta, name) };
  });
}
