import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openSqliteDatabase } from '../storage/sqlite-database';
import { SqliteSqlDatabase } from '../storage/sql/sqlite-sql-database';
import { OfficeHoursStore } from './office-hours-store';

/** The migration that made the office hours' tables. */
const OFFICE_HOURS_MIGRATION = MIGRATIONS.findIndex((sql) =>
  sql.includes('CREATE TABLE office_hours_series'),
);

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-office-hours-migration-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration to office hours', () => {
  it('a database of the release before office hours opens with its networks kept and no slots', async () => {
    expect(OFFICE_HOURS_MIGRATION).toBeGreaterThan(0);
    const file = path.join(dir, 'empiria.sqlite');
    const old = new Database(file);
    for (const migration of MIGRATIONS.slice(0, OFFICE_HOURS_MIGRATION)) old.exec(migration);
    old.pragma(`user_version = ${OFFICE_HOURS_MIGRATION}`);
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
      const store = new OfficeHoursStore(new SqliteSqlDatabase(db));
      expect(await store.slots('net-zielona')).toEqual([]);
      expect((await store.bookings('net-zielona')).size).toBe(0);
    } finally {
      db.close();
    }
  });

  it('a slot takes one booking; an answer has its time; a network’s removal takes its office hours', async () => {
    const db = openSqliteDatabase(':memory:');
    try {
      db.exec(`
        INSERT INTO networks (id, name, theme, description, created_at) VALUES ('n1', 'N', 'T', '', 'x');
        INSERT INTO persons (id, name, created_at) VALUES ('p1', 'Edward', 'x'), ('p2', 'Ala', 'x');
        INSERT INTO office_hours_series VALUES ('s1', 'n1', 'p1', '{}', '{}', 'x');
        INSERT INTO office_hours_slots (id, series_id, network_id, starts_at, ends_at)
          VALUES ('sl1', 's1', 'n1', '2026-10-27T16:00', '2026-10-27T17:00');
      `);
      const store = new OfficeHoursStore(new SqliteSqlDatabase(db));
      const booking = { slotId: 'sl1', question: 'Żłobek?', bookedAt: 'x' };
      expect(await store.insertBooking({ ...booking, personId: 'p2' })).toBe('booked');
      expect(await store.insertBooking({ ...booking, personId: 'p1' })).toBe('taken');
      expect(() => db.exec("UPDATE office_hours_bookings SET answer = 'Tak' WHERE slot_id = 'sl1'")).toThrow(
        /CHECK/,
      );
      db.exec("DELETE FROM networks WHERE id = 'n1'");
      expect(db.prepare('SELECT COUNT(*) AS n FROM office_hours_bookings').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
