import { useT } from '../i18n/language-store';
import { officeHoursPath } from './office-hours-format';

/** "Dyżury eksperta" among the network page's links. */
export function OfficeHoursLink({ networkId }: { networkId: string }) {
  const t = useT();
  return (
    <a href={officeHoursPath(networkId)} data-testid="office-hours-link">
      {t('officeHours.home.link')}
    </a>
  );
}
