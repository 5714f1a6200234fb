/**
 * Where the Yjs documents live. The contract, which `document-store.contract.ts` tests against
 * every implementation:
 *
 * - `append` resolves only once the update is durable against a process crash (`kill -9`): the
 *   room broadcasts an update only after its append resolved.
 * - `load` returns the latest snapshot (if any) followed by every update appended after it, in
 *   append order. Applying them all to an empty Y.Doc gives the document.
 * - `compact` atomically replaces the snapshot and deletes the updates up to `uptoSeq`; updates
 *   appended after `uptoSeq` survive. A crash mid-compaction leaves the old state intact.
 * - Keys are room keys (`<boardId>/<doc>`); documents never see each other's updates.
 */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the last stored update (0 when none); pass it to `compact`. */
  lastSeq: number;
}

export interface DocumentStore {
  load(key: string): Promise<StoredDocument>;
  /** Returns the update's sequence number, increasing per store. */
  append(key: string, update: Uint8Array): Promise<number>;
  compact(key: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;
  /** Number of updates stored after the snapshot, for compaction decisions and tests. */
  pendingUpdates(key: string): Promise<number>;
  close(): Promise<void>;
}
