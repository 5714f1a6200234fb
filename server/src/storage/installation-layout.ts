import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Where an installation's data lives, recorded in DATA_DIR the first time it starts on PostgreSQL,
 * so that a start whose environment changed is refused instead of opening every board empty:
 *
 * - no marker: SQLite, `DATA_DIR/empiria.sqlite` (the default);
 * - `database-engine` holding `postgresql`: every table in the database of DATABASE_URL (D28, D30);
 * - `documents-engine` holding `postgresql`: the layout of the release before (D21), with the Yjs
 *   documents on PostgreSQL and everything else in `DATA_DIR/empiria.sqlite`. This release does not
 *   serve it; `empiria export` reads it and `empiria import` writes it anew (docs/operations.md).
 *
 * The server (installation-database.ts) and `empiria export`/`import` (transfer/) read it here.
 */
export type InstallationLayout = 'sqlite' | 'postgresql' | 'documents-on-postgresql';

export const SQLITE_FILE = 'empiria.sqlite';
export const DATABASE_ENGINE_MARKER = 'database-engine';
export const LEGACY_DOCUMENTS_MARKER = 'documents-engine';

export function readInstallationLayout(dataDir: string): InstallationLayout {
  const marker = (name: string) => {
    const file = path.join(dataDir, name);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : null;
  };
  if (marker(DATABASE_ENGINE_MARKER) === 'postgresql') return 'postgresql';
  if (marker(LEGACY_DOCUMENTS_MARKER) === 'postgresql') return 'documents-on-postgresql';
  return 'sqlite';
}

/** Called once PostgreSQL holds the installation: from then on a start without it is refused. */
export function recordPostgresqlLayout(dataDir: string): void {
  fs.writeFileSync(path.join(dataDir, DATABASE_ENGINE_MARKER), 'postgresql\n');
}

/**
 * True when `DATA_DIR/empiria.sqlite` holds anything a person made (boards, networks, documents):
 * starting on PostgreSQL over it would hide it. Read-only; a missing file holds nothing.
 */
export function sqliteHoldsData(dataDir: string): boolean {
  const file = path.join(dataDir, SQLITE_FILE);
  if (!fs.existsSync(file)) return false;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(
      db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .all()
        .map((row) => row.name),
    );
    return ['boards', 'networks', 'doc_updates', 'doc_snapshots'].some(
      (table) =>
        tables.has(table) &&
        db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table}) AS found`).pluck().get() === 1,
    );
  } finally {
    db.close();
  }
}
