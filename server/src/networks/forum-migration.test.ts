import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openSqliteDatabase } from '../storage/sqlite-database';
import { SqliteSqlDatabase } from '../storage/sql/sqlite-sql-database';
import { ForumStore } from './forum-store';

/** The migration that made the forum's tables: the one whose SQL creates `forum_threads`. */
const FORUM_MIGRATION = MIGRATIONS.findIndex((sql) => sql.includes('CREATE TABLE forum_threads'));

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-forum-migration-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration to the network forum', () => {
  it('a database of the release before the forum opens with its networks kept and an empty forum', async () => {
    expect(FORUM_MIGRATION).toBeGreaterThan(0);
    const file = path.join(dir, 'empiria.sqlite');
    const old = new Database(file);
    for (const migration of MIGRATIONS.slice(0, FORUM_MIGRATION)) old.exec(migration);
    old.pragma(`user_version = ${FORUM_MIGRATION}`);
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
      const store = new ForumStore(new SqliteSqlDatabase(db));
      expect(await store.threads('net-zielona')).toEqual([]);
      expect(await store.conversions('net-zielona')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('the tables refuse what the forum never writes: an unknown kind, an agenda item without its meeting', () => {
    const db = openSqliteDatabase(':memory:');
    try {
      db.exec(`
        INSERT INTO networks (id, name, theme, description, created_at) VALUES ('n1', 'N', 'T', '', 'x');
        INSERT INTO persons (id, name, created_at) VALUES ('p1', 'Rita', 'x');
      `);
      expect(() =>
        db.exec("INSERT INTO forum_threads VALUES ('t1', 'n1', 'poll', 'Ankieta', 'p1', 'x', 'x')"),
      ).toThrow(/CHECK/);
      db.exec("INSERT INTO forum_threads VALUES ('t1', 'n1', 'need', 'Susza', 'p1', 'x', 'x')");
      expect(() =>
        db.exec("INSERT INTO forum_conversions VALUES ('t1', 'agenda-item', NULL, 'p1', 'x')"),
      ).toThrow(/CHECK/);
      // A network's removal takes its forum with it.
      db.exec(
        "INSERT INTO forum_posts (id, thread_id, author_id, body, created_at) VALUES ('po1', 't1', 'p1', 'b', 'x')",
      );
      db.exec("DELETE FROM networks WHERE id = 'n1'");
      expect(db.prepare('SELECT COUNT(*) AS n FROM forum_posts').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
