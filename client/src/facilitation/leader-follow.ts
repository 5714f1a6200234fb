import type { Follow } from '@empiria/shared';

/**
 * Following a person's view, as a pure state machine (the camera binding feeds it events and
 * carries out its effect):
 *
 * - `group`: the facilitator said "Follow me" (control `follow`); everyone but the leader follows.
 *   A participant who pans or zooms steps away, and returns with one click; only the leader's
 *   "Stop" ends it.
 * - `personal`: this person clicked someone in the people list (local only); panning steps away
 *   as well, and they may stop at any time. The group's follow takes precedence.
 */
export interface Leader {
  id: string;
  name: string;
}

export type FollowSource = 'group' | 'personal';

export type LeaderFollowState =
  { mode: 'idle' } | { mode: 'following' | 'away'; source: FollowSource; leader: Leader };

export type LeaderFollowEvent =
  /** The control document's `follow` changed (null when absent). */
  | { type: 'group'; follow: Follow | null; selfId: string }
  | { type: 'follow-person'; leader: Leader; selfId: string }
  | { type: 'stop' }
  /** This person panned or zoomed by hand. */
  | { type: 'user-camera' }
  | { type: 'return' };

/** `move`: put the camera on the leader's view now; `none`: leave it. */
export type LeaderFollowEffect = 'none' | 'move';

export const IDLE: LeaderFollowState = { mode: 'idle' };

export function leaderFollowReducer(
  state: LeaderFollowState,
  event: LeaderFollowEvent,
): { state: LeaderFollowState; effect: LeaderFollowEffect } {
  const keep = { state, effect: 'none' as const };
  switch (event.type) {
    case 'group': {
      const follow = event.follow;
      const active = follow?.active === true && follow.leaderId !== null;
      if (!active || follow.leaderId === event.selfId) {
        // The group's follow ended (or I am its leader): a group follow ends with it.
        return state.mode !== 'idle' && state.source === 'group' ? { state: IDLE, effect: 'none' } : keep;
      }
      const leader = { id: follow.leaderId!, name: follow.leaderName ?? '' };
      if (state.mode !== 'idle' && state.source === 'group' && state.leader.id === leader.id) {
        // Same follow, maybe a new name: someone who stepped away stays away.
        return { state: { ...state, leader }, effect: 'none' };
      }
      return { state: { mode: 'following', source: 'group', leader }, effect: 'move' };
    }
    case 'follow-person':
      if (event.leader.id === event.selfId) return keep;
      // The group's follow wins over a personal one, unless this person stepped away from it.
      if (state.mode === 'following' && state.source === 'group') return keep;
      return { state: { mode: 'following', source: 'personal', leader: event.leader }, effect: 'move' };
    case 'stop':
      if (state.mode === 'idle') return keep;
      // Only the leader ends a group follow; a participant can step away from it.
      if (state.source === 'group')
        return state.mode === 'following' ? { state: { ...state, mode: 'away' }, effect: 'none' } : keep;
      return { state: IDLE, effect: 'none' };
    case 'user-camera':
      return state.mode === 'following' ? { state: { ...state, mode: 'away' }, effect: 'none' } : keep;
    case 'return':
      return state.mode === 'away' ? { state: { ...state, mode: 'following' }, effect: 'move' } : keep;
  }
}
