import type { AttendanceMark, Language, NotesExportFormat, SearchHit } from '@empiria/shared';

/**
 * What the archive page shows, decided without React or the network: a search hit's snippet as
 * plain and highlighted pieces, rates as percentages, the names downloads are saved under. Pure.
 */

export interface SnippetPiece {
  text: string;
  marked: boolean;
}

/**
 * The snippet cut into pieces at its highlights. The server sends plain text and offsets, never
 * markup: the pieces become React text nodes and `<mark>`s, so nothing in a note is ever read as
 * HTML. Offsets outside the text, reversed or overlapping an earlier one are dropped or clipped
 * rather than trusted.
 */
export function snippetPieces(
  text: string,
  highlights: readonly (readonly [number, number])[],
): SnippetPiece[] {
  const spans = highlights
    .map(([start, end]) => [Math.max(0, start), Math.min(text.length, end)] as const)
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0]);
  const pieces: SnippetPiece[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) pieces.push({ text: text.slice(at, from), marked: false });
    pieces.push({ text: text.slice(from, end), marked: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

/** "67%" / "67 %" as the language writes it; null when no meeting counted yet. */
export function formatRate(language: Language, rate: number | null): string | null {
  if (rate === null) return null;
  return new Intl.NumberFormat(language === 'pl' ? 'pl-PL' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(rate);
}

/** An ISO instant ("2025-03-10T11:02:00.000Z") as a Warsaw date and time, for "approved on". */
export function formatInstant(language: Language, iso: string): string {
  return new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Warsaw',
  }).format(new Date(iso));
}

/** Marks a city was at the meeting with: they count as attended. */
export const ATTENDED_MARKS: readonly AttendanceMark[] = ['in-person', 'online'];

const EXTENSION: Record<NotesExportFormat, string> = { md: 'md', docx: 'docx', html: 'html' };

/** "notatka-2025-03-10-spotkanie-1.md": the meeting's date and a readable slug of its title. */
export function noteFileName(
  meeting: { title: string; startsAt: string },
  format: NotesExportFormat,
): string {
  const slug = meeting.title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `notatka-${meeting.startsAt.slice(0, 10)}${slug ? `-${slug}` : ''}.${EXTENSION[format]}`;
}

/** The approved note's export path of a hit's meeting (the archive's route, docs/api.md). */
export function hitNotePath(
  hit: Pick<SearchHit, 'networkId' | 'meetingId'>,
  format: NotesExportFormat,
): string {
  return `/api/networks/${encodeURIComponent(hit.networkId)}/meetings/${encodeURIComponent(hit.meetingId)}/notes?format=${format}`;
}

/** A matrix column's date: "10.03.2025" (a Warsaw wall-clock string, shown as it is). */
export function shortMeetingDate(language: Language, local: string): string {
  return new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${local}:00Z`));
}
