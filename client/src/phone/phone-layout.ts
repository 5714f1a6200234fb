import { useSyncExternalStore } from 'react';
import { create } from 'zustand';

/**
 * Phones (390 × 844 and the like) get the board as a list: the step's zones with their notes,
 * a field to write into each, the vote's items with buttons. The canvas stays one tap away.
 */
export const PHONE_QUERY = '(max-width: 600px)';

function subscribe(listener: () => void): () => void {
  const query = window.matchMedia?.(PHONE_QUERY);
  query?.addEventListener('change', listener);
  return () => query?.removeEventListener('change', listener);
}

/** Whether this screen is phone-sized now (follows a rotation or a resize). */
export function useIsPhone(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia?.(PHONE_QUERY).matches ?? false,
    () => false,
  );
}

interface PhoneViewState {
  view: 'list' | 'canvas';
  setView(view: 'list' | 'canvas'): void;
}

/** Which of the two a phone shows: view state only, nothing that syncs. */
export const usePhoneView = create<PhoneViewState>((set) => ({
  view: 'list',
  setView: (view) => set({ view }),
}));
