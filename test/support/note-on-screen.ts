/**
 * A sticky note as a page draws it, read from the DOM as a person sees it: the boxes of its
 * drawn lines of text, its text's box and its card on the screen, and whether its text is cut
 * off. Tests add what else they check (labels over the note, the editor's sizes) themselves.
 */
import type { Page } from 'playwright-core';

/** A box on the screen, in CSS pixels of the viewport. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface NoteOnScreen {
  id: string;
  /** The note's lines of text as drawn (one box per line fragment of each text node). */
  lines: Rect[];
  /** The box of the note's text element (`.tl-rich-text`), null if it is not drawn. */
  textBox: Rect | null;
  /** The note's card (`.tl-note__container`), null if it is not drawn. */
  card: Rect | null;
  /** Whether the label's content is taller than the label (cut off or spilling out). */
  clipped: boolean;
}

/**
 * Runs in the page (passed whole to `page.evaluate`, so it uses nothing from this module): what
 * the page draws of each note in `ids`.
 */
function readNotesOnScreen(ids: string[]): NoteOnScreen[] {
  const plain = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  return ids.map((id) => {
    const shape = document.querySelector(`.tl-shape[data-shape-id="${id}"]`);
    const text = shape?.querySelector('.tl-rich-text');
    const lines: Array<{ left: number; top: number; right: number; bottom: number }> = [];
    // Each text node's line fragments (not the paragraphs' boxes).
    const walker = text ? document.createTreeWalker(text, NodeFilter.SHOW_TEXT) : null;
    for (let node = walker?.nextNode(); node; node = walker!.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) if (r.width > 1 && r.height > 1) lines.push(plain(r));
    }
    const label = shape?.querySelector<HTMLElement>('.tl-text-label');
    const card = shape?.querySelector('.tl-note__container');
    return {
      id,
      lines,
      textBox: text ? plain(text.getBoundingClientRect()) : null,
      card: card ? plain(card.getBoundingClientRect()) : null,
      clipped: !!label && label.scrollHeight > label.clientHeight + 1,
    };
  });
}

/** What `page` draws of each note in `ids` (in that order): its lines of text, text box and card. */
export function notesOnScreen(page: Page, ids: readonly string[]): Promise<NoteOnScreen[]> {
  return page.evaluate(readNotesOnScreen, [...ids]);
}
