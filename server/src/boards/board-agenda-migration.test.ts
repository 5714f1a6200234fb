import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BoardAgenda } from '@empiria/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardRepository } from '../storage/board-repository';
import { SqliteSqlDatabase } from '../storage/sql/sqlite-sql-database';
import { MIGRATIONS, openSqliteDatabase } from '../storage/sqlite-database';

/** The migration that added the boards' agenda column (D16): the last one that names it. */
const AGENDA_MIGRATION = MIGRATIONS.findIndex((sql) => /ALTER TABLE boards ADD COLUMN agenda/.test(sql));

const agenda: BoardAgenda = [
  { kind: 'step', format: 'format-2', version: 1, stepId: 'challenge', minutes: 15 },
  { kind: 'break', title: '', minutes: 15 },
];

let dir: string;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-agenda-migration-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration: a board’s agenda', () => {
  it('keeps boards made before it exactly as they were (no agenda) and stores a meeting board’s agenda', async () => {
    expect(AGENDA_MIGRATION).toBeGreaterThan(0);
    const file = path.join(dir, 'empiria.sqlite');
    const old = new Database(file);
    for (const migration of MIGRATIONS.slice(0, AGENDA_MIGRATION)) old.exec(migration);
    old.pragma(`user_version = ${AGENDA_MIGRATION}`);
    old
      .prepare(
        "INSERT INTO boards (id, title, format, language, created_at) VALUES ('old-board', 'Sieć 2026', 'format-2', 'pl', '2026-05-01T08:00:00.000Z')",
      )
      .run();
    old.close();

    const db = openSqliteDatabase(file);
    try {
      const repo = new BoardRepository(new SqliteSqlDatabase(db));
      expect(await repo.get('old-board')).toEqual({
        id: 'old-board',
        title: 'Sieć 2026',
        format: 'format-2',
        // Stored before versions were recorded: version 1, the only one there was (D26).
        formatVersion: 1,
        language: 'pl',
        createdAt: '2026-05-01T08:00:00.000Z',
      });
      const createdAt = '2026-06-01T08:00:00.000Z';
      await repo.create({
        id: 'meeting-board',
        title: 'Spotkanie 2',
        format: 'format-2',
        formatVersion: 1,
        language: 'pl',
        createdAt,
        agenda,
        invites: [],
      });
      expect((await repo.get('meeting-board'))?.agenda).toEqual(agenda);
      const changed: BoardAgenda = [{ kind: 'free-discussion', title: 'KPO', minutes: 30 }];
      await repo.setAgenda('meeting-board', changed);
      expect((await repo.get('meeting-board'))?.agenda).toEqual(changed);
    } finally {
      db.close();
    }
  });

  it('refuses to store an agenda that is not one, and to read a stored one that was tampered with', async () => {
    const db = openSqliteDatabase(':memory:');
    try {
      const repo = new BoardRepository(new SqliteSqlDatabase(db));
      const base = {
        title: 'x',
        format: 'format-2' as const,
        formatVersion: 1,
        language: 'pl' as const,
        createdAt: '2026-06-01T08:00:00.000Z',
        invites: [],
      };
      await expect(repo.create({ ...base, id: 'empty', agenda: [] })).rejects.toThrow();
      expect(await repo.get('empty')).toBeNull();
      await repo.create({ ...base, id: 'b', agenda });
      db.prepare('UPDATE boards SET agenda = \'[{"kind":"lunch","minutes":60}]\' WHERE id = \'b\'').run();
      await expect(repo.get('b')).rejects.toThrow();
    } finally {
      db.close();
    }
  });
});
