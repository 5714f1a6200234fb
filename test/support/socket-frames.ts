/**
 * The y-websocket frames a browser page sends on one of its board's rooms, read by their first
 * bytes (shared/src/protocol/messages.ts): to tell what a person's action put on the wire —
 * awareness (cursor, selection) or a document update.
 *
 *   const sent = recordSentFrames(context, 'canvas');   // before the page opens the board
 *   sent.clear(); …act…; expect(sent.awareness()).toBe(0);
 */
import type { BrowserContext, Page } from 'playwright-core';
import { MessageType, SyncMessageType } from '@empiria/shared';

export interface SentFrames {
  /** Awareness updates sent since the last clear. */
  awareness(): number;
  /** Document updates (sync "update" messages) sent since the last clear. */
  documentUpdates(): number;
  clear(): void;
}

/** Records the frames every page of `context` sends on its `<boardId>/<doc>` room. */
export function recordSentFrames(context: BrowserContext, doc: string): SentFrames {
  let frames: Uint8Array[] = [];
  const watch = (page: Page) =>
    page.on('websocket', (socket) => {
      if (!new URL(socket.url()).pathname.endsWith(`/${doc}`)) return;
      socket.on('framesent', ({ payload }) => {
        if (typeof payload !== 'string') frames.push(new Uint8Array(payload));
      });
    });
  context.on('page', watch);
  for (const page of context.pages()) watch(page);
  return {
    awareness: () => frames.filter((frame) => frame[0] === MessageType.awareness).length,
    documentUpdates: () =>
      frames.filter((frame) => frame[0] === MessageType.sync && frame[1] === SyncMessageType.update).length,
    clear: () => {
      frames = [];
    },
  };
}
