import * as Y from 'yjs';
import { CANVAS_RECORDS_ARRAY } from '@empiria/shared';
import type { RecordEntry } from './canvas-records';

/** A key whose current record a transaction changed: the entry that stood for it before and after. */
export interface RecordIndexChange {
  key: string;
  /** The entry that stood for the key before the transaction; undefined when there was none. */
  before: RecordEntry | undefined;
  /** The entry that stands for it now; undefined when the key has no entry left. */
  after: RecordEntry | undefined;
  /** The key's entries the transaction inserted that are still in the array (`after` among them, or not). */
  inserted: readonly RecordEntry[];
}

export type RecordIndexListener = (changes: readonly RecordIndexChange[]) => void;

const indexes = new WeakMap<Y.Doc, CanvasRecordIndex>();

/**
 * The canvas's records by key, as YKeyValue reads them (the LAST entry of a key in the array wins),
 * kept in step with the records array as it changes, so what the server's rules ask of the board
 * (a record by id, what a transaction changed, the board's size) costs what the change costs, not
 * what the board holds.
 *
 * It reads a transaction's changes from the transaction itself (the items inserted since its
 * `beforeState`, the ranges of its delete set) rather than from `event.changes`, which Yjs computes
 * by walking every item of the array. A key holds more than one live entry only after concurrent
 * writes of the same record; only then does the index walk the items around a new entry, outwards
 * from it, to learn which of them comes last.
 */
export class CanvasRecordIndex {
  /** One index per document, created on first use and kept for the document's life. */
  static of(doc: Y.Doc): CanvasRecordIndex {
    let index = indexes.get(doc);
    if (!index) {
      index = new CanvasRecordIndex(doc.getArray<RecordEntry>(CANVAS_RECORDS_ARRAY));
      indexes.set(doc, index);
    }
    return index;
  }

  readonly #array: Y.Array<RecordEntry>;
  /** Each key's live entries in array order (almost always one); the last stands for the key. */
  readonly #entries = new Map<string, RecordEntry[]>();
  readonly #listeners = new Set<RecordIndexListener>();

  private constructor(array: Y.Array<RecordEntry>) {
    this.#array = array;
    for (const entry of array.toArray() as unknown[]) {
      if (!isEntry(entry)) continue;
      const live = this.#entries.get(entry.key);
      if (live) live.push(entry);
      else this.#entries.set(entry.key, [entry]);
    }
    array.observe((_event, transaction) => this.#integrate(transaction));
  }

  /** The entry that stands for `key` now. */
  current(key: string): RecordEntry | undefined {
    const live = this.#entries.get(key);
    return live?.[live.length - 1];
  }

  /** The live entries of `key` in array order (the last stands for it; almost always just one). */
  entriesOf(key: string): readonly RecordEntry[] {
    return this.#entries.get(key) ?? [];
  }

  /** Whether `entry` is in the array now (standing for its key or not). */
  holds(entry: RecordEntry): boolean {
    return this.#entries.get(entry.key)?.includes(entry) ?? false;
  }

  /** The entries that stand for their keys now, one per key. */
  *currentEntries(): IterableIterator<RecordEntry> {
    for (const live of this.#entries.values()) yield live[live.length - 1] as RecordEntry;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Called after each transaction that changed a key's current entry; returns the unsubscribe. */
  listen(listener: RecordIndexListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #integrate(transaction: Y.Transaction): void {
    const array = this.#array;
    const before = transaction.beforeState;
    const insertedNow = (item: Y.Item) => item.id.clock >= (before.get(item.id.client) ?? 0);
    const ofArray = (struct: Y.AbstractStruct): struct is Y.Item =>
      struct instanceof Y.Item && struct.parent === array && struct.parentSub === null;
    const touched = new Map<string, { before: RecordEntry | undefined; inserted: RecordEntry[] }>();
    const touch = (key: string) => {
      let change = touched.get(key);
      if (!change) touched.set(key, (change = { before: this.current(key), inserted: [] }));
      return change;
    };

    // Deleted first: an update that replaces a record deletes its entry and pushes the new one,
    // and with the old one gone the new one needs no ordering.
    Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
      if (!ofArray(struct) || insertedNow(struct)) return;
      for (const entry of struct.content.getContent() as unknown[]) {
        if (!isEntry(entry)) continue;
        const live = this.#entries.get(entry.key);
        const at = live?.indexOf(entry) ?? -1;
        if (!live || at < 0) continue;
        touch(entry.key);
        if (live.length === 1) this.#entries.delete(entry.key);
        else live.splice(at, 1);
      }
    });

    for (const [client, clock] of transaction.afterState) {
      const from = before.get(client) ?? 0;
      if (clock <= from) continue;
      const structs = transaction.doc.store.clients.get(client);
      if (!structs) continue;
      for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
        const struct = structs[i] as Y.AbstractStruct;
        if (!ofArray(struct) || struct.deleted) continue;
        const content = struct.content.getContent() as unknown[];
        content.forEach((entry, offset) => {
          if (!isEntry(entry)) return;
          touch(entry.key).inserted.push(entry);
          const live = this.#entries.get(entry.key);
          if (!live) this.#entries.set(entry.key, [entry]);
          else live.splice(entriesBefore(struct, offset, live), 0, entry);
        });
      }
    }

    if (touched.size === 0 || this.#listeners.size === 0) return;
    const changes: RecordIndexChange[] = [];
    for (const [key, { before: was, inserted }] of touched) {
      const now = this.current(key);
      if (now !== was) changes.push({ key, before: was, after: now, inserted });
    }
    if (changes.length === 0) return;
    for (const listener of [...this.#listeners]) listener(changes);
  }
}

/**
 * How many of `live` (entries of one key, in array order) lie before the entry at `offset` in
 * `item`. Walks outwards from the item, a step left and a step right in turn, until it has met all
 * of them or one end of the array: whatever was not met lies on the other side. The walk is as long
 * as the distance to the farthest of them or to the nearer end, whichever is shorter.
 */
function entriesBefore(item: Y.Item, offset: number, live: readonly RecordEntry[]): number {
  const unseen = new Set(live);
  let count = 0;
  (item.content.getContent() as unknown[]).forEach((entry, at) => {
    if (at === offset || !unseen.delete(entry as RecordEntry)) return;
    if (at < offset) count++;
  });
  let left = item.left;
  let right = item.right;
  while (unseen.size > 0) {
    if (left === null) return count;
    if (right === null) return count + unseen.size;
    count += meet(left, unseen);
    meet(right, unseen);
    left = left.left;
    right = right.right;
  }
  return count;
}

/** Takes the entries of `item` out of `unseen`; returns how many it took. */
function meet(item: Y.Item, unseen: Set<RecordEntry>): number {
  if (item.deleted) return 0;
  let met = 0;
  for (const entry of item.content.getContent() as unknown[]) if (unseen.delete(entry as RecordEntry)) met++;
  return met;
}

export function isEntry(value: unknown): value is RecordEntry {
  return typeof value === 'object' && value !== null && typeof (value as RecordEntry).key === 'string';
}
