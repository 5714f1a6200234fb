import pg from 'pg';
import type { SqliteDatabase } from '../sqlite-database';
import type { TableLayout } from './table-layout';

/**
 * One engine's side of a transfer: reading a table's rows in the archive's order, and writing
 * them back with the numbers they had. Each runs inside the transaction the caller opened
 * (`begin`), a read snapshot for an export, one all-or-nothing write for an import.
 */
export interface EngineTables {
  /** Export: a consistent snapshot of everything; import: a write transaction. */
  begin(mode: 'read' | 'write'): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  count(table: TableLayout): Promise<number>;
  /** The rows in the archive's order (table-layout.ts), each an array in the layout's column order. */
  rows(table: TableLayout): AsyncIterable<unknown[]>;
  /** The highest number the identity column ever drew (0: none). */
  highWater(table: TableLayout): Promise<number>;
  insert(table: TableLayout, rows: readonly unknown[][]): Promise<void>;
  /** After the rows: the next number drawn is above `highWater` (and above every row's). */
  setHighWater(table: TableLayout, highWater: number): Promise<void>;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export class SqliteTables implements EngineTables {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  async begin(mode: 'read' | 'write'): Promise<void> {
    // IMMEDIATE takes the write lock now: nobody writes between the emptiness check and the rows.
    this.#db.exec(mode === 'write' ? 'BEGIN IMMEDIATE' : 'BEGIN');
    // A deferred transaction takes its snapshot at its first read: take it now.
    this.#db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
  }

  async commit(): Promise<void> {
    this.#db.exec('COMMIT');
  }

  async rollback(): Promise<void> {
    if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
  }

  async count(table: TableLayout): Promise<number> {
    return this.#db
      .prepare(`SELECT COUNT(*) FROM ${quote(table.name)}`)
      .pluck()
      .get() as number;
  }

  async *rows(table: TableLayout): AsyncIterable<unknown[]> {
    const columns = table.columns.map((column) => quote(column.name)).join(', ');
    const order =
      table.order.by === 'rowid' ? 'rowid' : table.order.columns.map((column) => quote(column)).join(', ');
    const statement = this.#db
      .prepare(`SELECT ${columns} FROM ${quote(table.name)} ORDER BY ${order}`)
      .raw(true)
      // Integers beyond 2^53 arrive whole (as BigInt), so the archive refuses them instead of rounding.
      .safeIntegers(true);
    for (const row of statement.iterate() as Iterable<unknown[]>) yield row;
  }

  async highWater(table: TableLayout): Promise<number> {
    const seq = this.#db
      .prepare<[string]>('SELECT seq FROM sqlite_sequence WHERE name = ?')
      .pluck()
      .get(table.name) as number | undefined;
    return seq ?? 0;
  }

  async insert(table: TableLayout, rows: readonly unknown[][]): Promise<void> {
    const columns = table.columns.map((column) => quote(column.name));
    const statement = this.#db.prepare(
      `INSERT INTO ${quote(table.name)} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    for (const row of rows) statement.run(...row);
  }

  async setHighWater(table: TableLayout, highWater: number): Promise<void> {
    // SQLite keeps AUTOINCREMENT's mark in sqlite_sequence, one row per table once it drew a number.
    const updated = this.#db
      .prepare<[number, string]>('UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?')
      .run(highWater, table.name);
    if (updated.changes === 0 && highWater > 0) {
      this.#db
        .prepare<[string, number]>('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)')
        .run(table.name, highWater);
    }
  }
}

/** PostgreSQL types read as the archive holds them: BIGINT whole (BigInt), never a rounded number. */
const INT8_OID = 20;
const readTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? (text: string) => BigInt(text)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * Rows per FETCH of a cursor (few where a row may hold a document's snapshot of megabytes), and
 * the bound of one multi-row INSERT.
 */
const FETCH_ROWS = 500;
const FETCH_ROWS_WITH_BLOBS = 16;
const MAX_PARAMETERS = 30_000;

export class PostgresTables implements EngineTables {
  readonly #client: pg.PoolClient;
  readonly #cursors = { next: 0 };

  constructor(client: pg.PoolClient) {
    this.#client = client;
  }

  async begin(mode: 'read' | 'write'): Promise<void> {
    await this.#client.query(mode === 'read' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
  }

  async commit(): Promise<void> {
    await this.#client.query('COMMIT');
  }

  async rollback(): Promise<void> {
    await this.#client.query('ROLLBACK');
  }

  async count(table: TableLayout): Promise<number> {
    const result = await this.#client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${quote(table.name)}`);
    return Number(result.rows[0]?.n ?? 0);
  }

