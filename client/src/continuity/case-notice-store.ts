import { create } from 'zustand';

/** What the last "Insert on a free card" did, shown under the cases until the step changes. */
export type CaseNotice = { kind: 'inserted'; card: string } | { kind: 'no-free-card' } | null;

export const useCaseNoticeStore = create<{
  notice: CaseNotice;
  stepId: string | null;
  show(stepId: string, notice: CaseNotice): void;
}>((set) => ({
  notice: null,
  stepId: null,
  show: (stepId, notice) => set({ stepId, notice }),
}));
