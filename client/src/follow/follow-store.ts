import { create } from 'zustand';
import type { FollowMode } from './follow-machine';

interface FollowStoreState {
  mode: FollowMode;
  /** The step whose sheet heading the group's view leaves out (hidden while following), or null. */
  headingLeftOut: string | null;
  backToGroup(): void;
  /** The camera was moved for the group (a summon, "follow me"): keep going along with the steps. */
  movedForGroup(): void;
}

/** Whether this person's view follows the group, and the way back when it does not. */
export const useFollowStore = create<FollowStoreState>(() => ({
  mode: 'following',
  headingLeftOut: null,
  backToGroup: () => {},
  movedForGroup: () => {},
}));
