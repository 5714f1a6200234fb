import type { AttendanceStore } from '../boards/attendance-store';
import { meetingModeSchema, type Attendee, type MeetingMode } from '@empiria/shared';
import type { SqlDatabase } from '../storage/sql/sql-database';
import { attendanceListService } from './network-services';

/** What the network knows of the meeting a board is for: what its note's record starts from. */
export interface MeetingFacts {
  network: string;
  meetingTitle: string;
  /** The meeting's day, `YYYY-MM-DD` (Warsaw wall clock, as planned). */
  date: string;
  mode: MeetingMode;
  /** Venue, room and host city, as far as they are known; empty for an online meeting. */
  place: string;
  /**
   * Who attended, from the attendance list the organiser keeps ([N19]); null while nobody has
   * marked or added anyone (the record then starts from who joined the board).
   */
  attendance?: (Attendee & { personId: string })[] | null;
}

interface Row {
  network: string;
  title: string;
  starts_at: string;
  mode: string;
  venue: string;
  room: string;
  host_city: string | null;
}

/** Reads a board's meeting facts from the networks' tables; null for a board of no meeting. */
export function meetingFactsReader(
  sql: SqlDatabase,
  joins: AttendanceStore,
): (boardId: string) => Promise<MeetingFacts | null> {
  const attendance = attendanceListService(sql, joins);
  return async (boardId) => {
    const row = await sql.get<Row>(
      `SELECT n.name AS network, m.title, m.starts_at, m.mode, m.venue, m.room, c.name AS host_city
         FROM meetings m JOIN networks n ON n.id = m.network_id LEFT JOIN cities c ON c.id = m.host_city_id
        WHERE m.board_id = ?`,
      [boardId],
    );
    if (!row) return null;
    const mode = meetingModeSchema.safeParse(row.mode);
    return {
      network: row.network,
      meetingTitle: row.title,
      date: row.starts_at.slice(0, 10),
      mode: mode.success ? mode.data : 'in-person',
      place: [row.venue, row.room, row.host_city]
        .map((part) => part?.trim() ?? '')
        .filter(Boolean)
        .join(', '),
      attendance:
        (await attendance.keptAttendeesOfBoard(boardId))?.map(({ key, ...attendee }) => ({
          personId: key,
          ...attendee,
        })) ?? null,
    };
  };
}
