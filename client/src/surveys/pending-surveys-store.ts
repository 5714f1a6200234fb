import { create } from 'zustand';
import type { Survey } from '@empiria/shared';
import { fetchPending } from './survey-api';

interface PendingSurveysState {
  /** The open surveys each network's person may still answer, by network id. */
  pending: Record<string, Survey[]>;
  load(networkId: string, personalToken: string): Promise<void>;
}

/**
 * The home's "surveys to fill in" (GET /api/me/surveys), per network of the person. A list that
 * cannot be read shows as none: the home works the same without it.
 */
export const usePendingSurveysStore = create<PendingSurveysState>((set) => ({
  pending: {},
  load: async (networkId, personalToken) => {
    try {
      const answer = await fetchPending(personalToken);
      if (answer.networkId !== networkId) return;
      set((state) => ({ pending: { ...state.pending, [networkId]: answer.pending } }));
    } catch {
      set((state) => ({ pending: { ...state.pending, [networkId]: [] } }));
    }
  },
}));
