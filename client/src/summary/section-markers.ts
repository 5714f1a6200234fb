import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export interface SectionMarkerOptions {
  /** How many comments each section has now. */
  counts(): ReadonlyMap<string, number>;
  /** The marker's words: a count, or the invitation to comment (null: no marker). */
  label(count: number): string | null;
  /** The marker was clicked: comment on this section. */
  pick(sectionId: string): void;
}

export const sectionMarkersKey = new PluginKey<DecorationSet>('empiriaSectionMarkers');

/**
 * Beside each drafted section's heading, how many comments it has (and a way to add one): a
 * widget drawn next to the text, never part of it. Redrawn when the text changes or when the
 * caller dispatches a transaction with `sectionMarkersKey` meta (new comments, another language).
 */
export function sectionMarkers(options: SectionMarkerOptions) {
  const build = (doc: ProseMirrorNode): DecorationSet => {
    const counts = options.counts();
    const decorations: Decoration[] = [];
    doc.forEach((node, offset) => {
      const sectionId: unknown = node.attrs.sectionId;
      if (node.type.name !== 'heading' || typeof sectionId !== 'string' || !sectionId) return;
      const count = counts.get(sectionId) ?? 0;
      const text = options.label(count);
      if (text === null) return;
      decorations.push(
        // At the end of the heading's text, drawn at its right edge (CSS): not part of the text.
        Decoration.widget(
          offset + node.nodeSize - 1,
          () => {
            const marker = document.createElement('button');
            marker.type = 'button';
            marker.contentEditable = 'false';
            marker.className = count > 0 ? 'section-marker has-comments' : 'section-marker';
            marker.dataset.sectionId = sectionId;
            marker.dataset.testid = 'section-marker';
            marker.textContent = text;
            marker.addEventListener('mousedown', (event) => event.preventDefault());
            marker.addEventListener('click', () => options.pick(sectionId));
            return marker;
          },
          { side: 1, key: `${sectionId}:${count}:${text}`, ignoreSelection: true, stopEvent: () => true },
        ),
      );
    });
    return DecorationSet.create(doc, decorations);
  };

  return Extension.create({
    name: 'empiriaSectionMarkers',
    addProseMirrorPlugins() {
      return [
        new Plugin<DecorationSet>({
          key: sectionMarkersKey,
          state: {
            init: (_, state) => build(state.doc),
            apply: (tr, previous) =>
              tr.docChanged || tr.getMeta(sectionMarkersKey) ? build(tr.doc) : previous,
          },
          props: {
            decorations: (state) => sectionMarkersKey.getState(state),
          },
        }),
      ];
    },
  });
}
