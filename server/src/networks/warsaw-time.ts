/**
 * Meetings are planned in Warsaw wall-clock time (`2027-03-15T10:00`): that is what a city hall
 * writes in its calendar, and it stays right across the change of clocks. "Now" in the same terms
 * is what tells a past meeting from the next one.
 */
export const MEETING_TIME_ZONE = 'Europe/Warsaw';

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: MEETING_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function warsawLocalTime(at: Date): string {
  const p = Object.fromEntries(formatter.formatToParts(at).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
