import { createShapeId, removeFrame } from 'tldraw';
import type { Editor, TLFrameShape, TLShape, TLShapeId } from 'tldraw';
import { clusterBounds, clusterableNotes, cleanClusterName, readCluster, withClusterName } from './cluster';
import { privateRoundOf } from './note-meta';

type JsonObject = Parameters<typeof withClusterName>[0];

export function isClusterShape(shape: TLShape | undefined): shape is TLFrameShape {
  return shape?.type === 'frame' && readCluster(shape.meta) !== null;
}

/** The selected notes that can be clustered (two or more, none already in a cluster). */
export function clusterableSelection(editor: Editor): TLShape[] {
  // Private notes are clustered after the reveal: a shared frame around them would show them early.
  const selected = editor
    .getSelectedShapes()
    .filter((shape) => privateRoundOf(shape.meta) === null)
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
 * "Cluster": the selected notes go into a new frame around them, named `name`; the frame moves
 * them as one, its title is edited like any frame's, and it can be voted on. One undo step.
 */
export function makeCluster(editor: Editor, name: string): TLShapeId | null {
  const notes = clusterableSelection(editor);
  const boxes = notes
    .map((note) => editor.getShapePageBounds(note.id))
    .filter((box) => box !== undefined)
    .map((box) => ({ x: box.x, y: box.y, w: box.w, h: box.h }));
  const bounds = clusterBounds(boxes);
  if (!bounds || notes.length < 2) return null;
  const id = createShapeId();
  editor.markHistoryStoppingPoint('cluster');
  editor.run(() => {
    editor.createShape<TLFrameShape>({
      id,
      type: 'frame',
      parentId: editor.getCurrentPageId(),
      x: bounds.x,
      y: bounds.y,
      props: { w: bounds.w, h: bounds.h, name: cleanClusterName(name) },
      meta: withClusterName({}, name),
    });
    if (!editor.getShape(id)) return;
    // Above the notes it gathers (they become its children and draw inside it).
    editor.bringToFront([id]);
    editor.reparentShapes(
      notes.map((note) => note.id),
      id,
    );
    editor.select(id);
  });
  return editor.getShape(id) ? id : null;
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
    if (name === (prev as TLFrameShape).props.name && readCluster(next.meta)?.name === cleanClusterName(name))
      return next;
    return { ...next, meta: withClusterName(next.meta as JsonObject, name) };
  });
}
