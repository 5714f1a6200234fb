import { create } from 'zustand';
import * as api from './office-hours-api';

/** What the home shows of a network's office hours. */
export interface HomeOfficeHoursSummary {
  /** The pair: how many upcoming slots are booked. */
  canAnswer: boolean;
  booked: number;
  /** A representative's own bookings, not yet held. */
  mine: { id: string; startsAt: string; question: string }[];
}

interface HomeOfficeHoursState {
  summaries: Record<string, HomeOfficeHoursSummary>;
  load(networkId: string, token: string): Promise<void>;
}

/**
 * The home's office-hours section per network. A refusal (an observer city's link) or a failure
 * leaves no summary, and the home shows no section: the home works without it.
 */
export const useHomeOfficeHoursStore = create<HomeOfficeHoursState>((set) => ({
  summaries: {},
  async load(networkId, token) {
    try {
      const data = await api.fetchOfficeHours(networkId, token);
      const upcoming = data.slots.filter((slot) => !slot.started && !slot.cancelled);
      const summary: HomeOfficeHoursSummary = {
        canAnswer: data.viewer.canAnswer,
        booked: upcoming.filter((slot) => slot.taken).length,
        mine: upcoming.flatMap((slot) =>
          slot.mine && slot.booking
            ? [{ id: slot.id, startsAt: slot.startsAt, question: slot.booking.question }]
            : [],
        ),
      };
      set((state) => ({ summaries: { ...state.summaries, [networkId]: summary } }));
    } catch {
      // No section: office hours are not this person's, or the server is away.
    }
  },
}));
