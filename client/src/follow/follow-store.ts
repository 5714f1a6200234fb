import { create } from 'zustand';
import type { FollowMode } from './follow-machine';

interface FollowStoreState {
  mode: FollowMode;
  backToGroup(): void;
  /** The camera was moved for the group (a summon, "follow me"): keep going along with the steps. */
  movedForGroup(): void;
}

/** Whether this person's view follows the group, and the way back when it does not. */
export const useFollowStore = create<FollowStoreState>(() => ({
  mode: 'following',
  backToGroup: () => {},
  movedForGroup: () => {},
}));
