import { useEffect } from 'react';
import { useT } from '../i18n/language-store';
import { takePersonalTokenFromUrl } from '../session/network-token';
import { Page } from '../ui/Page';
import { OfficeHoursLog } from './OfficeHoursLog';
import { OfficeHoursSlots } from './OfficeHoursSlots';
import { officeHoursPath } from './office-hours-format';
import { useOfficeHoursStore, type OfficeHoursView } from './office-hours-store';
import '../ui/network-page.css';
import './office-hours.css';

/** `/n/<networkId>/office-hours` (the slots) and `/n/<networkId>/office-hours/log` (the Q&A log). */
export function OfficeHoursPage({ networkId, view }: { networkId: string; view: OfficeHoursView }) {
  const t = useT();
  const open = useOfficeHoursStore((state) => state.open);
  const phase = useOfficeHoursStore((state) => state.phase);
  const access = useOfficeHoursStore((state) => state.access);
  const error = useOfficeHoursStore((state) => state.error);

  useEffect(() => {
    takePersonalTokenFromUrl(networkId);
    void open(networkId, view);
  }, [networkId, view, open]);

  const network =
    phase.kind === 'slots' ? phase.data.network : phase.kind === 'log' ? phase.log.network : null;
  // The office and the pair run the network from its page; everyone else lives on their home.
  const runsNetwork = access?.kind === 'admin' || (phase.kind === 'slots' && phase.data.viewer.canPublish);
  return (
    <Page wide>
      <nav className="network-breadcrumb office-hours-breadcrumb">
        {runsNetwork ? (
          <a href={`/n/${encodeURIComponent(networkId)}`}>{t('officeHours.backToNetwork')}</a>
        ) : (
          <a href="/me">{t('officeHours.backToHome')}</a>
        )}
      </nav>
      {network && (
        <header className="card office-hours-header">
          <p className="eyebrow">{t('officeHours.eyebrow')}</p>
          <h1>{network.name}</h1>
          <p className="lead">{t('officeHours.lead')}</p>
          <nav className="office-hours-tabs" aria-label={t('officeHours.eyebrow')}>
            <a
              href={officeHoursPath(networkId, 'slots')}
              aria-current={view === 'slots' ? 'page' : undefined}
            >
              {t('officeHours.nav.slots')}
            </a>
            <a href={officeHoursPath(networkId, 'log')} aria-current={view === 'log' ? 'page' : undefined}>
              {t('officeHours.nav.log')}
            </a>
          </nav>
        </header>
      )}
      {error && (
        <div className="alert alert-error" role="alert">
          <span>{t(error)}</span>
        </div>
      )}
      {phase.kind === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {phase.kind === 'failed' && (
        <div className="alert alert-error" role="alert">
          <span>{t(phase.error)}</span>
          {phase.error !== 'officeHours.error.noToken' && phase.error !== 'officeHours.error.forbidden' && (
            <button type="button" className="button-secondary" onClick={() => void open(networkId, view)}>
              {t('common.retry')}
            </button>
          )}
        </div>
      )}
      {phase.kind === 'slots' && <OfficeHoursSlots data={phase.data} />}
      {phase.kind === 'log' && <OfficeHoursLog log={phase.log} />}
    </Page>
  );
}
