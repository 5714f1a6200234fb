import type { Language, NetworkDocumentsPerson } from '@empiria/shared';

/** "15 mar 2027, 10:05" in Warsaw time, whatever the reader's own zone: the network works there. */
export function formatDocumentTime(language: Language, iso: string): string {
  return new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Warsaw',
  }).format(new Date(iso));
}

/** "1,2 MB", "340 kB": sizes as a file manager shows them. */
export function formatBytes(language: Language, bytes: number): string {
  const locale = language === 'pl' ? 'pl-PL' : 'en-GB';
  const [value, unit] =
    bytes >= 1024 ** 3
      ? [bytes / 1024 ** 3, 'GB']
      : bytes >= 1024 ** 2
        ? [bytes / 1024 ** 2, 'MB']
        : [Math.max(1, bytes / 1024), 'kB'];
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)} ${unit}`;
}

/** "Ala Nowak (Gdynia)"; null for the office, which the caller names. */
export function personLabel(person: NetworkDocumentsPerson): string | null {
  if (person.name === null) return null;
  return person.city ? `${person.name} (${person.city})` : person.name;
}
