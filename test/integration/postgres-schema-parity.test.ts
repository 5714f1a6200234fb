import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../server/src/log';
import { openPostgresPool, type PostgresPool } from '../../server/src/storage/postgres-database';
import { POSTGRES_ROWID_TABLES } from '../../server/src/storage/postgres-migrations';
import { openSqliteDatabase, type SqliteDatabase } from '../../server/src/storage/sqlite-database';
import { readTableLayout } from '../../server/src/storage/transfer/table-layout';
import type { TestDatabase } from '../support/postgres-cluster';
import { testDatabase } from '../support/postgres-database';

/**
 * Every schema change is written for both engines (the headers of sqlite-database.ts and
 * postgres-migrations.ts): after all migrations, each SQLite table (but SQLite's own, FTS5's
 * shadow tables and schema_migrations) is on PostgreSQL with the same columns in the same order,
 * the same nullability and a type that holds the same values, the same primary key and foreign
 * keys, and the same named indexes; and PostgreSQL has nothing else but what stands in for an
 * SQLite feature (a `rowid` identity on POSTGRES_ROWID_TABLES, generated columns).
 */
let database: TestDatabase;
let pool: PostgresPool;
let sqlite: SqliteDatabase;
beforeAll(async () => {
  database = await testDatabase('schema_parity');
  pool = await openPostgresPool(database.url, createMemoryLogger());
  sqlite = openSqliteDatabase(':memory:');
});
afterAll(async () => {
  sqlite?.close();
  await pool?.end();
  await database?.drop();
});

/** SQLite's declared types and the PostgreSQL types that hold the same values. */
const COMPATIBLE: Record<string, readonly string[]> = {
  integer: ['integer', 'bigint', 'smallint'],
  real: ['double precision'],
  text: ['text'],
  blob: ['bytea'],
};
/** Where migration 1 of PostgreSQL chose a native type on purpose (the documents' snapshot time). */
const NATIVE: Record<string, string> = { 'doc_snapshots.updated_at': 'timestamp with time zone' };

interface PgColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  is_nullable: 'YES' | 'NO';
  is_identity: 'YES' | 'NO';
  is_generated: 'ALWAYS' | 'NEVER';
}

