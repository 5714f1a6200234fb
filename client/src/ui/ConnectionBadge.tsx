import type { ConnectionStatus } from '../sync/connection-status';
import { useT } from '../i18n/language-store';
import { STATUS_ICONS } from './connection-icons';
import { Icon } from './icons';

/** Always visible, never optimistic: a live document's link, and how many changes wait to be sent. */
export function ConnectionBadge({ status, pending = 0 }: { status: ConnectionStatus; pending?: number }) {
  const t = useT();
  const label = t(`status.${status}`);
  const detail =
    pending > 0
      ? t('status.pending', { count: pending })
      : status === 'connected'
        ? t('status.allSent')
        : null;
  // Named in words wherever only the icon shows (a phone, a crowded top bar).
  const name = t('status.name', { status: detail ? `${label} · ${detail}` : label });
  return (
    <div
      className={`status-badge status-${status}`}
      role="status"
      aria-live="polite"
      aria-label={name}
      data-testid="connection-status"
      data-status={status}
      data-pending={pending}
      title={pending > 0 && status !== 'connected' ? t('status.savedLocally') : name}
    >
      <span className="status-icon" aria-hidden="true" data-icon={STATUS_ICONS[status]}>
        <Icon name={STATUS_ICONS[status]} size="1.2em" />
      </span>
      <span className="status-label">{label}</span>
      {detail && <span className="status-detail">{detail}</span>}
    </div>
  );
}
