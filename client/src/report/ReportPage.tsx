import { useEffect } from 'react';
import type { MeetingReportResponse } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { formatMeetingDate } from '../ui/network-format';
import { takePersonalTokenFromUrl } from '../session/network-token';
import { Page } from '../ui/Page';
import { ReportAgendaTable } from './ReportAgendaTable';
import { ReportAttendance } from './ReportAttendance';
import { ReportFooter } from './ReportFooter';
import { ReportPhotos } from './ReportPhotos';
import { ReportTextSection } from './ReportTextSection';
import { formatInstant } from './report-format';
import { useReportStore } from './report-store';
import '../ui/network-page.css';
import './report.css';

/** `/n/<networkId>/meetings/<meetingId>/report`: the facilitator's report after the meeting. */
export function ReportPage({ networkId, meetingId }: { networkId: string; meetingId: string }) {
  const t = useT();
  const open = useReportStore((state) => state.open);
  const phase = useReportStore((state) => state.phase);

  useEffect(() => {
    takePersonalTokenFromUrl(networkId);
    void open(networkId, meetingId);
  }, [networkId, meetingId, open]);

  // Leaving the page saves what is waiting for the autosave.
  useEffect(() => {
    const flush = () => void useReportStore.getState().flush();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, []);

  return (
    <Page wide>
      <nav className="network-breadcrumb">
        <a href={`/n/${encodeURIComponent(networkId)}`}>{t('report.backToNetwork')}</a>
      </nav>
      {phase.kind === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {phase.kind === 'failed' && (
        <div className="alert alert-error" role="alert">
          <span>{t(phase.error)}</span>
          <button type="button" className="button-secondary" onClick={() => void open(networkId, meetingId)}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {phase.kind === 'ready' && <ReportForm report={phase.report} networkId={networkId} />}
    </Page>
  );
}

function ReportForm({ report, networkId }: { report: MeetingReportResponse; networkId: string }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const content = useReportStore((state) => state.content);
  const error = useReportStore((state) => state.error);
  const open = useReportStore((state) => state.open);
  const edit = useReportStore((state) => state.edit);
  if (!content) return null;
  const editable =
    report.viewer.mayWrite && report.status !== 'submitted' && report.deadline.state !== 'not-held';
  const deadline = report.deadline;

  return (
    <>
      <header className="card report-header">
        <p className="eyebrow">{t('report.eyebrow')}</p>
        <h1>{report.meeting.title}</h1>
        <p className="report-meta">
          {report.meeting.network} · {formatMeetingDate(language, report.meeting.startsAt)}
        </p>
        <p className="report-status-line">
          <span
            className={`pill report-status report-status-${report.status}`}
            data-report-status={report.status}
          >
            {t(`report.status.${report.status}`)}
          </span>
          <span className={`report-deadline report-deadline-${deadline.state}`}>
            {deadline.state === 'submitted'
              ? t('report.deadline.submitted', {
                  date: report.submittedAt ? formatInstant(language, report.submittedAt) : '',
                  name: report.submittedBy ?? '',
                })
              : deadline.state === 'not-held'
                ? t('report.deadline.not-held')
                : t(`report.deadline.${deadline.state}`, {
                    date: formatMeetingDate(language, deadline.dueBy),
                  })}
          </span>
        </p>
        {report.viewer.mayWrite && report.status !== 'submitted' && (
          <p className="lead">{t('report.lead')}</p>
        )}
        {!report.viewer.mayWrite && <p className="muted">{t('report.readOnly')}</p>}
      </header>
      {report.returned && report.status === 'draft' && (
        <div className="alert alert-warning" role="status">
          <span>
            {t('report.returned', {
              date: formatInstant(language, report.returned.at),
              reason: report.returned.reason,
            })}
          </span>
        </div>
      )}
      {error && (
        <div className="alert alert-error" role="alert">
          <span>{t(error)}</span>
          {error === 'report.error.stale' && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => void open(networkId, report.meeting.id)}
            >
              {t('report.reload')}
            </button>
          )}
        </div>
      )}
      <ReportTextSection
        id="planned"
        heading="report.section.planned"
        hint="report.hint.planned"
        value={content.planned}
        editable={editable}
        onChange={(planned) => edit({ planned })}
      />
      <ReportTextSection
        id="happened"
        heading="report.section.happened"
        hint="report.hint.happened"
        value={content.happened}
        editable={editable}
        onChange={(happened) => edit({ happened })}
      />
      <ReportAttendance attendance={content.attendance} />
      <ReportAgendaTable agenda={content.agenda} editable={editable} />
      <ReportTextSection
        id="results"
        heading="report.section.results"
        hint={report.noteApproved ? 'report.hint.results' : 'report.hint.resultsNoNote'}
        value={content.results}
        editable={editable}
        onChange={(results) => edit({ results })}
      />
      <ReportTextSection
        id="difficulties"
        heading="report.section.difficulties"
        hint="report.hint.difficulties"
        value={content.difficulties}
        editable={editable}
        onChange={(difficulties) => edit({ difficulties })}
      />
      <ReportTextSection
        id="next-steps"
        heading="report.section.nextSteps"
        hint={report.noteApproved ? 'report.hint.nextSteps' : 'report.hint.nextStepsNoNote'}
        value={content.nextSteps}
        editable={editable}
        onChange={(nextSteps) => edit({ nextSteps })}
      />
      <ReportPhotos photos={content.photos} />
      <ReportFooter report={report} editable={editable} />
    </>
  );
}
