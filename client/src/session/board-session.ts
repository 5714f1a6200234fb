import type { Editor } from 'tldraw';
import type { JoinResponse } from '@empiria/shared';
import type { CanvasSync } from '../canvas/canvas-sync';
import type { ControlSync } from '../control/control-sync';

/**
 * One open board on this screen: who joined it (board, identity, token) and its two live
 * documents. Made by `useBoardSession`, handed to every feature explicitly — no feature reaches
 * for a global connection.
 */
export interface BoardSession {
  readonly join: JoinResponse;
  readonly canvas: CanvasSync;
  readonly control: ControlSync;
  /** May write the canvas: everyone but observers and the room display. */
  readonly canWrite: boolean;
  /** May write the control document: the facilitator/expert pair ([P2]). */
  readonly canLead: boolean;
}

/**
 * What a feature adds to the board's canvas once tldraw is mounted (listeners, guards, cameras);
 * `bind` returns the teardown. A screen lists its features in one place and binds them in order.
 */
export interface BoardFeature {
  readonly name: string;
  bind(editor: Editor, session: BoardSession): () => void;
}

/** Binds `features` in order; the returned function tears them down in reverse. */
export function bindFeatures(
  features: readonly BoardFeature[],
  editor: Editor,
  session: BoardSession,
): () => void {
  const teardowns = features.map((feature) => feature.bind(editor, session));
  return () => {
    for (const teardown of teardowns.reverse()) teardown();
  };
}
