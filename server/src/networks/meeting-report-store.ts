import { meetingReportContentSchema, type MeetingReportContent, type ReportPhoto } from '@empiria/shared';
import { inTransaction, type SqlQueries } from '../storage/sql/sql-database';

/** A stored report: a saved draft or a submitted one (a meeting with no row has only its prefill). */
export interface ReportRecord {
  meetingId: string;
  revision: number;
  status: 'draft' | 'submitted';
  content: MeetingReportContent;
  updatedAt: string;
  updatedBy: string;
  submittedAt: string | null;
  submittedBy: string | null;
  returnedAt: string | null;
  returnedReason: string | null;
}

interface ReportRow {
  meeting_id: string;
  revision: number;
  status: string;
  content: string;
  updated_at: string;
  updated_by: string;
  submitted_at: string | null;
  submitted_by: string | null;
  returned_at: string | null;
  returned_reason: string | null;
}

interface PhotoRow {
  id: string;
  step_id: string | null;
  author_name: string;
  created_at: number;
}

const toRecord = (row: ReportRow): ReportRecord => ({
  meetingId: row.meeting_id,
  revision: row.revision,
  status: row.status === 'submitted' ? 'submitted' : 'draft',
  // Written by this module from a validated form; parsed again so a hand-edited row fails loudly.
  content: meetingReportContentSchema.parse(JSON.parse(row.content)),
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
  submittedAt: row.submitted_at,
  submittedBy: row.submitted_by,
  returnedAt: row.returned_at,
  returnedReason: row.returned_reason,
});

/**
 * The reports, on either engine, and the two facts of other features a report reads: a meeting's
 * network, a board's photos. A check and its write run in `transaction`, on the store it gives.
 */
export class MeetingReportStore {
  readonly #sql: SqlQueries;

  constructor(sql: SqlQueries) {
    this.#sql = sql;
  }

  /** Runs `work` in one transaction: all of it is stored, or none of it. */
  transaction<T>(work: (store: MeetingReportStore) => Promise<T>): Promise<T> {
    return inTransaction(this.#sql, (tx) => work(new MeetingReportStore(tx)));
  }

  async get(meetingId: string): Promise<ReportRecord | null> {
    const row = await this.#sql.get<ReportRow>(
      `SELECT meeting_id, revision, status, content, updated_at, updated_by, submitted_at, submitted_by,
              returned_at, returned_reason
         FROM meeting_reports WHERE meeting_id = ?`,
      [meetingId],
    );
    return row ? toRecord(row) : null;
  }

  async put(record: ReportRecord): Promise<void> {
    await this.#sql.run(
      `INSERT INTO meeting_reports (meeting_id, revision, status, content, updated_at, updated_by,
                                    submitted_at, submitted_by, returned_at, returned_reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (meeting_id) DO UPDATE SET
         revision = excluded.revision, status = excluded.status, content = excluded.content,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by,
         submitted_at = excluded.submitted_at, submitted_by = excluded.submitted_by,
         returned_at = excluded.returned_at, returned_reason = excluded.returned_reason`,
      [
        record.meetingId,
        record.revision,
        record.status,
        JSON.stringify(meetingReportContentSchema.parse(record.content)),
        record.updatedAt,
        record.updatedBy,
        record.submittedAt,
        record.submittedBy,
        record.returnedAt,
        record.returnedReason,
      ],
    );
  }

  /** The ids of the network's meetings whose report is with the office. */
  async submittedMeetings(networkId: string): Promise<Set<string>> {
    const rows = await this.#sql.all<{ meeting_id: string }>(
      `SELECT r.meeting_id FROM meeting_reports r JOIN meetings m ON m.id = r.meeting_id
        WHERE m.network_id = ? AND r.status = 'submitted'`,
      [networkId],
    );
    return new Set(rows.map((row) => row.meeting_id));
  }

  /** The network a meeting belongs to; null for no such meeting. */
  async networkOfMeeting(meetingId: string): Promise<string | null> {
    const row = await this.#sql.get<{ network_id: string }>('SELECT network_id FROM meetings WHERE id = ?', [
      meetingId,
    ]);
    return row?.network_id ?? null;
  }

  /** The photos of paper sheets taken on a board, oldest first. */
  async boardPhotos(boardId: string): Promise<ReportPhoto[]> {
    const rows = await this.#sql.all<PhotoRow>(
      'SELECT id, step_id, author_name, created_at FROM photos WHERE board_id = ? ORDER BY created_at, id',
      [boardId],
    );
    return rows.map((row) => ({
      id: row.id,
      stepId: row.step_id,
      author: row.author_name,
      takenAt: new Date(row.created_at).toISOString(),
    }));
  }
}
