import { create } from 'zustand';
import type { MessageKey, MessageParams, MyBallots } from '@empiria/shared';
import { ApiRequestError } from '../api/http';
import { IDLE, leaderFollowReducer } from './leader-follow';
import type { LeaderFollowEffect, LeaderFollowEvent, LeaderFollowState } from './leader-follow';

export interface Notice {
  id: number;
  key: MessageKey;
  params?: MessageParams;
  tone: 'info' | 'error';
}

export const TIMER_SOUND_KEY = 'empiria.timerSound';

function readTimerSound(): boolean {
  try {
    return localStorage.getItem(TIMER_SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

interface FacilitationState {
  consoleOpen: boolean;
  notice: Notice | null;
  /** Acts waiting for the server's answer, by name (to disable their buttons meanwhile). */
  busy: Record<string, boolean>;
  /** This person's dots in the current vote. */
  myBallots: MyBallots | null;
  follow: LeaderFollowState;
  /** The leader's viewport has arrived in awareness (a follow can move the camera). */
  leaderVisible: boolean;
  /** This person's private notes in the current round, and how many wait to be sent. */
  privateMine: number;
  privateUnsent: number;
  timerSound: boolean;
  /** Carries out a follow effect (set by the camera binding while the canvas is mounted). */
  followEffect: (effect: LeaderFollowEffect) => void;

  toggleConsole(): void;
  setConsoleOpen(open: boolean): void;
  say(key: MessageKey, params?: MessageParams, tone?: Notice['tone']): void;
  dismissNotice(id?: number): void;
  dispatchFollow(event: LeaderFollowEvent): void;
  setTimerSound(on: boolean): void;
  /** Runs an act against the server under `name`; a failure is told in plain words. */
  run<T>(name: string, act: () => Promise<T>, onError?: (error: unknown) => boolean): Promise<T | null>;
}

let noticeId = 0;

/**
 * The facilitation tools' own state on this screen: nothing here is shared. What the whole group
 * sees (timer, vote, private round, hands, follow…) is read from the control document through the
 * step store; what this person did (their dots, their private notes) comes from the server's
 * answers.
 */
export const useFacilitationStore = create<FacilitationState>((set, get) => ({
  consoleOpen: typeof window === 'undefined' || window.innerWidth >= 1100,
  notice: null,
  busy: {},
  myBallots: null,
  follow: IDLE,
  leaderVisible: false,
  privateMine: 0,
  privateUnsent: 0,
  timerSound: readTimerSound(),
  followEffect: () => {},

  toggleConsole: () => set((state) => ({ consoleOpen: !state.consoleOpen })),
  setConsoleOpen: (open) => set({ consoleOpen: open }),
  say(key, params, tone = 'info') {
    set({ notice: { id: ++noticeId, key, params, tone } });
  },
  dismissNotice(id) {
    const { notice } = get();
    if (notice && (id === undefined || notice.id === id)) set({ notice: null });
  },
  dispatchFollow(event) {
    const { state, effect } = leaderFollowReducer(get().follow, event);
    if (state !== get().follow) set({ follow: state });
    if (effect !== 'none') get().followEffect(effect);
  },
  setTimerSound(on) {
    try {
      localStorage.setItem(TIMER_SOUND_KEY, on ? 'on' : 'off');
    } catch {
      // Private mode: the choice lasts for this tab.
    }
    set({ timerSound: on });
  },
  async run(name, act, onError) {
    if (get().busy[name]) return null;
    set((state) => ({ busy: { ...state.busy, [name]: true } }));
    try {
      return await act();
    } catch (error) {
      if (!onError?.(error)) {
        console.warn(`[empiria] ${name} failed`, error);
        const key: MessageKey =
          error instanceof ApiRequestError && error.isNetworkError
            ? 'console.error.network'
            : error instanceof ApiRequestError && error.status === 403
              ? 'console.error.forbidden'
              : 'common.error.generic';
        get().say(key, undefined, 'error');
      }
      return null;
    } finally {
      set((state) => ({ busy: { ...state.busy, [name]: false } }));
    }
  },
}));
