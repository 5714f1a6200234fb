import { create } from 'zustand';

const COLLAPSED_KEY = 'empiria.stepPanel';

/** Phones start with the panel folded: unfolded it takes half of their screen. */
function readCollapsed(): boolean {
  if (typeof window === 'undefined') return false;
  try {
    const stored = localStorage.getItem(COLLAPSED_KEY);
    if (stored !== null) return stored === 'collapsed';
  } catch {
    // No storage: the default below.
  }
  return window.innerWidth <= 600;
}

interface StepPanelState {
  /** The agenda list under the current step (collapsed by default on narrow screens). */
  agendaOpen: boolean;
  guideOpen: boolean;
  /** The whole panel folded to a rail, leaving the canvas the room (remembered per device). */
  collapsed: boolean;
  toggleAgenda(): void;
  openGuide(): void;
  closeGuide(): void;
  setCollapsed(collapsed: boolean): void;
}

/** What the step panel shows: view state only, nothing that syncs. */
export const useStepPanelStore = create<StepPanelState>((set) => ({
  agendaOpen: typeof window === 'undefined' || window.innerWidth >= 900,
  guideOpen: false,
  collapsed: readCollapsed(),
  toggleAgenda: () => set((state) => ({ agendaOpen: !state.agendaOpen })),
  openGuide: () => set({ guideOpen: true }),
  closeGuide: () => set({ guideOpen: false }),
  setCollapsed: (collapsed) => {
    try {
      localStorage.setItem(COLLAPSED_KEY, collapsed ? 'collapsed' : 'open');
    } catch {
      // Not remembered, still folded.
    }
    set({ collapsed });
  },
}));
