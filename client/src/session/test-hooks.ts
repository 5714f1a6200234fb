import type { Editor } from 'tldraw';
import { TEMPLATE_PAGE_ID, sheetAt } from '@empiria/formats';
import { writeStep } from '@empiria/shared';
import { useStepStore } from '../control/step-store';
import { layoutOf } from '../formats/format-layout';
import type { BoardSession } from './board-session';

/**
 * Handles for the end-to-end tests (test/e2e). They expose nothing a person with the page open
 * could not already reach through the devtools: the tldraw editor of this tab, a few counters of
 * the sync, the step and camera state, and a raw write to this tab's copy of the control
 * document (to check that the server refuses it from a participant).
 */
export interface EmpiriaTestHooks {
  editor: Editor;
  connectionStatus(): string;
  recordCount(): number;
  /** The keys of the shared canvas document's records. */
  recordIds(): string[];
  pendingChanges(): number;
  brokenRecords(): number;
  people(): string[];
  /** The step this tab shows as current (its id), null if none. */
  currentStepId(): string | null;
  /** The control document arrived from the server. */
  controlSynced(): boolean;
  /** `following` or `looking-around`. */
  followMode(): string;
  /** The step whose sheet is under the centre of the viewport, and how much of the sheet shows. */
  /**
   * The sheet in the middle of the view: how much of it shows, and how much of its width (a
   * laptop shows a sheet's full width readable, not all of its height).
   */
  viewedSheet(): { stepId: string; visibleShare: number; widthShare: number } | null;
  /** Writes a step into the control document directly, bypassing the client's role check. */
  forceControlStep(index: number, id: string): void;
}

declare global {
  interface Window {
    __empiria?: EmpiriaTestHooks;
  }
}

/** `followMode` comes from the screen: the board's camera follow, or the room display's own. */
export function exposeTestHooks(
  editor: Editor,
  { canvas: sync, control }: BoardSession,
  followMode: () => string,
): () => void {
  const hooks: EmpiriaTestHooks = {
    editor,
    connectionStatus: () => sync.getSnapshot().status,
    recordCount: () => sync.records.map.size,
    recordIds: () => [...sync.records.map.keys()],
    pendingChanges: () => sync.getSnapshot().pending,
    brokenRecords: () => sync.getSnapshot().brokenRecords,
    people: () => sync.getSnapshot().people.map((person) => person.identity.name),
    currentStepId: () => {
      const { format, currentIndex } = useStepStore.getState();
      return format && currentIndex !== null ? (format.steps[currentIndex]?.id ?? null) : null;
    },
    controlSynced: () => useStepStore.getState().synced,
    followMode,
    viewedSheet: () => {
      const { format } = useStepStore.getState();
      if (!format || editor.getCurrentPageId() !== TEMPLATE_PAGE_ID) return null;
      const view = editor.getViewportPageBounds();
      const sheet = sheetAt(layoutOf(format), view.center);
      if (!sheet) return null;
      const overlapW = Math.max(0, Math.min(view.maxX, sheet.x + sheet.w) - Math.max(view.minX, sheet.x));
      const overlapH = Math.max(0, Math.min(view.maxY, sheet.y + sheet.h) - Math.max(view.minY, sheet.y));
      return {
        stepId: sheet.stepId,
        visibleShare: (overlapW * overlapH) / (sheet.w * sheet.h),
        widthShare: overlapW / sheet.w,
      };
    },
    forceControlStep: (index, id) => writeStep(control.doc, { index, id, startedAt: Date.now() }),
  };
  window.__empiria = hooks;
  return () => {
    if (window.__empiria === hooks) delete window.__empiria;
  };
}
