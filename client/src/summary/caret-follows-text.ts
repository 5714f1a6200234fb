import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { placeCaretByContext } from './caret-context';

/**
 * The caret stays in the person's own text while someone else edits the note.
 *
 * y-tiptap restores the local selection after a remote change from Yjs relative positions, then
 * second-guesses them: when the caret's paragraph text changed (it always does when two people
 * type into it), it looks for a paragraph by content and keeps the old offset. After a remote
 * Enter before the caret that picks the first half of the split paragraph, so the next words
 * typed land before the other person's new paragraph (a sentence split in two).
 *
 * This plugin decides instead, for each end of the selection, after every change that did not
 * come from this editor:
 * - the character just before it still exists: the Yjs relative position is exact, use it;
 * - that character was deleted by the change (a split, a join or a re-draft moves text by
 *   deleting and inserting it): find the same surroundings in the new text (`placeCaretByContext`).
 */

const key = new PluginKey('empiriaCaretFollowsText');

interface Endpoint {
  abs: number;
  rel: Y.RelativePosition;
  /** The character the relative position hangs on was deleted by the change being applied. */
  lost: boolean;
}

interface Before {
  doc: ProseMirrorNode;
  anchor: Endpoint;
  head: Endpoint;
}

type Binding = { mapping: Map<unknown, unknown>; type: Y.XmlFragment; doc: Y.Doc };

const bindingOf = (state: EditorState): Binding | null =>
  (ySyncPluginKey.getState(state) as { binding?: Binding } | undefined)?.binding ?? null;

export function caretFollowsTextPlugin(fragment: Y.XmlFragment): Plugin {
  const ydoc = fragment.doc!;
  let before: Before | null = null;
  let current: (() => EditorState) | null = null;

  const endpoint = (binding: Binding, abs: number): Endpoint => ({
    abs,
    rel: absolutePositionToRelativePosition(abs, fragment, binding.mapping as never),
    lost: false,
  });

  // Before a change from elsewhere: where the selection hangs in the Yjs text.
  const onBeforeTransaction = (transaction: Y.Transaction) => {
    if (!current || transaction.origin === ySyncPluginKey) return;
    const state = current();
    const binding = bindingOf(state);
    if (!binding || before) return;
    before = {
      doc: state.doc,
      anchor: endpoint(binding, state.selection.anchor),
      head: endpoint(binding, state.selection.head),
    };
  };
  // Before y-tiptap redraws (its observers run after this event): was that character deleted?
  const onBeforeObservers = (transaction: Y.Transaction) => {
    if (!before || transaction.origin === ySyncPluginKey) return;
    for (const end of [before.anchor, before.head]) {
      if (end.rel.item && Y.isDeleted(transaction.deleteSet, end.rel.item)) end.lost = true;
    }
  };
  const onAfterAll = () => {
    before = null;
  };

  return new Plugin({
    key,
    view(view) {
      current = () => view.state;
      ydoc.on('beforeTransaction', onBeforeTransaction);
      ydoc.on('beforeObserverCalls', onBeforeObservers);
      ydoc.on('afterAllTransactions', onAfterAll);
      return {
        destroy() {
          current = null;
          ydoc.off('beforeTransaction', onBeforeTransaction);
          ydoc.off('beforeObserverCalls', onBeforeObservers);
          ydoc.off('afterAllTransactions', onAfterAll);
        },
      };
    },
    appendTransaction(transactions, _old, state) {
      // A change from elsewhere; the person's own undo puts the caret back where y-tiptap's
      // undo plugin remembered it, and is left alone.
      const remote = transactions.some((tr) => {
        const meta = tr.getMeta(ySyncPluginKey) as
          { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined;
        return meta?.isChangeOrigin === true && !meta.isUndoRedoOperation;
      });
      const binding = bindingOf(state);
      if (!remote || !before || !binding || !(state.selection instanceof TextSelection)) return null;
      const { doc: oldDoc } = before;
      const place = (end: Endpoint) => {
        const resolved = relativePositionToAbsolutePosition(
          ydoc,
          fragment,
          end.rel,
          binding.mapping as never,
        );
        if (!end.lost && resolved !== null) return resolved;
        return placeCaretByContext(oldDoc, end.abs, state.doc, resolved) ?? resolved;
      };
      const anchor = place(before.anchor);
      const head = place(before.head);
      if (anchor === null || head === null) return null;
      const size = state.doc.content.size;
      const clamp = (pos: number) => Math.max(0, Math.min(pos, size));
      const selection = TextSelection.between(
        state.doc.resolve(clamp(anchor)),
        state.doc.resolve(clamp(head)),
      );
      return selection.eq(state.selection)
        ? null
        : state.tr.setSelection(selection).setMeta('addToHistory', false);
    },
  });
}

/** The plugin as a TipTap extension, next to `Collaboration` in the note's editor. */
export const caretFollowsText = (fragment: Y.XmlFragment) =>
  Extension.create({
    name: 'empiriaCaretFollowsText',
    addProseMirrorPlugins: () => [caretFollowsTextPlugin(fragment)],
  });
