import { Extension } from '@tiptap/core';
import Heading from '@tiptap/extension-heading';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { readableTextOn } from '../ui/readable-text';
import { caretFollowsText } from './caret-follows-text';
import { sectionMarkers, type SectionMarkerOptions } from './section-markers';

/**
 * The note's headings carry the `sectionId` drafting gave them (shared/src/summary): it names the
 * section for re-drafting, comments and exports, so it must survive every edit. It is stored as
 * the heading's attribute in Yjs and shown as `data-section-id`; splitting a heading does not copy
 * it (a section has one heading).
 */
export const SectionHeading = Heading.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      sectionId: {
        default: null,
        keepOnSplit: false,
        parseHTML: (element: HTMLElement) => element.getAttribute('data-section-id'),
        renderHTML: (attributes: { sectionId?: string | null }) =>
          attributes.sectionId ? { 'data-section-id': attributes.sectionId } : {},
      },
    };
  },
}).configure({ levels: [1, 2, 3] });

interface CaretUser {
  name?: string;
  city?: string;
  color?: string;
}

const safeColor = (color: unknown) =>
  typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color) ? color : '#44506a';

/**
 * The other editor's caret and selection, named. The name and colour are the ones the server
 * stamps into awareness (`state.user`, [P4]), never what the peer claims.
 */
export function collaborationCarets(awareness: Awareness) {
  return Extension.create({
    name: 'empiriaCarets',
    addProseMirrorPlugins() {
      return [
        yCursorPlugin(awareness, {
          cursorBuilder: (user: CaretUser) => {
            const caret = document.createElement('span');
            caret.className = 'note-caret';
            caret.style.borderColor = safeColor(user.color);
            const label = document.createElement('span');
            label.className = 'note-caret-label';
            label.style.backgroundColor = safeColor(user.color);
            label.style.color = readableTextOn(safeColor(user.color));
            label.textContent = user.name ?? '';
            caret.append(label);
            return caret;
          },
          selectionBuilder: (user: CaretUser) => ({
            style: `background-color: ${safeColor(user.color)}33`,
            class: 'note-selection',
          }),
        }),
      ];
    },
  });
}

/**
 * What the note can hold: what the exports render (headings 1–3, paragraphs, bullet and numbered
 * lists, bold, italic, strike, line breaks), nothing they would drop. History is Yjs's own (each
 * person undoes only their own typing).
 */
export function noteExtensions(
  fragment: Y.XmlFragment,
  awareness: Awareness | null,
  markers: SectionMarkerOptions | null = null,
) {
  return [
    StarterKit.configure({
      heading: false,
      undoRedo: false,
      code: false,
      codeBlock: false,
      blockquote: false,
      horizontalRule: false,
      link: false,
      underline: false,
      // It would append an empty paragraph into the shared text on opening.
      trailingNode: false,
    }),
    SectionHeading,
    Collaboration.configure({ fragment }),
    // After y-tiptap's own restore: keeps the caret in the person's text when others split,
    // join or re-draft the paragraph it is in.
    caretFollowsText(fragment),
    ...(awareness ? [collaborationCarets(awareness)] : []),
    ...(markers ? [sectionMarkers(markers)] : []),
  ];
}
