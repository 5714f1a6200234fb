import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '@empiria/shared';

/**
 * The language to start in on a device where the person has not chosen one: the first of the
 * browser's preferred languages (`navigator.languages`, most wanted first) that the product
 * speaks, matched by its primary subtag (`en-GB` → en, `pl-PL` → pl); Polish when none is.
 */
export function languageFromBrowser(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    const match = LANGUAGES.find((language) => language === primary);
    if (match) return match;
  }
  return DEFAULT_LANGUAGE;
}
