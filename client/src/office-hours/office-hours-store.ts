import { create } from 'zustand';
import type { MessageKey, OfficeHoursLogResponse, OfficeHoursResponse } from '@empiria/shared';
import { networkPageToken, type NetworkPageToken } from '../session/network-token';
import * as api from './office-hours-api';
import { emptySeriesDraft, seriesRequest, type SeriesDraft } from './office-hours-draft';
import { actErrorKey, loadErrorKey } from './office-hours-errors';

export type OfficeHoursView = 'slots' | 'log';

type Phase =
  | { kind: 'loading' }
  | { kind: 'failed'; error: MessageKey }
  | { kind: 'slots'; data: OfficeHoursResponse }
  | { kind: 'log'; log: OfficeHoursLogResponse };

interface OfficeHoursState {
  networkId: string | null;
  view: OfficeHoursView;
  access: NetworkPageToken | null;
  phase: Phase;
  /** An act under way (buttons wait), the last act's refusal, and how many slots were just published. */
  busy: boolean;
  error: MessageKey | null;
  published: number | null;
  composing: boolean;
  series: SeriesDraft;
  /** The slot whose booking form is open and its question; the slot whose answer is being written. */
  booking: { slotId: string; question: string } | null;
  answering: { slotId: string; text: string } | null;
  /** The slot whose cancellation waits for a second click. */
  confirmingCancel: string | null;
  query: string;

  open(networkId: string, view: OfficeHoursView): Promise<void>;
  compose(open: boolean): void;
  setSeries(patch: Partial<SeriesDraft>): void;
  publish(): Promise<void>;
  startBooking(slotId: string | null): void;
  setQuestion(question: string): void;
  book(): Promise<void>;
  withdraw(slotId: string): Promise<void>;
  askCancel(slotId: string | null): void;
  cancelSlot(slotId: string): Promise<void>;
  startAnswer(slotId: string | null, text?: string): void;
  setAnswer(text: string): void;
  saveAnswer(): Promise<void>;
  setQuery(query: string): void;
  search(): Promise<void>;
}

/**
 * The office hours' page (`/n/<id>/office-hours`, the log at `…/office-hours/log`): the slots with
 * what the reader may do to them, or the searchable log. The token is the network pages' own: a
 * personal link of this network, else the office's admin token.
 */
export const useOfficeHoursStore = create<OfficeHoursState>((set, get) => {
  const reload = async (): Promise<void> => {
    const { access, networkId, view, query } = get();
    if (!access || !networkId) return;
    if (view === 'log') {
      const log = await api.fetchLog(networkId, query, access.token);
      if (get().view === 'log') set({ phase: { kind: 'log', log } });
      return;
    }
    const data = await api.fetchOfficeHours(networkId, access.token);
    if (get().view === 'slots') set({ phase: { kind: 'slots', data } });
  };

  /** Runs an act; on success reloads what the page shows, on refusal says why (and shows the fresh state). */
  const act = async (work: (token: string, networkId: string) => Promise<void>): Promise<boolean> => {
    const { access, networkId, busy } = get();
    if (!access || !networkId || busy) return false;
    set({ busy: true, error: null, published: null });
    try {
      await work(access.token, networkId);
      await reload();
      set({ busy: false });
      return true;
    } catch (error) {
      set({ busy: false, error: actErrorKey(error) });
      // A slot taken meanwhile shows as taken.
      await reload().catch(() => undefined);
      return false;
    }
  };

  return {
    networkId: null,
    view: 'slots',
    access: null,
    phase: { kind: 'loading' },
    busy: false,
    error: null,
    published: null,
    composing: false,
    series: emptySeriesDraft(new Date()),
    booking: null,
    answering: null,
    confirmingCancel: null,
    query: '',

    async open(networkId, view) {
      const access = networkPageToken(networkId);
      const query = view === 'log' ? (new URLSearchParams(window.location.search).get('q') ?? '') : '';
      set({ networkId, view, access, query, phase: { kind: 'loading' }, error: null });
      if (!access) {
        set({ phase: { kind: 'failed', error: 'officeHours.error.noToken' } });
        return;
      }
      try {
        await reload();
      } catch (error) {
        set({ phase: { kind: 'failed', error: loadErrorKey(error) } });
      }
    },

    compose: (open) => set({ composing: open, error: null, published: null }),
    setSeries: (patch) => set((state) => ({ series: { ...state.series, ...patch } })),
    async publish() {
      let made = 0;
      const ok = await act(async (token, networkId) => {
        made = (await api.publishSeries(networkId, seriesRequest(get().series), token)).slots.length;
      });
      if (ok) set({ composing: false, series: emptySeriesDraft(new Date()), published: made });
    },

    startBooking: (slotId) =>
      set({ booking: slotId === null ? null : { slotId, question: '' }, answering: null, error: null }),
    setQuestion: (question) => set((state) => ({ booking: state.booking && { ...state.booking, question } })),
    async book() {
      const { booking } = get();
      if (!booking) return;
      const ok = await act((token, networkId) =>
        api.book(networkId, booking.slotId, booking.question, token),
      );
      if (ok) set({ booking: null });
    },
    async withdraw(slotId) {
      await act((token, networkId) => api.withdrawBooking(networkId, slotId, token));
    },
    askCancel: (slotId) => set({ confirmingCancel: slotId, booking: null, answering: null, error: null }),
    async cancelSlot(slotId) {
      await act((token, networkId) => api.cancelSlot(networkId, slotId, token));
      set({ confirmingCancel: null });
    },

    startAnswer: (slotId, text = '') =>
      set({ answering: slotId === null ? null : { slotId, text }, booking: null, error: null }),
    setAnswer: (text) => set((state) => ({ answering: state.answering && { ...state.answering, text } })),
    async saveAnswer() {
      const { answering } = get();
      if (!answering) return;
      const ok = await act((token, networkId) =>
        api.answer(networkId, answering.slotId, answering.text, token),
      );
      if (ok) set({ answering: null });
    },

    setQuery: (query) => set({ query }),
    async search() {
      const { networkId, query } = get();
      if (!networkId) return;
      // The search is in the address: a found answer can be passed on as a link.
      const url = new URL(window.location.href);
      if (query.trim() === '') url.searchParams.delete('q');
      else url.searchParams.set('q', query.trim());
      window.history.replaceState(null, '', url);
      try {
        await reload();
      } catch (error) {
        set({ error: loadErrorKey(error) });
      }
    },
  };
});
