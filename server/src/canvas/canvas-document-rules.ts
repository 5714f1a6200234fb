import * as Y from 'yjs';
import {
  CANVAS_LIMITS,
  checkCanvasEntry,
  isPersonalRecord,
  MAX_SHAPE_DEPTH,
  parentChainProblem,
  parentRepairs,
  parentShapeId,
  repairCanvasEntry,
  serializedTemplateSchema,
} from '@empiria/formats';
import {
  CANVAS_META_MAP,
  CANVAS_RECORDS_ARRAY,
  CANVAS_SCHEMA_KEY,
  canonicalJson,
  jsonBytes,
} from '@empiria/shared';
import { describeStoredValue, type SetAsideRecord } from '../storage/set-aside-store';
import {
  clearForeignRoots,
  rootRefusal,
  type Correction,
  type DocumentRules,
  type RootAccess,
} from '../sync/document-rules';
import type { RoomMember } from '../sync/room-member';
import type { UpdateInspection } from '../sync/update-inspection';
import type { CanvasGuard } from './canvas-guard';
import type { RecordEntry } from './canvas-records';
import { CanvasRecordIndex, isEntry } from './canvas-record-index';
import { ShapeTree } from './shape-tree';

/** `records` is the participants' ([D3]); `meta` (the schema the records follow) the server's ([D4]). */
/** Bytes of each key's current record, per document, kept in step with it once first needed. */
const ledgers = new WeakMap<Y.Doc, BoardLedger>();

const CANVAS_ROOTS: RootAccess = { [CANVAS_RECORDS_ARRAY]: 'clients', [CANVAS_META_MAP]: 'server' };

export interface CanvasRulesOptions {
  boardId: string;
  /** The template and locked-sheet rules ([C1], [C2]); null for a board without sheets. */
  guard: CanvasGuard | null;
  /** Resolves when what the guard reads (the control document's locks) has loaded. */
  guardReady: () => Promise<unknown>;
  /** Records taken out on load, for the facilitator ([D6]). */
  onSetAside: (records: SetAsideRecord[]) => void;
  limits?: { maxBoardBytes: number };
}

/**
 * The canvas document's rules: every entry a member adds is a valid tldraw record within the size
 * limits, the board stays under its quota, only the server writes `meta`; then the template and
 * locks. On load, entries no client could read are set aside and the schema is the server's.
 */
export class CanvasDocumentRules implements DocumentRules {
  readonly #options: CanvasRulesOptions;
  readonly #maxBoardBytes: number;
  constructor(options: CanvasRulesOptions) {
    this.#options = options;
    this.#maxBoardBytes = options.limits?.maxBoardBytes ?? CANVAS_LIMITS.maxBoardBytes;
  }

