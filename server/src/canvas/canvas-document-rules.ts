import * as Y from 'yjs';
import {
  CANVAS_LIMITS,
  checkCanvasEntry,
  isPersonalRecord,
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
    for (const { place, content } of inspection.insertions) {
      if (place.depth !== 0 || place.parentSub !== null) return 'writes inside the records array’s entries';
      if (content instanceof Y.ContentDeleted) continue;
      if (!(content instanceof Y.ContentAny))
        return `content of a kind records never hold (${content.constructor.name})`;
      for (const entry of content.getContent()) {
        const check = checkCanvasEntry(entry);
        if (!check.ok) return `record ${check.key ?? '?'}: ${check.reason}`.slice(0, 300);
        added.set(check.key, check.bytes);
      }
    }
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
    const replace: RecordEntry[] = [];
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
      if (check.migrated || check.metaRepaired || readable !== check.record) {
        remove.push(index);
        replace.push({ key: check.key, val: readable });
      }
    });
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
