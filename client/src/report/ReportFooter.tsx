import { useState } from 'react';
import type { MeetingReportResponse } from '@empiria/shared';
import { useLanguageStore, useT } from '../i18n/language-store';
import { downloadReportDocx } from './report-api';
import { useReportStore } from './report-store';

/** The form's end: the autosave's state and "submit" for the pair, the Word file, the office's return. */
export function ReportFooter({ report, editable }: { report: MeetingReportResponse; editable: boolean }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const save = useReportStore((state) => state.save);
  const savedAt = useReportStore((state) => state.savedAt);
  const busy = useReportStore((state) => state.busy);
  const submit = useReportStore((state) => state.submit);
  const token = useReportStore((state) => state.token);
  const [downloadFailed, setDownloadFailed] = useState(false);

  const saveText =
    save === 'pending'
      ? t('report.save.pending')
      : save === 'saving'
        ? t('report.save.saving')
        : save === 'saved' && savedAt
          ? t('report.save.saved', {
              time: savedAt.toLocaleTimeString(language === 'en' ? 'en-GB' : 'pl-PL', {
                hour: '2-digit',
                minute: '2-digit',
                timeZone: 'Europe/Warsaw',
              }),
            })
          : t('report.save.idle');

  return (
    <section className="card report-footer" aria-label={t('report.eyebrow')}>
      {report.status === 'submitted' && <p className="report-submitted-note">{t('report.submittedNote')}</p>}
      <div className="report-actions">
        {editable && (
          <>
            <p className="muted small report-save-state" role="status" aria-live="polite">
              {saveText}
            </p>
            <button type="button" className="button-primary" disabled={busy} onClick={() => void submit()}>
              {busy ? t('report.submitting') : t('report.submit')}
            </button>
          </>
        )}
        <button
          type="button"
          className="button-secondary"
          disabled={!token}
          onClick={() => {
            if (!token) return;
            setDownloadFailed(false);
            downloadReportDocx(report.meeting.id, token, language).catch(() => setDownloadFailed(true));
          }}
        >
          {t('report.docx')}
        </button>
      </div>
      {downloadFailed && (
        <p className="alert alert-error" role="alert">
          {t('report.error.load')}
        </p>
      )}
      {report.viewer.mayReturn && report.status === 'submitted' && <ReturnForm />}
    </section>
  );
}

/** [FR2] the office returns a submitted report with what to correct. */
function ReturnForm() {
  const t = useT();
  const busy = useReportStore((state) => state.busy);
  const returnForCorrections = useReportStore((state) => state.returnForCorrections);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');

  if (!open) {
    return (
      <button type="button" className="button-secondary report-return-open" onClick={() => setOpen(true)}>
        {t('report.return.open')}
      </button>
    );
  }
  return (
    <form
      className="report-return"
      onSubmit={(event) => {
        event.preventDefault();
        void returnForCorrections(reason.trim()).then((done) => {
          if (done) setOpen(false);
        });
      }}
    >
      <label className="field">
        {t('report.return.reason')}
        <textarea
          className="report-textarea"
          rows={3}
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      <div className="report-actions">
        <button type="submit" className="button-primary" disabled={busy || reason.trim() === ''}>
          {t('report.return.send')}
        </button>
        <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
          {t('report.return.cancel')}
        </button>
      </div>
    </form>
  );
}
