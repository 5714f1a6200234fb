import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../storage/sql/sql-database';
import type { StoreFixture } from '../storage/sql/store-fixture';
import { HomeStore } from './home-store';

const AT = '2026-11-30T08:00:00.000Z';

/** What HomeStore promises on every engine; run by its .test.ts and on PostgreSQL. */
export function homeStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`HomeStore contract: ${name}`, () => {
    let db: SqlDatabase;
    let cleanup: () => Promise<void>;
    let home: HomeStore;

    beforeEach(async () => {
      ({ db, cleanup } = await open());
      home = new HomeStore(db);
      await db.run(
        "INSERT INTO networks (id, name, theme, description, created_at) VALUES ('n1', 'Zielona', '', '', ?)",
        [AT],
      );
      for (const [meeting, board, startsAt] of [
        ['m-late', 'b-late', '2027-06-01T10:00'],
        ['m-early', 'b-early', '2027-01-01T10:00'],
      ] as const) {
        await db.run('INSERT INTO boards (id, title, format, created_at) VALUES (?, ?, ?, ?)', [
          board,
          'T',
          'format-0',
          AT,
        ]);
        await db.run(
          `INSERT INTO meetings (id, network_id, board_id, title, starts_at, mode, host_city_id, venue, room,
             catering_notes, agenda, sequence, created_at)
           VALUES (?, 'n1', ?, 'Spotkanie', ?, 'online', NULL, '', '', '', '[]', 0, ?)`,
          [meeting, board, startsAt, AT],
        );
      }
    });
    afterEach(() => cleanup());

    it("knows a meeting's network and the boards of a network's meetings, by their start", async () => {
      expect(await home.meetingNetwork('m-late')).toBe('n1');
      expect(await home.meetingNetwork('m-none')).toBeNull();
      expect(await home.meetingBoards('n1')).toEqual(['b-early', 'b-late']);
      expect(await home.meetingBoards('n-none')).toEqual([]);
    });

    it("the board's active invite of a role: the newest, and of two made in one millisecond the last", async () => {
      const invite = (id: string, role: string, createdAt: string, revokedAt: string | null = null) =>
        db.run('INSERT INTO invites (id, board_id, role, created_at, revoked_at) VALUES (?, ?, ?, ?, ?)', [
          id,
          'b-early',
          role,
          createdAt,
          revokedAt,
        ]);
      expect(await home.activeInvite('b-early', 'participant')).toBeNull();
      await invite('inv-old', 'participant', '2026-11-30T07:00:00.000Z');
      await invite('inv-z', 'participant', AT);
      await invite('inv-a', 'participant', AT);
      await invite('inv-revoked', 'participant', '2026-11-30T09:00:00.000Z', '2026-11-30T09:30:00.000Z');
      await invite('inv-observer', 'observer', '2026-11-30T10:00:00.000Z');
      expect(await home.activeInvite('b-early', 'participant')).toBe('inv-a');
      expect(await home.activeInvite('b-early', 'observer')).toBe('inv-observer');
      expect(await home.activeInvite('b-late', 'participant')).toBeNull();
    });

    it('finds the board people a device secret stands for, on that board only', async () => {
      const person = (board: string, id: string, role: string, secret: string | null) =>
        db.run(
          `INSERT INTO people (board_id, id, role, secret_hash, name, city, created_at, last_joined_at)
           VALUES (?, ?, ?, ?, 'Ala', 'Łódź', 1, 1)`,
          [board, id, role, secret],
        );
      await person('b-early', 'u-participant', 'participant', 'hash-ala');
      await person('b-early', 'u-observer', 'observer', 'hash-ala');
      await person('b-early', 'u-other', 'participant', 'hash-bea');
      await person('b-late', 'u-late', 'participant', 'hash-ala');
      expect(await home.peopleBySecret('b-early', 'hash-ala')).toEqual(['u-observer', 'u-participant']);
      expect(await home.peopleBySecret('b-early', 'hash-none')).toEqual([]);
    });
  });
}
