import { create } from 'zustand';
import type { MessageKey, PlanActionStatus, PlanReviewResponse } from '@empiria/shared';
import { fetchReview, reviewStatus } from './plan-api';
import { planActErrorKey, planLoadErrorKey } from './plan-errors';

interface PlanReviewState {
  boardId: string | null;
  review: PlanReviewResponse | null;
  error: MessageKey | null;
  /** The action whose status is being saved. */
  saving: string | null;
  /** The last change made here, said once to screen readers and shown under the heading. */
  lastChange: { title: string; status: PlanActionStatus } | null;
  load(boardId: string, token: string): Promise<void>;
  setStatus(boardId: string, token: string, actionId: string, status: PlanActionStatus): Promise<void>;
}

/** The plan review on a meeting's board: the open actions, each status change recorded with the meeting. */
export const usePlanReviewStore = create<PlanReviewState>((set, get) => ({
  boardId: null,
  review: null,
  error: null,
  saving: null,
  lastChange: null,

  async load(boardId, token) {
    if (get().boardId !== boardId) set({ boardId, review: null, lastChange: null });
    try {
      const review = await fetchReview(boardId, token);
      set({ review, error: null });
    } catch (error) {
      set({ error: planLoadErrorKey(error) });
    }
  },

  async setStatus(boardId, token, actionId, status) {
    set({ saving: actionId, error: null });
    try {
      const action = await reviewStatus(boardId, actionId, status, token);
      const review = get().review;
      if (review) {
        set({ review: { ...review, actions: review.actions.map((a) => (a.id === action.id ? action : a)) } });
      }
      set({ lastChange: { title: action.title, status: action.status } });
    } catch (error) {
      set({ error: planActErrorKey(error) });
    } finally {
      set({ saving: null });
    }
  },
}));
