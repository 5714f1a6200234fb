import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { roomKey, type RoomAddress } from '@empiria/shared';
import type { Logger } from '../log';
import type { DocumentStore } from '../storage/document-store';
import { ClientIdOwners } from './client-id-owners';
import type { RoomMember } from './room-member';
import { UpdateRefused, type Correction, type DocumentRules } from './document-rules';
import { encodeAwarenessFrame, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './frames';
import { SerialQueue } from './serial-queue';
import { InspectionError, inspectUpdate } from './update-inspection';

export interface RoomOptions {
  /** Compact the update log into a snapshot after this many appended updates. */
  compactAfterUpdates: number;
  /** …or this long after the last update, when anything is left to compact. */
  compactAfterIdleMs: number;
}

export const DEFAULT_ROOM_OPTIONS: RoomOptions = { compactAfterUpdates: 500, compactAfterIdleMs: 30_000 };

/** Long enough for a laptop to wake and reconnect; presence states time out after 30 s anyway. */
const AWARENESS_RESERVATION_MS = 5 * 60_000;
const MAX_AWARENESS_RESERVATIONS = 10_000;

export class StorageFailure extends Error {
  override name = 'StorageFailure';
}

/**
 * One Yjs document and its awareness, shared by every connection to it. It owns the order of
 * events: load → (apply → persist → broadcast)* → compact. All of it runs through one queue.
 */
export class Room {
  readonly address: RoomAddress;
  readonly key: string;
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: awarenessProtocol.Awareness;
  readonly #store: DocumentStore;
  readonly #log: Logger;
  readonly #options: RoomOptions;
  readonly #queue = new SerialQueue();
  #loadError: Error | null = null;
  readonly #members = new Set<RoomMember>();
  /** Which member speaks for each awareness client id; nobody may take over another's. */
  readonly #awarenessOwners = new Map<number, RoomMember>();
  /**
   * Client ids whose connection left, kept for their person for a while: a tab that reconnects
   * gets its id back, and nobody else can speak for it in the gap ([A1]).
   */
  readonly #awarenessReserved = new Map<number, { personId: string; until: number }>();
  /** Updates the document emitted in the current task, persisted and broadcast at its end. */
  #emitted: { update: Uint8Array; origin: unknown }[] = [];
  #lastSeq = 0;
  #sinceCompaction = 0;
  #idleTimer: NodeJS.Timeout | null = null;
  #closed = false;
  readonly loaded: Promise<void>;

  readonly #rules: DocumentRules | null;
  readonly #clientIds = new ClientIdOwners();

  constructor(
    address: RoomAddress,
    store: DocumentStore,
    log: Logger,
    options: RoomOptions = DEFAULT_ROOM_OPTIONS,
    rules: DocumentRules | null = null,
  ) {
    this.#rules = rules;
    this.address = address;
    this.key = roomKey(address);
    this.#store = store;
    this.#log = log.child({ room: this.key });
    this.#options = options;
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.#emitted.push({ update, origin }));
    this.awareness.on('update', this.#onAwarenessUpdate);
    this.loaded = this.#queue.run(async () => {
      try {
        await this.#load();
      } catch (err) {
        this.#loadError = err as Error;
        throw err;
      }
    });
    // A failed load is reported to whoever awaits `loaded`; keep it from being an unhandled rejection.
    this.loaded.catch(() => {});
  }

  get memberCount(): number {
    return this.#members.size;
  }

  get members(): ReadonlySet<RoomMember> {
    return this.#members;
  }

  get isClosed(): boolean {
    return this.#closed;
  }

  /**
   * Queues work on the room; it runs after the load and after everything queued before it. After a
   * failed load (the database unreachable) every task fails with StorageFailure: an empty document
   * must never be served, nor written to, as if it were the board's.
   */
  run<T>(task: () => T | Promise<T>): Promise<T> {
    return this.#queue.run(() => {
      if (this.#loadError) {
        throw new StorageFailure(`the document could not be loaded: ${this.#loadError.message}`);
      }
      return task();
    });
  }

  get queueLength(): number {
    return this.#queue.length;
  }

  async #load(): Promise<void> {
    await this.#rules?.prepare?.();
    const stored = await this.#store.load(this.key);
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    if (parts.length > 0) Y.applyUpdate(this.doc, Y.mergeUpdates(parts), this);
    // Loading is not a change: nothing to persist or broadcast.
    this.#emitted = [];
    this.#lastSeq = stored.lastSeq;
    this.#sinceCompaction = stored.updates.length;
    this.#log.debug('room loaded', { updates: stored.updates.length, snapshot: stored.snapshot !== null });
    // A repair is a change like any other: stored, and sent to whoever is already waiting.
    const repair = this.#rules?.repair?.bind(this.#rules);
    if (repair) {
      this.doc.transact(() => repair(this.doc), this);
      if (this.#emitted.length > 0) this.#log.warn('repaired the document on load');
      await this.#persistEmitted();
    }
  }

  join(member: RoomMember): void {
    this.#members.add(member);
  }

  leave(member: RoomMember, awarenessClientIds: Iterable<number>): void {
    this.#members.delete(member);
    const ids = [...awarenessClientIds].filter((id) => this.#awarenessOwners.get(id) === member);
    const until = Date.now() + AWARENESS_RESERVATION_MS;
    for (const id of ids) {
      this.#awarenessOwners.delete(id);
      this.#awarenessReserved.set(id, { personId: member.personId, until });
    }
    this.#pruneReservations();
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, member);
  }

  /** True when `member` now owns `clientId` (it was free or already theirs). */
  claimAwarenessId(clientId: number, member: RoomMember): boolean {
    const owner = this.#awarenessOwners.get(clientId);
    if (owner !== undefined && owner !== member) return false;
    const reserved = this.#awarenessReserved.get(clientId);
    if (reserved && reserved.until > Date.now() && reserved.personId !== member.personId) return false;
    this.#awarenessReserved.delete(clientId);
    this.#awarenessOwners.set(clientId, member);
    return true;
  }

  #pruneReservations(): void {
    if (this.#awarenessReserved.size < MAX_AWARENESS_RESERVATIONS) return;
    const now = Date.now();
    for (const [id, reservation] of this.#awarenessReserved)
      if (reservation.until <= now) this.#awarenessReserved.delete(id);
    // Still full (a reconnect storm of thousands): the oldest reservations go first.
    for (const id of this.#awarenessReserved.keys()) {
      if (this.#awarenessReserved.size < MAX_AWARENESS_RESERVATIONS) break;
      this.#awarenessReserved.delete(id);
    }
  }

  /** The greeting a joining connection gets: our state vector and everyone's presence. */
  greeting(): Uint8Array[] {
    const frames = [encodeSyncStep1(Y.encodeStateVector(this.doc))];
    const states = this.awareness.getStates();
    if (states.size > 0) {
      frames.push(
        encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])),
      );
    }
    return frames;
  }

  /** Answer to a client's sync step 1: everything it lacks. Call only from inside `run`. */
  diffSince(stateVector: Uint8Array): Uint8Array {
    return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
  }

  /**
   * Applies an update and, before returning, appends what it changed to the store and then sends
   * it to every other member. Call only from inside `run`. Throws StorageFailure if the store
   * refused; the caller must then drop the room, since memory is ahead of the disk.
   */
  async applyAndPersist(
    update: Uint8Array,
    origin: RoomMember | null,
    decoded?: ReturnType<typeof Y.decodeUpdate>,
  ): Promise<void> {
    const rules = origin ? this.#rules : null;
    // Judged before anything is applied: a refused update leaves no trace anywhere [D1].
    let writers: number[] = [];
    if (rules && origin) {
      let refusal: string | null;
      try {
        const inspection = inspectUpdate(this.doc, decoded ?? Y.decodeUpdate(update));
        writers = inspection.writers;
        const foreign = writers.includes(this.doc.clientID)
          ? this.doc.clientID
          : this.#clientIds.foreign(writers, origin.personId);
        refusal =
          foreign !== null
            ? `writes as client ${foreign}, which is another person's or the server's`
            : rules.refusal(inspection, origin, this.doc);
      } catch (err) {
        if (!(err instanceof InspectionError)) throw err;
        refusal = err.message;
      }
      if (refusal !== null) throw new UpdateRefused(refusal);
      this.#clientIds.claim(writers, origin.personId);
    }
    let applyError: unknown = null;
    let correction: Correction | null = null;
    try {
      if (rules?.apply && origin) correction = await rules.apply(this.doc, update, origin);
      else Y.applyUpdate(this.doc, update, origin);
    } catch (err) {
      applyError = err;
    }
    if (correction) {
      const fix = correction;
      // Origin: the room, so the sender receives the correction too.
      this.doc.transact(() => fix(this.doc), this);
      this.#log.info('refused part of an update', { member: origin?.id, role: origin?.role });
    }
    // Whatever Yjs integrated before failing is in memory now, so it must reach the disk too.
    await this.#persistEmitted();
    if (applyError) throw applyError;
  }

  /** For changes the server makes itself (templates, results): same path as a client's. */
  async transact(change: (doc: Y.Doc) => void): Promise<void> {
    await this.run(async () => {
      this.doc.transact(() => change(this.doc), null);
      await this.#persistEmitted();
    });
  }

  async #persistEmitted(): Promise<void> {
    const emitted = this.#emitted;
    this.#emitted = [];
    if (emitted.length === 0) return;
    for (const { update } of emitted) {
      try {
        this.#lastSeq = await this.#store.append(this.key, update);
      } catch (err) {
        throw new StorageFailure(`could not store an update: ${(err as Error).message}`);
      }
      this.#sinceCompaction++;
    }
    // One frame per member for everything this task changed, so a correction arrives together with
    // what it corrects (nobody sees the refused state); a member gets back nothing of its own.
    const merged = (updates: Uint8Array[]) =>
      (updates.length === 1 ? updates[0] : Y.mergeUpdates(updates)) as Uint8Array;
    const all = encodeUpdate(merged(emitted.map((e) => e.update)));
    const origins = new Set(emitted.map((e) => e.origin));
    for (const member of this.#members) {
      if (!origins.has(member)) {
        member.send(all);
        continue;
      }
      const others = emitted.filter((e) => e.origin !== member).map((e) => e.update);
      if (others.length > 0) member.send(encodeUpdate(merged(others)));
    }
    this.#scheduleCompaction();
  }

  #onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    _origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const frame = encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const member of this.#members) member.send(frame);
  };

  #scheduleCompaction(): void {
    if (this.#sinceCompaction >= this.#options.compactAfterUpdates) {
      void this.run(() => this.#compact()).catch((err: unknown) =>
        this.#log.error('compaction failed', { err }),
      );
      return;
    }
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = null;
      void this.run(() => this.#compact()).catch((err: unknown) =>
        this.#log.error('compaction failed', { err }),
      );
    }, this.#options.compactAfterIdleMs);
    this.#idleTimer.unref();
  }

  /** Folds the update log into one snapshot. Runs inside the queue, so the snapshot is exact. */
  async #compact(): Promise<void> {
    if (this.#sinceCompaction === 0 || this.#closed) return;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    const upto = this.#lastSeq;
    const count = this.#sinceCompaction;
    await this.#store.compact(this.key, snapshot, upto);
    this.#sinceCompaction = 0;
    this.#log.debug('room compacted', { updates: count, bytes: snapshot.byteLength });
  }

  /** Compacts what is left and frees the document. Members must have been closed first. */
  async close(): Promise<void> {
    if (this.#closed) return;
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    // A room that never loaded has nothing of its own to fold in.
    if (!this.#loadError)
      await this.run(() => this.#compact()).catch((err: unknown) =>
        this.#log.error('compaction on close failed; the update log is intact', { err }),
      );
    this.#closed = true;
    this.#rules?.dispose?.();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
