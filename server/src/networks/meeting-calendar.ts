/**
 * A meeting as an iCalendar file (RFC 5545), for a city hall's Outlook or Thunderbird. Times are
 * Warsaw wall-clock times with `TZID=Europe/Warsaw` and the zone's definition inside the file, so
 * a calendar elsewhere still places the meeting right, in summer and in winter.
 *
 * Written by hand (about the size of a dependency's configuration): TEXT values are escaped
 * (backslash, `;`, `,`, newlines), lines end with CRLF and are folded at 75 octets without
 * splitting a UTF-8 character (3.1), and SEQUENCE grows with every change so a calendar replaces
 * its copy of the event instead of adding a second one.
 */
export interface CalendarEvent {
  /** Globally unique and stable for the meeting: the same UID updates the same event. */
  uid: string;
  sequence: number;
  /** When the file was made (DTSTAMP, in UTC). */
  stamp: Date;
  /** Warsaw wall-clock times, `2027-03-15T10:00`. */
  startsAt: string;
  endsAt: string;
  summary: string;
  description: string;
  location: string;
}

/** Europe/Warsaw since 1996: CET in winter, CEST from the last Sunday of March to the last of October. */
const WARSAW_TIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Warsaw',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export function meetingCalendar(event: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Empiria//Networks//PL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...WARSAW_TIMEZONE,
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `DTSTART;TZID=Europe/Warsaw:${localStamp(event.startsAt)}`,
    `DTEND;TZID=Europe/Warsaw:${localStamp(event.endsAt)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** TEXT (3.3.11): backslash first, then `;` and `,`; any newline becomes `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Content lines longer than 75 octets continue on the next line after a space (3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // The first line holds 75 octets; continuation lines 74 after their leading space.
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

function localStamp(localDateTime: string): string {
  return `${localDateTime.replace(/[-:]/g, '')}00`;
}

function utcStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}
