import {
  attendanceStatusSchema,
  walkInKindSchema,
  type AttendanceStatus,
  type WalkInKind,
} from '@empiria/shared';
import { z } from 'zod';
import type { SqlQueries } from '../storage/sql/sql-database';

/** The organiser's mark of one entry of a meeting's attendance list. */
export interface AttendanceMarkRecord {
  key: string;
  status: AttendanceStatus;
}

/** Someone the organiser added by hand: a member city's substitute, or an outside guest. */
export interface WalkInRecord {
  id: string;
  kind: WalkInKind;
  name: string;
  cityId: string | null;
  /** The member city's name (read through `cities`). */
  city: string | null;
  institution: string | null;
  status: 'room' | 'online';
}

const markRowSchema = z.object({ entry_key: z.string(), status: attendanceStatusSchema });
const walkInRowSchema = z.object({
  id: z.string(),
  kind: walkInKindSchema,
  name: z.string(),
  city_id: z.string().nullable(),
  city: z.string().nullable(),
  institution: z.string().nullable(),
  status: z.enum(['room', 'online']),
});
const meetingOfBoardRowSchema = z.object({ id: z.string(), network_id: z.string() });

/**
 * The attendance lists the organiser keeps ([N19]) and the pair's grants to the organiser ([N18]),
 * on either engine (tables of the migration "The organiser's attendance list"). Rows are validated
 * when read: a status the schema does not know is a corrupted database, not a silent absence. A
 * caller that checks and writes does both inside one transaction of the database, through a store
 * built on that transaction's handle.
 */
export class AttendanceListStore {
  readonly #sql: SqlQueries;

  constructor(sql: SqlQueries) {
    this.#sql = sql;
  }

  async marks(meetingId: string): Promise<AttendanceMarkRecord[]> {
    const rows = await this.#sql.all<unknown>(
      'SELECT entry_key, status FROM attendance_marks WHERE meeting_id = ? ORDER BY marked_at, entry_key',
      [meetingId],
    );
    return rows
      .map((row) => markRowSchema.parse(row))
      .map((row) => ({ key: row.entry_key, status: row.status }));
  }

  async setMark(meetingId: string, key: string, status: AttendanceStatus, now: string): Promise<void> {
    await this.#sql.run(
      `INSERT INTO attendance_marks (meeting_id, entry_key, status, marked_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (meeting_id, entry_key) DO UPDATE SET status = excluded.status, marked_at = excluded.marked_at`,
      [meetingId, key, status, now],
    );
  }

  async clearMark(meetingId: string, key: string): Promise<void> {
    await this.#sql.run('DELETE FROM attendance_marks WHERE meeting_id = ? AND entry_key = ?', [
      meetingId,
      key,
    ]);
  }

  async walkIns(meetingId: string): Promise<WalkInRecord[]> {
    const rows = await this.#sql.all<unknown>(
      `SELECT w.id, w.kind, w.name, w.city_id, c.name AS city, w.institution, w.status
         FROM attendance_walk_ins w LEFT JOIN cities c ON c.id = w.city_id
        WHERE w.meeting_id = ? ORDER BY w.added_at, w.id`,
      [meetingId],
    );
    return rows
      .map((row) => walkInRowSchema.parse(row))
      .map((row) => ({
        id: row.id,
        kind: row.kind,
        name: row.name,
        cityId: row.city_id,
        city: row.city,
        institution: row.institution,
        status: row.status,
      }));
  }

  async insertWalkIn(meetingId: string, walkIn: Omit<WalkInRecord, 'city'>, now: string): Promise<void> {
    await this.#sql.run(
      `INSERT INTO attendance_walk_ins (id, meeting_id, kind, name, city_id, institution, status, added_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [walkIn.id, meetingId, walkIn.kind, walkIn.name, walkIn.cityId, walkIn.institution, walkIn.status, now],
    );
  }

  async setWalkInStatus(meetingId: string, walkInId: string, status: 'room' | 'online'): Promise<boolean> {
    const { changes } = await this.#sql.run(
      'UPDATE attendance_walk_ins SET status = ? WHERE meeting_id = ? AND id = ?',
      [status, meetingId, walkInId],
    );
    return changes > 0;
  }

  async deleteWalkIn(meetingId: string, walkInId: string): Promise<boolean> {
    const { changes } = await this.#sql.run(
      'DELETE FROM attendance_walk_ins WHERE meeting_id = ? AND id = ?',
      [meetingId, walkInId],
    );
    return changes > 0;
  }

  /** The meeting a board is for; null for a board of no network's meeting. */
  async meetingOfBoard(boardId: string): Promise<{ meetingId: string; networkId: string } | null> {
    const row = await this.#sql.get<unknown>('SELECT id, network_id FROM meetings WHERE board_id = ?', [
      boardId,
    ]);
    if (row === undefined) return null;
    const parsed = meetingOfBoardRowSchema.parse(row);
    return { meetingId: parsed.id, networkId: parsed.network_id };
  }

  async organiserMayInvite(meetingId: string): Promise<boolean> {
    const row = await this.#sql.get<{ granted: number }>(
      'SELECT 1 AS granted FROM organiser_invite_grants WHERE meeting_id = ?',
      [meetingId],
    );
    return row !== undefined;
  }

  async setOrganiserMayInvite(meetingId: string, granted: boolean, now: string): Promise<void> {
    if (granted) {
      await this.#sql.run(
        `INSERT INTO organiser_invite_grants (meeting_id, granted_at) VALUES (?, ?)
         ON CONFLICT (meeting_id) DO NOTHING`,
        [meetingId, now],
      );
    } else {
      await this.#sql.run('DELETE FROM organiser_invite_grants WHERE meeting_id = ?', [meetingId]);
    }
  }
}