  async *rows(table: TableLayout): AsyncIterable<unknown[]> {
    const textColumns = new Set(
      table.columns.filter((column) => column.type === 'text').map((column) => column.name),
    );
    const columns = table.columns.map((column) => quote(column.name)).join(', ');
    // The same order as SQLite's: bytes for text (COLLATE "C"), nulls first.
    const order =
      table.order.by === 'rowid'
        ? 'rowid'
        : table.order.columns
            .map((column) => `${quote(column)}${textColumns.has(column) ? ' COLLATE "C"' : ''} NULLS FIRST`)
            .join(', ');
    const cursor = `transfer_${this.#cursors.next++}`;
    const fetchRows = table.columns.some((column) => column.type === 'blob')
      ? FETCH_ROWS_WITH_BLOBS
      : FETCH_ROWS;
    await this.#client.query(
      `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${columns} FROM ${quote(table.name)} ORDER BY ${order}`,
    );
    try {
      for (;;) {
        const result = await this.#client.query<unknown[]>({
          text: `FETCH ${fetchRows} FROM ${cursor}`,
          rowMode: 'array',
          types: readTypes,
        });
        for (const row of result.rows) yield row;
        if (result.rows.length < fetchRows) break;
      }
    } finally {
      await this.#client.query(`CLOSE ${cursor}`);
    }
  }

  async highWater(table: TableLayout): Promise<number> {
    const sequence = await this.#sequence(table);
    const result = await this.#client.query<{ high: string }>(
      `SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END AS high FROM ${sequence}`,
    );
    return Number(result.rows[0]?.high ?? 0);
  }

  async insert(table: TableLayout, rows: readonly unknown[][]): Promise<void> {
    const columns = table.columns.map((column) => quote(column.name)).join(', ');
    // The archive's numbers are kept: an identity column takes them only when told to.
    const overriding = table.identity ? ' OVERRIDING SYSTEM VALUE' : '';
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / table.columns.length));
    for (let start = 0; start < rows.length; start += perStatement) {
      const batch = rows.slice(start, start + perStatement);
      const values: unknown[] = [];
      const tuples = batch.map((row) => {
        const placeholders = row.map((value) => {
          values.push(value);
          return `$${values.length}`;
        });
        return `(${placeholders.join(', ')})`;
      });
      await this.#client.query(
        `INSERT INTO ${quote(table.name)} (${columns})${overriding} VALUES ${tuples.join(', ')}`,
        values,
      );
    }
  }

  async setHighWater(table: TableLayout, highWater: number): Promise<void> {
    const sequence = await this.#sequence(table);
    const column = quote(table.identity ?? '');
    // The next number drawn is above both the archive's mark and every row's number.
    await this.#client.query(
      `SELECT setval($1::regclass, GREATEST($2::bigint, (SELECT COALESCE(MAX(${column}), 0) FROM ${quote(table.name)})) + 1, false)`,
      [sequence, highWater],
    );
  }

  async #sequence(table: TableLayout): Promise<string> {
    const result = await this.#client.query<{ name: string | null }>(
      'SELECT pg_get_serial_sequence($1, $2) AS name',
      [quote(table.name), table.identity],
    );
    const name = result.rows[0]?.name;
    if (!name)
      throw new Error(
        `table ${table.name}: column ${table.identity ?? '?'} has no identity sequence in PostgreSQL`,
      );
    return name;
  }
}
