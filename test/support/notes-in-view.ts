/**
 * What a page shows of its sticky notes (#16, D41: a note's content is mounted only once it has
 * been on screen): for every note wholly inside the viewport, whether its text is drawn.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export interface NotesInView {
  /** Notes wholly inside the viewport. */
  inView: string[];
  /** Of those, the ones whose text is not drawn on screen where the note is. */
  blank: string[];
  /** Notes with no content mounted at all (never on screen on this page). */
  unmounted: string[];
}

/**
 * What the page shows: for every note wholly inside the viewport, whether its text is drawn in
 * the window (its label in the DOM, with the note's text, a box of some size inside the window).
 */
export function notesInView(page: Page): Promise<NotesInView> {
  return page.evaluate(() => {
    type Box = { x: number; y: number; w: number; h: number };
    const editor = window.__empiria!.editor as unknown as {
      getCurrentPageShapes(): Array<{ id: string; type: string }>;
      getShapePageBounds(id: string): Box | undefined;
      getViewportPageBounds(): Box;
      getShapeUtil(shape: unknown): { getText?(shape: unknown): string | undefined };
    };
    const view = editor.getViewportPageBounds();
    const result: NotesInView = { inView: [], blank: [], unmounted: [] };
    for (const shape of editor.getCurrentPageShapes()) {
      if (shape.type !== 'note') continue;
      const element = document.querySelector(`.tl-shape[data-shape-id="${shape.id}"]`);
      if (!element?.querySelector('.tl-note__container')) result.unmounted.push(shape.id);
      const bounds = editor.getShapePageBounds(shape.id);
      if (
        !bounds ||
        bounds.x < view.x ||
        bounds.y < view.y ||
        bounds.x + bounds.w > view.x + view.w ||
        bounds.y + bounds.h > view.y + view.h
      ) {
        continue;
      }
      result.inView.push(shape.id);
      const label = element?.querySelector('.tl-rich-text');
      const box = label?.getBoundingClientRect();
      const drawn =
        label?.textContent === editor.getShapeUtil(shape).getText?.(shape) &&
        !!box &&
        box.width > 0 &&
        box.height > 0 &&
        box.left >= 0 &&
        box.top >= 0 &&
        box.right <= window.innerWidth &&
        box.bottom <= window.innerHeight;
      if (!drawn) result.blank.push(shape.id);
    }
    return result;
  });
}

/** Waits until `ids` are all in view, each with its text drawn, and no note in view is blank. */
export async function seesNotes(page: Page, ids: string[], timeout = 10_000): Promise<NotesInView> {
  let last: NotesInView | undefined;
  await expect
    .poll(
      async () => {
        const now = await notesInView(page);
        last = now;
        return { missing: ids.filter((id) => !now.inView.includes(id)), blank: now.blank };
      },
      { timeout },
    )
    .toEqual({ missing: [], blank: [] });
  return last!;
}
