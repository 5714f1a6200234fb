import { createShapeId, startEditingShapeWithRichText, toRichText } from 'tldraw';
import type { Editor, TLNoteShape, TLShape, TLShapeId, VecLike } from 'tldraw';
import { NOTE_SIZE } from '@empiria/formats';
import { carriedOf, cityNoteColor, metaWith, noteAuthorOf } from '@empiria/shared';
import type { Identity } from '@empiria/shared';
import { withAuthor } from '../notes/note-meta';
import { gridPositions, linesToNotes } from './paste-notes';

/**
 * Every sticky note this person makes (note tool, the N key, paste, duplicate) is stamped with
 * its author (`meta.empiria.author`) and takes the author's city colour; a copy of someone else's
 * note keeps its author, a carried winner's name (`carry.ts`) its white and its own author. During private writing it is also marked private, which keeps it out of
 * the shared document (facilitation/private-notes.ts).
 */
export function bindNoteCreation(
  editor: Editor,
  identity: Identity,
  privateRound: () => string | null,
): () => void {
  const author = { id: identity.id, name: identity.name, city: identity.city };
  const color = cityNoteColor(identity.city);
  return editor.sideEffects.registerBeforeCreateHandler('shape', (shape: TLShape, source) => {
    if (source !== 'user' || shape.type !== 'note') return shape;
    const note = shape as TLNoteShape;
    // A carried winner's name keeps the colour the carry gave it: a row's title, not a city's note.
    const carriedCopy = carriedOf(note)?.copyOf !== undefined;
    const ours = noteAuthorOf(note) === null && !carriedCopy;
    // A carried copy is signed by whoever wrote what it stands for (carry.ts), or by nobody: a
    // cluster's name is the group's, not the carrier's.
    let meta = carriedCopy ? metaWith(note.meta, {}) : withAuthor(note.meta, author);
    const round = privateRound();
    if (round) meta = metaWith(meta, { private: round });
    return { ...note, meta, props: ours ? { ...note.props, color } : note.props } as TLShape;
  });
}

function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * N with the pointer over the canvas makes a sticky note right there, ready to type into: one
 * key instead of tldraw's "N, then click". With the pointer elsewhere (or not yet seen), N stays
 * tldraw's note tool, so nothing people already know changes.
 */
export function bindQuickNote(editor: Editor, mayWrite: () => boolean): () => void {
  const pointer = trackPointer(editor);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'n' && event.key !== 'N') return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || event.repeat) return;
    if (!pointer.inside() || !mayWrite() || editor.getIsReadonly() || editor.getEditingShapeId()) return;
    if (isTextTarget(event.target) || isTextTarget(document.activeElement)) return;
    if (!editor.isIn('select.idle') && !editor.isIn('note.idle') && !editor.isIn('hand.idle')) return;
    event.preventDefault();
    event.stopPropagation();
    const point = editor.inputs.getCurrentPagePoint();
    createNoteAt(editor, point, { edit: true });
  };
  window.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    pointer.stop();
    window.removeEventListener('keydown', onKeyDown, { capture: true });
  };
}

/** Whether the pointer is over the canvas now (tldraw keeps its last position even when it left). */
function trackPointer(editor: Editor): { inside: () => boolean; stop: () => void } {
  const container = editor.getContainer();
  let inside = false;
  const onMove = () => (inside = true);
  const onLeave = () => (inside = false);
  container.addEventListener('pointermove', onMove);
  container.addEventListener('pointerleave', onLeave);
  return {
    inside: () => inside,
    stop: () => {
      container.removeEventListener('pointermove', onMove);
      container.removeEventListener('pointerleave', onLeave);
    },
  };
}

/** A note centred on `point` (page coordinates); stamped by `bindNoteCreation` like any other. */
export function createNoteAt(
  editor: Editor,
  point: VecLike,
  options: { text?: string; edit?: boolean } = {},
): TLShapeId {
  const id = createShapeId();
  editor.markHistoryStoppingPoint('quick note');
  editor.createShape<TLNoteShape>({
    id,
    type: 'note',
    x: point.x - NOTE_SIZE / 2,
    y: point.y - NOTE_SIZE / 2,
    props: options.text ? { richText: toRichText(options.text) } : {},
  });
  if (!editor.getShape(id)) return id;
  editor.setCurrentTool('select');
  editor.select(id);
  if (options.edit) startEditingShapeWithRichText(editor, id);
  return id;
}

/**
 * Pasted plain text becomes sticky notes, one per line, in a grid around the pointer (or the
 * middle of the view): a list from an e-mail turns into notes at once. Rich content (tldraw's own
 * shapes, images, links) keeps tldraw's handling.
 */
export function bindPasteToNotes(
  editor: Editor,
  mayWrite: () => boolean,
  onPasted: (count: number) => void,
): () => void {
  const pointer = trackPointer(editor);
  editor.registerExternalContentHandler('text', async ({ point, text }) => {
    if (!mayWrite()) return;
    const lines = linesToNotes(text);
    if (lines.length === 0) return;
    // Where it was dropped, else at the pointer when it is over the canvas, else mid-view.
    const view = editor.getViewportPageBounds();
    const wanted = point ?? (pointer.inside() ? editor.inputs.getCurrentPagePoint() : view.center);
    const positions = gridPositions(lines.length, view.containsPoint(wanted) ? wanted : view.center);
    const ids = lines.map(() => createShapeId());
    editor.markHistoryStoppingPoint('paste notes');
    editor.createShapes<TLNoteShape>(
      lines.map((line, i) => ({
        id: ids[i],
        type: 'note',
        x: positions[i]!.x,
        y: positions[i]!.y,
        props: { richText: toRichText(line) },
      })),
    );
    const made = ids.filter((id) => editor.getShape(id));
    editor.select(...made);
    onPasted(made.length);
  });
  // tldraw has no "unregister": the board's canvas unmounts with the editor.
  return () => pointer.stop();
}
