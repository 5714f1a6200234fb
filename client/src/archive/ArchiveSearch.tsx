import { useState, type FormEvent } from 'react';
import type { SearchHit } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { formatMeetingDate } from '../ui/network-format';
import { hitNotePath, noteFileName, snippetPieces } from './archive-view';
import { useArchiveStore } from './archive-store';

/** Search this network's approved notes and boards; "zrodla" finds "źródła" (the server folds). */
export function ArchiveSearch() {
  const t = useT();
  const search = useArchiveStore((state) => state.search);
  const runSearch = useArchiveStore((state) => state.runSearch);
  const [query, setQuery] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void runSearch(query);
  }

  return (
    <section className="card archive-section" aria-labelledby="archive-search-heading">
      <h2 id="archive-search-heading">{t('archive.search.heading')}</h2>
      <form className="archive-search-form" role="search" onSubmit={onSubmit}>
        <label className="field field-grow">
          <span>{t('archive.search.label')}</span>
          <input
            type="search"
            name="q"
            maxLength={200}
            value={query}
            placeholder={t('archive.search.placeholder')}
            aria-describedby="archive-search-hint"
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
        <button type="submit" className="button-primary" disabled={search.kind === 'searching'}>
          {t('archive.search.submit')}
        </button>
      </form>
      <p id="archive-search-hint" className="muted small">
        {t('archive.search.hint')}
      </p>
      <div aria-live="polite" className="archive-search-status">
        {search.kind === 'searching' && <p className="muted">{t('archive.search.searching')}</p>}
        {search.kind === 'failed' && (
          <div className="alert alert-error" role="alert">
            <span>{t(search.error)}</span>
          </div>
        )}
        {search.kind === 'done' && (
          <p>
            <strong>
              {search.response.hits.length === 0
                ? t('archive.search.none', { query: search.response.query })
                : t('archive.search.results', {
                    count: search.response.hits.length,
                    query: search.response.query,
                  })}
            </strong>
          </p>
        )}
      </div>
      {search.kind === 'done' && search.response.hits.length > 0 && (
        <ol className="archive-hits" data-testid="search-hits">
          {search.response.hits.map((hit, index) => (
            <li key={`${hit.boardId}-${index}`}>
              <SearchHitItem hit={hit} />
            </li>
          ))}
        </ol>
      )}
      {search.kind === 'done' && search.response.more && (
        <p className="muted small">{t('archive.search.more')}</p>
      )}
      {search.kind === 'done' && search.response.pending > 0 && (
        <p className="muted small">{t('archive.search.pending', { count: search.response.pending })}</p>
      )}
    </section>
  );
}

function SearchHitItem({ hit }: { hit: SearchHit }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const download = useArchiveStore((state) => state.download);
  const where = hit.where[language];
  const place =
    hit.source === 'note'
      ? where
        ? t('archive.hit.note', { where })
        : t('archive.hit.noteNoSection')
      : t(hit.kind === 'cluster' ? 'archive.hit.boardCluster' : 'archive.hit.boardNote', {
          where: where || t('archive.hit.boardNowhere'),
        });
  const meeting = { title: hit.meeting, startsAt: hit.startsAt };
  return (
    <article className="archive-hit" data-source={hit.source}>
      <h3>
        {hit.meeting} <span className="muted small">· {formatMeetingDate(language, hit.startsAt)}</span>
      </h3>
      <p className="archive-hit-where small">{place}</p>
      <p className="archive-hit-snippet">
        {snippetPieces(hit.snippet.text, hit.snippet.highlights).map((piece, index) =>
          piece.marked ? <mark key={index}>{piece.text}</mark> : <span key={index}>{piece.text}</span>,
        )}
      </p>
      {hit.source === 'note' ? (
        <button
          type="button"
          className="button-secondary archive-hit-action"
          onClick={() => void download(hitNotePath(hit, 'md'), noteFileName(meeting, 'md'))}
        >
          {t('archive.hit.download')}
        </button>
      ) : (
        <a className="archive-hit-action" href={`/b/${encodeURIComponent(hit.boardId)}`}>
          {t('archive.hit.openBoard')}
        </a>
      )}
    </article>
  );
}
