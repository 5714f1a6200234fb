import { speaksForObserverCity, type HomeNetwork } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { ForumUnreadLink } from './ForumUnreadLink';
import { PendingSurveys } from '../surveys/PendingSurveys';
import { SurveysLink } from '../surveys/SurveysLink';
import { NetworkDocumentsLink } from '../documents/NetworkDocumentsLink';
import { PlanLink } from '../plan/PlanLink';
import { HomeOfficeHours } from '../office-hours/HomeOfficeHours';
import { NextMeeting } from './NextMeeting';
import { PastMeetings } from './PastMeetings';
import type { HomeEntry } from './home-store';

/** Those who plan the network's meetings (the pair) or their practical side (the organiser). */
const RUNS_NETWORK: ReadonlySet<string> = new Set(['facilitator', 'expert', 'organiser']);

/** One network of the person: its name and theme, the next meeting first, then the past ones. */
export function HomeNetworkView({ entry, network }: { entry: HomeEntry; network: HomeNetwork }) {
  const t = useT();
  return (
    <section className="home-network" data-network-id={network.network.id}>
      <header className="home-network-header">
        <h2>{network.network.name}</h2>
        <p className="muted">
          {network.network.theme} · {t(`home.role.${network.role}`)}
        </p>
        {/* The network's own pages open with the link this browser keeps (session/personal-links). */}
        <p className="home-network-links">
          {RUNS_NETWORK.has(network.role) && (
            <a href={`/n/${encodeURIComponent(network.network.id)}`} data-testid="home-manage-network">
              {t('home.manageNetwork')}
            </a>
          )}
          <a href={`/n/${encodeURIComponent(network.network.id)}/archive`} data-testid="home-archive">
            {t('home.archive')}
          </a>
          <ForumUnreadLink networkId={network.network.id} personalToken={entry.token} />
          <SurveysLink networkId={network.network.id} />
          <NetworkDocumentsLink networkId={network.network.id} />
          <PlanLink networkId={network.network.id} role={network.role} membership={network.membership} />
        </p>
      </header>
      <PendingSurveys networkId={network.network.id} personalToken={entry.token} />
      {network.nextMeeting ? (
        <NextMeeting entry={entry} meeting={network.nextMeeting} role={network.role} />
      ) : (
        <p className="card muted">{t('home.noNextMeeting')}</p>
      )}
      {/* Office hours are the core's ([OH5]): an observer city's people are not asked for them. */}
      {!speaksForObserverCity(network.role, network.membership) && (
        <HomeOfficeHours networkId={network.network.id} personalToken={entry.token} />
      )}
      <PastMeetings entry={entry} meetings={network.pastMeetings} />
    </section>
  );
}
