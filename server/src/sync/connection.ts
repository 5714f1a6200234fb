import * as awarenessProtocol from 'y-protocols/awareness';
import {
  AWARENESS_USER_FIELD,
  awarenessRight,
  canWriteDoc,
  CloseCode,
  isBoardRoom,
  jsonBytes,
  type AwarenessRight,
  type Identity,
  type RoomAddress,
} from '@empiria/shared';
import type { Logger } from '../log';
import {
  decodeAwarenessUpdate,
  decodeFrame,
  encodeAwarenessUpdate,
  FrameError,
  type IncomingFrame,
} from './frames';
import type { PeerSocket } from './peer-socket';
import { UpdateRefused } from './document-rules';
import { StorageFailure, type Room } from './room';
import type { RoomMember } from './room-member';
import { NO_SYNC_OBSERVER, type SyncObserver } from './sync-observer';

export interface ConnectionLimits {
  /** Frames waiting in the room's queue for this connection (mostly: before the load ends). */
  maxQueuedFrames: number;
  /** A peer whose send buffer grows past this has stopped reading and is dropped. */
  maxBufferedBytes: number;
  /** Awareness client ids one connection may own (a tab has one; reconnects may add one). */
  maxAwarenessClients: number;
  /** One presence state as JSON: a cursor, a viewport, a selection of a few hundred shapes. */
  maxAwarenessStateBytes: number;
  /** Presence updates per second, sustained, and the burst above it (a cursor sends ~20/s). */
  awarenessPerSecond: number;
  awarenessBurst: number;
  /** Presence updates dropped for rate before the connection is closed as abusive. */
  maxDroppedAwareness: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  maxQueuedFrames: 1000,
  maxBufferedBytes: 32 * 1024 * 1024,
  maxAwarenessClients: 4,
  maxAwarenessStateBytes: 64 * 1024,
  awarenessPerSecond: 30,
  awarenessBurst: 60,
  maxDroppedAwareness: 600,
};

/** What a connection may do in its room: write the document, and send presence or not. */
export interface ConnectionRights {
  write: boolean;
  awareness: AwarenessRight;
}

/**
 * A board's documents decide by role ([P1]–[P7]); a network's room is opened only with rights its
 * own rules gave (the upgrade asks them), so without them it is read-only and silent.
 */
export function defaultRights(role: Identity['role'], address: RoomAddress): ConnectionRights {
  if (!isBoardRoom(address)) return { write: false, awareness: 'none' };
  return { write: canWriteDoc(role, address.doc), awareness: awarenessRight(role, address.doc) };
}

export interface ConnectionEvents {
  /** The room must be dropped from memory: the store refused a write (see Room.applyMemberUpdate). */
  onStorageFailure(room: Room): void;
  onClosed(connection: Connection): void;
}

let nextConnectionId = 1;

/** `Y.encodeStateAsUpdate` of an empty document: no structs, no deletions. */
const EMPTY_UPDATE_BYTES = 2;

/**
 * One socket in one room: enforces the connection's role on everything it sends, stamps its
 * identity into its awareness, and turns bad frames into a close of this socket only.
 */
export class Connection implements RoomMember {
  readonly id = `c${nextConnectionId++}`;
  readonly identity: Identity;
  readonly role: Identity['role'];
  readonly personId: string;
  /** The invite the session came from, so revoking it can end this connection. */
  readonly inviteId: string | null;
  readonly room: Room;
  readonly #socket: PeerSocket;
  readonly #log: Logger;
  readonly #limits: ConnectionLimits;
  readonly #events: ConnectionEvents;
  readonly #observer: SyncObserver;
  readonly #canWrite: boolean;
  readonly #awarenessRight: AwarenessRight;
  readonly #awarenessIds = new Set<number>();
  #queued = 0;
  #closed = false;
  /** Token bucket for presence updates ([A2]). */
  #awarenessTokens: number;
  #awarenessRefilledAt = Date.now();
  #awarenessDropped = 0;
  /** Counted for tests and logs: writes from a read-only role that were dropped. */
  droppedWrites = 0;
  /** Counted for tests and logs: updates the document's rules refused. */
  refusedUpdates = 0;

