/**
 * Numbered schema migrations, one list per engine (MIGRATIONS in sqlite-database.ts,
 * POSTGRES_MIGRATIONS in postgres-migrations.ts): migration N is its list's N-th entry, and N is
 * never reused or edited once released — a change is a new entry at the end. Each engine records
 * what it applied in a `schema_migrations` table (version, applied_at), in the same transaction
 * that applies the migration, so a crash mid-migration leaves the previous schema whole.
 *
 * This module is the engines' shared rule: which migrations are pending, and when to refuse.
 */
export interface PendingMigration {
  version: number;
  sql: string;
}

/** The database was migrated by a newer Empiria: this one must not touch it. */
export class NewerSchemaError extends Error {}

/** `schema_migrations` holds something this code did not write (a gap, a duplicate, a zero). */
export class BrokenMigrationRecordError extends Error {}

/**
 * The migrations still to apply, in order, given the versions recorded as applied. Refuses a
 * database that knows more migrations than `known` (written by a newer release), and a record with
 * holes (migrations are applied in order, so a hole means someone edited the table).
 */
export function pendingMigrations(
  engine: string,
  known: readonly string[],
  applied: readonly number[],
): PendingMigration[] {
  const sorted = [...applied].sort((a, b) => a - b);
  const newest = sorted.length > 0 ? (sorted[sorted.length - 1] as number) : 0;
  if (newest > known.length) {
    throw new NewerSchemaError(
      `The ${engine} database was written by a newer Empiria (schema ${newest}, this one knows ${known.length}).`,
    );
  }
  sorted.forEach((version, index) => {
    if (version !== index + 1) {
      throw new BrokenMigrationRecordError(
        `The ${engine} database's schema_migrations is not 1..${newest} in order (found ${sorted.join(', ')}).`,
      );
    }
  });
  return known.slice(newest).map((sql, index) => ({ version: newest + index + 1, sql }));
}
