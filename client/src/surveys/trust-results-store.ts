import { create } from 'zustand';
import type { SurveyResults } from '@empiria/shared';
import { fetchBoardTrustResults } from './survey-api';

interface TrustResultsState {
  boardId: string | null;
  /** undefined: not read yet; null: the network has no opened trust survey (or the board no network). */
  results: SurveyResults | null | undefined;
  load(boardId: string, sessionToken: string): Promise<void>;
}

/**
 * The board's network's latest trust survey (GET /api/boards/:id/surveys/trust-results), for
 * Format 0's trust step. Read again each time it is asked: answers keep coming while it is open.
 */
export const useTrustResultsStore = create<TrustResultsState>((set, get) => ({
  boardId: null,
  results: undefined,
  load: async (boardId, sessionToken) => {
    if (get().boardId !== boardId) set({ boardId, results: undefined });
    try {
      const answer = await fetchBoardTrustResults(boardId, sessionToken);
      if (get().boardId === boardId) set({ results: answer.results });
    } catch {
      // Nothing to show is shown as nothing: the step works the same without it.
      if (get().boardId === boardId) set({ results: null });
    }
  },
}));
