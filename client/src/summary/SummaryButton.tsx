import { useT } from '../i18n/language-store';
import { useNoteStatus } from './ApprovalPanel';
import { useSummaryStore } from './summary-store';

/** The way to the meeting notes from the board's top bar; it says when the group is asked to approve. */
export function SummaryButton() {
  const t = useT();
  const setOpen = useSummaryStore((state) => state.setOpen);
  const observer = useSummaryStore((state) => state.session?.observer ?? false);
  const decides = useSummaryStore((state) => state.session?.decides ?? false);
  const status = useNoteStatus();
  const mineMissing = useSummaryStore((state) => {
    const approval = state.snapshot?.content.approval;
    const me = state.session?.personId;
    return approval?.status === 'open' && !approval.decisions.some((d) => d.personId === me);
  });
  const asking = !observer && (status === 'voting' || status === 'voting-changed');
  const badge = decides && mineMissing ? t('summary.badge.yourDecision') : t('summary.badge.voting');
  return (
    <button
      type="button"
      className={asking ? 'button-primary summary-button is-asking' : 'button-secondary summary-button'}
      onClick={() => setOpen(true)}
      // In a crowded top bar and on a phone the words (the badge's too) are for screen readers
      // only; the title says them too.
      title={asking ? `${t('summary.open')} · ${badge}` : t('summary.open')}
      data-testid="summary-open"
    >
      <svg className="summary-button-icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
        <path
          d="M5 2.5h7l3.5 3.5v11.5h-10.5z M12 2.5v3.5h3.5 M7.5 9.5h5 M7.5 12.5h5 M7.5 15h3"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinejoin="round"
        />
      </svg>
      <span className="summary-button-text">{t('summary.open')}</span>
      {asking && (
        <span className="summary-button-badge">
          <span className="summary-button-badge-text">{badge}</span>
        </span>
      )}
    </button>
  );
}
