import { describe, expect, it } from 'vitest';
import { IDLE, leaderFollowReducer } from './leader-follow';
import type { LeaderFollowEvent, LeaderFollowState } from './leader-follow';

function run(...events: LeaderFollowEvent[]) {
  let state: LeaderFollowState = IDLE;
  const effects: string[] = [];
  for (const event of events) {
    const next = leaderFollowReducer(state, event);
    state = next.state;
    effects.push(next.effect);
  }
  return { state, effects };
}

const follow = (leaderId: string | null, active = true) => ({
  type: 'group' as const,
  follow: { active, leaderId, leaderName: leaderId === 'ewa' ? 'Ewa' : 'Jan' },
  selfId: 'anna',
});

describe('following the facilitator', () => {
  it('moves to the leader, steps away on a pan, returns with one click', () => {
    const { state, effects } = run(follow('ewa'), { type: 'user-camera' }, follow('ewa'), { type: 'return' });
    expect(state).toEqual({ mode: 'following', source: 'group', leader: { id: 'ewa', name: 'Ewa' } });
    expect(effects).toEqual(['move', 'none', 'none', 'move']);
  });

  it('ends when the leader stops, and never makes the leader follow themselves', () => {
    expect(run(follow('ewa'), follow('ewa', false)).state).toEqual(IDLE);
    expect(run(follow('ewa'), { type: 'group', follow: null, selfId: 'anna' }).state).toEqual(IDLE);
    expect(run({ ...follow('anna') }).state).toEqual(IDLE);
  });

  it('a participant cannot stop the group’s follow, only step away from it', () => {
    expect(run(follow('ewa'), { type: 'stop' }).state.mode).toBe('away');
  });

  it('a new leader takes everyone along again', () => {
    const { state, effects } = run(follow('ewa'), { type: 'user-camera' }, follow('jan'));
    expect(state).toMatchObject({ mode: 'following', leader: { id: 'jan' } });
    expect(effects.at(-1)).toBe('move');
  });
});

describe('following a person from the list', () => {
  const jan = { type: 'follow-person' as const, leader: { id: 'jan', name: 'Jan' }, selfId: 'anna' };

  it('follows and stops', () => {
    expect(run(jan).state).toMatchObject({ mode: 'following', source: 'personal' });
    expect(run(jan, { type: 'stop' }).state).toEqual(IDLE);
    expect(run(jan, { type: 'user-camera' }, { type: 'return' }).effects).toEqual(['move', 'none', 'move']);
  });

  it('is not possible for oneself, and gives way to the group’s follow', () => {
    expect(run({ ...jan, leader: { id: 'anna', name: 'Anna' } }).state).toEqual(IDLE);
    expect(run(follow('ewa'), jan).state).toMatchObject({ source: 'group', leader: { id: 'ewa' } });
    expect(run(jan, follow('ewa')).state).toMatchObject({ source: 'group' });
    // The group's follow ending does not end a personal one.
    expect(run(jan, follow('ewa', false)).state).toMatchObject({ source: 'personal' });
  });
});
