import type { LocalizedText } from '@empiria/formats';
import type { Language } from '@empiria/shared';
import { useLanguageStore } from '../i18n/language-store';
import type { Translate } from '../i18n/language-store';

/** A format's own text (titles, instructions…) in the UI language. */
export function useLocalized(): (text: LocalizedText) => string {
  const language = useLanguageStore((state) => state.language);
  return (text) => text[language];
}

/** "25 min", "1 godz. 5 min", "2 h": planned lengths as people say them. */
export function formatDuration(t: Translate, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('duration.minutes', { minutes: rest });
  if (rest === 0) return t('duration.hours', { hours });
  return t('duration.hoursMinutes', { hours, minutes: rest });
}

/** "„A”, „B” i „C”" / "“A”, “B”, and “C”": quoted titles joined as the language joins a list. */
export function quotedList(t: Translate, language: Language, items: string[]): string {
  const quoted = items.map((text) => t('common.quoted', { text }));
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(quoted);
}
