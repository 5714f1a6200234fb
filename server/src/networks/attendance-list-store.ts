import {
  attendanceStatusSchema,
  walkInKindSchema,
  type AttendanceStatus,
  type WalkInKind,
} from '@empiria/shared';
import { z } from 'zod';
import type { SqliteDatabase } from '../storage/sqlite-database';

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
 * on SQLite (tables of the migration "The organiser's attendance list"). Rows are validated when
 * read: a status the schema does not know is a corrupted database, not a silent absence.
 */
export class SqliteAttendanceListStore {
  readonly #s;

  constructor(db: SqliteDatabase) {
    this.#s = {
      marks: db.prepare<[string]>(
        'SELECT entry_key, status FROM attendance_marks WHERE meeting_id = ? ORDER BY marked_at, entry_key',
      ),
      setMark: db.prepare<[string, string, string, string]>(
        `INSERT INTO attendance_marks (meeting_id, entry_key, status, marked_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(meeting_id, entry_key) DO UPDATE SET status = excluded.status, marked_at = excluded.marked_at`,
      ),
      clearMark: db.prepare<[string, string]>(
        'DELETE FROM attendance_marks WHERE meeting_id = ? AND entry_key = ?',
      ),
      walkIns: db.prepare<[string]>(
        `SELECT w.id, w.kind, w.name, w.city_id, c.name AS city, w.institution, w.status
           FROM attendance_walk_ins w LEFT JOIN cities c ON c.id = w.city_id
          WHERE w.meeting_id = ? ORDER BY w.added_at, w.id`,
      ),
      insertWalkIn: db.prepare<
        [string, string, string, string, string | null, string | null, string, string]
      >(
        `INSERT INTO attendance_walk_ins (id, meeting_id, kind, name, city_id, institution, status, added_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      setWalkInStatus: db.prepare<[string, string, string]>(
        'UPDATE attendance_walk_ins SET status = ? WHERE meeting_id = ? AND id = ?',
      ),
      deleteWalkIn: db.prepare<[string, string]>(
        'DELETE FROM attendance_walk_ins WHERE meeting_id = ? AND id = ?',
      ),
      meetingOfBoard: db.prepare<[string]>('SELECT id, network_id FROM meetings WHERE board_id = ?'),
      grant: db.prepare<[string]>('SELECT 1 AS granted FROM organiser_invite_grants WHERE meeting_id = ?'),
      insertGrant: db.prepare<[string, string]>(
        'INSERT OR IGNORE INTO organiser_invite_grants (meeting_id, granted_at) VALUES (?, ?)',
      ),
      deleteGrant: db.prepare<[string]>('DELETE FROM organiser_invite_grants WHERE meeting_id = ?'),
    };
  }

  marks(meetingId: string): AttendanceMarkRecord[] {
    return this.#s.marks
      .all(meetingId)
      .map((row) => markRowSchema.parse(row))
      .map((row) => ({ key: row.entry_key, status: row.status }));
  }

  setMark(meetingId: string, key: string, status: AttendanceStatus, now: string): void {
    this.#s.setMark.run(meetingId, key, status, now);
  }

  clearMark(meetingId: string, key: string): void {
    this.#s.clearMark.run(meetingId, key);
  }

  walkIns(meetingId: string): WalkInRecord[] {
    return this.#s.walkIns
      .all(meetingId)
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

  insertWalkIn(meetingId: string, walkIn: Omit<WalkInRecord, 'city'>, now: string): void {
    this.#s.insertWalkIn.run(
      walkIn.id,
      meetingId,
      walkIn.kind,
      walkIn.name,
      walkIn.cityId,
      walkIn.institution,
      walkIn.status,
      now,
    );
  }

  setWalkInStatus(meetingId: string, walkInId: string, status: 'room' | 'online'): boolean {
    return this.#s.setWalkInStatus.run(status, meetingId, walkInId).changes > 0;
  }

  deleteWalkIn(meetingId: string, walkInId: string): boolean {
    return this.#s.deleteWalkIn.run(meetingId, walkInId).changes > 0;
  }

  /** The meeting a board is for; null for a board of no network's meeting. */
  meetingOfBoard(boardId: string): { meetingId: string; networkId: string } | null {
    const row = this.#s.meetingOfBoard.get(boardId);
    if (row === undefined) return null;
    const parsed = meetingOfBoardRowSchema.parse(row);
    return { meetingId: parsed.id, networkId: parsed.network_id };
  }

  organiserMayInvite(meetingId: string): boolean {
    return this.#s.grant.get(meetingId) !== undefined;
  }

  setOrganiserMayInvite(meetingId: string, granted: boolean, now: string): void {
    if (granted) this.#s.insertGrant.run(meetingId, now);
    else this.#s.deleteGrant.run(meetingId);
  }
}
