import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../storage/sql/sql-database';
import type { StoreFixture } from '../storage/sql/store-fixture';
import { AttendanceListStore } from './attendance-list-store';

const AT = '2026-11-30T08:00:00.000Z';

/** What AttendanceListStore promises on every engine; run by its .test.ts and on PostgreSQL. */
export function attendanceListStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`AttendanceListStore contract: ${name}`, () => {
    let db: SqlDatabase;
    let cleanup: () => Promise<void>;
    let lists: AttendanceListStore;

    beforeEach(async () => {
      ({ db, cleanup } = await open());
      lists = new AttendanceListStore(db);
      await db.run('INSERT INTO boards (id, title, format, created_at) VALUES (?, ?, ?, ?)', [
        'b1',
        'Tablica',
        'format-0',
        AT,
      ]);
      await db.run(
        "INSERT INTO networks (id, name, theme, description, created_at) VALUES ('n1', 'Zielona', '', '', ?)",
        [AT],
      );
      await db.run(
        "INSERT INTO cities (id, name, name_key, created_at) VALUES ('c-lodz', 'Łódź', 'łódź', ?)",
        [AT],
      );
      await db.run(
        `INSERT INTO meetings (id, network_id, board_id, title, starts_at, mode, host_city_id, venue, room,
           catering_notes, agenda, sequence, created_at)
         VALUES ('m1', 'n1', 'b1', 'Spotkanie', '2027-01-01T10:00', 'in-person', NULL, '', '', '', '[]', 0, ?)`,
        [AT],
      );
    });
    afterEach(() => cleanup());

    it('a mark is set, replaced and cleared; marks come in the order they were made', async () => {
      expect(await lists.marks('m1')).toEqual([]);
      await lists.setMark('m1', 'person:p2', 'room', '2026-11-30T08:00:02.000Z');
      await lists.setMark('m1', 'person:p1', 'online', '2026-11-30T08:00:01.000Z');
      expect(await lists.marks('m1')).toEqual([
        { key: 'person:p1', status: 'online' },
        { key: 'person:p2', status: 'room' },
      ]);
      await lists.setMark('m1', 'person:p1', 'absent', '2026-11-30T08:00:03.000Z');
      expect(await lists.marks('m1')).toEqual([
        { key: 'person:p2', status: 'room' },
        { key: 'person:p1', status: 'absent' },
      ]);
      await lists.clearMark('m1', 'person:p2');
      expect(await lists.marks('m1')).toEqual([{ key: 'person:p1', status: 'absent' }]);
    });

    it('walk-ins: a substitute of a city, a guest of an institution; status changes; removal', async () => {
      await lists.insertWalkIn(
        'm1',
        { id: 'w2', kind: 'guest', name: 'Gość', cityId: null, institution: 'NFOŚ', status: 'online' },
        '2026-11-30T08:00:02.000Z',
      );
      await lists.insertWalkIn(
        'm1',
        { id: 'w1', kind: 'substitute', name: 'Zyta', cityId: 'c-lodz', institution: null, status: 'room' },
        '2026-11-30T08:00:01.000Z',
      );
      expect(await lists.walkIns('m1')).toEqual([
        {
          id: 'w1',
          kind: 'substitute',
          name: 'Zyta',
          cityId: 'c-lodz',
          city: 'Łódź',
          institution: null,
          status: 'room',
        },
        {
          id: 'w2',
          kind: 'guest',
          name: 'Gość',
          cityId: null,
          city: null,
          institution: 'NFOŚ',
          status: 'online',
        },
      ]);
      expect(await lists.setWalkInStatus('m1', 'w1', 'online')).toBe(true);
      expect(await lists.setWalkInStatus('m1', 'w-none', 'online')).toBe(false);
      expect(await lists.setWalkInStatus('m-other', 'w1', 'room')).toBe(false);
      expect((await lists.walkIns('m1'))[0]?.status).toBe('online');
      expect(await lists.deleteWalkIn('m1', 'w2')).toBe(true);
      expect(await lists.deleteWalkIn('m1', 'w2')).toBe(false);
      expect((await lists.walkIns('m1')).map((w) => w.id)).toEqual(['w1']);
    });

    it('refuses what the schema forbids: a guest with a city, an unknown status', async () => {
      await expect(
        lists.insertWalkIn(
          'm1',
          { id: 'w1', kind: 'guest', name: 'Gość', cityId: 'c-lodz', institution: null, status: 'room' },
          AT,
        ),
      ).rejects.toThrow();
      await db.run(
        "INSERT INTO attendance_marks (meeting_id, entry_key, status, marked_at) VALUES ('m1', 'k', 'room', ?)",
        [AT],
      );
      await expect(
        db.run("UPDATE attendance_marks SET status = 'maybe' WHERE entry_key = 'k'"),
      ).rejects.toThrow();
    });

    it("finds a board's meeting; grants the organiser's invitations once, and takes the grant back", async () => {
      expect(await lists.meetingOfBoard('b1')).toEqual({ meetingId: 'm1', networkId: 'n1' });
      expect(await lists.meetingOfBoard('b-none')).toBeNull();
      expect(await lists.organiserMayInvite('m1')).toBe(false);
      await lists.setOrganiserMayInvite('m1', true, AT);
      await lists.setOrganiserMayInvite('m1', true, '2026-12-01T08:00:00.000Z');
      expect(await lists.organiserMayInvite('m1')).toBe(true);
      const grant = await db.get<{ granted_at: string }>(
        "SELECT granted_at FROM organiser_invite_grants WHERE meeting_id = 'm1'",
      );
      // Granting again keeps when it was first granted.
      expect(grant?.granted_at).toBe(AT);
      await lists.setOrganiserMayInvite('m1', false, AT);
      expect(await lists.organiserMayInvite('m1')).toBe(false);
    });

    it("a meeting's removal takes its marks, walk-ins and grant", async () => {
      await lists.setMark('m1', 'person:p1', 'room', AT);
      await lists.insertWalkIn(
        'm1',
        { id: 'w1', kind: 'guest', name: 'Gość', cityId: null, institution: 'ZMP', status: 'room' },
        AT,
      );
      await lists.setOrganiserMayInvite('m1', true, AT);
      await db.run("DELETE FROM meetings WHERE id = 'm1'");
      expect(await lists.marks('m1')).toEqual([]);
      expect(await lists.walkIns('m1')).toEqual([]);
      expect(await lists.organiserMayInvite('m1')).toBe(false);
    });

    it('a transaction on the database rolls the lists back with the rest', async () => {
      await expect(
        db.transaction(async (tx) => {
          const inTx = new AttendanceListStore(tx);
          await inTx.setMark('m1', 'person:p1', 'room', AT);
          await inTx.setOrganiserMayInvite('m1', true, AT);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await lists.marks('m1')).toEqual([]);
      expect(await lists.organiserMayInvite('m1')).toBe(false);
    });
  });
}
