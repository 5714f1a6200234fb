import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messageYjsSyncStep2 } from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';

/** y-websocket's message type of the sync protocol's messages (its `messageSync`). */
const MESSAGE_SYNC = 0;

/** What keeps the local copy: y-indexeddb's persistence, from its public typings. */
export interface UpdateKeeper {
  _storeUpdate: (update: Uint8Array, origin: unknown) => void;
}

/**
 * The server's state (sync step 2: the whole board when a page opens) taken in without Yjs
 * encoding it a second time.
 *
 * Why: Yjs encodes every transaction again for its `update` event whenever anyone listens to it,
 * and two always do — the provider (which ignores what came from itself) and the IndexedDB copy
 * (which stores the bytes). For the state a board opens with that is the whole board: 0.11 s of
 * main-thread CPU at 2,000 notes (a CPU profile of the opening, docs/performance.md). Here the two
 * step aside while the state is applied, and the copy stores the bytes as they arrived, which are
 * the same update. Any other `update` listener still gets its event (Yjs then encodes as before):
 * only the encoding nobody needs is skipped.
 *
 * Everything else — sync step 1, updates, the reply — goes through y-websocket's own handler.
 */
export function takeServerStateWhole(provider: WebsocketProvider, keeper: UpdateKeeper | null): void {
  const standard = provider.messageHandlers[MESSAGE_SYNC];
  if (!standard) return;
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, from, emitSynced, messageType) => {
    const peek = decoding.clone(decoder);
    if (decoding.readVarUint(peek) !== messageYjsSyncStep2) {
      standard(encoder, decoder, from, emitSynced, messageType);
      return;
    }
    const update = decoding.readVarUint8Array(peek);
    decoder.pos = peek.pos;
    // As y-websocket's handler: the reply starts with the message type and, for step 2, says nothing more.
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    const doc = from.doc;
    const asideListeners = [from._updateHandler, ...(keeper ? [keeper._storeUpdate] : [])];
    for (const listener of asideListeners) doc.off('update', listener);
    try {
      Y.applyUpdate(doc, update, from);
    } catch (err) {
      // As y-protocols' readSyncStep2: a broken update is reported and the connection goes on.
      console.error('Caught error while handling a Yjs update', err);
      return;
    } finally {
      for (const listener of asideListeners) doc.on('update', listener);
    }
    keeper?._storeUpdate(update, from);
    if (emitSynced && !from.synced) from.synced = true;
  };
}
