import type { OfficeHoursLogResponse } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { momentInWarsaw, slotDate } from './office-hours-format';
import { useOfficeHoursStore } from './office-hours-store';

/** The network's questions and answers from the office hours, newest first, searchable. */
export function OfficeHoursLog({ log }: { log: OfficeHoursLogResponse }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const query = useOfficeHoursStore((state) => state.query);
  const setQuery = useOfficeHoursStore((state) => state.setQuery);
  const search = useOfficeHoursStore((state) => state.search);

  return (
    <>
      <form
        className="card office-hours-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
      >
        <label className="field">
          {t('officeHours.log.search')}
          <span className="office-hours-search-row">
            <input
              type="search"
              value={query}
              maxLength={200}
              aria-describedby="office-hours-search-hint"
              onChange={(event) => setQuery(event.target.value)}
            />
            <button type="submit" className="button-primary">
              {t('officeHours.log.searchButton')}
            </button>
          </span>
          <span id="office-hours-search-hint" className="muted small">
            {t('officeHours.log.searchHint')}
          </span>
        </label>
      </form>
      {log.entries.length === 0 ? (
        <p className="card muted" data-testid="office-hours-log-empty">
          {log.query === '' ? t('officeHours.log.empty') : t('officeHours.log.noMatch', { query: log.query })}
        </p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t('officeHours.log.count', { count: log.entries.length })}
          </p>
          <ul className="office-hours-log">
            {log.entries.map((entry) => (
              <li key={entry.slotId} className="office-hours-log-entry" data-testid="office-hours-log-entry">
                <p className="small muted">
                  {slotDate(entry.startsAt, language)} ·{' '}
                  {t('officeHours.booking.asker', {
                    name: entry.asker.city ? `${entry.asker.name} (${entry.asker.city})` : entry.asker.name,
                  })}
                </p>
                <h3 className="office-hours-question">{entry.question}</h3>
                <p className="office-hours-answer-text">{entry.answer}</p>
                <p className="small muted">
                  {t('officeHours.log.answeredBy', { name: entry.answeredBy.name })} ·{' '}
                  {momentInWarsaw(language, entry.answeredAt)}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
