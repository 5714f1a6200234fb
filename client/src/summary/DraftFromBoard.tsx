import type { MessageKey } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { AskOnce } from './AskOnce';
import { BlocksPreview } from './BlocksPreview';
import type { DraftReport } from '@empiria/shared';
import { useSummaryStore } from './summary-store';
import type { SectionRef } from './summary-view';

const REPORT_PARTS: { key: keyof DraftReport; label: MessageKey }[] = [
  { key: 'added', label: 'draft.added' },
  { key: 'updated', label: 'draft.updated' },
  { key: 'kept', label: 'draft.kept' },
];

function titleOf(sections: readonly SectionRef[], sectionId: string): string {
  return sections.find((s) => s.sectionId === sectionId)?.title || sectionId;
}

/** The pair's "draft from the board": what it changed, and newer drafts of sections they edited. */
export function DraftFromBoard() {
  const t = useT();
  const canWrite = useSummaryStore((state) => state.session?.canWrite ?? false);
  const busy = useSummaryStore((state) => state.busy.draft ?? false);
  const report = useSummaryStore((state) => state.report);
  const sections = useSummaryStore((state) => state.snapshot?.content.sections ?? []);
  const draft = useSummaryStore((state) => state.draft);
  if (!canWrite) return null;
  const nothing = report && report.added.length + report.updated.length + report.kept.length === 0;
  return (
    <section className="summary-card" aria-labelledby="draft-heading" data-testid="draft-from-board">
      <h3 id="draft-heading">{t('draft.heading')}</h3>
      <p className="muted small">{t('draft.hint')}</p>
      <button
        type="button"
        className="button-primary"
        onClick={() => void draft()}
        disabled={busy}
        data-testid="draft-button"
      >
        {busy ? t('draft.working') : t('draft.button')}
      </button>
      {report && (
        <div className="draft-report" role="status" data-testid="draft-report">
          {nothing ? (
            <p>{t('draft.nothing')}</p>
          ) : (
            REPORT_PARTS.filter(({ key }) => report[key].length > 0).map(({ key, label }) => (
              <p key={key} className={`draft-report-${key}`}>
                <strong>{t(label, { count: report[key].length })}</strong>{' '}
                {report[key].map((id) => titleOf(sections, id)).join(', ')}
              </p>
            ))
          )}
        </div>
      )}
    </section>
  );
}

/** Beside sections a person edited: the board has changed since; show the new version, or insert it. */
export function PendingDrafts() {
  const t = useT();
  const canWrite = useSummaryStore((state) => state.session?.canWrite ?? false);
  const pending = useSummaryStore((state) => state.snapshot?.content.pending ?? []);
  const sections = useSummaryStore((state) => state.snapshot?.content.sections ?? []);
  const insert = useSummaryStore((state) => state.insertPending);
  const dismiss = useSummaryStore((state) => state.dismissPending);
  if (!canWrite || pending.length === 0) return null;
  return (
    <div className="pending-drafts" data-testid="pending-drafts">
      {pending.map(({ sectionId, blocks }) => (
        <details key={sectionId} className="pending-draft" data-section-id={sectionId}>
          <summary>
            <strong>{t('draft.pending.title', { section: titleOf(sections, sectionId) })}</strong>{' '}
            <span>{t('draft.pending.show')}</span>
          </summary>
          <div className="pending-draft-body">
            <div className="pending-draft-preview">
              <BlocksPreview blocks={blocks} />
            </div>
            <div className="pending-draft-actions">
              <AskOnce
                label={t('draft.pending.insert')}
                question={t('draft.pending.insertQuestion', { section: titleOf(sections, sectionId) })}
                confirmLabel={t('draft.pending.insertConfirm')}
                onConfirm={() => insert(sectionId)}
              />
              <button type="button" className="button-secondary" onClick={() => dismiss(sectionId)}>
                {t('draft.pending.keep')}
              </button>
            </div>
          </div>
        </details>
      ))}
    </div>
  );
}
