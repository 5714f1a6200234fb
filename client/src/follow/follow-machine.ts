/**
 * Whether a person's view follows the group's step, as a pure state machine: the camera binding
 * feeds it events and carries out the effect it answers with.
 *
 * - following: when the step changes, the camera moves to that step's sheet (and refits when the
 *   window changes size);
 * - looking around: the person moved the camera away from where we put it since our last move;
 *   step changes no longer move them, and a "Back to the group" button offers the way back.
 */
export type FollowMode = 'following' | 'looking-around';

export interface FollowState {
  mode: FollowMode;
  /** The sheet the group is on (a step's key), null when there is none (blank board). */
  target: string | null;
}

export type FollowEvent =
  /** The group's sheet; `mine` when this person moved the group there (they go along). */
  | { type: 'target'; target: string | null; mine?: boolean }
  /** The person moved the camera; `departed` when it now shows a visibly different place. */
  | { type: 'user-camera'; departed: boolean }
  | { type: 'back-to-group' }
  | { type: 'viewport-resized' }
  /**
   * The camera was moved for the group by someone leading it ("bring everyone here", "follow
   * me"): not this person looking around, so they keep going along with the steps.
   */
  | { type: 'moved-for-group' };

/**
 * `glide`: an animated move to the target; `jump`: an immediate one (first open, resize, or a
 * person who prefers reduced motion); `none`: leave the camera alone.
 */
export type FollowEffect = 'none' | 'glide' | 'jump';

export interface FollowStep {
  state: FollowState;
  effect: FollowEffect;
}

export const INITIAL_FOLLOW_STATE: FollowState = { mode: 'following', target: null };

export function followReducer(state: FollowState, event: FollowEvent): FollowStep {
  switch (event.type) {
    case 'target': {
      if (event.target === state.target) return { state, effect: 'none' };
      if (event.target === null) return { state: { ...state, target: null }, effect: 'none' };
      const first = state.target === null;
      if (state.mode === 'following' || event.mine) {
        return { state: { mode: 'following', target: event.target }, effect: first ? 'jump' : 'glide' };
      }
      return { state: { ...state, target: event.target }, effect: 'none' };
    }
    case 'user-camera':
      if (state.mode === 'following' && event.departed && state.target !== null) {
        return { state: { ...state, mode: 'looking-around' }, effect: 'none' };
      }
      return { state, effect: 'none' };
    case 'back-to-group':
      if (state.target === null) return { state, effect: 'none' };
      return { state: { ...state, mode: 'following' }, effect: 'glide' };
    case 'viewport-resized':
      return { state, effect: state.mode === 'following' && state.target !== null ? 'jump' : 'none' };
    case 'moved-for-group':
      return state.mode === 'following'
        ? { state, effect: 'none' }
        : { state: { ...state, mode: 'following' }, effect: 'none' };
  }
}
