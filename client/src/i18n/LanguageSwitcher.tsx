import { LANGUAGES } from '@empiria/shared';
import { useLanguageStore, useT } from './language-store';

/**
 * Two buttons, each labelled in its own language, so a lost user always finds theirs. `compact`
 * shows the language codes (the full names stay in the tooltip and for screen readers).
 */
export function LanguageSwitcher({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const setLanguage = useLanguageStore((state) => state.setLanguage);
  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className={option === language ? 'is-active' : undefined}
          aria-pressed={option === language}
          onClick={() => setLanguage(option)}
          title={compact ? t(`language.${option}`) : undefined}
        >
          {compact ? (
            <>
              {/* The name read aloud starts with what is seen ("PL"), then the language's name. */}
              <span aria-hidden="true">{option.toUpperCase()}</span>
              <span className="visually-hidden">{t(`language.${option}`)}</span>
            </>
          ) : (
            t(`language.${option}`)
          )}
        </button>
      ))}
    </div>
  );
}
