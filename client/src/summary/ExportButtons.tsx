import { useT } from '../i18n/language-store';
import { useNoteStatus } from './ApprovalPanel';
import { openPrintTab } from './summary-files';
import { useSummaryStore } from './summary-store';

/** Markdown, Word and PDF (the print page, saved as PDF from the browser's print dialog). */
export function ExportButtons({ showHint = true }: { showHint?: boolean }) {
  const t = useT();
  const busy = useSummaryStore((state) => state.busy);
  const download = useSummaryStore((state) => state.download);
  const print = useSummaryStore((state) => state.print);
  const status = useNoteStatus();
  const approved = status === 'approved' || status === 'changed-after-approval';
  return (
    <div className="export" data-testid="export">
      <div className="export-buttons" role="group" aria-label={t('export.heading')}>
        <span className="export-label">{t('export.heading')}</span>
        <button
          type="button"
          className="button-secondary"
          onClick={() => void download('md')}
          disabled={busy.md}
          data-testid="export-md"
          title={t('export.mdHint')}
        >
          {t('export.md')}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => void download('docx')}
          disabled={busy.docx}
          data-testid="export-docx"
        >
          {t('export.docx')}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => void print(openPrintTab(t('export.preparing')))}
          disabled={busy.html}
          data-testid="export-pdf"
          title={t('export.pdfHint')}
        >
          {t('export.pdf')}
        </button>
      </div>
      {showHint && (
        <p className="export-hint muted small">
          {approved ? t('export.hintApproved') : t('export.hintDraft')}
        </p>
      )}
    </div>
  );
}
