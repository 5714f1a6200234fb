/**
 * Times in the exported notes are read by a Polish city hall, so they are shown in the meeting's
 * wall-clock time, not UTC: `Europe/Warsaw` unless the board stores a zone of its own. The zone's
 * short name (CET / CEST) is written beside the time, so a reader elsewhere can still place it.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Warsaw';

function parts(at: number, timeZone: string): Record<string, string> {
  const formatter = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
  return Object.fromEntries(formatter.formatToParts(at).map((p) => [p.type, p.value]));
}

/** `2026-11-26` — the calendar day in the zone (a meeting at 00:30 Warsaw time is that day). */
export function exportDate(at: number, timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(at, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** `2026-11-26 16:30 CET` — the time a person in the meeting saw on the wall. */
export function exportDateTime(at: number, timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(at, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${p.timeZoneName}`;
}
