import { create } from 'zustand';
import { DEFAULT_LANGUAGE, languageSchema, translate } from '@empiria/shared';
import type { Language, MessageKey, MessageParams } from '@empiria/shared';

const STORAGE_KEY = 'empiria.language';

function readStoredLanguage(): Language {
  try {
    const parsed = languageSchema.safeParse(localStorage.getItem(STORAGE_KEY));
    return parsed.success ? parsed.data : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

interface LanguageState {
  language: Language;
  setLanguage(language: Language): void;
}

/** The UI language: Polish unless the person chose otherwise on this device. */
export const useLanguageStore = create<LanguageState>((set) => ({
  language: readStoredLanguage(),
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
