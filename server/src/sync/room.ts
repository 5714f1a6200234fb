import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { roomKey, type RoomAddress } from '@empiria/shared';
import type { Logger } from '../log';
import type { DocumentStore } from '../storage/document-store';
import { ClientIdOwners } from './client-id-owners';
import type { RoomMember } from './room-member';
import { UpdateRefused, type Correction, type DocumentRules } from './document-rules';
import { encodeAwarenessFrame, encodeSyncStep1, encodeSyncStep2 } from './frames';
import { RoomAppends, StorageFailure, type ChangeBatch } from './room-appends';
import { RoomOutbox } from './room-outbox';
import { SerialQueue } from './serial-queue';
import { InspectionError, inspectUpdate } from './update-inspection';
import { MAX_AWARENESS_OWNERS, type AwarenessOwner, type ClientClaim } from './relay-messages';
import type { RelayChannel, RelayListener, RoomRelay } from './room-relay';

export interface RoomOptions {
  /** Compact the update log into a snapshot after this many appended updates. */
  compactAfterUpdates: number;
  /** …or this long after the last update, when anything is left to compact. */
  compactAfterIdleMs: number;
  /**
   * A busy room sends its members at most this often ([S9]): what changes meanwhile goes together,
   * as one update in one frame per member; 0 sends every tick.
   */
  sendIntervalMs: number;
  /** A large room's interval grows with its members up to this (`sendIntervalFor`, [S9]). */
  sendIntervalMaxMs: number;
  /** How many sends may leave at once, each at the end of its tick, before the interval holds. */
  sendBurst: number;
}

export const DEFAULT_ROOM_OPTIONS: RoomOptions = {
  compactAfterUpdates: 500,
  compactAfterIdleMs: 30_000,
  sendIntervalMs: 50,
  sendIntervalMaxMs: 100,
  sendBurst: 4,
};

/** Long enough for a laptop to wake and reconnect; presence states time out after 30 s anyway. */
const AWARENESS_RESERVATION_MS = 5 * 60_000;
const MAX_AWARENESS_RESERVATIONS = 10_000;

/** How long a room's first load waits for another process that is loading (and repairing) it. */
const LOAD_LOCK_WAIT_MS = 10_000;
/** After another process held the compaction lock, this long before trying again. */
const COMPACTION_RETRY_MS = 2_000;

/**
 * The origin of changes that reached this process already stored: updates relayed by another
 * process and what a catch-up read from the store. They are applied and sent, never appended.
 */
const STORED_ELSEWHERE = Symbol('stored elsewhere');

/** Who writes under the server's own Yjs client ids, in the relay's claims ([D8]). */
export const SERVER_WRITER = '#server';

export { StorageFailure };

