import { z } from 'zod';
import { foldText } from './text-folding';

/**
 * Who came to a network's meetings: member cities × meetings, and each city's attendance rate
 * (issue #11, item 5). Pure: the server gathers the evidence, this decides.
 *
 * The rule (docs/permissions.md, [N14]): the attendance list starts from the invitation answers
 * and is completed by joins. For a meeting that has started, a member city was there when
 * - one of its people answered "in person" or "online", or
 * - someone of the city joined the meeting's board (the board's attendance), or
 * - the approved note's attendance lists someone of the city (the group approved it).
 * It was there in person when any of that evidence puts one of its people in the room, online
 * when it puts one online; when the only evidence is a join that said nowhere (the pair entering
 * from home with no answer, a guest who skipped the question) it was "present", place unknown —
 * except at an online-only meeting, where there was no room to be in. A city none of whose people
 * was invited and nobody of which came is "not invited": that meeting does not count for it (it
 * joined the network later, or had no representative yet). Meetings still to come are "upcoming"
 * and count for nobody. Observer cities take part only in a meeting's open parts: their row shows
 * their marks, but they have no rate, count in no average and are never said to miss meetings.
 * Cities are matched by name, folded (case, diacritics, spaces), since a guest types their city
 * into the board's form.
 */

export const ATTENDANCE_MARKS = [
  'in-person',
  'online',
  'present',
  'absent',
  'not-invited',
  'upcoming',
] as const;
export const attendanceMarkSchema = z.enum(ATTENDANCE_MARKS);
export type AttendanceMark = z.infer<typeof attendanceMarkSchema>;

/** Where someone was: in the room, online, or not known (a join without a place). */
export type Presence = 'room' | 'online' | 'unknown';

export interface AttendanceMeetingInput {
  id: string;
  /** Whether the meeting has started: only those count. */
  held: boolean;
  mode: 'in-person' | 'online' | 'hybrid';
  /** Invitees' cities and answers (null: no answer yet). */
  invitations: { city: string | null; answer: 'in-person' | 'online' | 'cannot-come' | null }[];
  /** People who joined the board, and the approved note's attendance. */
  present: { city: string; where: Presence }[];
}

export interface AttendanceCityInput {
  cityId: string;
  city: string;
  /** An observer city (membership "observer"): shown, never rated. */
  observer: boolean;
}

export interface AttendanceRow {
  cityId: string;
  city: string;
  observer: boolean;
  /** One mark per meeting, in the meetings' order. */
  marks: AttendanceMark[];
  /** Meetings it was at, of those that count for it. */
  attended: number;
  counted: number;
  /** attended / counted; null when no meeting counts for it yet, and always for an observer city. */
  rate: number | null;
}

const cityMatchKey = (city: string) => foldText(city).replace(/\s+/g, ' ').trim();

/** The mark of one city at one meeting. */
export function attendanceMark(meeting: AttendanceMeetingInput, city: string): AttendanceMark {
  if (!meeting.held) return 'upcoming';
  const key = cityMatchKey(city);
  const ours = <T extends { city: string | null }>(entries: readonly T[]) =>
    entries.filter((entry) => entry.city !== null && cityMatchKey(entry.city) === key);
  const invited = ours(meeting.invitations);
  const places: Presence[] = [
    ...invited.flatMap((i): Presence[] =>
      i.answer === 'in-person' ? ['room'] : i.answer === 'online' ? ['online'] : [],
    ),
    ...ours(meeting.present).map((p) => p.where),
  ];
  if (places.length === 0) return invited.length > 0 ? 'absent' : 'not-invited';
  if (places.includes('room')) return 'in-person';
  if (places.includes('online')) return 'online';
  return meeting.mode === 'online' ? 'online' : 'present';
}

const ATTENDED: readonly AttendanceMark[] = ['in-person', 'online', 'present'];
const COUNTED: readonly AttendanceMark[] = [...ATTENDED, 'absent'];

/** The matrix: one row per city (in the given order), one mark per meeting (in the given order). */
export function attendanceMatrix(
  cities: readonly AttendanceCityInput[],
  meetings: readonly AttendanceMeetingInput[],
): AttendanceRow[] {
  return cities.map(({ cityId, city, observer }) => {
    const marks = meetings.map((meeting) => attendanceMark(meeting, city));
    const attended = marks.filter((mark) => ATTENDED.includes(mark)).length;
    const counted = marks.filter((mark) => COUNTED.includes(mark)).length;
    const rate = observer || counted === 0 ? null : attended / counted;
    return { cityId, city, observer, marks, attended, counted, rate };
  });
}

/**
 * Cities absent from both of the last two meetings that counted for them; `rows` marks are in
 * meetings' order oldest first. A city that was not invited to a meeting is not said to miss it,
 * nor is an observer city, which is not expected at every part of every meeting.
 */
export function citiesMissingTwice(rows: readonly AttendanceRow[]): string[] {
  return rows
    .filter((row) => {
      if (row.observer) return false;
      const counted = row.marks.filter((mark) => COUNTED.includes(mark));
      return counted.length >= 2 && counted.slice(-2).every((mark) => mark === 'absent');
    })
    .map((row) => row.city);
}

/** The mean of the cities' rates that exist (observer cities have none), or null. */
export function averageRate(rows: readonly AttendanceRow[]): number | null {
  const rates = rows.map((row) => row.rate).filter((rate): rate is number => rate !== null);
  return rates.length > 0 ? rates.reduce((sum, rate) => sum + rate, 0) / rates.length : null;
}
