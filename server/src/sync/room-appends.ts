import * as Y from 'yjs';
import type { ClientClaim } from './relay-messages';
import type { EmittedUpdate } from './room-outbox';

/** What one task of the room changed: stored, relayed and sent together. */
export interface ChangeBatch {
  emitted: EmittedUpdate[];
  /** Who wrote under which client id in it, for the other processes ([D8]). */
  claims: ClientClaim[];
}

export interface RoomAppendsTarget {
  /** Our own changes of the group, merged: resolves once durable. */
  append(update: Uint8Array): Promise<void>;
  /** The group is stored: relay it and queue it to send, batch by batch in order ([S3]). */
  stored(batches: ChangeBatch[], ownUpdate: Uint8Array | null): void;
  /** Whether an emitted update is ours to store (not one another process stored already). */
  isOwn(emitted: EmittedUpdate): boolean;
}

/** The store refused a write: memory is ahead of the disk, so the room must be dropped. */
export class StorageFailure extends Error {
  override name = 'StorageFailure';
}

interface Waiting {
  batch: ChangeBatch;
  resolve: () => void;
  reject: (err: unknown) => void;
}

function merged(updates: Uint8Array[]): Uint8Array {
  return updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
}

/**
 * A room's appends, in order, off the room's queue (D42): while one group of changes waits for
 * the store's commit, the room judges and applies the next updates, and they are stored together
 * when it returns — one commit for all that queued meanwhile (group commit). Nothing leaves before
 * it is stored ([S3]): a batch is relayed and sent only after its own append, and after every
 * batch before it. Changes another process stored already need no append and do not wait for
 * ours: they are handed on at once (Yjs merges in any order; none of them can depend on a change
 * of ours that was not yet relayed).
 *
 * The first failed append fails every batch after it too: memory is ahead of the disk, and the
 * room must be dropped and reloaded from the store.
 */
export class RoomAppends {
  readonly #target: RoomAppendsTarget;
  #waiting: Waiting[] = [];
  #running: Promise<void> | null = null;
  #failure: StorageFailure | null = null;

  constructor(target: RoomAppendsTarget) {
    this.#target = target;
  }

  /** The failure that broke the room's storage, if any. */
  get failure(): StorageFailure | null {
    return this.#failure;
  }

  /** Batches added and not yet stored (or failed). */
  get pending(): number {
    return this.#waiting.length + (this.#running ? 1 : 0);
  }

  /**
   * Stores a batch after every batch added before it, then hands it on. Resolves once it was
   * handed on; rejects with StorageFailure when it could not be stored.
   */
  add(batch: ChangeBatch): Promise<void> {
    if (batch.emitted.length === 0) return Promise.resolve();
    if (!batch.emitted.some((e) => this.#target.isOwn(e))) {
      this.#target.stored([batch], null);
      return Promise.resolve();
    }
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise<void>((resolve, reject) => {
      this.#waiting.push({ batch, resolve, reject });
      this.#running ??= this.#drain();
    });
  }

  /** Resolves when every batch added so far is stored or failed. Never rejects. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #drain(): Promise<void> {
    // Start after the caller's task has returned: whatever else it queues goes in the same group.
    await Promise.resolve();
    while (this.#waiting.length > 0) {
      const group = this.#waiting;
      this.#waiting = [];
      const batches = group.map((w) => w.batch);
      let ownUpdate: Uint8Array;
      try {
        if (this.#failure) throw this.#failure;
        ownUpdate = merged(
          batches.flatMap((b) => b.emitted.filter((e) => this.#target.isOwn(e)).map((e) => e.update)),
        );
        await this.#target.append(ownUpdate);
      } catch (err) {
        this.#failure ??=
          err instanceof StorageFailure
            ? err
            : new StorageFailure(`could not store an update: ${(err as Error).message}`);
        for (const w of group) w.reject(this.#failure);
        continue;
      }
      try {
        this.#target.stored(batches, ownUpdate);
        for (const w of group) w.resolve();
      } catch (err) {
        // Stored, but not handed on (the target failed): its callers hear why; the room goes on.
        for (const w of group) w.reject(err);
      }
    }
    this.#running = null;
  }
}
