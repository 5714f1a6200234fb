/**
 * The stores' database, whichever engine holds it: SQLite under DATA_DIR (the default) or
 * PostgreSQL (DATABASE_URL). A store is written once, against this interface, and its contract
 * suite runs on both engines (docs/operations.md, "Engines").
 *
 * Portable SQL, the subset both engines read the same way:
 * - parameters are `?`, in order (the PostgreSQL driver numbers them); never a `?` inside a
 *   string literal — pass the text as a parameter;
 * - `INSERT … ON CONFLICT (…) DO NOTHING | DO UPDATE SET c = excluded.c`, `RETURNING`, not
 *   `INSERT OR IGNORE/REPLACE`; no `rowid`, no `json_each`, no `strftime`/`datetime('now')`
 *   (times come from the code, as integers of milliseconds or ISO text); `IN` lists through
 *   `inList`;
 * - booleans are integers 0/1; integers come back as numbers on both engines (BIGINT and COUNT
 *   included: the PostgreSQL pool parses them), blobs as `Uint8Array` (a Buffer);
 * - `LIKE` ignores case on SQLite only, and SQLite's `lower()` knows only ASCII ("Ł" stays "Ł"):
 *   keep a lower-cased copy written by the code, or match in the code;
 * - scalar `max(a, b)`/`min(a, b)` are SQLite's: write `CASE WHEN`.
 * Where an engine needs its own SQL (full-text search), the store branches on `engine`.
 */
export type SqlEngine = 'sqlite' | 'postgresql';

export type SqlValue = string | number | bigint | Uint8Array | null;

export interface SqlRunResult {
  /** Rows inserted, updated or deleted by the statement. */
  changes: number;
}

export interface SqlQueries {
  readonly engine: SqlEngine;
  all<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** The first row, or undefined. */
  get<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<SqlRunResult>;
}

export interface SqlDatabase extends SqlQueries {
  /**
   * Runs `work` as one transaction that behaves as if no other ran at the same time (SQLite: one
   * writer, BEGIN IMMEDIATE; PostgreSQL: SERIALIZABLE), so a check and the write that depends on
   * it cannot be split by another request or another process. Everything inside goes through `tx`;
   * the database's own methods refuse to run inside a transaction of theirs (on SQLite they would
   * wait for it forever). `work` must not await anything but `tx`: it may be run again when
   * PostgreSQL reports a serialization conflict, so it must have no other effect than its queries.
   * Commits when `work` resolves, rolls back and rethrows when it throws.
   */
  transaction<T>(work: (tx: SqlQueries) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Runs `work` in a transaction of `sql`, which must be the database itself: a store built on a
 * transaction's handle cannot open another (SQLite has no nested BEGIN; a savepoint would hide
 * that the caller's transaction is the one that decides).
 */
export function inTransaction<T>(sql: SqlQueries, work: (tx: SqlQueries) => Promise<T>): Promise<T> {
  if (!('transaction' in sql)) {
    return Promise.reject(new Error('already inside a transaction: use the store given to its work'));
  }
  return (sql as SqlDatabase).transaction(work);
}

/** `(?, ?, ?)` for an `IN` list of `count` values (at least one: `IN ()` is not SQL). */
export function inList(count: number): string {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`an IN list needs at least one value (${count})`);
  return `(${Array.from({ length: count }, () => '?').join(', ')})`;
}
