import { Box, computed } from 'tldraw';
import type { Computed, Editor } from 'tldraw';
import { coarseWindow, sameBox } from '../camera/camera';

const windows = new WeakMap<Editor, Computed<Box>>();

/**
 * The part of the page the overlays draw per-note labels for (coarseWindow around the viewport),
 * as a reactive value that changes every half screen of panning rather than every frame: read
 * it instead of the viewport, and a pan does not re-run the overlay. One per editor, shared.
 */
export function viewportWindow(editor: Editor): Box {
  let window = windows.get(editor);
  if (!window) {
    window = computed(
      'empiria viewport window',
      () => {
        const view = editor.getViewportPageBounds();
        return Box.From(coarseWindow({ x: view.x, y: view.y, w: view.w, h: view.h }));
      },
      { isEqual: sameBox },
    );
    windows.set(editor, window);
  }
  return window.get();
}

/**
 * Below this zoom a note's author and "only you" labels would be under 6 screen px (at most
 * 22.4 page px, see `.fac-author`): unreadable, and, on a board zoomed out to all its sheets, two
 * thousand of them cost more to paint on every frame of a pan than all of tldraw's notes
 * (docs/performance.md, "Panning"). The note's own text is as unreadable there.
 */
export const NOTE_LABELS_MIN_ZOOM = 0.27;

const readable = new WeakMap<Editor, Computed<boolean>>();

/**
 * Whether per-note labels are drawn at the current zoom, as a reactive value that changes only
 * when the zoom crosses NOTE_LABELS_MIN_ZOOM: a pan or a zoom on either side re-runs nothing.
 */
export function noteLabelsReadable(editor: Editor): boolean {
  let value = readable.get(editor);
  if (!value) {
    value = computed('empiria note labels readable', () => editor.getZoomLevel() >= NOTE_LABELS_MIN_ZOOM);
    readable.set(editor, value);
  }
  return value.get();
}
