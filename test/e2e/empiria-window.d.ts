/**
 * The read-only test hooks the client exposes on `window.__empiria` (client/src/session/test-hooks.ts),
 * typed as far as the e2e tests use them (the test package does not depend on tldraw).
 */
interface E2eShape {
  id: string;
  type: string;
  isLocked: boolean;
  x: number;
  y: number;
  meta: Record<string, unknown>;
  props: Record<string, unknown>;
}

interface E2eEditor {
  getCurrentPageShapes(): E2eShape[];
  getCurrentPageShapeIds(): Set<string>;
  getCamera(): { x: number; y: number; z: number };
  setCamera(point: { x: number; y: number; z?: number }, options?: { immediate?: boolean }): void;
  getShape(id: string): E2eShape | undefined;
  createShape(shape: { id: string; type: string; x: number; y: number }): void;
  updateShape(partial: { id: string; type: string; x?: number; y?: number; isLocked?: boolean }): void;
  deleteShapes(ids: string[]): void;
  toggleLock(ids: string[]): void;
  setSelectedShapes(ids: string[]): void;
  getSelectedShapeIds(): string[];
  run(fn: () => void, options?: { ignoreShapeLock?: boolean }): void;
  getShapeUtil(shape: E2eShape): { getText?(shape: E2eShape): string | undefined };
  getIsReadonly(): boolean;
  getEditingShapeId(): string | null;
  /** The text editor (ProseMirror under tiptap) of the shape being edited, if any. */
  getRichTextEditor(): {
    state: {
      selection: { empty: boolean; from: number; to: number };
      doc: { textBetween(from: number, to: number): string };
    };
    view: { hasFocus(): boolean; dom: Element };
  } | null;
  undo(): void;
  user: { getLocale(): string };
}

declare global {
  interface Window {
    __empiria?: {
      editor: E2eEditor;
      connectionStatus(): string;
      recordCount(): number;
      recordIds(): string[];
      pendingChanges(): number;
      brokenRecords(): number;
      people(): string[];
      currentStepId(): string | null;
      controlSynced(): boolean;
      followMode(): string;
      viewedSheet(): { stepId: string; visibleShare: number; widthShare: number } | null;
      forceControlStep(index: number, id: string): void;
    };
  }
}

export {};
