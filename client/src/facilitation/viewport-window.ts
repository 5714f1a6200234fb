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
