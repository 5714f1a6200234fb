import { useEffect, useState } from 'react';
import { mayPublishNetwork, mayViewPublication } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { ErrorLine } from './ErrorLine';
import { useNetworkStore, type ActionResult } from './network-store';
import { usePublicationStore } from './publication-store';

/** "15 marca 2027" — the day the page was opened, on the wall clock in Poland. */
function openedOn(language: 'pl' | 'en', iso: string): string {
  return new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Warsaw',
  }).format(new Date(iso));
}

/**
 * "Strona publiczna" on the network page (issue #13 item 6, [PUB1]): whether the network's public
 * page is open, its address and feed, how many notes the groups agreed to publish, and for the
 * pair and the office the switch that opens or closes it.
 */
export function PublicPageSection() {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const actor = useNetworkStore((state) => state.actor);
  const access = useNetworkStore((state) => state.access);
  const networkId = useNetworkStore((state) => state.networkId);
  const publication = usePublicationStore((state) => state.state);
  const load = usePublicationStore((state) => state.load);
  const setPublic = usePublicationStore((state) => state.setPublic);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);

  const mayView = actor !== null && networkId !== null && mayViewPublication(actor, networkId);
  useEffect(() => {
    if (mayView && access && networkId) void load({ token: access.token, networkId });
  }, [mayView, access, networkId, load]);

  if (!mayView || !actor || !networkId || publication?.networkId !== networkId) return null;
  const mayPublish = mayPublishNetwork(actor, networkId);
  const toggle = () => {
    setSaving(true);
    void setPublic(!publication.public).then((outcome) => {
      setResult(outcome);
      setSaving(false);
    });
  };

  return (
    <section className="card network-section" aria-labelledby="public-page-heading">
      <h2 id="public-page-heading">{t('publication.heading')}</h2>
      <p className="muted">{t('publication.lead')}</p>
      <p role="status">
        {publication.public && publication.since
          ? t('publication.stateOpen', { date: openedOn(language, publication.since) })
          : t('publication.stateClosed')}{' '}
        {publication.publishedNotes > 0
          ? t('publication.published', { count: publication.publishedNotes })
          : t('publication.noneYet')}
      </p>
      {publication.public && (
        <p className="public-page-links">
          <a href={publication.url} target="_blank" rel="noopener">
            {t('publication.link')}
          </a>{' '}
          <code>{publication.url}</code> ·{' '}
          <a href={publication.feedUrl} target="_blank" rel="noopener">
            {t('publication.feed')}
          </a>
        </p>
      )}
      {mayPublish && (
        <button
          type="button"
          className={publication.public ? 'button-secondary' : 'button-primary'}
          disabled={saving}
          onClick={toggle}
        >
          {saving
            ? t('publication.saving')
            : t(publication.public ? 'publication.close' : 'publication.open')}
        </button>
      )}
      <ErrorLine result={result} />
    </section>
  );
}