  constructor(args: {
    socket: PeerSocket;
    room: Room;
    identity: Identity;
    /** Decided before the upgrade, by whoever knows the room's rules (board or network). */
    rights: ConnectionRights;
    inviteId: string | null;
    log: Logger;
    events: ConnectionEvents;
    limits?: ConnectionLimits;
    observer?: SyncObserver;
  }) {
    this.#socket = args.socket;
    this.room = args.room;
    this.identity = args.identity;
    this.role = args.identity.role;
    this.personId = args.identity.id;
    this.inviteId = args.inviteId;
    this.#events = args.events;
    this.#observer = args.observer ?? NO_SYNC_OBSERVER;
    this.#limits = args.limits ?? DEFAULT_CONNECTION_LIMITS;
    this.#log = args.log.child({ conn: this.id, room: args.room.key, role: args.identity.role });
    this.#canWrite = args.rights.write;
    this.#awarenessRight = args.rights.awareness;
    this.#awarenessTokens = this.#limits.awarenessBurst;
    this.room.join(this);
    // The greeting waits for the load like everything else.
    void this.room
      .run(() => {
        for (const frame of this.room.greeting()) this.send(frame);
      })
      .catch(() => this.close(CloseCode.storageFailure, 'document could not be loaded'));
  }

  get isClosed(): boolean {
    return this.#closed;
  }

