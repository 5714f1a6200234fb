import type { MailOutcome } from '@empiria/shared';
import type { SqliteDatabase } from '../storage/sqlite-database';

/**
 * Every invitation e-mail attempt (migration 9 in storage/sqlite-database.ts): who, which meeting, which
 * version of it (the meeting's calendar SEQUENCE, raised by each change), when, the Message-ID and
 * the outcome. "Sent this version already" is read from here, so a changed meeting is sent again.
 */
export interface MailLogEntry {
  meetingId: string;
  personId: string;
  email: string | null;
  revision: number;
  outcome: MailOutcome;
  messageId: string | null;
  reason: string | null;
  at: string;
}

interface MailLogRow {
  meeting_id: string;
  person_id: string;
  email: string | null;
  revision: number;
  outcome: MailOutcome;
  message_id: string | null;
  reason: string | null;
  at: string;
}

export class SqliteMailLog {
  readonly #insert;
  readonly #sentIds;
  readonly #entries;

  constructor(db: SqliteDatabase) {
    this.#insert = db.prepare<
      [string, string, string | null, number, string, string | null, string | null, string]
    >(
      `INSERT INTO invitation_mails (meeting_id, person_id, email, revision, outcome, message_id, reason, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#sentIds = db.prepare<[string, number], { person_id: string }>(
      `SELECT DISTINCT person_id FROM invitation_mails WHERE meeting_id = ? AND revision = ? AND outcome = 'sent'`,
    );
    this.#entries = db.prepare<[string], MailLogRow>(
      'SELECT * FROM invitation_mails WHERE meeting_id = ? ORDER BY id',
    );
  }

  record(entry: MailLogEntry): void {
    this.#insert.run(
      entry.meetingId,
      entry.personId,
      entry.email,
      entry.revision,
      entry.outcome,
      entry.messageId,
      entry.reason,
      entry.at,
    );
  }

  /** The people this version of the meeting was sent to. */
  sentTo(meetingId: string, revision: number): Set<string> {
    return new Set(this.#sentIds.all(meetingId, revision).map((row) => row.person_id));
  }

  /** Oldest first. */
  entries(meetingId: string): MailLogEntry[] {
    return this.#entries.all(meetingId).map((row) => ({
      meetingId: row.meeting_id,
      personId: row.person_id,
      email: row.email,
      revision: row.revision,
      outcome: row.outcome,
      messageId: row.message_id,
      reason: row.reason,
      at: row.at,
    }));
  }
}
