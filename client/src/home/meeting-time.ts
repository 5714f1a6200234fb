import type { HomeMeeting, Language } from '@empiria/shared';

/** Today's date in Warsaw, `2027-03-15`: meetings are planned on Warsaw's wall clock. */
export function warsawToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(now);
}

/** The meeting's board is live from the morning of its day until the day it ends. */
export function isBoardLive(meeting: Pick<HomeMeeting, 'startsAt' | 'endsAt'>, now: Date): boolean {
  const today = warsawToday(now);
  return meeting.startsAt.slice(0, 10) <= today && today <= meeting.endsAt.slice(0, 10);
}

/** `poniedziałek, 15 marca 2027` — a wall-clock date, shown as it was planned. */
export function meetingDate(localDateTime: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${localDateTime}:00Z`));
}

/** `10:00` */
export const clockTime = (localDateTime: string) => localDateTime.slice(11, 16);
