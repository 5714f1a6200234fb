import type { HomeNetwork } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { NextMeeting } from './NextMeeting';
import { PastMeetings } from './PastMeetings';
import type { HomeEntry } from './home-store';

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
      </header>
      {network.nextMeeting ? (
        <NextMeeting entry={entry} meeting={network.nextMeeting} />
      ) : (
        <p className="card muted">{t('home.noNextMeeting')}</p>
      )}
      <PastMeetings entry={entry} meetings={network.pastMeetings} />
    </section>
  );
}
