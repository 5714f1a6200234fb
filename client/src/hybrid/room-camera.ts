import { react } from 'tldraw';
import type { Editor } from 'tldraw';
import { TEMPLATE_PAGE_ID } from '@empiria/formats';
import type { CanvasSync } from '../canvas/canvas-sync';
import { useStepStore } from '../control/step-store';
import { viewportOfPerson } from '../facilitation/view-sync';
import { easeInOut, interpolateCamera } from '../camera/camera';
import type { Camera } from '../camera/camera';
import { layoutOf } from '../formats/format-layout';
import { focusKey, roomCamera, roomFocus } from './room-view';
import type { RoomFocus } from './room-view';

const GLIDE_MS = 600;

/**
 * Drives the room display's camera: always on what the room should see (room-view.ts), gliding
 * there when it changes, refitting when the screen changes size. The display is read-only with
 * its camera locked, so only this moves it. Reports each new focus (for the side panel's note).
 */
export function driveRoomCamera(
  editor: Editor,
  sync: CanvasSync,
  onFocus: (focus: RoomFocus) => void,
): () => void {
  let lastKey = '';
  let lastSize = '';
  let frame = 0;
  let placedOnce = false;

  const focusNow = (): RoomFocus => {
    const { format, currentIndex, control } = useStepStore.getState();
    const sheets = format && format.steps.length > 0 ? layoutOf(format).sheets : [];
    const leaderId = control.follow?.active ? control.follow.leaderId : null;
    const content = editor.getCurrentPageBounds();
    return roomFocus({
      sheets,
      currentIndex,
      stepStartedAt: control.step?.startedAt ?? null,
      follow: control.follow,
      leaderViewport: leaderId ? viewportOfPerson(sync, leaderId) : null,
      summon: control.summon,
      contentBounds: content ? { x: content.x, y: content.y, w: content.w, h: content.h } : null,
    });
  };

  const move = (to: Camera, glide: boolean) => {
    cancelAnimationFrame(frame);
    const set = (camera: Camera) => editor.setCamera(camera, { immediate: true, force: true });
    const screen = editor.getViewportScreenBounds();
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    if (!glide || reduced) {
      set(to);
      return;
    }
    const from = editor.getCamera();
    const started = performance.now();
    const step = () => {
      const t = Math.min(1, (performance.now() - started) / GLIDE_MS);
      set(t === 1 ? to : interpolateCamera(from, to, { w: screen.w, h: screen.h }, easeInOut(t)));
      if (t < 1) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
  };

  const update = () => {
    const screen = editor.getViewportScreenBounds();
    if (screen.w < 50 || screen.h < 50) return;
    const focus = focusNow();
    const key = focusKey(focus);
    const size = `${Math.round(screen.w)}x${Math.round(screen.h)}`;
    if (key === lastKey && size === lastSize) return;
    const resized = size !== lastSize;
    lastKey = key;
    lastSize = size;
    onFocus(focus);
    if (focus.kind === 'none') return;
    if (editor.getCurrentPageId() !== TEMPLATE_PAGE_ID && editor.getPage(TEMPLATE_PAGE_ID)) {
      editor.setCurrentPage(TEMPLATE_PAGE_ID);
    }
    const steps = editor.getCameraOptions().zoomSteps;
    const camera = roomCamera(
      focus.box,
      { w: screen.w, h: screen.h },
      {
        min: steps[0] ?? 0.05,
        max: steps.at(-1) ?? 8,
      },
    );
    move(camera, placedOnce && !resized);
    placedOnce = true;
  };

  const stopSize = react('empiria room display size', () => {
    editor.getViewportScreenBounds();
    update();
  });
  const stopContent = react('empiria room display content', () => {
    // Only matters on a board without sheets, where the display shows everything.
    editor.getCurrentPageBounds();
    update();
  });
  const offSteps = useStepStore.subscribe((state, previous) => {
    if (state.control !== previous.control || state.format !== previous.format) update();
  });
  const offAwareness = sync.onAwarenessChange(() => {
    if (useStepStore.getState().control.follow?.active) update();
  });
  update();
  return () => {
    cancelAnimationFrame(frame);
    stopSize();
    stopContent();
    offSteps();
    offAwareness();
  };
}
