import { create } from 'zustand';
import type { MessageKey, OfficeOverviewRow } from '@empiria/shared';
import { ApiRequestError } from '../api/http';
import { fetchOfficeOverview } from './office-api';

interface OfficeState {
  networks: OfficeOverviewRow[] | null;
  error: MessageKey | null;
  load(adminToken: string): Promise<void>;
}

function errorKey(error: unknown): MessageKey {
  if (error instanceof ApiRequestError) {
    if (error.isNetworkError) return 'common.error.network';
    if (error.status === 401 || error.status === 403) return 'admin.badToken';
  }
  return 'common.error.generic';
}

/** The office overview on the admin home: every network's figures, loaded with the admin token. */
export const useOfficeStore = create<OfficeState>((set) => {
  let seq = 0;
  return {
    networks: null,
    error: null,
    async load(adminToken) {
      const mine = ++seq;
      set({ error: null });
      try {
        const { networks } = await fetchOfficeOverview(adminToken);
        if (mine === seq) set({ networks });
      } catch (error) {
        if (mine === seq) set({ error: errorKey(error) });
      }
    },
  };
});
