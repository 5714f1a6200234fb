import { jsonBytes, metaWithoutMalformed, plainValueProblem, recordMetaProblem } from '@empiria/shared';
import type { TLRecord } from '@tldraw/tlschema';
import { templateSchema } from './tldraw-schema';

type StoredSchema = Parameters<typeof templateSchema.migratePersistedRecord>[1];

/**
 * What a canvas record must be for every client to load it: one entry of the records array is
 * `{ key, val }` where `val` is plain JSON, a tldraw record of a document-scoped type of the board's
 * schema, valid by that type's validator, with `val.id === key`, a well-formed `meta.empiria`
 * (`shared/src/canvas/record-meta.ts`), and within the size limit. The server checks every entry
 * a client sends against this before it is applied ([D3]), and repairs a stored board with it on
 * load ([D6]).
 */
export const CANVAS_LIMITS = {
  /** One record as JSON. A long note or a long freehand line is tens of kB. */
  maxRecordBytes: 256 * 1024,
  /** Everything a person opening the board downloads: thousands of notes fit many times over. */
  maxBoardBytes: 24 * 1024 * 1024,
  maxKeyLength: 256,
  maxDepth: 32,
} as const;

export type CanvasEntryCheck =
  | { ok: true; key: string; record: TLRecord; bytes: number }
  /** `meta`: the record is a valid tldraw record whose only fault is its `meta.empiria`. */
  | { ok: false; key: string | null; reason: string; meta?: true };

/**
 * tldraw's `user` record is document-scoped (for its own attribution), but it is the visitor's: the
 * name and colour of their browser's tldraw preferences. Stored, every page load would add one to
 * the board for good, so a board would grow with each visit rather than with its content (#16).
 * Empiria names a note's author in its own metadata; the editor gets no current user.
 */
const PERSONAL_TYPES: ReadonlySet<string> = new Set(['user']);

/** A record that belongs to one person's browser, never to the shared board. */
export function isPersonalRecord(value: unknown): boolean {
  const typeName = (value as { typeName?: unknown } | null)?.typeName;
  return typeof typeName === 'string' && PERSONAL_TYPES.has(typeName);
}

const DOCUMENT_TYPES = new Set<string>(
  Object.values(templateSchema.types)
    .filter((type) => type.scope === 'document' && !PERSONAL_TYPES.has(type.typeName))
    .map((type) => type.typeName),
);

/** Checks one records-array entry as a client sent it (no migration: it must be current). */
export function checkCanvasEntry(entry: unknown): CanvasEntryCheck {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
    return { ok: false, key: null, reason: 'an entry that is not an object' };
  const { key, val } = entry as { key?: unknown; val?: unknown };
  if (typeof key !== 'string' || key.length === 0 || key.length > CANVAS_LIMITS.maxKeyLength)
    return { ok: false, key: null, reason: 'an entry without a valid key' };
  const problem = plainValueProblem(val, {
    maxDepth: CANVAS_LIMITS.maxDepth,
    maxBytes: CANVAS_LIMITS.maxRecordBytes,
  });
  if (problem) return { ok: false, key, reason: problem };
  return checkRecord(key, val);
}

function checkRecord(key: string, val: unknown): CanvasEntryCheck {
  if (typeof val !== 'object' || val === null || Array.isArray(val))
    return { ok: false, key, reason: 'a record that is not an object' };
  const { typeName, id } = val as { typeName?: unknown; id?: unknown };
  if (typeof typeName !== 'string' || !DOCUMENT_TYPES.has(typeName))
    return { ok: false, key, reason: `a record of an unknown type (${String(typeName).slice(0, 40)})` };
  if (id !== key) return { ok: false, key, reason: 'a record stored under another id' };
  const type = templateSchema.types[typeName as TLRecord['typeName']];
  let record: TLRecord;
  try {
    record = type.validate(val) as TLRecord;
  } catch (err) {
    return { ok: false, key, reason: `invalid ${typeName}: ${(err as Error).message.slice(0, 200)}` };
  }
  const metaProblem = recordMetaProblem(record.meta);
  if (metaProblem)
    return { ok: false, key, reason: `invalid ${typeName}: ${metaProblem.slice(0, 200)}`, meta: true };
  return { ok: true, key, record, bytes: jsonBytes(val) };
}

/**
 * What loading does with a stored entry: keep it (`migrated` when a migration changed it), or set
 * it aside. `metaRepaired`: kept with the malformed keys of its `meta.empiria` taken out (readers
 * ignore them anyway), so a note stays on the board; it says what was wrong, for the original.
 */
export type CanvasEntryRepair = CanvasEntryCheck & { migrated?: boolean; metaRepaired?: string };

/**
 * A stored entry on load: migrated from the schema the board was written with, then checked.
 * Returns the record to keep (changed when a migration or a metadata repair changed it), or why
 * it cannot be kept.
 */
export function repairCanvasEntry(entry: unknown, storedSchema: StoredSchema | null): CanvasEntryRepair {
  const first = checkCanvasEntry(entry);
  if (first.ok || first.key === null) return first;
  const { val } = entry as { val: TLRecord };
  const migrated = storedSchema ? templateSchema.migratePersistedRecord(val, storedSchema, 'up') : null;
  const record = migrated?.type === 'success' ? migrated.value : val;
  const again = record === val ? first : checkRecord(first.key, record);
  if (again.ok) return { ...again, migrated: true };
  if (!again.meta) return first;
  const repaired = checkRecord(first.key, { ...record, meta: metaWithoutMalformed(record.meta) });
  if (!repaired.ok) return first;
  return { ...repaired, migrated: record !== val, metaRepaired: again.reason };
}
