import type { MailOutcome } from '@empiria/shared';
import type { SqlQueries } from '../storage/sql/sql-database';

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

/** The log on either engine; entries are appended, never changed. */
export class MailLog {
  readonly #sql: SqlQueries;

  constructor(sql: SqlQueries) {
    this.#sql = sql;
  }

  async record(entry: MailLogEntry): Promise<void> {
    await this.#sql.run(
      `INSERT INTO invitation_mails (meeting_id, person_id, email, revision, outcome, message_id, reason, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        entry.meetingId,
        entry.personId,
        entry.email,
        entry.revision,
        entry.outcome,
        entry.messageId,
        entry.reason,
        entry.at,
      ],
    );
  }

  /** The people this version of the meeting was sent to. */
  async sentTo(meetingId: string, revision: number): Promise<Set<string>> {
    const rows = await this.#sql.all<{ person_id: string }>(
      `SELECT DISTINCT person_id FROM invitation_mails WHERE meeting_id = ? AND revision = ? AND outcome = 'sent'`,
      [meetingId, revision],
    );
    return new Set(rows.map((row) => row.person_id));
  }

  /** Oldest first. */
  async entries(meetingId: string): Promise<MailLogEntry[]> {
    const rows = await this.#sql.all<MailLogRow>(
      `SELECT meeting_id, person_id, email, revision, outcome, message_id, reason, at
         FROM invitation_mails WHERE meeting_id = ? ORDER BY id`,
      [meetingId],
    );
    return rows.map((row) => ({
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
