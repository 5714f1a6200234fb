import { useEffect } from 'react';
import type { OfficeOverviewRow } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { formatRate } from '../archive/archive-view';
import { useOfficeStore } from './office-store';
import { OfficeReportsCell } from '../report/OfficeReportsCell';
import './office.css';

/**
 * "Wszystkie sieci": every network at a glance for the ZMP office (issue #11, item 6) — members,
 * meetings held and planned, notes approved and waiting, average attendance, and the cities that
 * missed the last two meetings, named in words.
 */
/** `token`: the office's admin token (the admin home shows this only with one). */
export function OfficeOverview({ token }: { token: string }) {
  const t = useT();
  const networks = useOfficeStore((state) => state.networks);
  const error = useOfficeStore((state) => state.error);
  const load = useOfficeStore((state) => state.load);

  useEffect(() => {
    void load(token);
  }, [load, token]);

  return (
    <section className="card office-overview" aria-labelledby="office-heading">
      <div>
        <h2 id="office-heading">{t('office.heading')}</h2>
        <p className="muted small">{t('office.lead')}</p>
      </div>
      {error && (
        <div className="alert alert-error" role="alert">
          <span>{t(error)}</span>
          {token && (
            <button type="button" className="button-secondary" onClick={() => void load(token)}>
              {t('common.retry')}
            </button>
          )}
        </div>
      )}
      {!networks && !error && <p className="muted">{t('common.loading')}</p>}
      {networks?.length === 0 && <p className="muted">{t('office.empty')}</p>}
      {networks && networks.length > 0 && (
        <div className="office-scroll" role="region" aria-labelledby="office-heading" tabIndex={0}>
          <table className="office-table">
            <caption className="visually-hidden">{t('office.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('office.col.network')}</th>
                <th scope="col">{t('office.col.members')}</th>
                <th scope="col">{t('office.col.meetings')}</th>
                <th scope="col">{t('office.col.notes')}</th>
                <th scope="col">{t('office.col.attendance')}</th>
                <th scope="col">{t('office.col.missing')}</th>
                <th scope="col">{t('report.office.col')}</th>
              </tr>
            </thead>
            <tbody>
              {networks.map((row) => (
                <OverviewRow key={row.networkId} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function OverviewRow({ row }: { row: OfficeOverviewRow }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const id = encodeURIComponent(row.networkId);
  return (
    <tr data-overview-network={row.networkId}>
      <th scope="row">
        <a className="office-network-name" href={`/n/${id}`}>
          {row.name}
        </a>
        <span className="muted small office-theme">{row.theme}</span>
        <a
          className="office-archive-link small"
          href={`/n/${id}/archive`}
          aria-label={t('office.archiveOf', { name: row.name })}
        >
          {t('office.archive')}
        </a>
      </th>
      <td data-col="members">{row.members}</td>
      <td data-col="meetings">
        <span className="office-part">{t('office.held', { count: row.meetingsHeld })}</span> ·{' '}
        <span className="office-part">{t('office.planned', { count: row.meetingsPlanned })}</span>
      </td>
      <td data-col="notes">
        <span className="office-part">{t('office.approved', { count: row.notesApproved })}</span> ·{' '}
        <span className={row.notesWaiting > 0 ? 'office-part office-waiting' : 'office-part'}>
          {t('office.waiting', { count: row.notesWaiting })}
        </span>
      </td>
      <td data-col="attendance">
        {formatRate(language, row.averageAttendance) ?? <span className="muted">—</span>}
      </td>
      <td data-col="missing">
        {row.missingTwice === null ? (
          <span className="muted">{t('office.tooFewMeetings')}</span>
        ) : row.missingTwice.length === 0 ? (
          <span className="muted">{t('office.noneMissing')}</span>
        ) : (
          <span className="office-missing">
            <strong>{t('office.missingLabel')}</strong> {row.missingTwice.join(', ')}
          </span>
        )}
      </td>
      <td data-col="reports">
        <OfficeReportsCell row={row} />
      </td>
    </tr>
  );
}
