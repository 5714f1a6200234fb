import type { SerializedSchema, TLRecord, TLStore } from 'tldraw';

export type PreparedRecord =
  | { ok: true; record: TLRecord }
  | { ok: false; id: string; reason: string }
  /** Not a document record (e.g. someone's session state): not ours to apply, not an error. */
  | { ok: 'ignored'; id: string };

/**
 * Turns one raw value from the Yjs document into a record the store accepts: migrated from the
 * schema the board was written with, then validated on its own, so that one broken record is
 * reported and skipped instead of stopping the whole sync.
 */
export class RecordPreparer {
  constructor(private readonly store: TLStore) {}

  prepare(raw: unknown, persistedSchema: SerializedSchema | null): PreparedRecord {
    if (!isRecordLike(raw)) {
      return { ok: false, id: describeId(raw), reason: 'not a record (missing id or typeName)' };
    }
    const type = this.store.schema.types[raw.typeName as TLRecord['typeName']];
    if (!type) return { ok: false, id: raw.id, reason: `unknown record type "${raw.typeName}"` };
    if (type.scope !== 'document') return { ok: 'ignored', id: raw.id };

    let record = raw as unknown as TLRecord;
    if (persistedSchema) {
      try {
        const migrated = this.store.schema.migratePersistedRecord(record, persistedSchema, 'up');
        if (migrated.type === 'error') {
          return { ok: false, id: raw.id, reason: `migration failed: ${migrated.reason}` };
        }
        record = migrated.value;
      } catch (error) {
        return { ok: false, id: raw.id, reason: `migration failed: ${errorMessage(error)}` };
      }
    }
    try {
      record = this.store.schema.validateRecord(this.store, record, 'initialize', null);
    } catch (error) {
      return { ok: false, id: raw.id, reason: errorMessage(error) };
    }
    return { ok: true, record };
  }
}

function isRecordLike(value: unknown): value is { id: string; typeName: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { id, typeName } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof typeName === 'string';
}

function describeId(value: unknown): string {
  if (typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string') {
    return (value as { id: string }).id;
  }
  return '(no id)';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A schema stored in the document's `meta` map, if it looks like one. */
export function readPersistedSchema(value: unknown): SerializedSchema | null {
  if (typeof value !== 'object' || value === null) return null;
  const schemaVersion = (value as { schemaVersion?: unknown }).schemaVersion;
  return schemaVersion === 1 || schemaVersion === 2 ? (value as SerializedSchema) : null;
}

/**
 * Whether the stored schema comes from a newer client than this one: it names a migration
 * sequence we do not know, or a version past ours. Records written with it cannot be migrated
 * down; the person needs a newer client (a reload), not a repair.
 */
export function isNewerSchema(
  stored: SerializedSchema | null,
  ours: { sequences: Record<string, number> },
): boolean {
  if (!stored || stored.schemaVersion !== 2) return false;
  return Object.entries(stored.sequences).some(([sequence, version]) => {
    const mine = ours.sequences[sequence];
    return mine === undefined || mine < version;
  });
}
