import type { RecordsDiff, TLRecord, TLStore } from 'tldraw';
import { parentShapeId, shapesOnBrokenChains } from '@empiria/formats';
import type { YKeyValue } from 'y-utility/y-keyvalue';
import type { PreparedRecord } from './record-preparer';

/** One key's change as YKeyValue reports it. */
export type KeyValueChange =
  | { action: 'add'; newValue: unknown }
  | { action: 'update'; oldValue: unknown; newValue: unknown }
  | { action: 'delete'; oldValue: unknown };

export interface BrokenRecord {
  id: string;
  reason: string;
}

export interface RemotePlan {
  put: TLRecord[];
  remove: TLRecord['id'][];
  broken: BrokenRecord[];
}

/** Sorts remote changes into records to put, ids to remove and broken records to report. */
export function planRemoteChanges(
  changes: Iterable<[string, KeyValueChange]>,
  prepare: (raw: unknown) => PreparedRecord,
): RemotePlan {
  const plan: RemotePlan = { put: [], remove: [], broken: [] };
  for (const [key, change] of changes) {
    if (change.action === 'delete') {
      plan.remove.push(key as TLRecord['id']);
      continue;
    }
    const prepared = prepare(change.newValue);
    if (prepared.ok === true) plan.put.push(prepared.record);
    else if (prepared.ok === false)
      plan.broken.push({ id: prepared.id === '(no id)' ? key : prepared.id, reason: prepared.reason });
  }
  return plan;
}

/**
 * The plan without the shapes whose chain of parents would loop, or go deeper than the server
 * allows, once it is applied (`inStore`: the store's record of an id): tldraw hangs for good on a
 * loop. The server refuses both ([D3]) and repairs a stored board; this is for a board that reaches
 * this client anyway. The shapes left out are reported as broken; the store keeps what it had.
 */
export function withoutBrokenParentChains(plan: RemotePlan, inStore: (id: string) => unknown): RemotePlan {
  const shapes = plan.put.filter((record) => record.typeName === 'shape');
  if (shapes.length === 0) return plan;
  const put = new Map<string, TLRecord>(plan.put.map((record) => [record.id, record]));
  const removed = new Set<string>(plan.remove);
  const broken = shapesOnBrokenChains(
    shapes.map((shape) => shape.id),
    (id) => {
      const record = put.get(id);
      if (record) return parentShapeId(record);
      return removed.has(id) ? undefined : parentShapeId(inStore(id));
    },
  );
  if (broken.size === 0) return plan;
  return {
    put: plan.put.filter((record) => !broken.has(record.id)),
    remove: plan.remove,
    broken: [
      ...plan.broken,
      ...[...broken]
        .filter((id) => put.has(id))
        .map((id) => ({ id, reason: 'its parents form a loop or are nested too deep' })),
    ],
  };
}

/**
 * Applies a plan as remote changes: they never enter the local undo history and the local
 * listener does not echo them back. Records were validated one by one already; should the store
 * still refuse the batch, each record is retried alone so one bad record cannot block the rest.
 */
export function applyRemotePlan(store: TLStore, plan: RemotePlan): BrokenRecord[] {
  const failed: BrokenRecord[] = [];
  const remove = plan.remove.filter((id) => store.has(id));
  if (remove.length === 0 && plan.put.length === 0) return failed;
  try {
    store.mergeRemoteChanges(() => {
      if (remove.length) store.remove(remove);
      if (plan.put.length) store.put(plan.put);
    });
  } catch {
    for (const record of plan.put) {
      try {
        store.mergeRemoteChanges(() => store.put([record]));
      } catch (error) {
        failed.push({ id: record.id, reason: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  return failed;
}

/** Writes the store's local diff into the records map; the caller wraps it in one transaction. */
export function writeLocalDiff(records: YKeyValue<unknown>, diff: RecordsDiff<TLRecord>): void {
  for (const record of Object.values(diff.added)) records.set(record.id, record);
  for (const [, to] of Object.values(diff.updated)) records.set(to.id, to);
  for (const record of Object.values(diff.removed)) records.delete(record.id);
}

/**
 * The diff without the records that must stay on this device (`isLocalOnly`): a private note is
 * never added, updated or removed in the shared document. A record that stops being local-only
 * (a private note published after its round) is written like any new one.
 */
export function withoutLocalOnly(
  diff: RecordsDiff<TLRecord>,
  isLocalOnly: (record: TLRecord) => boolean,
): RecordsDiff<TLRecord> {
  const keep = <T>(entries: Record<string, T>, local: (value: T) => boolean) =>
    Object.fromEntries(Object.entries(entries).filter(([, value]) => !local(value)));
  return {
    added: keep(diff.added, isLocalOnly),
    updated: keep(diff.updated, ([, to]) => isLocalOnly(to)),
    removed: keep(diff.removed, isLocalOnly),
  } as RecordsDiff<TLRecord>;
}

/**
 * Splits a local diff into what the server will store and what it would refuse ([D3]: a record
 * too large or otherwise invalid): writing the latter would get this tab's whole update refused
 * and the page reloaded, losing the person's other edits with it.
 */
export function withoutUnstorable(
  diff: RecordsDiff<TLRecord>,
  storable: (record: TLRecord) => boolean,
): { diff: RecordsDiff<TLRecord>; undo: { remove: TLRecord['id'][]; restore: TLRecord[] } } {
  const undo = { remove: [] as TLRecord['id'][], restore: [] as TLRecord[] };
  const added = Object.fromEntries(
    Object.entries(diff.added).filter(
      ([, record]) => storable(record) || (undo.remove.push(record.id), false),
    ),
  );
  const updated = Object.fromEntries(
    Object.entries(diff.updated).filter(([, [from, to]]) => storable(to) || (undo.restore.push(from), false)),
  );
  return { diff: { added, updated, removed: diff.removed } as RecordsDiff<TLRecord>, undo };
}

export function isEmptyDiff(diff: RecordsDiff<TLRecord>): boolean {
  return (
    Object.keys(diff.added).length === 0 &&
    Object.keys(diff.updated).length === 0 &&
    Object.keys(diff.removed).length === 0
  );
}
