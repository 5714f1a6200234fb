/**
 * Office hours' recurring series expanded into concrete slots (issue #13 item 4). Pure: the server
 * stores what this returns, the client previews it.
 *
 * A slot is kept as a Warsaw wall-clock time (`2026-10-27T16:00`), as meetings are: "Tuesday at
 * 16:00" stays 16:00 for the people of the network when the clocks change, so the series is
 * stepped in calendar days, never in hours. Only `warsawInstant` turns a wall-clock time into a
 * moment (for a calendar or a comparison with "now"), and that is where the changes of clocks are
 * handled.
 */

/** ISO weekday: 1 Monday … 7 Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface OfficeHoursSeriesRule {
  weekday: IsoWeekday;
  /** `HH:MM`, Warsaw wall clock. */
  startTime: string;
  minutes: number;
  /** 1 every week, 2 every two weeks (the vademecum's rhythm), … */
  everyWeeks: number;
  /** `YYYY-MM-DD`, both included. */
  from: string;
  to: string;
}

export interface ExpandedSlot {
  /** Warsaw wall-clock start and end, `YYYY-MM-DDTHH:MM`. */
  startsAt: string;
  endsAt: string;
}

/** A series never makes more slots than this: a year of weekly office hours. */
export const OFFICE_HOURS_MAX_SLOTS = 53;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date or a wall-clock time, read as if it were UTC: arithmetic with no zone in it. */
function naive(value: string): number {
  return Date.parse(value.length === 10 ? `${value}T00:00:00Z` : `${value}:00Z`);
}

const wallClock = (ms: number): string => new Date(ms).toISOString().slice(0, 16);

/**
 * The slots of a series, oldest first: the first `weekday` on or after `from`, then every
 * `everyWeeks` weeks while the date is not after `to`. Each keeps its wall-clock time.
 */
export function expandOfficeHoursSeries(rule: OfficeHoursSeriesRule): ExpandedSlot[] {
  const first = naive(rule.from);
  const last = naive(rule.to);
  // getUTCDay: 0 Sunday … 6 Saturday; ISO: 7 Sunday.
  const weekdayOfFrom = new Date(first).getUTCDay() || 7;
  const offsetDays = (rule.weekday - weekdayOfFrom + 7) % 7;
  const [hours, minutes] = rule.startTime.split(':').map(Number) as [number, number];
  const slots: ExpandedSlot[] = [];
  for (let day = first + offsetDays * DAY_MS; day <= last; day += rule.everyWeeks * 7 * DAY_MS) {
    const start = day + (hours * 60 + minutes) * 60_000;
    slots.push({ startsAt: wallClock(start), endsAt: wallClock(start + rule.minutes * 60_000) });
    if (slots.length > OFFICE_HOURS_MAX_SLOTS) break;
  }
  return slots;
}

const warsawParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function warsawWallClockOf(at: number): string {
  const p = Object.fromEntries(
    warsawParts.formatToParts(new Date(at)).map((part) => [part.type, part.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * The moment a Warsaw wall-clock time names. Warsaw is UTC+1 in winter and UTC+2 in summer; of
 * the two candidates the one whose Warsaw time reads back the same is it. In October's repeated
 * hour both do, and the earlier (summer) one is taken; in March's skipped hour neither does, and
 * the time is read with the winter offset, which lands an hour later on the summer clock (02:30
 * is 03:30), as calendars do.
 */
export function warsawInstant(localDateTime: string): Date {
  const asUtc = naive(localDateTime);
  for (const offsetHours of [2, 1]) {
    const candidate = asUtc - offsetHours * 60 * 60_000;
    if (warsawWallClockOf(candidate) === localDateTime) return new Date(candidate);
  }
  return new Date(asUtc - 60 * 60_000);
}

/** Today's date in Warsaw, `YYYY-MM-DD`. */
export function warsawDate(at: Date): string {
  return warsawWallClockOf(at.getTime()).slice(0, 10);
}
