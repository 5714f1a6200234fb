import { create } from 'zustand';
import type { JoinResponse, MessageKey, PersonEntry } from '@empiria/shared';
import { ApiRequestError } from '../api/http';
import { fetchPeople, mergePerson, removePerson } from './people-api';

/** How often the open list asks again (who is online changes without a word to us). */
const REFRESH_MS = 5_000;

interface PeopleState {
  open: boolean;
  people: PersonEntry[];
  loaded: boolean;
  busy: boolean;
  error: MessageKey | null;
  /** Opens the list for a lead's session and keeps it fresh while it is open. */
  show(session: JoinResponse): void;
  hide(): void;
  merge(session: JoinResponse, aliasId: string, into: string): Promise<void>;
  remove(session: JoinResponse, personId: string): Promise<void>;
}

let refresh: ReturnType<typeof setInterval> | null = null;

/** The facilitator's list of everyone who joined, with merge and remove ([I2], [I3]). */
export const usePeopleStore = create<PeopleState>((set, get) => {
  async function load(session: JoinResponse): Promise<void> {
    try {
      const { people } = await fetchPeople(session.board.id, session.sessionToken);
      set({ people, loaded: true, error: null });
    } catch (error) {
      set({ error: messageFor(error) });
    }
  }

  async function act(work: () => Promise<{ people: PersonEntry[] }>): Promise<void> {
    set({ busy: true, error: null });
    try {
      const { people } = await work();
      set({ people, busy: false });
    } catch (error) {
      set({ busy: false, error: messageFor(error) });
    }
  }

  return {
    open: false,
    people: [],
    loaded: false,
    busy: false,
    error: null,

    show(session) {
      set({ open: true });
      void load(session);
      if (refresh) clearInterval(refresh);
      refresh = setInterval(() => {
        if (get().open) void load(session);
      }, REFRESH_MS);
    },

    hide() {
      if (refresh) clearInterval(refresh);
      refresh = null;
      set({ open: false });
    },

    merge: (session, aliasId, into) =>
      act(() => mergePerson(session.board.id, session.sessionToken, aliasId, into)),

    remove: (session, personId) => act(() => removePerson(session.board.id, session.sessionToken, personId)),
  };
});

function messageFor(error: unknown): MessageKey {
  return error instanceof ApiRequestError && error.isNetworkError
    ? 'common.error.network'
    : 'common.error.generic';
}
