import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardRepository } from '../storage/board-repository';
import { SqliteSqlDatabase } from '../storage/sql/sqlite-sql-database';
import { MIGRATIONS, openSqliteDatabase } from '../storage/sqlite-database';
import { NetworkStore } from './network-store';

/** The schema of the release before networks: the migrations it knew. */
const RELEASED_SCHEMA = 7;

let dir: string;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-migration-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration to networks', () => {
  it('a database of the current release opens with every board standalone, none lost', async () => {
    const file = path.join(dir, 'empiria.sqlite');
    const old = new Database(file);
    for (const migration of MIGRATIONS.slice(0, RELEASED_SCHEMA)) old.exec(migration);
    old.pragma(`user_version = ${RELEASED_SCHEMA}`);
    old
      .prepare(
        "INSERT INTO boards (id, title, format, language, created_at) VALUES ('old-board', 'Sieć 2026', 'format-0', 'pl', '2026-05-01T08:00:00.000Z')",
      )
      .run();
    old
      .prepare(
        "INSERT INTO invites (id, board_id, role, created_at) VALUES ('inv-1', 'old-board', 'participant', '2026-05-01T08:00:00.000Z')",
      )
      .run();
    old.prepare("INSERT INTO doc_updates (doc_key, data) VALUES ('old-board/canvas', x'00')").run();
    old.close();

    const db = openSqliteDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      const repo = new BoardRepository(new SqliteSqlDatabase(db));
      expect((await repo.list()).map((board) => board.id)).toEqual(['old-board']);
      expect(await repo.isInviteActive('inv-1', 'old-board')).toBe(true);
      expect(db.prepare('SELECT COUNT(*) AS n FROM doc_updates').get()).toEqual({ n: 1 });
      // Standalone: no network, no meeting claims the board.
      expect(db.prepare('SELECT COUNT(*) AS n FROM meetings').get()).toEqual({ n: 0 });
      expect(await new NetworkStore(new SqliteSqlDatabase(db)).networkIds()).toEqual([]);
    } finally {
      db.close();
    }
  });
});
