import { useEffect } from 'react';
import { useT } from '../i18n/language-store';
import { Page } from '../ui/Page';
import { MeetingsSection } from './MeetingsSection';
import { MembersSection } from './MembersSection';
import { NetworkSection } from './NetworkSection';
import { PeopleSection } from './PeopleSection';
import { PublicPageSection } from './PublicPageSection';
import { useNetworkStore } from './network-store';
import { ForumNetworkPageLink } from '../home/ForumUnreadLink';
import { SurveysLink } from '../surveys/SurveysLink';
import { NetworkDocumentsLink } from '../documents/NetworkDocumentsLink';
import { PlanLink } from '../plan/PlanLink';
import { OfficeHoursLink } from '../office-hours/OfficeHoursLink';
import { takePersonalTokenFromUrl } from '../session/network-token';
import '../ui/network-page.css';

/** `/n/<networkId>`: the page the office and the network's pair (and its organiser) run it from. */
export function NetworkPage({ networkId }: { networkId: string }) {
  const t = useT();
  const open = useNetworkStore((state) => state.open);
  const detail = useNetworkStore((state) => state.detail);
  const loadError = useNetworkStore((state) => state.loadError);
  const actor = useNetworkStore((state) => state.actor);

  useEffect(() => {
    takePersonalTokenFromUrl(networkId);
    void open(networkId);
  }, [networkId, open]);

  if (!detail) {
    return (
      <Page wide>
        {loadError ? (
          <div className="alert alert-error" role="alert">
            <span>{t(loadError)}</span>
            <button type="button" className="button-secondary" onClick={() => void open(networkId)}>
              {t('common.retry')}
            </button>
          </div>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </Page>
    );
  }

  return (
    <Page wide>
      <nav className="network-breadcrumb">
        {actor?.kind === 'office' ? (
          <a href="/">{t('networkAdmin.backToOffice')}</a>
        ) : (
          <a href="/me">{t('networkAdmin.backToHome')}</a>
        )}
        <ForumNetworkPageLink networkId={networkId} />
        <SurveysLink networkId={networkId} />
        <NetworkDocumentsLink networkId={networkId} />
        <PlanLink networkId={networkId} />
        <OfficeHoursLink networkId={networkId} />
      </nav>
      {loadError && (
        <div className="alert alert-error" role="alert">
          <span>{t(loadError)}</span>
        </div>
      )}
      <NetworkSection />
      <MembersSection />
      <PeopleSection />
      <MeetingsSection />
      <PublicPageSection />
    </Page>
  );
}
