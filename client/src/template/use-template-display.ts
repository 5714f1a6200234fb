import { useEffect } from 'react';
import { useStepStore } from '../control/step-store';
import { layoutOf } from '../formats/format-layout';
import { useLanguageStore } from '../i18n/language-store';
import { templateDisplay } from './localized-template-shapes';

/** While a canvas is shown, its template sheets read in this person's language (display only). */
export function useTemplateDisplay(): void {
  const language = useLanguageStore((state) => state.language);
  const format = useStepStore((state) => state.format);
  useEffect(() => {
    templateDisplay.set(format && format.steps.length > 0 ? { language, layout: layoutOf(format) } : null);
    return () => {
      templateDisplay.set(null);
    };
  }, [format, language]);
}
