import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openSqliteDatabase } from '../storage/sqlite-database';
import { SqliteSqlDatabase } from '../storage/sql/sqlite-sql-database';
import { MailLog } from './invitation-mail-log';

/** The schema with networks and before the sent-log: migrations 1–8. */
const BEFORE_MAIL_LOG = 8;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-mail-migration-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration to the invitation sent-log', () => {
  it('keeps a network meeting and starts its sent-log empty; the log refuses an unknown outcome', async () => {
    const file = path.join(dir, 'empiria.sqlite');
    const old = new Database(file);
    for (const migration of MIGRATIONS.slice(0, BEFORE_MAIL_LOG)) old.exec(migration);
    old.pragma(`user_version = ${BEFORE_MAIL_LOG}`);
    old.exec(`
      INSERT INTO boards (id, title, format, language, created_at) VALUES ('b1', 'S1', 'format-0', 'pl', '2026-05-01T08:00:00.000Z');
      INSERT INTO networks (id, name, theme, description, created_at) VALUES ('net111', 'Miasto cyfrowe', 'Cyfryzacja', '', '2026-05-01T08:00:00.000Z');
      INSERT INTO persons (id, name, email, city_id, created_at) VALUES ('per111', 'Anna', 'anna@example.pl', NULL, '2026-05-01T08:00:00.000Z');
      INSERT INTO meetings (id, network_id, board_id, title, starts_at, mode, host_city_id, venue, room, catering_notes, agenda, sequence, created_at)
        VALUES ('mee111', 'net111', 'b1', 'Spotkanie 1', '2026-06-01T10:00', 'online', NULL, '', '', '', '[]', 2, '2026-05-01T08:00:00.000Z');
    `);
    old.close();

    const db = openSqliteDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(db.prepare('SELECT id, sequence FROM meetings').all()).toEqual([{ id: 'mee111', sequence: 2 }]);
      const log = new MailLog(new SqliteSqlDatabase(db));
      expect(await log.entries('mee111')).toEqual([]);
      const entry = {
        meetingId: 'mee111',
        personId: 'per111',
        email: 'anna@example.pl',
        revision: 2,
        outcome: 'sent' as const,
        messageId: '<1@example.pl>',
        reason: null,
        at: '2026-05-02T08:00:00.000Z',
      };
      await log.record(entry);
      expect(await log.entries('mee111')).toEqual([entry]);
      expect([...(await log.sentTo('mee111', 2))]).toEqual(['per111']);
      expect([...(await log.sentTo('mee111', 3))]).toEqual([]);
      expect(() =>
        db
          .prepare(
            "INSERT INTO invitation_mails (meeting_id, person_id, revision, outcome, at) VALUES ('mee111', 'per111', 2, 'maybe', 'x')",
          )
          .run(),
      ).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
