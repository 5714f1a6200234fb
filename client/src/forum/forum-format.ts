import type { ForumAuthor, Language } from '@empiria/shared';

/** "15 mar 2027, 10:05" in Warsaw time, whatever the reader's own zone: the network meets there. */
export function formatPostTime(language: Language, iso: string): string {
  return new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Warsaw',
  }).format(new Date(iso));
}

/** Where an author comes from: their city, or (the pair, the organiser have none) their role's key. */
export function authorPlace(
  author: ForumAuthor,
): { city: string } | { roleKey: `home.role.${string}` } | null {
  if (author.city) return { city: author.city };
  if (author.role) return { roleKey: `home.role.${author.role}` };
  return null;
}
