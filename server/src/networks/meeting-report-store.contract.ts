import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meetingReportContentSchema } from '@empiria/shared';
import type { SqlDatabase } from '../storage/sql/sql-database';
import type { StoreFixture } from '../storage/sql/store-fixture';
import { MeetingReportStore, type ReportRecord } from './meeting-report-store';

const AT = '2026-11-30T08:00:00.000Z';
const content = meetingReportContentSchema.parse({
  planned: 'Mapa barier',
  happened: 'Zebraliśmy bariery',
  attendance: [],
  agenda: [],
  results: '',
  difficulties: '',
  nextSteps: 'Spotkanie 2',
  photos: [],
});

/** What MeetingReportStore promises on every engine; run by its .test.ts and on PostgreSQL. */
export function meetingReportStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`MeetingReportStore contract: ${name}`, () => {
    let db: SqlDatabase;
    let cleanup: () => Promise<void>;
    let reports: MeetingReportStore;
    const draft: ReportRecord = {
      meetingId: 'm1',
      revision: 1,
      status: 'draft',
      content,
      updatedAt: AT,
      updatedBy: 'Fela',
      submittedAt: null,
      submittedBy: null,
      returnedAt: null,
      returnedReason: null,
    };

    beforeEach(async () => {
      ({ db, cleanup } = await open());
      reports = new MeetingReportStore(db);
      await db.run(
        "INSERT INTO networks (id, name, theme, description, created_at) VALUES ('n1', 'Zielona', '', '', ?)",
        [AT],
      );
      for (const [meeting, board] of [
        ['m1', 'b1'],
        ['m2', 'b2'],
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
           VALUES (?, 'n1', ?, 'Spotkanie', '2026-11-01T10:00', 'online', NULL, '', '', '', '[]', 0, ?)`,
          [meeting, board, AT],
        );
      }
    });
    afterEach(() => cleanup());

    it('stores a report, reads it back, and replaces it whole', async () => {
      expect(await reports.get('m1')).toBeNull();
      await reports.put(draft);
      expect(await reports.get('m1')).toEqual(draft);
      const submitted: ReportRecord = {
        ...draft,
        revision: 2,
        status: 'submitted',
        submittedAt: AT,
        submittedBy: 'Fela',
      };
      await reports.put(submitted);
      expect(await reports.get('m1')).toEqual(submitted);
      const returned: ReportRecord = {
        ...submitted,
        revision: 3,
        status: 'draft',
        submittedAt: null,
        submittedBy: null,
        returnedAt: AT,
        returnedReason: 'Brakuje listy obecności',
      };
      await reports.put(returned);
      expect(await reports.get('m1')).toEqual(returned);
    });

    it("lists the network's submitted reports and knows a meeting's network", async () => {
      await reports.put(draft);
      await reports.put({
        ...draft,
        meetingId: 'm2',
        status: 'submitted',
        submittedAt: AT,
        submittedBy: 'Fela',
      });
      expect([...(await reports.submittedMeetings('n1'))]).toEqual(['m2']);
      expect([...(await reports.submittedMeetings('n-other'))]).toEqual([]);
      expect(await reports.networkOfMeeting('m1')).toBe('n1');
      expect(await reports.networkOfMeeting('m-none')).toBeNull();
    });

    it("reads a board's photos, oldest first", async () => {
      for (const [id, at] of [
        ['ph-2', 2_000],
        ['ph-1', 1_000],
      ] as const) {
        await db.run(
          `INSERT INTO photos (id, board_id, step_id, mime, width, height, orientation, bytes, author_id,
             author_name, created_at)
           VALUES (?, 'b1', 'challenge', 'image/jpeg', 1, 1, 1, 10, 'u1', 'Ala', ?)`,
          [id, at],
        );
      }
      expect(await reports.boardPhotos('b1')).toEqual([
        { id: 'ph-1', stepId: 'challenge', author: 'Ala', takenAt: new Date(1_000).toISOString() },
        { id: 'ph-2', stepId: 'challenge', author: 'Ala', takenAt: new Date(2_000).toISOString() },
      ]);
      expect(await reports.boardPhotos('b2')).toEqual([]);
    });

    it('refuses an unknown status and a report of no meeting; a content the schema refuses fails loudly', async () => {
      await expect(reports.put({ ...draft, meetingId: 'm-none' })).rejects.toThrow();
      await reports.put(draft);
      await expect(
        db.run("UPDATE meeting_reports SET status = 'lost' WHERE meeting_id = 'm1'"),
      ).rejects.toThrow();
      await db.run("UPDATE meeting_reports SET content = '{\"attendance\":42}' WHERE meeting_id = 'm1'");
      await expect(reports.get('m1')).rejects.toThrow();
    });

    it("a meeting's removal takes its report", async () => {
      await reports.put(draft);
      await db.run("DELETE FROM meetings WHERE id = 'm1'");
      expect(await reports.get('m1')).toBeNull();
    });

    it('a transaction stores its report or, when it throws, nothing', async () => {
      await reports.transaction(async (tx) => tx.put(draft));
      await expect(
        reports.transaction(async (tx) => {
          await tx.put({ ...draft, revision: 2 });
          throw new Error('stale');
        }),
      ).rejects.toThrow('stale');
      expect((await reports.get('m1'))?.revision).toBe(1);
    });
  });
}