  refusal(inspection: UpdateInspection, _member: RoomMember, doc: Y.Doc): string | null {
    const roots = rootRefusal(inspection, CANVAS_ROOTS);
    if (roots) return roots;
    const added = new Map<string, number>();
    const written = new Map<string, unknown[]>();
    for (const { place, content } of inspection.insertions) {
      if (place.depth !== 0 || place.parentSub !== null) return 'writes inside the records array’s entries';
      if (content instanceof Y.ContentDeleted) continue;
      if (!(content instanceof Y.ContentAny))
        return `content of a kind records never hold (${content.constructor.name})`;
      for (const entry of content.getContent()) {
        const check = checkCanvasEntry(entry);
        if (!check.ok) return `record ${check.key ?? '?'}: ${check.reason}`.slice(0, 300);
        added.set(check.key, check.bytes);
        const vals = written.get(check.key);
        if (vals) vals.push(check.record);
        else written.set(check.key, [check.record]);
      }
    }
    const chains = parentChainRefusal(written, inspection, doc);
    if (chains) return chains;
    // [D5] The quota counts what the board would hold: new records, less those they replace or
    // the update deletes.
    if (added.size === 0) return null;
    const ledger = this.#ledgerFor(doc);
    let total = ledger.total;
    for (const [key, bytes] of added) total += bytes - (ledger.bytesOf(key) ?? 0);
    for (const { content } of inspection.deletions) {
      for (const entry of content.getContent() as unknown[]) {
        if (!isEntry(entry) || added.has(entry.key) || !ledger.isCurrent(entry)) continue;
        total -= ledger.bytesOf(entry.key) ?? 0;
      }
    }
    if (total > this.#maxBoardBytes && total > ledger.total)
      return `the board would hold ${total} bytes, more than its quota of ${this.#maxBoardBytes}`;
    return null;
  }

  async apply(doc: Y.Doc, update: Uint8Array, member: RoomMember): Promise<Correction | null> {
    const guard = this.#options.guard;
    if (!guard) {
      Y.applyUpdate(doc, update, member);
      return null;
    }
    // The locks live in the control document: read them only once it has loaded, or the first
    // update after it was unloaded would pass a locked sheet.
    await this.#options.guardReady();
    return guard.apply(doc, update, member);
  }

  repair(doc: Y.Doc): void {
    const setAside: SetAsideRecord[] = [];
    const at = Date.now();
    const aside = (key: string | null, reason: string, value: unknown) =>
      setAside.push({
        boardId: this.#options.boardId,
        doc: 'canvas',
        key,
        reason,
        data: describeStoredValue(value),
        at,
      });

    for (const name of clearForeignRoots(doc, CANVAS_ROOTS))
      aside(null, `an unknown part of the document (${name})`, null);

    const meta = doc.getMap<unknown>(CANVAS_META_MAP);
    const stored = meta.get(CANVAS_SCHEMA_KEY) as Parameters<typeof repairCanvasEntry>[1] | undefined;
    for (const key of [...meta.keys()]) if (key !== CANVAS_SCHEMA_KEY) meta.delete(key);

    const records = doc.getArray<RecordEntry>(CANVAS_RECORDS_ARRAY);
    const entries = records.toArray() as unknown[];
    const last = new Map<string, number>();
    entries.forEach((entry, index) => {
      const key = (entry as { key?: unknown } | null)?.key;
      if (typeof key === 'string') last.set(key, index);
    });
    const remove: number[] = [];
    /** The records that stay, by key: where each stands, and what it becomes when it changes. */
    const kept = new Map<string, { index: number; record: unknown; changed: boolean }>();
    entries.forEach((entry, index) => {
      // Written by older clients on each visit: nobody's content, so dropped rather than set aside.
      if (isPersonalRecord((entry as { val?: unknown } | null)?.val)) {
        remove.push(index);
        return;
      }
      const check = repairCanvasEntry(entry, isSchema(stored) ? stored : null);
      if (!check.ok) {
        remove.push(index);
        aside(check.key, check.reason, entry);
        return;
      }
      // YKeyValue keeps the last entry of a key; the earlier ones are dead weight.
      if (last.get(check.key) !== index) {
        remove.push(index);
        return;
      }
      // The original of a record whose metadata was repaired stays readable for the facilitator.
      if (check.metaRepaired) aside(check.key, `repaired: ${check.metaRepaired}`, entry);
      const readable = withReadableNoteLabel(check.record);
      const changed =
        check.migrated === true || check.metaRepaired !== undefined || readable !== check.record;
      kept.set(check.key, { index, record: readable, changed });
    });

    // [D3] Every chain of parents ends at a page within the bound: a shape on a loop, or nested too
    // deep, goes onto the page (where it stood), and its original is set aside.
    const shapes = new Map<string, unknown>();
    let firstPage: string | null = null;
    for (const [key, { record }] of kept) {
      const typeName = (record as { typeName?: unknown }).typeName;
      if (typeName === 'shape') shapes.set(key, record);
      else if (typeName === 'page' && (firstPage === null || key < firstPage)) firstPage = key;
    }
    for (const repair of parentRepairs(shapes, firstPage ?? 'page:page')) {
      const stays = kept.get(repair.id);
      if (!stays) continue;
      aside(repair.id, `repaired: ${repair.reason}`, entries[stays.index]);
      const { id: _id, reason: _reason, ...place } = repair;
      stays.record = { ...(stays.record as object), ...place };
      stays.changed = true;
    }

    const replace: RecordEntry[] = [];
    for (const [key, { index, record, changed }] of kept) {
      if (!changed) continue;
      remove.push(index);
      replace.push({ key, val: record });
    }
    remove.sort((a, b) => a - b);
    for (const index of remove.reverse()) records.delete(index, 1);
    if (replace.length > 0) records.push(replace);

    // A new board's room is empty until its template is written (with the schema).
    const current = serializedTemplateSchema();
    const outdated = !isSchema(stored) || canonicalJson(stored) !== canonicalJson(current);
    if (outdated && records.length > 0) meta.set(CANVAS_SCHEMA_KEY, current);
    if (setAside.length > 0) this.#options.onSetAside(setAside);
  }

  #ledgerFor(doc: Y.Doc): BoardLedger {
    let ledger = ledgers.get(doc);
    if (!ledger) ledgers.set(doc, (ledger = new BoardLedger(CanvasRecordIndex.of(doc))));
    return ledger;
  }
}

