import type { MessageKey } from '@empiria/shared';
import { useT } from '../i18n/language-store';

/** The server's refusal of one field, in words, next to that field. */
export function FieldError({ error }: { error: MessageKey | undefined }) {
  const t = useT();
  if (!error) return null;
  return (
    <span className="network-error" role="alert">
      {t(error)}
    </span>
  );
}