  send(frame: Uint8Array): void {
    if (this.#reading()) this.#socket.send(frame);
  }

  sendAll(frames: readonly Uint8Array[]): void {
    if (this.#reading()) this.#socket.sendAll(frames);
  }

  /** False when closed, or when the peer stopped reading: then it is dropped. */
  #reading(): boolean {
    if (this.#closed) return false;
    if (this.#socket.bufferedAmount > this.#limits.maxBufferedBytes) {
      this.#log.warn('peer is not reading; dropping it', { buffered: this.#socket.bufferedAmount });
      this.close(CloseCode.overloaded, 'too slow');
      return false;
    }
    return true;
  }

  /** A binary frame from the socket. Never throws: problems close this connection. */
  receive(data: Uint8Array): void {
    if (this.#closed) return;
    let frame: IncomingFrame;
    try {
      frame = decodeFrame(data);
    } catch (err) {
      this.#rejectFrame(err);
      return;
    }
    if (this.#queued >= this.#limits.maxQueuedFrames) {
      this.#log.warn('too many frames queued', { queued: this.#queued });
      this.close(CloseCode.overloaded, 'too many queued messages');
      return;
    }
    this.#queued++;
    const arrivedAt = performance.now();
    // Neither an update nor presence waits in the room for the appends before it ([D42]); a sync
    // step 1 does, so that it is answered with what is stored.
    const handled =
      frame.type === 'sync-update' || frame.type === 'sync-step2'
        ? this.#handleUpdate(frame.update, frame.decoded, frame.type, arrivedAt)
        : frame.type === 'sync-step1'
          ? this.room.run(() => this.#handle(frame))
          : this.room.runPresence(() => this.#handle(frame));
    void handled
      .catch((err: unknown) => {
        if (err instanceof StorageFailure) {
          this.#observer.updateRefused('storage');
          this.#log.error('storage failure; dropping the room so it reloads from disk', { err });
          this.#events.onStorageFailure(this.room);
        } else if (err instanceof UpdateRefused) {
          // [D1] Nothing of it was kept; the sender's copy now differs from everyone's, so it must
          // start again from the server's.
          this.refusedUpdates++;
          this.#observer.updateRefused('rules');
          this.#log.warn('refused an update; closing so the sender reloads', { reason: err.reason });
          this.close(CloseCode.updateRefused, closeReason(err.reason));
        } else {
          this.#rejectFrame(err);
        }
      })
      .finally(() => {
        this.#queued--;
      });
  }

  /** Everything but an update, in the room's queue. */
  async #handle(frame: IncomingFrame): Promise<void> {
    if (this.#closed) return;
    switch (frame.type) {
      case 'sync-step1':
        this.send(this.room.diffSince(frame.stateVector));
        return;
      case 'awareness':
        this.#applyAwareness(frame.update);
        return;
      case 'query-awareness':
        for (const greeting of this.room.greeting().slice(1)) this.send(greeting);
        return;
    }
  }

  async #handleUpdate(
    update: Uint8Array,
    decoded: Extract<IncomingFrame, { type: 'sync-update' }>['decoded'],
    type: 'sync-update' | 'sync-step2',
    arrivedAt: number,
  ): Promise<void> {
    if (this.#closed) return;
    if (!this.#canWrite) {
      // [P1–P3] a read-only connection's edits reach neither the document nor the disk.
      this.droppedWrites++;
      // Every client answers the greeting with its state, empty (2 bytes) for a reader.
      if (type === 'sync-update' || update.byteLength > EMPTY_UPDATE_BYTES)
        this.#observer.updateRefused('read_only');
      this.#log.debug('dropped a write from a read-only connection');
      return;
    }
    await this.room.applyMemberUpdate(update, this, decoded);
    this.#observer.updateAccepted();
    // From the frame's arrival (queue wait included) to its last send, which the room batches
    // ([S9]): what the others wait.
    void this.room.sent().then(() => this.#observer.relayed((performance.now() - arrivedAt) / 1000, 'local'));
  }

  /** Keeps only entries this connection may speak for, with its identity stamped in. */
  #applyAwareness(update: Uint8Array): void {
    if (this.#awarenessRight === 'none') return; // [P4]
    if (!this.#takeAwarenessToken()) return;
    const entries = decodeAwarenessUpdate(update);
    const accepted = entries.filter((entry) => {
      // [A2] A state everyone receives is bounded like a record is.
      if (entry.state !== null && jsonBytes(entry.state) > this.#limits.maxAwarenessStateBytes) {
        this.#log.warn('presence state too large; dropped', { bytes: jsonBytes(entry.state) });
        return false;
      }
      if (!this.#awarenessIds.has(entry.clientId)) {
        if (entry.state === null || this.#awarenessIds.size >= this.#limits.maxAwarenessClients) return false;
        // Someone else's client id: a connection cannot speak for another.
        if (!this.room.claimAwarenessId(entry.clientId, this)) return false;
        this.#awarenessIds.add(entry.clientId);
      }
      if (entry.state !== null) {
        // [P4] Whatever the client says, the identity is the server's.
        entry.state = { ...entry.state, [AWARENESS_USER_FIELD]: this.identity };
      }
      return true;
    });
    if (accepted.length === 0) return;
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, encodeAwarenessUpdate(accepted), this);
  }

  /** [A2] Presence beyond the rate is dropped; a sender far beyond it is closed. */
  #takeAwarenessToken(): boolean {
    const now = Date.now();
    const limits = this.#limits;
    this.#awarenessTokens = Math.min(
      limits.awarenessBurst,
      this.#awarenessTokens + ((now - this.#awarenessRefilledAt) / 1000) * limits.awarenessPerSecond,
    );
    this.#awarenessRefilledAt = now;
    if (this.#awarenessTokens >= 1) {
      this.#awarenessTokens -= 1;
      return true;
    }
    if (++this.#awarenessDropped > limits.maxDroppedAwareness) {
      this.#log.warn('presence flood; closing this connection', { dropped: this.#awarenessDropped });
      this.close(CloseCode.overloaded, 'too many presence updates');
    }
    return false;
  }

  #rejectFrame(err: unknown): void {
    this.#observer.updateRefused('malformed');
    const message = err instanceof Error ? err.message : String(err);
    this.#log.warn('malformed frame; closing this connection', {
      reason: message,
      frameError: err instanceof FrameError,
    });
    this.close(CloseCode.malformedFrame, 'malformed message');
  }

  close(code: number, reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    this.room.leave(this, this.#awarenessIds);
    try {
      this.#socket.close(code, reason);
    } catch {
      // The socket may already be gone; nothing to do.
    }
    this.#events.onClosed(this);
  }

  /** The socket closed from the other side. */
  socketClosed(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.room.leave(this, this.#awarenessIds);
    this.#events.onClosed(this);
  }
}

/** A websocket close reason is at most 123 bytes of UTF-8. */
function closeReason(reason: string): string {
  const text = `update refused: ${reason}`;
  let end = Math.min(text.length, 120);
  while (new TextEncoder().encode(text.slice(0, end)).byteLength > 123) end--;
  return text.slice(0, end);
}
