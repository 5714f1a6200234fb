import { AttendanceStore } from '../boards/attendance-store';
import { SqliteSqlDatabase } from '../storage/sql/sqlite-sql-database';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openSqliteDatabase } from '../storage/sqlite-database';
import { attendanceListService } from './network-services';

const ATTENDANCE_MIGRATION = MIGRATIONS.findIndex((sql) => sql.includes('CREATE TABLE attendance_marks'));
const AT = '2026-05-01T08:00:00.000Z';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-attendance-migration-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration to the organiser’s attendance lists', () => {
  it('a database from before it keeps its meetings; their lists start unkept, from the invitations', async () => {
    expect(ATTENDANCE_MIGRATION).toBeGreaterThan(0);
    const file = path.join(dir, 'empiria.sqlite');
    const old = new Database(file);
    for (const migration of MIGRATIONS.slice(0, ATTENDANCE_MIGRATION)) old.exec(migration);
    old.pragma(`user_version = ${ATTENDANCE_MIGRATION}`);
    const run = (sql: string, ...params: unknown[]) => old.prepare(sql).run(...params);
    run(
      "INSERT INTO boards (id, title, format, language, created_at) VALUES ('board-1', 'Spotkanie 1', 'format-0', 'pl', ?)",
      AT,
    );
    run("INSERT INTO networks VALUES ('net-1', 'Zasoby miast', 'Zasoby', '', ?)", AT);
    run("INSERT INTO cities VALUES ('city-1', 'Łódź', 'lodz', ?)", AT);
    run("INSERT INTO network_members VALUES ('net-1', 'city-1', 'programme-laureate', ?)", AT);
    run("INSERT INTO persons VALUES ('person-1', 'Anna Nowak', NULL, 'city-1', ?)", AT);
    run("INSERT INTO network_people VALUES ('net-1', 'person-1', 'representative', ?)", AT);
    run(
      `INSERT INTO meetings VALUES ('meeting-1', 'net-1', 'board-1', 'Spotkanie 1', '2026-05-10T10:00',
        'in-person', NULL, '', '', '', '[{"kind":"break","title":"","minutes":30}]', 0, ?)`,
      AT,
    );
    run("INSERT INTO invitations VALUES ('meeting-1', 'person-1', NULL, 'in-person', NULL, ?)", AT);
    old.close();

    const db = openSqliteDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      const service = attendanceListService(
        new SqliteSqlDatabase(db),
        new AttendanceStore(new SqliteSqlDatabase(db)),
      );
      const list = await service.list('net-1', 'meeting-1');
      expect(list).toMatchObject({ kept: false, organiserMayInvite: false });
      expect(list.entries.map((entry) => [entry.key, entry.answer, entry.attended])).toEqual([
        ['person:person-1', 'in-person', 'room'],
      ]);
      // Unkept: the record and the archive read the evidence as before.
      expect(await service.keptAttendeesOfBoard('board-1')).toBeNull();
      await service.mark('net-1', 'meeting-1', 'person:person-1', 'absent');
      expect(await service.keptAttendeesOfBoard('board-1')).toEqual([]);
      // A meeting's list goes with the meeting.
      db.prepare("DELETE FROM meetings WHERE id = 'meeting-1'").run();
      expect(db.prepare('SELECT COUNT(*) AS n FROM attendance_marks').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
