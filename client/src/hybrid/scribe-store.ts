import { create } from 'zustand';
import type { MessageKey, MessageParams } from '@empiria/shared';
import type { ZonePick } from './scribe-keys';

export interface RecentNote {
  id: string;
  number: number;
  text: string;
}

interface ScribeState {
  /** The sheet the scribe writes on; null: the group's current sheet (and along with it). */
  stepId: string | null;
  /** The zone (or cell) number the next note goes to. */
  number: number;
  /** The zone picked by digits for the note being typed (null once it is added). */
  pick: ZonePick | null;
  /** The last notes added from this screen, newest first. */
  recent: RecentNote[];
  message: { key: MessageKey; params?: MessageParams; tone: 'ok' | 'warn' | 'error' } | null;

  setStep(stepId: string | null): void;
  choose(number: number, pick?: ZonePick | null): void;
  added(note: RecentNote): void;
  removed(id: string): void;
  say(key: MessageKey, params?: MessageParams, tone?: 'ok' | 'warn' | 'error'): void;
}

const RECENT = 5;

/** The scribe's place in the sheet and what they typed last (this screen only). */
export const useScribeStore = create<ScribeState>((set) => ({
  stepId: null,
  number: 1,
  pick: null,
  recent: [],
  message: null,
  setStep: (stepId) => set({ stepId, number: 1, pick: null }),
  choose: (number, pick = null) => set({ number, pick }),
  added: (note) => set((state) => ({ pick: null, recent: [note, ...state.recent].slice(0, RECENT) })),
  removed: (id) => set((state) => ({ recent: state.recent.filter((note) => note.id !== id) })),
  say: (key, params, tone = 'ok') => set({ message: { key, params, tone } }),
}));