async function schemaDifferences(db: SqliteDatabase, client: pg.ClientBase): Promise<string[]> {
  const differences: string[] = [];
  const layout = readTableLayout(db);
  const columns = (
    await client.query<PgColumn>(
      `SELECT table_name, column_name, data_type, is_nullable, is_identity, is_generated
       FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    )
  ).rows.filter((column) => column.table_name !== 'schema_migrations');
  const pgTables = new Map<string, PgColumn[]>();
  for (const column of columns)
    pgTables.set(column.table_name, [...(pgTables.get(column.table_name) ?? []), column]);

  for (const table of layout) {
    const theirs = pgTables.get(table.name);
    if (!theirs) {
      differences.push(`${table.name}: on SQLite only`);
      continue;
    }
    const shared = theirs.filter((column) => !standsIn(table.name, column, differences));
    const mine = table.columns.map((column) => column.name).join(', ');
    const ours = shared.map((column) => column.column_name).join(', ');
    if (mine !== ours)
      differences.push(`${table.name}: columns (${mine}) on SQLite, (${ours}) on PostgreSQL`);
    for (const column of table.columns) {
      const other = shared.find((candidate) => candidate.column_name === column.name);
      if (!other) continue;
      const where = `${table.name}.${column.name}`;
      const accepted = NATIVE[where] ? [NATIVE[where]] : (COMPATIBLE[column.type] ?? []);
      if (!accepted.includes(other.data_type)) {
        differences.push(`${where}: ${column.type} on SQLite, ${other.data_type} on PostgreSQL`);
      }
      if (column.notNull !== (other.is_nullable === 'NO')) {
        differences.push(`${where}: ${column.notNull ? 'NOT NULL' : 'nullable'} on SQLite only`);
      }
      const identity = table.identity === column.name;
      if (identity !== (other.is_identity === 'YES')) {
        differences.push(
          `${where}: ${identity ? 'AUTOINCREMENT without an identity' : 'an identity without AUTOINCREMENT'}`,
        );
      }
    }
  }
  for (const name of pgTables.keys()) {
    if (!layout.some((table) => table.name === name)) differences.push(`${name}: on PostgreSQL only`);
  }
  for (const name of POSTGRES_ROWID_TABLES) {
    if (!pgTables.get(name)?.some((column) => column.column_name === 'rowid')) {
      differences.push(`${name}: listed in POSTGRES_ROWID_TABLES without a rowid column`);
    }
  }
  differences.push(
    ...(await keyDifferences(
      db,
      client,
      layout.map((table) => table.name),
    )),
  );
  return differences;
}

/** A PostgreSQL column that stands in for an SQLite feature (and is right for it), not a column of the schema. */
function standsIn(table: string, column: PgColumn, differences: string[]): boolean {
  if (column.is_generated === 'ALWAYS') return true;
  if (column.column_name !== 'rowid') return false;
  if (!POSTGRES_ROWID_TABLES.includes(table)) {
    differences.push(`${table}.rowid: not in POSTGRES_ROWID_TABLES`);
  } else if (column.is_identity !== 'YES' || column.data_type !== 'bigint') {
    differences.push(`${table}.rowid: must be BIGINT GENERATED ALWAYS AS IDENTITY`);
  }
  return true;
}

async function keyDifferences(
  db: SqliteDatabase,
  client: pg.ClientBase,
  tables: string[],
): Promise<string[]> {
  const sqliteKeys = new Set<string>();
  for (const table of tables) {
    const primary = db
      .prepare<[string], { name: string; pk: number }>(
        'SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk',
      )
      .all(table)
      .map((row) => row.name);
    if (primary.length > 0) sqliteKeys.add(`${table} PRIMARY KEY (${primary.join(', ')})`);
    for (const key of db
      .prepare<[string], { from: string; table: string; to: string | null; on_delete: string }>(
        'SELECT "from", "table", "to", on_delete FROM pragma_foreign_key_list(?)',
      )
      .all(table)) {
      sqliteKeys.add(
        `${table}.${key.from} REFERENCES ${key.table}(${key.to ?? 'id'}) ON DELETE ${key.on_delete}`,
      );
    }
  }
  for (const index of db
    .prepare<[], { name: string; tbl_name: string }>(
      "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
    )
    .all()) {
    sqliteKeys.add(`${index.tbl_name} INDEX ${index.name}`);
  }

  const pgKeys = new Set<string>();
  const constraints = await client.query<{ table_name: string; definition: string; contype: string }>(
    `SELECT c.conrelid::regclass::text AS table_name, c.contype, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE n.nspname = 'public' AND c.contype IN ('p', 'f') AND c.conrelid::regclass::text <> 'schema_migrations'`,
  );
  for (const row of constraints.rows) {
    if (row.contype === 'p') {
      pgKeys.add(`${row.table_name} ${row.definition}`);
      continue;
    }
    const match =
      /^FOREIGN KEY \((\w+)\) REFERENCES (\w+)\((\w+)\)(?: ON DELETE (CASCADE|SET NULL|RESTRICT|SET DEFAULT))?$/.exec(
        row.definition,
      );
    pgKeys.add(
      match
        ? `${row.table_name}.${match[1]} REFERENCES ${match[2]}(${match[3]}) ON DELETE ${match[4] ?? 'NO ACTION'}`
        : `${row.table_name} ${row.definition}`,
    );
  }
  const indexes = await client.query<{ tablename: string; indexname: string }>(
    "SELECT tablename, indexname FROM pg_indexes WHERE schemaname = 'public'",
  );
  const pgIndexes = new Set(indexes.rows.map((row) => `${row.tablename} INDEX ${row.indexname}`));

  const differences: string[] = [];
  for (const key of sqliteKeys) {
    const present = key.includes(' INDEX ') ? pgIndexes.has(key) : pgKeys.has(key);
    if (!present) differences.push(`${key}: on SQLite only`);
  }
  for (const key of pgKeys) if (!sqliteKeys.has(key)) differences.push(`${key}: on PostgreSQL only`);
  return differences;
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

describe('the PostgreSQL schema and the SQLite schema', () => {
  it('have the same tables, columns, keys and indexes after every migration', async () => {
    const layout = readTableLayout(sqlite);
    // Every table the SQLite schema has, FTS5's included, minus SQLite's own: not a vacuous comparison.
    expect(layout.length).toBeGreaterThanOrEqual(47);
    expect(layout.map((table) => table.name)).toContain('search_entries');
    expect(await withClient(database.url, (client) => schemaDifferences(sqlite, client))).toEqual([]);
  });

  it('differ when a migration is written for one engine only', async () => {
    // What a forgotten PostgreSQL migration looks like, and a forgotten SQLite one.
    const onlySqlite = openSqliteDatabase(':memory:');
    onlySqlite.exec(`
      ALTER TABLE boards ADD COLUMN colour TEXT;
      CREATE TABLE board_tags (board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE, tag TEXT NOT NULL);
    `);
    const differences = await withClient(database.url, async (client) => {
      await client.query('BEGIN');
      try {
        await client.query('CREATE TABLE stickers (id TEXT PRIMARY KEY)');
        await client.query('ALTER TABLE photos ALTER COLUMN step_id SET NOT NULL');
        return await schemaDifferences(onlySqlite, client);
      } finally {
        await client.query('ROLLBACK');
      }
    });
    onlySqlite.close();
    expect(differences).toEqual(
      expect.arrayContaining([
        'boards: columns (id, title, format, created_at, language, agenda, format_version, colour) on SQLite, (id, title, format, created_at, language, agenda, format_version) on PostgreSQL',
        'board_tags: on SQLite only',
        'stickers: on PostgreSQL only',
        'photos.step_id: nullable on SQLite only',
        'board_tags.board_id REFERENCES boards(id) ON DELETE CASCADE: on SQLite only',
        'stickers PRIMARY KEY (id): on PostgreSQL only',
      ]),
    );
  });

  it("finds Polish words without their diacritics in the search index, as SQLite's FTS5 does", async () => {
    // The archive store writes `folded` (text-folding.ts): lowercase, no diacritics, ł as l.
    await withClient(database.url, async (client) => {
      await client.query('BEGIN');
      try {
        await client.query(
          `INSERT INTO search_entries (folded, board_id, source, kind, place, text)
           VALUES ('zielona lodz i wspolne podworka', 'b1', 'note', 'note', '{}', 'Zielona Łódź i wspólne podwórka'),
                  ('transport publiczny', 'b1', 'note', 'note', '{}', 'Transport publiczny')`,
        );
        const hits = await client.query<{ text: string }>(
          "SELECT text FROM search_entries WHERE search_vector @@ to_tsquery('simple', 'lodz:* & podwor:*')",
        );
        expect(hits.rows.map((row) => row.text)).toEqual(['Zielona Łódź i wspólne podwórka']);
        // The GIN index answers it (two rows would never make the planner choose it unasked).
        await client.query('SET LOCAL enable_seqscan = off');
        const plan = await client.query<{ 'QUERY PLAN': string }>(
          "EXPLAIN SELECT text FROM search_entries WHERE search_vector @@ to_tsquery('simple', 'lodz:*')",
        );
        expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toContain('search_entries_by_words');
      } finally {
        await client.query('ROLLBACK');
      }
    });
  });
});
