import { describe, expect, it } from 'vitest';
import { INITIAL_FOLLOW_STATE, followReducer } from './follow-machine';
import type { FollowEvent, FollowState } from './follow-machine';

/** Runs events from the initial state; returns the final state and every effect in order. */
function run(...events: FollowEvent[]): { state: FollowState; effects: string[] } {
  let state = INITIAL_FOLLOW_STATE;
  const effects: string[] = [];
  for (const event of events) {
    const next = followReducer(state, event);
    state = next.state;
    effects.push(next.effect);
  }
  return { state, effects };
}

describe('follow the group', () => {
  it('jumps to the current sheet on first open, then glides along with each step', () => {
    const { state, effects } = run(
      { type: 'target', target: 'step-1' },
      { type: 'target', target: 'step-2' },
      { type: 'target', target: 'step-2' },
    );
    expect(effects).toEqual(['jump', 'glide', 'none']);
    expect(state).toEqual({ mode: 'following', target: 'step-2' });
  });

  it('a small nudge of the camera is not looking around', () => {
    const { state, effects } = run(
      { type: 'target', target: 'step-1' },
      { type: 'user-camera', departed: false },
      { type: 'target', target: 'step-2' },
    );
    expect(state.mode).toBe('following');
    expect(effects.at(-1)).toBe('glide');
  });

  it('a person who looked away stays where they are when the step changes', () => {
    const { state, effects } = run(
      { type: 'target', target: 'step-1' },
      { type: 'user-camera', departed: true },
      { type: 'target', target: 'step-2' },
      { type: 'viewport-resized' },
    );
    expect(state).toEqual({ mode: 'looking-around', target: 'step-2' });
    expect(effects).toEqual(['jump', 'none', 'none', 'none']);
  });

  it('"Back to the group" goes to the group’s current sheet and follows again', () => {
    const { state, effects } = run(
      { type: 'target', target: 'step-1' },
      { type: 'user-camera', departed: true },
      { type: 'target', target: 'step-3' },
      { type: 'back-to-group' },
      { type: 'target', target: 'step-4' },
    );
    expect(state).toEqual({ mode: 'following', target: 'step-4' });
    expect(effects.slice(3)).toEqual(['glide', 'glide']);
  });

  it('the person who moves the group goes along, even from looking around', () => {
    const { state, effects } = run(
      { type: 'target', target: 'step-1' },
      { type: 'user-camera', departed: true },
      { type: 'target', target: 'step-2', mine: true },
    );
    expect(state.mode).toBe('following');
    expect(effects.at(-1)).toBe('glide');
  });

  it('refits after a resize only while following', () => {
    expect(run({ type: 'target', target: 'a' }, { type: 'viewport-resized' }).effects).toEqual([
      'jump',
      'jump',
    ]);
    expect(run({ type: 'viewport-resized' }).effects).toEqual(['none']);
  });

  it('a camera moved for the group (summon, follow me) is not looking around', () => {
    const { state, effects } = run(
      { type: 'target', target: 'step-1' },
      { type: 'user-camera', departed: true },
      { type: 'moved-for-group' },
      { type: 'target', target: 'step-2' },
    );
    expect(state).toEqual({ mode: 'following', target: 'step-2' });
    expect(effects).toEqual(['jump', 'none', 'none', 'glide']);
  });

  it('with no sheet (a blank board) nothing moves and nobody is looking around', () => {
    const { state, effects } = run(
      { type: 'user-camera', departed: true },
      { type: 'back-to-group' },
      { type: 'target', target: null },
    );
    expect(state).toEqual(INITIAL_FOLLOW_STATE);
    expect(effects).toEqual(['none', 'none', 'none']);
  });
});
