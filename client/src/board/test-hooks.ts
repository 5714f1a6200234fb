import type { Editor } from 'tldraw';
import type { CanvasSync } from '../canvas/canvas-sync';

/**
 * Read-only handles for the end-to-end tests (test/e2e). They expose nothing a person with the
 * page open could not already reach through the devtools: the tldraw editor of this tab and a
 * few counters of the sync.
 */
export interface EmpiriaTestHooks {
  editor: Editor;
  connectionStatus(): string;
  recordCount(): number;
  pendingChanges(): number;
  brokenRecords(): number;
  people(): string[];
}

declare global {
  interface Window {
    __empiria?: EmpiriaTestHooks;
  }
}

export function exposeTestHooks(editor: Editor, sync: CanvasSync): () => void {
  const hooks: EmpiriaTestHooks = {
    editor,
    connectionStatus: () => sync.getSnapshot().status,
    recordCount: () => sync.records.map.size,
    pendingChanges: () => sync.getSnapshot().pending,
    brokenRecords: () => sync.getSnapshot().brokenRecords,
    people: () => sync.getSnapshot().people.map((person) => person.identity.name),
  };
  window.__empiria = hooks;
  return () => {
    if (window.__empiria === hooks) delete window.__empiria;
  };
}
