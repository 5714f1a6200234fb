import { POSTGRES_ROWID_TABLES } from '../postgres-migrations';
import type { SqliteDatabase } from '../sqlite-database';

/**
 * The installation's tables as `empiria export`/`import` moves them, read from SQLite's schema
 * after every migration: PostgreSQL has the same tables and columns (the rule in the migration
 * files' headers, checked by test/integration/postgres-schema-parity.test.ts), so one layout
 * serves both engines. Left out: SQLite's own tables, `schema_migrations` (each engine records
 * its own migrations) and FTS5's shadow tables (the FTS table itself is moved as plain rows).
 */
export type ColumnType = 'text' | 'integer' | 'real' | 'blob';

export interface ColumnLayout {
  name: string;
  type: ColumnType;
  notNull: boolean;
}

/**
 * The order a table's rows are written in, the same on both engines so that two archives of one
 * installation are equal line for line: by `rowid` on the tables whose stores read insertion
 * order (POSTGRES_ROWID_TABLES), then by primary key, then by every column.
 */
export type RowOrder = { by: 'rowid' } | { by: 'columns'; columns: string[] };

export interface TableLayout {
  name: string;
  columns: ColumnLayout[];
  order: RowOrder;
  /**
   * The AUTOINCREMENT/identity column, whose high-water mark moves with the rows: a new row must
   * never reuse a number a deleted one had (a compacted `doc_updates` still has snapshots that
   * cover sequence numbers up to `upto_seq`).
   */
  identity: string | null;
  /** Tables this one references: they come before it in the layout. */
  references: string[];
}

interface TableListRow {
  name: string;
  type: string;
}

interface ColumnRow {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

const INTERNAL = new Set(['schema_migrations']);

export function readTableLayout(db: SqliteDatabase): TableLayout[] {
  const listed = db
    .prepare<[], TableListRow>("SELECT name, type FROM pragma_table_list WHERE schema = 'main'")
    .all()
    .filter(
      (row) =>
        (row.type === 'table' || row.type === 'virtual') &&
        !row.name.startsWith('sqlite_') &&
        !INTERNAL.has(row.name),
    );
  const creation = new Map(
    db
      .prepare<[], { name: string; sql: string | null }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table'",
      )
      .all()
      .map((row, index) => [row.name, { sql: row.sql ?? '', index }]),
  );
  const tables = listed.map((row): TableLayout => {
    const columnRows = db
      .prepare<[string], ColumnRow>('SELECT name, type, "notnull", pk FROM pragma_table_info(?)')
      .all(row.name);
    const keyColumns = columnRows
      .filter((column) => column.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((column) => column.name);
    const sql = creation.get(row.name)?.sql ?? '';
    const identity = /\bAUTOINCREMENT\b/i.test(sql) ? (keyColumns[0] ?? null) : null;
    const references = [
      ...new Set(
        db
          .prepare<[string], { table: string }>('SELECT "table" FROM pragma_foreign_key_list(?)')
          .all(row.name)
          .map((reference) => reference.table)
          .filter((table) => table !== row.name),
      ),
    ];
    const columns = columnRows.map((column): ColumnLayout => ({
      name: column.name,
      type: columnType(row.name, column.type),
      // A primary key column is never NULL in either engine (SQLite alone would allow it).
      notNull: column.notnull === 1 || column.pk > 0,
    }));
    const order: RowOrder = POSTGRES_ROWID_TABLES.includes(row.name)
      ? { by: 'rowid' }
      : { by: 'columns', columns: keyColumns.length > 0 ? keyColumns : columns.map((column) => column.name) };
    return { name: row.name, columns, order, identity, references };
  });
  const byCreation = (a: TableLayout, b: TableLayout) =>
    (creation.get(a.name)?.index ?? 0) - (creation.get(b.name)?.index ?? 0);
  return referencedFirst(tables.sort(byCreation));
}

/** SQLite's declared type by its affinity rules; FTS5 columns have none and hold text. */
function columnType(table: string, declared: string): ColumnType {
  const type = declared.toUpperCase();
  if (type === '') return 'text';
  if (type.includes('INT')) return 'integer';
  if (type.includes('CHAR') || type.includes('CLOB') || type.includes('TEXT')) return 'text';
  if (type.includes('BLOB')) return 'blob';
  if (type.includes('REAL') || type.includes('FLOA') || type.includes('DOUB')) return 'real';
  throw new Error(`table ${table}: column type ${declared} has no counterpart in the export format`);
}

/** Tables in creation order, each moved after the tables it references (a stable topological sort). */
function referencedFirst(tables: TableLayout[]): TableLayout[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const ordered: TableLayout[] = [];
  const place = (table: TableLayout) => {
    if (placed.has(table.name)) return;
    if (visiting.has(table.name))
      throw new Error(`tables reference each other in a cycle through ${table.name}`);
    visiting.add(table.name);
    for (const name of table.references) {
      const referenced = byName.get(name);
      if (referenced) place(referenced);
    }
    visiting.delete(table.name);
    placed.add(table.name);
    ordered.push(table);
  };
  tables.forEach(place);
  return ordered;
}
