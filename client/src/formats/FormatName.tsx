import { getFormat } from '@empiria/formats';
import { useLanguageStore } from '../i18n/language-store';

/** A format's name in the UI language, from the format's own definition. */
export function FormatName({ id }: { id: string }) {
  const language = useLanguageStore((state) => state.language);
  return <>{getFormat(id)?.name[language] ?? id}</>;
}