/**
 * [D3] No chain of parents loops or goes deeper than MAX_SHAPE_DEPTH shapes once the update is
 * applied: tldraw would hang on a loop in every browser that opens the board. Judged on the
 * records the update writes or deletes whose parent changes, the chains above them and the
 * shapes below them ([parent-chains.ts](../../../formats/src/rules/parent-chains.ts)); an update
 * that moves no shape to another parent costs a look-up per record it writes.
 *
 * Which of a key's entries will stand is known only once applied (an update may write a key
 * twice, or insert before the entry that stands), so a key's parent after the update may be any
 * of its entries' that the update leaves: the rule holds for each of them.
 */
function parentChainRefusal(
  written: ReadonlyMap<string, unknown[]>,
  inspection: UpdateInspection,
  doc: Y.Doc,
): string | null {
  const deleted = new Set<unknown>();
  const touched = new Set(written.keys());
  for (const { place, content } of inspection.deletions) {
    if (place.root !== CANVAS_RECORDS_ARRAY || place.depth !== 0) continue;
    for (const entry of content.getContent() as unknown[]) {
      if (!isEntry(entry)) continue;
      deleted.add(entry);
      touched.add(entry.key);
    }
  }
  if (touched.size === 0) return null;

  const index = CanvasRecordIndex.of(doc);
  const tree = ShapeTree.of(doc);
  const moved = new Map<string, string[]>();
  for (const key of touched) {
    const parents = new Set<string>();
    for (const val of written.get(key) ?? []) {
      const parent = parentShapeId(val);
      if (parent !== undefined) parents.add(parent);
    }
    for (const entry of index.entriesOf(key)) {
      const parent = deleted.has(entry) ? undefined : parentShapeId(entry.val);
      if (parent !== undefined) parents.add(parent);
    }
    const now = tree.parentOf(key);
    const same = now === undefined ? parents.size === 0 : parents.size === 1 && parents.has(now);
    if (!same) moved.set(key, [...parents]);
  }
  if (moved.size === 0) return null;

  const newChildren = new Map<string, string[]>();
  for (const [key, parents] of moved) {
    for (const parent of parents) {
      const children = newChildren.get(parent);
      if (children) children.push(key);
      else newChildren.set(parent, [key]);
    }
  }
  const problem = parentChainProblem(moved.keys(), {
    parentsOf: (id) => {
      const parents = moved.get(id);
      if (parents) return parents;
      const parent = tree.parentOf(id);
      return parent === undefined ? [] : [parent];
    },
    *childrenOf(id) {
      for (const child of tree.childrenOf(id)) if (!moved.has(child)) yield child;
      yield* newChildren.get(id) ?? [];
    },
  });
  if (!problem) return null;
  return problem.problem === 'cycle'
    ? `record ${problem.id}: its parents would form a loop`.slice(0, 300)
    : `record ${problem.id}: shapes would be nested deeper than ${MAX_SHAPE_DEPTH}`.slice(0, 300);
}

/**
 * Notes revealed before the fix were written with `fontSizeAdjustment: 0`, which tldraw draws at
 * 0 px (it multiplies the label's size by it; it never writes less than about 0.6 itself): they
 * get tldraw's default 1 back when the room loads.
 */
export function withReadableNoteLabel<T>(record: T): T {
  const shape = record as { typeName?: unknown; type?: unknown; props?: { fontSizeAdjustment?: unknown } };
  if (shape?.typeName !== 'shape' || shape.type !== 'note') return record;
  const adjustment = shape.props?.fontSizeAdjustment;
  if (typeof adjustment !== 'number' || adjustment > 0) return record;
  return { ...record, props: { ...shape.props, fontSizeAdjustment: 1 } };
}

function isSchema(value: unknown): value is NonNullable<Parameters<typeof repairCanvasEntry>[1]> {
  return typeof value === 'object' && value !== null && 'schemaVersion' in value;
}

/**
 * The size of each record the board holds now, kept up to date from the board's record index, so
 * the quota check costs what the update adds rather than what the board holds.
 */
class BoardLedger {
  readonly #index: CanvasRecordIndex;
  readonly #bytes = new Map<string, number>();
  #total = 0;

  constructor(index: CanvasRecordIndex) {
    this.#index = index;
    for (const entry of index.currentEntries()) this.#set(entry.key, entry);
    index.listen((changes) => {
      for (const { key, after } of changes) this.#set(key, after);
    });
  }

  get total(): number {
    return this.#total;
  }

  bytesOf(key: string): number | undefined {
    return this.#bytes.get(key);
  }

  isCurrent(entry: RecordEntry): boolean {
    return this.#index.current(entry.key) === entry;
  }

  #set(key: string, entry: RecordEntry | undefined): void {
    const bytes = entry === undefined ? undefined : jsonBytes(entry.val);
    this.#total += (bytes ?? 0) - (this.#bytes.get(key) ?? 0);
    if (bytes === undefined) this.#bytes.delete(key);
    else this.#bytes.set(key, bytes);
  }
}
