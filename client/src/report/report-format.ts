/** An instant (ISO) on the Warsaw wall clock, as the meetings' times are shown. */
export function formatInstant(language: string, iso: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'pl-PL', {
    timeZone: 'Europe/Warsaw',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

const warsawClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Now on the Warsaw wall clock, `YYYY-MM-DDTHH:mm`, as meetings' times are written. */
export function warsawNowLocal(now = new Date()): string {
  const p = Object.fromEntries(warsawClock.formatToParts(now).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The report page of a meeting. */
export function reportPath(networkId: string, meetingId: string): string {
  return `/n/${encodeURIComponent(networkId)}/meetings/${encodeURIComponent(meetingId)}/report`;
}
