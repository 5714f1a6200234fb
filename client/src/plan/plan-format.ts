import type { Language } from '@empiria/shared';

/** `2027-03-15T10:00` (Warsaw wall clock) → "15.03.2027"; the date is what a reader needs. */
export function meetingDate(startsAt: string): string {
  const [date] = startsAt.split('T');
  const [y, m, d] = (date ?? '').split('-');
  return `${d}.${m}.${y}`;
}

/** A stored instant in Warsaw time, as the exports print it (the reader's browser may be elsewhere). */
export function warsawDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', {
    timeZone: 'Europe/Warsaw',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** `2027-06-30` → "30.06.2027". */
export function deadlineDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}
