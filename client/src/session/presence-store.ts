import { create } from 'zustand';
import type { Person } from '../canvas/presence';

interface PresenceState {
  people: Person[];
  panelOpen: boolean;
  togglePanel(): void;
  reset(): void;
}

/** Who is on the board (from awareness, as the server stamped it) and whether the list shows. */
export const usePresenceStore = create<PresenceState>((set) => ({
  people: [],
  panelOpen: typeof window === 'undefined' || window.innerWidth >= 900,
  togglePanel: () => set((state) => ({ panelOpen: !state.panelOpen })),
  reset: () => set({ people: [] }),
}));
