import type { OfficeOverviewRow } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { reportPath } from './report-format';
import './report.css';

/** The office overview's "Sprawozdania": submitted, then the meetings whose report is due or overdue, each a link. */
export function OfficeReportsCell({ row }: { row: OfficeOverviewRow }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const { submitted, due, overdue } = row.reports;
  const list = (meetings: typeof due) =>
    meetings.map((meeting, index) => (
      <span key={meeting.meetingId}>
        {index > 0 && ', '}
        <a href={reportPath(row.networkId, meeting.meetingId)}>
          {meeting.title} ({shortDate(language, meeting.startsAt)})
        </a>
      </span>
    ));
  if (row.meetingsHeld === 0) return <span className="muted">{t('report.office.noneHeld')}</span>;
  return (
    <span className="office-reports">
      <span className="office-part" data-reports="submitted">
        {t('report.office.submitted', { count: submitted })}
      </span>
      {overdue.length > 0 && (
        <span className="office-part office-reports-overdue" data-reports="overdue">
          <strong>{t('report.office.overdue')}</strong> {list(overdue)}
        </span>
      )}
      {due.length > 0 && (
        <span className="office-part" data-reports="due">
          {t('report.office.due')} {list(due)}
        </span>
      )}
    </span>
  );
}

/** `10 lis 2026`: the column is narrow, the meeting's title says the rest. */
function shortDate(language: string, local: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'pl-PL', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${local.slice(0, 10)}T12:00:00Z`));
}
