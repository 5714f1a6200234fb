import { useValue } from 'tldraw';
import type { Editor, TLFrameShape, TLShape, TLShapeId } from 'tldraw';
import { clusterMetaOf } from '@empiria/shared';
import { useBoardEditor } from '../session/board-context';
import type { VoteCandidate } from './vote-view';

/** Notes and clusters on the board, as a vote or a summary sees them (templates left out). */
export function voteCandidates(editor: Editor): VoteCandidate[] {
  const candidates: VoteCandidate[] = [];
  for (const shape of editor.getCurrentPageShapes()) {
    const cluster = shape.type === 'frame' && clusterMetaOf(shape) !== null;
    if (shape.type !== 'note' && !cluster) continue;
    const bounds = editor.getShapePageBounds(shape.id);
    if (!bounds) continue;
    const parent = editor.getShape(shape.parentId as TLShapeId);
    candidates.push({
      id: shape.id,
      kind: cluster ? 'cluster' : 'note',
      inCluster: parent !== undefined && parent.type === 'frame' && clusterMetaOf(parent) !== null,
      centre: { x: bounds.center.x, y: bounds.center.y },
    });
  }
  return candidates;
}

/** What an item says: a note's text, a cluster's name; null when it has none (or is gone). */
export function itemText(editor: Editor, id: string): { kind: 'note' | 'cluster'; text: string } | null {
  const shape: TLShape | undefined = editor.getShape(id as TLShapeId);
  if (!shape) return null;
  if (shape.type === 'frame') {
    const cluster = clusterMetaOf(shape);
    return { kind: 'cluster', text: cluster?.name || (shape as TLFrameShape).props.name };
  }
  const text = editor.getShapeUtil(shape).getText?.(shape) ?? '';
  return { kind: 'note', text: text.replace(/\s+/g, ' ').trim() };
}

/** A reactive read of the editor (null before tldraw mounts). */
export function useEditorValue<T>(
  name: string,
  read: (editor: Editor) => T,
  fallback: T,
  deps: unknown[] = [],
): T {
  const editor = useBoardEditor();
  return useValue(name, () => (editor ? read(editor) : fallback), [editor, ...deps]);
}
