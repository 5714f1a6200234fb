import { useT } from '../i18n/language-store';
import { useConnectionStore } from './connection-store';

/** Always visible, never optimistic: the link's state and how many changes wait to be sent. */
export function StatusBadge() {
  const t = useT();
  const status = useConnectionStore((state) => state.status);
  const pending = useConnectionStore((state) => state.pending);
  const detail =
    pending > 0
      ? t('status.pending', { count: pending })
      : status === 'connected'
        ? t('status.allSent')
        : null;
  return (
    <div
      className={`status-badge status-${status}`}
      role="status"
      aria-live="polite"
      data-testid="connection-status"
      data-status={status}
      data-pending={pending}
      title={pending > 0 && status !== 'connected' ? t('status.savedLocally') : undefined}
    >
      <span className="status-icon" aria-hidden="true" />
      <span className="status-label">{t(`status.${status}`)}</span>
      {detail && <span className="status-detail">{detail}</span>}
    </div>
  );
}
