import { create } from 'zustand';
import { languageSchema, translate } from '@empiria/shared';
import { languageFromBrowser } from './browser-language';
import type { Language, MessageKey, MessageParams } from '@empiria/shared';

const STORAGE_KEY = 'empiria.language';

/** The person's own choice on this device, if they made one. */
function readStoredLanguage(): Language | null {
  try {
    const parsed = languageSchema.safeParse(localStorage.getItem(STORAGE_KEY));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The language to start in: the person's stored choice, else their browser's, else Polish. */
function initialLanguage(): Language {
  const browser = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return readStoredLanguage() ?? languageFromBrowser(browser.filter(Boolean));
}

interface LanguageState {
  language: Language;
  setLanguage(language: Language): void;
}

/**
 * The UI language: the person's choice on this device (stored when they switch), else the
 * browser's language, else Polish. Every screen reads it, the join form included.
 */
export const useLanguageStore = create<LanguageState>((set) => ({
  language: initialLanguage(),
  setLanguage(language) {
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Private mode without storage: the choice lasts until the tab closes.
    }
    document.documentElement.lang = language;
    set({ language });
  },
}));

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The translate function for the current language; components re-render when it changes. */
export function useT(): Translate {
  const language = useLanguageStore((state) => state.language);
  return (key, params) => translate(language, key, params);
}
