import type { Language } from '@empiria/shared';

/**
 * Slots are Warsaw wall-clock times (`2026-10-27T16:00`), shown as written, whatever the reader's
 * own zone: read as UTC, formatted in UTC, nothing shifts.
 */
export function slotDate(localDateTime: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${localDateTime}:00Z`));
}

/** `wt., 27 paź` — short, for a preview line. */
export function slotShortDate(localDateTime: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(new Date(`${localDateTime}:00Z`));
}

export const clock = (localDateTime: string): string => localDateTime.slice(11, 16);

/** "15 mar 2027, 10:05" in Warsaw time, for a moment (an answer's time). */
export function momentInWarsaw(language: Language, iso: string): string {
  return new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Warsaw',
  }).format(new Date(iso));
}

export function officeHoursPath(networkId: string, view: 'slots' | 'log' = 'slots'): string {
  return `/n/${encodeURIComponent(networkId)}/office-hours${view === 'log' ? '/log' : ''}`;
}
