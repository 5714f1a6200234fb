import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openSqliteDatabase } from '../storage/sqlite-database';
import { SqliteSqlDatabase } from '../storage/sql/sqlite-sql-database';
import { NetworkDocumentsStore } from './network-documents-store';

/** The migration that made the document space's tables: the one whose SQL creates `network_files`. */
const DOCUMENTS_MIGRATION = MIGRATIONS.findIndex((sql) => sql.includes('CREATE TABLE network_files'));

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-documents-migration-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration to the network document space', () => {
  it('a database of the release before it opens with its networks kept and an empty space', async () => {
    expect(DOCUMENTS_MIGRATION).toBeGreaterThan(0);
    const file = path.join(dir, 'empiria.sqlite');
    const old = new Database(file);
    for (const migration of MIGRATIONS.slice(0, DOCUMENTS_MIGRATION)) old.exec(migration);
    old.pragma(`user_version = ${DOCUMENTS_MIGRATION}`);
    old
      .prepare(
        "INSERT INTO networks (id, name, theme, description, created_at) VALUES ('net-zielona', 'Zielona', 'Zieleń', '', '2026-05-01T08:00:00.000Z')",
      )
      .run();
    old.close();

    const db = openSqliteDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(db.prepare('SELECT name FROM networks').all()).toEqual([{ name: 'Zielona' }]);
      const store = new NetworkDocumentsStore(new SqliteSqlDatabase(db));
      expect(await store.folders('net-zielona')).toEqual([]);
      expect(await store.files('net-zielona')).toEqual([]);
      expect(await store.usage('net-zielona')).toBe(0);
    } finally {
      db.close();
    }
  });

  it('the tables refuse what the space never writes: an unknown kind, two live files of one name', () => {
    const db = openSqliteDatabase(':memory:');
    try {
      db.exec(
        "INSERT INTO networks (id, name, theme, description, created_at) VALUES ('n1', 'N', 'T', '', 'x')",
      );
      const insert = (id: string, kind: string, key: string) =>
        db.exec(
          `INSERT INTO network_files (id, network_id, folder_id, name, name_key, kind, created_at)
           VALUES ('${id}', 'n1', NULL, '${key}', '${key}', '${kind}', 'x')`,
        );
      expect(() => insert('f0', 'exe', 'a.exe')).toThrow(/CHECK/);
      insert('f1', 'pdf', 'a.pdf');
      // The top level's NULL folder counts as one folder: a second live "a.pdf" is refused.
      expect(() => insert('f2', 'pdf', 'a.pdf')).toThrow(/UNIQUE/);
      db.exec("UPDATE network_files SET deleted_at = 'y' WHERE id = 'f1'");
      insert('f2', 'pdf', 'a.pdf');
      db.exec("INSERT INTO network_file_versions VALUES ('f2', 1, 'n1/key-000001', 10, NULL, 'x')");
      // A network's removal takes its files' rows with it.
      db.exec("DELETE FROM networks WHERE id = 'n1'");
      expect(db.prepare('SELECT COUNT(*) AS n FROM network_file_versions').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
