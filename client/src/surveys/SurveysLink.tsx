import { useT } from '../i18n/language-store';
import { surveysPath } from './surveys-page-store';

/** "Ankiety sieci": the way to a network's surveys and their results, on the network page and the home. */
export function SurveysLink({ networkId }: { networkId: string }) {
  const t = useT();
  return (
    <a href={surveysPath(networkId)} className="surveys-link" data-testid="surveys-link">
      {t('surveys.eyebrow')}
    </a>
  );
}
