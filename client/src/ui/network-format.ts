import { getFormat } from '@empiria/formats';
import type { AgendaEntry, Language } from '@empiria/shared';

/**
 * Meetings' times as people read them. A meeting's times are Warsaw wall-clock strings
 * (`2027-03-15T10:00`); they are shown as they are, whatever the viewer's own time zone (read as
 * UTC so the browser's zone never shifts them). Pure.
 */
function asWallClock(local: string): Date {
  return new Date(`${local}:00Z`);
}

/** "pon., 15 marca 2027, 10:00" / "Mon, March 15, 2027, 10:00". */
export function formatMeetingDate(language: Language, local: string): string {
  return new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(asWallClock(local));
}

/** "10:00". */
export function formatClock(local: string): string {
  return local.slice(11, 16);
}

/** Whether the wall-clock end is on another day than the start (shown with its date then). */
export function sameDay(a: string, b: string): boolean {
  return a.slice(0, 10) === b.slice(0, 10);
}

/** A format step's title in the language; the id when the format no longer has it. */
export function stepTitle(language: Language, format: string, stepId: string): string {
  return getFormat(format)?.steps.find((step) => step.id === stepId)?.title[language] ?? stepId;
}

export function formatName(language: Language, format: string): string {
  return getFormat(format)?.name[language] ?? format;
}

/** Whether an agenda entry is a format's step (vs. an own item). */
export function isStep(entry: AgendaEntry): entry is Extract<AgendaEntry, { kind: 'step' }> {
  return entry.kind === 'step';
}
