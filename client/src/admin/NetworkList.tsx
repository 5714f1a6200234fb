import { useCallback, useEffect, useState } from 'react';
import type { MessageKey, NetworkSummary } from '@empiria/shared';
import { listNetworks } from '../api/network-endpoints';
import { ApiRequestError } from '../api/http';
import { useT } from '../i18n/language-store';
import { useAdminStore } from './admin-store';

/**
 * The office's networks at a glance (issue #11): each network with its theme and how many member
 * cities, people and meetings it has; each opens its network page (`/n/<id>`).
 */
export function NetworkList() {
  const t = useT();
  const token = useAdminStore((state) => state.token);
  const [networks, setNetworks] = useState<NetworkSummary[] | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);

  const load = useCallback(async () => {
    if (!token) return;
    setError(null);
    try {
      setNetworks((await listNetworks(token)).networks);
    } catch (failure) {
      setError(
        failure instanceof ApiRequestError && failure.isNetworkError
          ? 'common.error.network'
          : 'common.error.generic',
      );
    }
  }, [token]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby="network-list-heading" className="board-list network-list">
      <h2 id="network-list-heading">{t('admin.networks.heading')}</h2>
      {error && (
        <div className="alert alert-error" role="alert">
          <span>{t(error)}</span>
          <button type="button" className="button-secondary" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {!networks && !error && <p className="muted">{t('common.loading')}</p>}
      {networks?.length === 0 && <p className="muted">{t('admin.networks.empty')}</p>}
      {networks?.map((network) => (
        <article key={network.id} className="card board-card" data-network-id={network.id}>
          <h3>
            <a href={`/n/${encodeURIComponent(network.id)}`}>{network.name}</a>
          </h3>
          <p className="muted">{network.theme}</p>
          <p>
            {t('admin.networks.cities', { count: network.members })} ·{' '}
            {t('admin.networks.people', { count: network.people })} ·{' '}
            {t('admin.networks.meetings', { count: network.meetings })}
          </p>
          {/* The archive's link is in the overview's row of the same network, on the same screen. */}
        </article>
      ))}
    </section>
  );
}
