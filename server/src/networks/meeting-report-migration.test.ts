import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openSqliteDatabase } from '../storage/sqlite-database';
import { SqliteSqlDatabase } from '../storage/sql/sqlite-sql-database';
import { MeetingReportStore } from './meeting-report-store';

/** The migration that made the reports' table: the one whose SQL creates `meeting_reports`. */
const REPORT_MIGRATION = MIGRATIONS.findIndex((sql) => sql.includes('CREATE TABLE meeting_reports'));

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-report-migration-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration to the facilitators’ reports', () => {
  it('a database of the release before the reports opens with its networks kept and no report', async () => {
    expect(REPORT_MIGRATION).toBeGreaterThan(0);
    const file = path.join(dir, 'empiria.sqlite');
    const old = new Database(file);
    for (const migration of MIGRATIONS.slice(0, REPORT_MIGRATION)) old.exec(migration);
    old.pragma(`user_version = ${REPORT_MIGRATION}`);
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
      expect(await new MeetingReportStore(new SqliteSqlDatabase(db)).get('any-meeting')).toBeNull();
    } finally {
      db.close();
    }
  });

  it('the table refuses what the reports never write, and a meeting’s removal takes its report', () => {
    const db = openSqliteDatabase(':memory:');
    try {
      db.exec(
        "INSERT INTO networks (id, name, theme, description, created_at) VALUES ('n1', 'Zielona', 'Zieleń', '', 'x')",
      );
      // The meeting's board is beside the point here: its row is left out with the keys off for a moment.
      db.pragma('foreign_keys = OFF');
      db.exec(
        "INSERT INTO meetings (id, network_id, board_id, title, starts_at, mode, venue, room, catering_notes, agenda, sequence, created_at) VALUES ('m1', 'n1', 'b1', 'Spotkanie 1', '2026-11-02T10:00', 'online', '', '', '', '[]', 0, 'x')",
      );
      db.pragma('foreign_keys = ON');
      const row = (status: string, revision: number, submittedAt: string | null) =>
        `INSERT INTO meeting_reports (meeting_id, revision, status, content, updated_at, updated_by, submitted_at) VALUES ('m1', ${revision}, '${status}', '{}', 'x', 'Fela', ${submittedAt === null ? 'NULL' : `'${submittedAt}'`})`;
      expect(() => db.exec(row('sent', 1, 'x'))).toThrow(/CHECK/);
      expect(() => db.exec(row('draft', 0, null))).toThrow(/CHECK/);
      expect(() => db.exec(row('submitted', 1, null))).toThrow(/CHECK/);
      db.exec(row('submitted', 1, 'x'));
      db.exec("DELETE FROM meetings WHERE id = 'm1'");
      expect(db.prepare('SELECT COUNT(*) AS n FROM meeting_reports').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
