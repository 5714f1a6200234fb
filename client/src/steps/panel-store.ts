import { create } from 'zustand';

interface StepPanelState {
  /** The agenda list under the current step (collapsed by default on narrow screens). */
  agendaOpen: boolean;
  guideOpen: boolean;
  toggleAgenda(): void;
  openGuide(): void;
  closeGuide(): void;
}

/** What the step panel shows: view state only, nothing that syncs. */
export const useStepPanelStore = create<StepPanelState>((set) => ({
  agendaOpen: typeof window === 'undefined' || window.innerWidth >= 900,
  guideOpen: false,
  toggleAgenda: () => set((state) => ({ agendaOpen: !state.agendaOpen })),
  openGuide: () => set({ guideOpen: true }),
  closeGuide: () => set({ guideOpen: false }),
}));
