import { create } from 'zustand';
import type {
  HomeMeeting,
  HomeResponse,
  HomeSubstitutesResponse,
  InvitationAnswer,
  Location,
  MessageKey,
} from '@empiria/shared';
import { ApiRequestError } from '../api/http';
import { rememberPlace } from '../hybrid/places';
import { saveSession } from '../session/session-storage';
import { answerInvitation, downloadWithToken, fetchHome, fetchSubstitutes, joinFromHome } from './home-api';
import {
  forgetPersonalLink,
  hideTokenFromAddressBar,
  keepPersonalLink,
  readPersonalLinks,
} from '../session/personal-links';

/** One network's home, with the personal token that opened it. */
export interface HomeEntry {
  token: string;
  home: HomeResponse;
  /** Who may stand in for the person at their next meeting, by meeting id (invitees only, [N10]). */
  substitutes: Record<string, HomeSubstitutesResponse>;
}

/** "Nie mogę być" chosen, the substitute being picked before the answer is saved. */
export interface SubstitutePick {
  meetingId: string;
  /** null: nobody comes instead ("bez zastępstwa"). */
  substituteId: string | null;
}

type Phase =
  | { kind: 'loading' }
  | { kind: 'ready'; entries: HomeEntry[] }
  /** No link works: none kept, or every one was replaced. */
  | { kind: 'no-link' }
  | { kind: 'unreachable' };

interface HomeState {
  phase: Phase;
  /** The meeting an action is under way for (buttons wait), and the last action's failure. */
  busy: string | null;
  error: MessageKey | null;
  picking: SubstitutePick | null;
  open(personalToken: string | null): Promise<void>;
  /**
   * Saves an answer. "Nie mogę być" from someone who has people to send first opens the picker
   * (saved with `saveCannotCome`); everything else is saved at once.
   */
  answer(entry: HomeEntry, meeting: HomeMeeting, answer: InvitationAnswer): Promise<void>;
  pick(pick: SubstitutePick | null): void;
  saveCannotCome(entry: HomeEntry, meeting: HomeMeeting, substituteId: string | null): Promise<void>;
  join(entry: HomeEntry, meeting: HomeMeeting): Promise<void>;
  download(entry: HomeEntry, path: string, fileName: string, meetingId: string): Promise<void>;
}

const WHERE_OF_ANSWER: Record<InvitationAnswer, Location | null> = {
  'in-person': 'room',
  online: 'online',
  'cannot-come': null,
};

function failureKey(error: unknown): MessageKey {
  if (error instanceof ApiRequestError) {
    if (error.isNetworkError) return 'common.error.network';
    if (error.status === 401) return 'home.error.linkEnded';
    if (error.code === 'not_invited') return 'home.error.notInvited';
    if (error.code === 'not_shared' || error.code === 'not_approved') return 'home.error.noteNotReady';
  }
  return 'common.error.generic';
}

/**
 * A person's home: the networks of every personal link this browser keeps, the next meeting with
 * their answer, past meetings with their approved notes, and the way onto a live board ([N12]).
 */
export const useHomeStore = create<HomeState>((set, get) => {
  const replaceEntry = (updated: HomeEntry) => {
    const { phase } = get();
    if (phase.kind !== 'ready') return;
    set({
      phase: {
        kind: 'ready',
        entries: phase.entries.map((entry) => (entry.token === updated.token ? updated : entry)),
      },
    });
  };

  /** The home of a token, with who may stand in at the next meetings the person is invited to. */
  const load = async (token: string): Promise<HomeEntry> => {
    const home = await fetchHome(token);
    const substitutes: HomeEntry['substitutes'] = {};
    for (const network of home.networks) {
      const next = network.nextMeeting;
      if (next?.invited) substitutes[next.id] = await fetchSubstitutes(token, next.id);
    }
    return { token, home, substitutes };
  };

  const save = async (
    entry: HomeEntry,
    meeting: HomeMeeting,
    answer: InvitationAnswer,
    substituteId: string | null,
  ) => {
    const network = entry.home.networks.find((n) => n.nextMeeting?.id === meeting.id);
    if (!network) return;
    set({ busy: meeting.id, error: null });
    try {
      await answerInvitation(
        entry.token,
        { networkId: network.network.id, meetingId: meeting.id, personId: entry.home.person.id },
        answer,
        substituteId,
      );
      replaceEntry(await load(entry.token));
      set({ busy: null, picking: null });
    } catch (error) {
      set({ busy: null, error: failureKey(error) });
    }
  };

  return {
    phase: { kind: 'loading' },
    busy: null,
    error: null,
    picking: null,

    async open(personalToken) {
      if (personalToken) hideTokenFromAddressBar();
      set({ phase: { kind: 'loading' }, error: null });
      const tokens = new Set(Object.values(readPersonalLinks()));
      if (personalToken) tokens.add(personalToken);
      const entries: HomeEntry[] = [];
      let unreachable = false;
      for (const token of tokens) {
        try {
          const entry = await load(token);
          for (const network of entry.home.networks) keepPersonalLink(network.network.id, token);
          entries.push(entry);
        } catch (error) {
          if (error instanceof ApiRequestError && error.status === 401) forgetPersonalLink(token);
          else unreachable = true;
        }
      }
      if (entries.length > 0) set({ phase: { kind: 'ready', entries } });
      else set({ phase: unreachable ? { kind: 'unreachable' } : { kind: 'no-link' } });
    },

    async answer(entry, meeting, answer) {
      const substitutes = entry.substitutes[meeting.id];
      if (answer === 'cannot-come' && substitutes && substitutes.substitutes.length > 0) {
        set({
          picking: { meetingId: meeting.id, substituteId: substitutes.chosen?.id ?? null },
          error: null,
        });
        return;
      }
      await save(entry, meeting, answer, null);
    },

    pick(pick) {
      set({ picking: pick });
    },

    async saveCannotCome(entry, meeting, substituteId) {
      await save(entry, meeting, 'cannot-come', substituteId);
    },

    async join(entry, meeting) {
      set({ busy: meeting.id, error: null });
      try {
        const session = await joinFromHome(entry.token, meeting.id);
        saveSession(session);
        // The board asks nobody where they are: the invitation's answer says it.
        const where = meeting.answer ? WHERE_OF_ANSWER[meeting.answer] : null;
        if (where && session.identity.role !== 'observer') rememberPlace(session.board.id, where);
        window.location.assign(`/b/${encodeURIComponent(session.board.id)}`);
      } catch (error) {
        set({ busy: null, error: failureKey(error) });
      }
    },

    async download(entry, path, fileName, meetingId) {
      set({ busy: meetingId, error: null });
      try {
        await downloadWithToken(path, entry.token, fileName);
        set({ busy: null });
      } catch (error) {
        set({ busy: null, error: failureKey(error) });
      }
    },
  };
});