/**
 * One Yjs document and its awareness, shared by every connection to it. It owns the order of
 * events: load → (apply → persist → broadcast)* → compact. All of it runs through one queue, but
 * for the appends of members' updates: those follow in order off the queue (RoomAppends, D42), and
 * any other task waits until they are stored, so it sees only what the store holds.
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
  #nextCompactionTry = 0;
  #idleTimer: NodeJS.Timeout | null = null;
  #closed = false;
  readonly loaded: Promise<void>;
  readonly #outbox: RoomOutbox;
  readonly #appends: RoomAppends;

  readonly #rules: DocumentRules | null;
  readonly #clientIds = new ClientIdOwners();
  /** Who wrote under which client id in the current task, for the other processes ([D8]). */
  #claims: ClientClaim[] = [];
  readonly #relay: RoomRelay | null;
  #channel: RelayChannel | null = null;
  /** Presence of other processes' connections: which process and person own each client id. */
  readonly #remoteAwareness = new Map<number, { process: string; personId: string }>();

  constructor(
    address: RoomAddress,
    store: DocumentStore,
    log: Logger,
    options: RoomOptions = DEFAULT_ROOM_OPTIONS,
    rules: DocumentRules | null = null,
    relay: RoomRelay | null = null,
  ) {
    this.#rules = rules;
    this.#relay = relay;
    this.address = address;
    this.key = roomKey(address);
    this.#store = store;
    this.#log = log.child({ room: this.key });
    this.#options = options;
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null);
    this.#outbox = new RoomOutbox(
      this.#members,
      {
        intervalMs: options.sendIntervalMs,
        maxIntervalMs: options.sendIntervalMaxMs,
        burst: options.sendBurst,
      },
      (ids) => {
        // A client the awareness never heard of has no clock to send (it cannot happen; be safe).
        const known = ids.filter((id) => this.awareness.meta.has(id));
        return known.length > 0
          ? encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, known))
          : null;
      },
      // Stored, so nothing is lost: members that missed it get it at their next sync.
      (err) => this.#log.error('could not send to the members', { err }),
    );
    this.#appends = new RoomAppends({
      isOwn: (emitted) => emitted.origin !== STORED_ELSEWHERE,
      append: async (update) => {
        this.#lastSeq = await this.#store.append(this.key, update);
      },
      stored: (batches, ownUpdate) => this.#handOn(batches, ownUpdate),
    });
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
    return this.#queue.run(async () => {
      // What the task reads (the document for a joiner, a snapshot, an export) is what is stored.
      await this.#appends.idle();
      this.#checkUsable();
      return task();
    });
  }

  /**
   * Like `run`, for work that neither reads nor changes the document (presence): it waits for no
   * append, so a cursor never holds the queue while a commit is under way.
   */
  runPresence<T>(task: () => T | Promise<T>): Promise<T> {
    return this.#queue.run(() => {
      this.#checkUsable();
      return task();
    });
  }

  #checkUsable(): void {
    if (this.#loadError) {
      throw new StorageFailure(`the document could not be loaded: ${this.#loadError.message}`);
    }
    if (this.#appends.failure) throw this.#appends.failure;
  }

  /**
   * Like `run`, for a task that applies a change stored or judged already: it does not wait for
   * earlier appends, and what it changed is appended after theirs, off the queue. Resolves once
   * that is stored and queued to send.
   */
  #runPipelined(task: () => void | Promise<void>): Promise<void> {
    return this.#queue
      .run(async () => {
        this.#checkUsable();
        let failure: { err: unknown } | null = null;
        try {
          await task();
        } catch (err) {
          failure = { err };
        }
        // Whatever Yjs integrated before a failure is in memory now, so it must reach the disk too.
        const stored = this.#persistEmitted();
        // Its failure reaches the caller through the chain below, or not at all when the task's own
        // error is the one to report; never as an unhandled rejection.
        stored.catch(() => {});
        if (failure) throw failure.err;
        // Wrapped: an async task returning the promise itself would wait for it inside the queue.
        return { stored };
      })
      .then(({ stored }) => stored);
  }

  get queueLength(): number {
    return this.#queue.length;
  }

  /** Resolves once every change and presence queued so far was handed to the members' sockets. */
  sent(): Promise<void> {
    return this.#outbox.sent();
  }

  async #load(): Promise<void> {
    await this.#rules?.prepare?.();
    if (!this.#relay) return this.#loadStored();
    // Subscribe first, then load: what another process appends before we subscribe is in the
    // store; what it publishes after reaches the listener, whose work queues behind this load.
    this.#channel = await this.#relay.join(this.key, this.#relayListener);
    // One process at a time loads (and repairs) a room, so two never write the same repair.
    await this.#relay.locks.withWaiting(`open:${this.key}`, LOAD_LOCK_WAIT_MS, () => this.#loadStored());
    // Whoever is here through other processes: their presence comes back as awareness messages.
    this.#channel.publishHello();
  }

  async #loadStored(): Promise<void> {
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
    // A connection on another process speaks for it; only the same person may take it over (a
    // tab that moved to this process).
    const remote = this.#remoteAwareness.get(clientId);
    if (remote && remote.personId !== member.personId) return false;
    this.#remoteAwareness.delete(clientId);
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
   * Queues a member's update: judged by the document's rules against everything applied before it,
   * applied, then appended to the store after the updates before it and only then sent to every
   * other member ([S3]). Resolves once stored and queued to send. Rejects with UpdateRefused (nothing
   * of it kept, [D1]) or StorageFailure (the room must be dropped: memory is ahead of the disk).
   * An update of a member that has left by its turn is dropped.
   */
  applyMemberUpdate(
    update: Uint8Array,
    origin: RoomMember,
    decoded?: ReturnType<typeof Y.decodeUpdate>,
  ): Promise<void> {
    return this.#runPipelined(async () => {
      if (!this.#members.has(origin)) return;
      await this.#apply(update, origin, decoded);
    });
  }

  async #apply(
    update: Uint8Array,
    origin: RoomMember,
    decoded?: ReturnType<typeof Y.decodeUpdate>,
  ): Promise<void> {
    const rules = this.#rules;
    // Judged before anything is applied: a refused update leaves no trace anywhere [D1].
    let writers: number[] = [];
    if (rules) {
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
      if (this.#channel && writers.length > 0)
        this.#claims.push({ personId: origin.personId, clients: writers });
    }
    const store = this.doc.store;
    const pendingBefore = { structs: store.pendingStructs, ds: store.pendingDs };
    const correction: Correction | null = rules?.apply
      ? await rules.apply(this.doc, update, origin)
      : (Y.applyUpdate(this.doc, update, origin), null);
    // A room without rules (tests) lets Yjs wait for what comes later, as Yjs itself does.
    if (rules) this.#dropParked(pendingBefore, origin);
    if (correction) {
      // Origin: the room, so the sender receives the correction too.
      this.doc.transact(() => correction(this.doc), this);
      this.#log.info('refused part of an update', { member: origin.id, role: origin.role });
    }
  }

  /**
   * What Yjs parked of a member's update waits for changes the server does not have, and would be
   * integrated unchecked whenever they came, from anyone ([D1]). The inspection refuses what it can
   * see of that; this catches the rest (an update that names one client twice, whose sections Yjs
   * and the inspection read differently): the parked part is dropped and the update refused. What
   * Yjs did integrate was judged and is kept. Pending structs relayed by another process (a missed
   * message) go too, and come back from the store.
   */
  #dropParked(before: { structs: unknown; ds: unknown }, origin: RoomMember): void {
    const store = this.doc.store;
    if (store.pendingStructs === before.structs && store.pendingDs === before.ds) return;
    if (store.pendingStructs === null && store.pendingDs === null) return;
    store.pendingStructs = null;
    store.pendingDs = null;
    if (before.structs !== null || before.ds !== null) {
      void this.#runRelayed('catch up from the store', async () => {
        await this.#catchUp();
      });
    }
    this.#log.warn('dropped the part of an update that waited for changes never sent', { member: origin.id });
    throw new UpdateRefused('the update depends on changes the server does not have');
  }

  /**
   * For changes the server makes itself (templates, results): same path as a client's. `before`,
   * when given, runs first in the room's queue: what the change needs from a database, read after
   * every update queued before it (a Yjs transaction cannot wait for it).
   */
  async transact(change: (doc: Y.Doc) => void, before?: () => Promise<void>): Promise<void> {
    await this.run(async () => {
      await before?.();
      this.doc.transact(() => change(this.doc), null);
      await this.#persistEmitted();
    });
  }

  /** Hands what the current task changed to the appends: stored, relayed and sent in order. */
  #persistEmitted(): Promise<void> {
    const batch: ChangeBatch = { emitted: this.#emitted, claims: this.#claims };
    this.#emitted = [];
    this.#claims = [];
    return this.#appends.add(batch);
  }

  /** Stored (or stored elsewhere): the other processes may have it now, and then the members. */
  #handOn(batches: ChangeBatch[], ownUpdate: Uint8Array | null): void {
    for (const batch of batches) this.#sinceCompaction += batch.emitted.length;
    // With the server's own client id, which no person may write under on any process ([D8]).
    if (this.#channel && ownUpdate) {
      const claims = batches.flatMap((b) => b.claims);
      claims.push({ personId: SERVER_WRITER, clients: [this.doc.clientID] });
      this.#channel.publishUpdate(ownUpdate, claims);
    }
    // With whatever else changes before the next send ([S9]). A task's changes go together, so a
    // correction arrives with what it corrects (nobody sees the refused state); a member gets back
    // nothing of its own.
    for (const batch of batches) this.#outbox.queueUpdates(batch.emitted);
    this.#scheduleCompaction();
  }

  #onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    // Sent with the room's next batch: a cursor that moves ten times meanwhile is sent once ([S9]).
    this.#outbox.queueAwareness(changed);
    // A state another process's connection left stays reserved for its person here too ([A1]).
    const until = Date.now() + AWARENESS_RESERVATION_MS;
    for (const id of removed) {
      const remote = this.#remoteAwareness.get(id);
      if (!remote) continue;
      this.#remoteAwareness.delete(id);
      this.#awarenessReserved.set(id, { personId: remote.personId, until });
    }
    // Only what our own connections said goes out; each process times states out by itself.
    if (this.#channel && isRoomMember(origin)) {
      const owners: AwarenessOwner[] = changed.map((clientId) => ({ clientId, personId: origin.personId }));
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
      this.#channel.publishAwareness(update, owners);
    }
  };

  /** What the other processes of the installation send about this room. */
  readonly #relayListener: RelayListener = {
    update: (update, claims) => {
      // Stored already: it waits for no append of ours, only for the task before it ([D42]).
      const done = this.#runPipelined(() => {
        if (this.#closed) return;
        for (const claim of claims) this.#clientIds.claim(claim.clients, claim.personId);
        Y.applyUpdate(this.doc, update, STORED_ELSEWHERE);
      });
      done.catch((err: unknown) => this.#log.error('could not apply a relayed update', { err }));
      return done;
    },
    awareness: (update, owners, process) => {
      if (this.#closed) return;
      for (const { clientId, personId } of owners) {
        if (!this.#awarenessOwners.has(clientId)) this.#remoteAwareness.set(clientId, { process, personId });
      }
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, STORED_ELSEWHERE);
    },
    hello: () => {
      if (this.#closed || !this.#channel) return;
      // Our connections' states only: the newcomer hears each process's from that process.
      const byOwner = [...this.#awarenessOwners].filter(([clientId]) =>
        this.awareness.getStates().has(clientId),
      );
      for (let i = 0; i < byOwner.length; i += MAX_AWARENESS_OWNERS) {
        const batch = byOwner.slice(i, i + MAX_AWARENESS_OWNERS);
        const update = awarenessProtocol.encodeAwarenessUpdate(
          this.awareness,
          batch.map(([clientId]) => clientId),
        );
        this.#channel.publishAwareness(
          update,
          batch.map(([clientId, member]) => ({ clientId, personId: member.personId })),
        );
      }
    },
    compacted: () => {
      void this.#runRelayed('note a compaction', () => {
        this.#sinceCompaction = 0;
      });
    },
    missed: () => {
      void this.#runRelayed('catch up from the store', async () => {
        await this.#catchUp();
      });
    },
    processGone: (process) => {
      if (this.#closed) return;
      const ids = [...this.#remoteAwareness]
        .filter(([, owner]) => owner.process === process)
        .map(([id]) => id);
      if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, STORED_ELSEWHERE);
    },
  };

  /** Queues what another process sent; the promise settles when it ran, rejecting once logged. */
  #runRelayed(what: string, task: () => void | Promise<void>): Promise<void> {
    const done = this.run(async () => {
      if (!this.#closed) await task();
    });
    done.catch((err: unknown) => this.#log.error(`could not ${what}`, { err }));
    return done;
  }

  /**
   * Applies whatever the store holds that this copy lacks (updates another process appended whose
   * message we missed) and sends it on. Call only from inside `run`. Returns the store's last seq.
   */
  async #catchUp(): Promise<number> {
    const stored = await this.#store.load(this.key);
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    if (parts.length > 0) Y.applyUpdate(this.doc, Y.mergeUpdates(parts), STORED_ELSEWHERE);
    await this.#persistEmitted();
    return stored.lastSeq;
  }

  #scheduleCompaction(): void {
    if (this.#sinceCompaction >= this.#options.compactAfterUpdates && Date.now() >= this.#nextCompactionTry) {
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
    if (!this.#relay) return this.#compactUpTo(this.#lastSeq);
    // Several processes append to this log. One compacts at a time, and only after reading the
    // store: the snapshot must hold every update up to the seq it replaces, including those whose
    // message is still on its way here.
    const outcome = await this.#relay.locks.tryWith(`compact:${this.key}`, async () => {
      await this.#compactUpTo(await this.#catchUp());
    });
    if (!outcome.ran) {
      this.#nextCompactionTry = Date.now() + COMPACTION_RETRY_MS;
      this.#log.debug('another process is compacting this room');
      return;
    }
    this.#channel?.publishCompacted();
  }

  async #compactUpTo(upto: number): Promise<void> {
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    const count = this.#sinceCompaction;
    await this.#store.compact(this.key, snapshot, upto);
    this.#sinceCompaction = 0;
    this.#log.debug('room compacted', { updates: count, bytes: snapshot.byteLength });
  }

  /** The room was dropped without a compaction (a storage failure): stop hearing the others. */
  abandon(): void {
    this.#outbox.close();
    void this.#channel?.leave();
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
    this.#outbox.close();
    await this.#channel?.leave();
    this.#rules?.dispose?.();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

function isRoomMember(origin: unknown): origin is RoomMember {
  return typeof origin === 'object' && origin !== null && 'personId' in origin && 'send' in origin;
}
