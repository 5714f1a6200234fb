import type { CanvasSync } from '../canvas/canvas-sync';
import { useClockStore, serverNow } from '../clock/clock-store';
import { useStepStore } from '../control/step-store';
import { useFacilitationStore } from './facilitation-store';

/**
 * Read-only handles for the end-to-end tests of the facilitation tools (test/e2e/facilitation),
 * beside the board's `window.__empiria`. Nothing a person with the page open could not read in
 * the devtools: this tab's copy of the canvas document and the follow state.
 */
export interface FacilitationTestHooks {
  /** This tab's canvas Y.Doc as JSON text (what the sync shares). */
  canvasJson(): string;
  /** The server's clock as this tab reads it. */
  serverNow(): number;
  clockOffset(): number;
  /** `idle`, `following` or `away`. */
  followMode(): string;
  /** The current or last vote's id and status, as the control document says. */
  voting(): { sessionId: string; status: string } | null;
}

declare global {
  interface Window {
    __empiriaFacilitation?: FacilitationTestHooks;
  }
}

export function exposeFacilitationTestHooks(sync: CanvasSync): () => void {
  const hooks: FacilitationTestHooks = {
    canvasJson: () => JSON.stringify(sync.doc.toJSON()),
    serverNow,
    clockOffset: () => useClockStore.getState().offset,
    followMode: () => useFacilitationStore.getState().follow.mode,
    voting: () => {
      const voting = useStepStore.getState().control.voting;
      return voting ? { sessionId: voting.sessionId, status: voting.status } : null;
    },
  };
  window.__empiriaFacilitation = hooks;
  return () => {
    if (window.__empiriaFacilitation === hooks) delete window.__empiriaFacilitation;
  };
}
