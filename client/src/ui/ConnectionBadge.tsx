import type { ConnectionStatus } from '../sync/connection-status';
import { useT } from '../i18n/language-store';

/** Always visible, never optimistic: a live document's link, and how many changes wait to be sent. */
export function ConnectionBadge({ status, pending = 0 }: { status: ConnectionStatus; pending?: number }) {
  const t = useT();
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
