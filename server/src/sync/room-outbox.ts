import * as Y from 'yjs';
import { encodeUpdate } from './frames';
import type { RoomMember } from './room-member';

/** One change the document emitted, and who made it (a member, the room, another process). */
export interface EmittedUpdate {
  update: Uint8Array;
  origin: unknown;
}

export interface RoomOutboxOptions {
  /**
   * While a room is busy, one send per member this often at least: what comes meanwhile waits for
   * the next send and goes with it, as one update. 0: every tick.
   */
  intervalMs: number;
  /** The longest a large room's interval grows to (`sendIntervalFor`); below `intervalMs`, unused. */
  maxIntervalMs: number;
  /**
   * How many sends may leave back to back, each at the end of its tick, before the interval holds
   * (a token bucket: one send's worth comes back per interval, up to this many). A room that is not
   * busy thus never waits; a busy one is held to one send per interval as before. Waiting costs
   * most where a room is served by several processes: each process's wait is its own, and a
   * change reaches its last recipient after the longest of them.
   */
  burst: number;
}

/**
 * A send costs every member a write to its socket — about 9 µs of a core each on the machines of
 * docs/performance.md, the largest part of a busy room's CPU — while what it carries is shared. So a
 * room's interval grows with its members, this much per member: a room's writes then never take more
 * than ~5% of a core (9 µs / 0.2 ms), whatever its size, until `maxIntervalMs` caps the wait.
 */
export const SEND_MS_PER_MEMBER = 0.2;

/**
 * A busy room's interval between sends for this many members: `intervalMs` for a workshop-sized
 * room (250 people or fewer at the defaults), longer for a larger one, at most `maxIntervalMs`.
 */
export function sendIntervalFor(
  members: number,
  { intervalMs, maxIntervalMs }: Pick<RoomOutboxOptions, 'intervalMs' | 'maxIntervalMs'>,
): number {
  return Math.max(intervalMs, Math.min(members * SEND_MS_PER_MEMBER, maxIntervalMs));
}

/** A task's updates as one (Y.mergeUpdates), skipped for one update (merging re-encodes it). */
function merged(updates: readonly Uint8Array[]): Uint8Array {
  return updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates as Uint8Array[]);
}

/**
 * What a room sends its members, gathered and sent together ([S9] in docs/protocol.md): the
 * document's changes of every task since the last send, merged into one update and encoded into one
 * frame, and the presence of every client that changed, encoded once; every member that made none
 * of the changes is handed the very same list of frames (the same bytes, never copied per member,
 * framed for the wire once). A member gets back nothing of its own: one that made part of the
 * changes gets each task's frame without its own part. Each member's frames go to its socket in
 * one write.
 *
 * The room queues only what is stored already ([S3]): the outbox delays a send, never a write.
 */
export class RoomOutbox {
  readonly #members: ReadonlySet<RoomMember>;
  readonly #options: RoomOutboxOptions;
  readonly #encodeAwareness: (clientIds: number[]) => Uint8Array | null;
  readonly #onError: (err: unknown) => void;
  /** One entry per task of the room: its changes, sent together so a correction never comes apart. */
  #tasks: EmittedUpdate[][] = [];
  readonly #awareness = new Set<number>();
  #timer: NodeJS.Timeout | null = null;
  #immediate: NodeJS.Immediate | null = null;
  /** Sends that may leave without waiting (the bucket), as of `#refilledAt`. */
  #tokens: number;
  #refilledAt = performance.now();
  #sent: { promise: Promise<void>; resolve: () => void } | null = null;
  #closed = false;

  constructor(
    members: ReadonlySet<RoomMember>,
    options: RoomOutboxOptions,
    /** The awareness frame for these client ids' current states (or null when none is known). */
    encodeAwareness: (clientIds: number[]) => Uint8Array | null,
    /** A send that failed: it runs from a timer, where a throw would end the process. */
    onError: (err: unknown) => void,
  ) {
    this.#members = members;
    this.#options = options;
    this.#tokens = Math.max(1, options.burst);
    this.#encodeAwareness = encodeAwareness;
    this.#onError = onError;
  }

