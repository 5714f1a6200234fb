import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../storage/sql/sql-database';
import type { StoreFixture } from '../storage/sql/store-fixture';
import { MailLog, type MailLogEntry } from './invitation-mail-log';

const AT = '2026-11-30T08:00:00.000Z';

/** What MailLog promises on every engine; run by its .test.ts and on PostgreSQL. */
export function mailLogContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`MailLog contract: ${name}`, () => {
    let db: SqlDatabase;
    let cleanup: () => Promise<void>;
    let log: MailLog;
    const entry = (overrides: Partial<MailLogEntry>): MailLogEntry => ({
      meetingId: 'm1',
      personId: 'p-ala',
      email: 'ala@lodz.pl',
      revision: 0,
      outcome: 'sent',
      messageId: '<1@empiria.test>',
      reason: null,
      at: AT,
      ...overrides,
    });

    beforeEach(async () => {
      ({ db, cleanup } = await open());
      log = new MailLog(db);
      await db.run('INSERT INTO boards (id, title, format, created_at) VALUES (?, ?, ?, ?)', [
        'b1',
        'T',
        'format-0',
        AT,
      ]);
      await db.run(
        "INSERT INTO networks (id, name, theme, description, created_at) VALUES ('n1', 'Zielona', '', '', ?)",
        [AT],
      );
      await db.run(
        `INSERT INTO meetings (id, network_id, board_id, title, starts_at, mode, host_city_id, venue, room,
           catering_notes, agenda, sequence, created_at)
         VALUES ('m1', 'n1', 'b1', 'Spotkanie', '2027-01-01T10:00', 'online', NULL, '', '', '', '[]', 0, ?)`,
        [AT],
      );
      for (const id of ['p-ala', 'p-bea']) {
        await db.run(
          'INSERT INTO persons (id, name, email, city_id, created_at) VALUES (?, ?, NULL, NULL, ?)',
          [id, id, AT],
        );
      }
    });
    afterEach(() => cleanup());

    it('keeps every attempt in the order made; "sent" counts per version of the meeting', async () => {
      const attempts = [
        entry({ outcome: 'failed', messageId: null, reason: '550 mailbox unavailable' }),
        entry({}),
        entry({ personId: 'p-bea', email: null, outcome: 'no-email', messageId: null }),
        entry({ revision: 1, messageId: '<2@empiria.test>' }),
      ];
      for (const attempt of attempts) await log.record(attempt);
      expect(await log.entries('m1')).toEqual(attempts);
      expect([...(await log.sentTo('m1', 0))]).toEqual(['p-ala']);
      expect([...(await log.sentTo('m1', 1))]).toEqual(['p-ala']);
      expect([...(await log.sentTo('m1', 2))]).toEqual([]);
      expect(await log.entries('m-none')).toEqual([]);
    });

    it('refuses an outcome it does not know and an attempt for no meeting', async () => {
      await expect(log.record(entry({ outcome: 'maybe' as MailLogEntry['outcome'] }))).rejects.toThrow();
      await expect(log.record(entry({ meetingId: 'm-none' }))).rejects.toThrow();
      expect(await log.entries('m1')).toEqual([]);
    });

    it("a meeting's removal takes its log", async () => {
      await log.record(entry({}));
      await db.run("DELETE FROM meetings WHERE id = 'm1'");
      expect(await log.entries('m1')).toEqual([]);
    });
  });
}
