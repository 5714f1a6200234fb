import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * The embedded database: one SQLite file under DATA_DIR in WAL mode. With WAL and
 * synchronous=NORMAL a committed transaction survives a crash of this process (it is in the OS's
 * page cache); only a power loss may lose the last commits. Migrations run in order, keyed by
 * `PRAGMA user_version`.
 */
export type SqliteDatabase = Database.Database;

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE boards (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    format TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE invites (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE INDEX invites_by_board ON invites(board_id, role);
  CREATE TABLE doc_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_key TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX doc_updates_by_key ON doc_updates(doc_key, seq);
  CREATE TABLE doc_snapshots (
    doc_key TEXT PRIMARY KEY,
    data BLOB NOT NULL,
    upto_seq INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
  // 2: the language a board's template is written in.
  `ALTER TABLE boards ADD COLUMN language TEXT NOT NULL DEFAULT 'pl';`,
];

export function openSqliteDatabase(file: string): SqliteDatabase {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: SqliteDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The database was written by a newer Empiria (schema ${current}, this one knows ${MIGRATIONS.length}).`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