  /** One task's changes, stored already. */
  queueUpdates(emitted: readonly EmittedUpdate[]): void {
    if (this.#closed || emitted.length === 0) return;
    this.#tasks.push([...emitted]);
    this.#schedule();
  }

  /** Clients whose presence changed (or went). */
  queueAwareness(clientIds: readonly number[]): void {
    if (this.#closed || clientIds.length === 0) return;
    for (const id of clientIds) this.#awareness.add(id);
    this.#schedule();
  }

  /** Resolves once everything queued so far was handed to the members' sockets (or dropped at close). */
  sent(): Promise<void> {
    if (this.#tasks.length === 0 && this.#awareness.size === 0) return Promise.resolve();
    if (!this.#sent) {
      let resolve!: () => void;
      const promise = new Promise<void>((done) => (resolve = done));
      this.#sent = { promise, resolve };
    }
    return this.#sent.promise;
  }

  /** Nothing more goes out; what is queued is dropped (the members are gone or being closed). */
  close(): void {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#immediate) clearImmediate(this.#immediate);
    this.#timer = this.#immediate = null;
    this.#tasks = [];
    this.#awareness.clear();
    this.#settle();
  }

  #schedule(): void {
    if (this.#timer || this.#immediate) return;
    const intervalMs = this.#intervalMs();
    this.#refill(intervalMs);
    // Whole milliseconds, rounded up: a timer may round down and fire a hair before the share is earned.
    const wait = Math.ceil(intervalMs * (1 - this.#tokens) - 1e-9);
    // The end of this tick: whatever else the same round of socket reads brought goes along.
    if (wait <= 0) this.#immediate = setImmediate(this.#send);
    else this.#timer = setTimeout(this.#send, wait);
  }

  #intervalMs(): number {
    return sendIntervalFor(this.#members.size, this.#options);
  }

  #refill(intervalMs: number): void {
    const now = performance.now();
    const { burst } = this.#options;
    const earned = intervalMs > 0 ? (now - this.#refilledAt) / intervalMs : Infinity;
    this.#tokens = Math.min(Math.max(1, burst), this.#tokens + earned);
    this.#refilledAt = now;
  }

  #settle(): void {
    const sent = this.#sent;
    this.#sent = null;
    sent?.resolve();
  }

  #send = (): void => {
    this.#timer = this.#immediate = null;
    this.#refill(this.#intervalMs());
    this.#tokens = Math.max(0, this.#tokens - 1);
    const tasks = this.#tasks;
    this.#tasks = [];
    const awarenessIds = [...this.#awareness];
    this.#awareness.clear();
    try {
      this.#deliver(tasks, awarenessIds);
    } catch (err) {
      this.#onError(err);
    } finally {
      this.#settle();
    }
  };

  #deliver(tasks: EmittedUpdate[][], awarenessIds: number[]): void {
    const awareness = awarenessIds.length > 0 ? this.#encodeAwareness(awarenessIds) : null;
    // One update for the whole send, not a frame per task: every member applies it in one
    // transaction, which a browser showing a busy board pays for far more than the merge costs here.
    const taskUpdates = tasks.map((task) => merged(task.map((e) => e.update)));
    const everyone = taskUpdates.length > 0 ? encodeUpdate(merged(taskUpdates)) : null;
    // After the document's changes: a presence may point at what they add.
    const forEveryone = [everyone, awareness].filter((frame): frame is Uint8Array => frame !== null);
    if (forEveryone.length === 0) return;
    const origins = new Set(tasks.flatMap((task) => task.map((e) => e.origin)));
    const taskFrames: (Uint8Array | undefined)[] = [];
    const taskFrame = (i: number) => (taskFrames[i] ??= encodeUpdate(taskUpdates[i] as Uint8Array));

    for (const member of this.#members) {
      // The very same list for everyone who made none of the changes: its socket frames it once.
      if (!origins.has(member)) {
        member.sendAll(forEveryone);
        continue;
      }
      const frames: Uint8Array[] = [];
      tasks.forEach((task, i) => {
        if (!task.some((e) => e.origin === member)) {
          frames.push(taskFrame(i));
          return;
        }
        // Its own task: what else it changed (a correction of its update), never the update itself.
        const others = task.filter((e) => e.origin !== member).map((e) => e.update);
        if (others.length > 0) frames.push(encodeUpdate(merged(others)));
      });
      if (awareness) frames.push(awareness);
      if (frames.length > 0) member.sendAll(frames);
    }
  }
}
