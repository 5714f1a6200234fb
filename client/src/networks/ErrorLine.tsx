import { useT } from '../i18n/language-store';
import type { ActionResult } from './network-store';

/** A refused change, in words, right where it was made. */
export function ErrorLine({ result, id }: { result: ActionResult | null; id?: string }) {
  const t = useT();
  if (!result || result.ok) return null;
  return (
    <p className="network-error" role="alert" id={id} data-error-code={result.code}>
      {t(result.key)}
    </p>
  );
}
