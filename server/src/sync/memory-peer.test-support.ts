import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '@empiria/shared';
import type { PeerSocket } from './peer-socket';

/**
 * A y-websocket client without a network, for tests of the sync core: it speaks the same frames
 * through a PeerSocket pair. `deliver()` hands the peer whatever the server sent so far, so a test
 * decides when (and in which order) messages arrive.
 */
export class MemoryPeer {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly inbox: Uint8Array[] = [];
  closed: { code: number; reason: string } | null = null;
  #receive: ((frame: Uint8Array) => void) | null = null;

  /** The server side of this peer's socket. */
  readonly socket: PeerSocket = {
    send: (frame) => {
      this.inbox.push(frame);
    },
    sendAll: (frames) => {
      this.inbox.push(...frames);
    },
    close: (code, reason) => {
      this.closed = { code, reason };
    },
    bufferedAmount: 0,
  };

  constructor() {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
  }

  /** Wires the peer to the connection's receive function (what the ws adapter does). */
  attach(receive: (frame: Uint8Array) => void): void {
    this.#receive = receive;
  }

  send(frame: Uint8Array): void {
    if (!this.#receive) throw new Error('peer not attached');
    this.#receive(frame);
  }

  sendSyncStep1(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.send(encoding.toUint8Array(encoder));
  }

  sendAwareness(state: Record<string, unknown> | null, clientId = this.doc.clientID): void {
    if (clientId === this.doc.clientID) this.awareness.setLocalState(state);
    const update =
      clientId === this.doc.clientID
        ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, [clientId])
        : encodeForeignAwareness(clientId, state);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(encoder, update);
    this.send(encoding.toUint8Array(encoder));
  }

  /** Applies every frame received so far, answering sync step 1 like y-websocket does. */
  deliver(): void {
    while (this.inbox.length > 0) {
      const frame = this.inbox.shift() as Uint8Array;
      const decoder = decoding.createDecoder(frame);
      const type = decoding.readVarUint(decoder);
      if (type === MessageType.sync) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.sync);
        syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
        if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
      } else if (type === MessageType.awareness) {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
      }
    }
  }

  /** Remote awareness states (not our own), by client id. */
  remoteStates(): Map<number, Record<string, unknown>> {
    const states = new Map<number, Record<string, unknown>>();
    for (const [id, state] of this.awareness.getStates()) {
      if (id !== this.doc.clientID) states.set(id, state);
    }
    return states;
  }
}

function encodeForeignAwareness(clientId: number, state: Record<string, unknown> | null): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarString(encoder, JSON.stringify(state));
  return encoding.toUint8Array(encoder);
}
