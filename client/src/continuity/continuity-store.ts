import { create } from 'zustand';
import { continuityResponseSchema, type ContinuityResponse } from '@empiria/shared';
import { apiRequest } from '../api/http';

interface ContinuityState {
  boardId: string | null;
  continuity: ContinuityResponse | null;
  /** Loads what this board brings from the network's earlier meetings (once per board). */
  load(boardId: string, token: string): Promise<void>;
}

/**
 * What the board brings from the network's earlier meetings (GET /api/boards/:id/continuity).
 * Read once when the board opens: approved notes of earlier meetings do not change during this one.
 * Observers are refused by the server and see nothing here.
 */
export const useContinuityStore = create<ContinuityState>((set, get) => ({
  boardId: null,
  continuity: null,
  load: async (boardId, token) => {
    if (get().boardId === boardId) return;
    set({ boardId, continuity: null });
    try {
      const continuity = await apiRequest(`/api/boards/${encodeURIComponent(boardId)}/continuity`, {
        token,
        schema: continuityResponseSchema,
      });
      if (get().boardId === boardId) set({ continuity });
    } catch {
      // Nothing to carry is shown as nothing: the board works the same without it.
      if (get().boardId === boardId) set({ continuity: null });
    }
  },
}));

/** Whether there is anything to show. */
export function hasContinuity(continuity: ContinuityResponse | null): continuity is ContinuityResponse {
  return (
    continuity !== null &&
    continuity.network !== null &&
    (continuity.lastTime !== null || continuity.contract !== null || continuity.topics.length > 0)
  );
}
