import { useEffect } from 'react';
import { useT } from '../i18n/language-store';
import { Page } from '../ui/Page';
import { HomeNetworkView } from './HomeNetworkView';
import { useHomeStore } from './home-store';
import './home.css';

/** `/me?token=…`: a person's home from their personal link (the token leaves the address bar at once). */
export function HomeRoute({ personalToken }: { personalToken: string | null }) {
  const t = useT();
  const phase = useHomeStore((state) => state.phase);
  const error = useHomeStore((state) => state.error);
  const open = useHomeStore((state) => state.open);

  useEffect(() => {
    void open(personalToken);
  }, [open, personalToken]);

  switch (phase.kind) {
    case 'loading':
      return (
        <Page>
          <p className="loading">{t('common.loading')}</p>
        </Page>
      );
    case 'no-link':
      return (
        <Page>
          <section className="card" data-testid="home-no-link">
            <h1>{t('home.noLink.title')}</h1>
            <p>{t('home.noLink.body')}</p>
          </section>
        </Page>
      );
    case 'unreachable':
      return (
        <Page>
          <section className="card">
            <p>{t('common.error.network')}</p>
            <button type="button" className="button-primary" onClick={() => void open(null)}>
              {t('common.retry')}
            </button>
          </section>
        </Page>
      );
    case 'ready': {
      const person = phase.entries[0]?.home.person;
      return (
        <Page>
          <div className="home" data-testid="home">
            {person && (
              <header className="home-person">
                <p className="eyebrow">{t('home.eyebrow')}</p>
                <h1>{t('home.greeting', { name: person.name })}</h1>
                {person.city && <p className="muted">{person.city}</p>}
              </header>
            )}
            {error && (
              <div className="alert alert-error" role="alert">
                {t(error)}
              </div>
            )}
            {phase.entries.flatMap((entry) =>
              entry.home.networks.map((network) => (
                <HomeNetworkView key={network.network.id} entry={entry} network={network} />
              )),
            )}
          </div>
        </Page>
      );
    }
  }
}
