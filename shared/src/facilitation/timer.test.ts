import { describe, expect, it } from 'vitest';
import { applyTimerAction, STOPPED_TIMER, timerElapsed, timerRemainingMs, type TimerState } from './timer';

const run = (state: TimerState, ...steps: [Parameters<typeof applyTimerAction>[1], number][]) =>
  steps.reduce<TimerState>((current, [action, now]) => {
    const result = applyTimerAction(current, action, now);
    if (!result.ok) throw new Error(result.reason);
    return result.state;
  }, state);

describe('timer', () => {
  it('counts down from a server-stamped end', () => {
    const state = run(STOPPED_TIMER, [{ action: 'start', seconds: 300 }, 1_000]);
    expect(state).toEqual({ status: 'running', endsAt: 301_000, durationMs: 300_000 });
    expect(timerRemainingMs(state, 61_000)).toBe(240_000);
    expect(timerElapsed(state, 300_999)).toBe(false);
    expect(timerElapsed(state, 301_000)).toBe(true);
    expect(timerRemainingMs(state, 999_999)).toBe(0);
  });

  it('pauses, resumes where it was, and adds a minute', () => {
    const paused = run(STOPPED_TIMER, [{ action: 'start', seconds: 120 }, 0], [{ action: 'pause' }, 30_000]);
    expect(paused).toEqual({ status: 'paused', remainingMs: 90_000, durationMs: 120_000 });
    expect(timerRemainingMs(paused, 1e9)).toBe(90_000);
    const resumed = run(paused, [{ action: 'resume' }, 100_000], [{ action: 'add', seconds: 60 }, 110_000]);
    expect(resumed).toEqual({ status: 'running', endsAt: 250_000, durationMs: 180_000 });
    expect(run(resumed, [{ action: 'stop' }, 120_000])).toEqual(STOPPED_TIMER);
  });

  it('refuses what does not apply', () => {
    expect(applyTimerAction(STOPPED_TIMER, { action: 'pause' }, 0).ok).toBe(false);
    expect(applyTimerAction(STOPPED_TIMER, { action: 'resume' }, 0).ok).toBe(false);
    expect(applyTimerAction(STOPPED_TIMER, { action: 'add', seconds: 60 }, 0).ok).toBe(false);
    const long = run(STOPPED_TIMER, [{ action: 'start', seconds: 4 * 3600 }, 0]);
    expect(applyTimerAction(long, { action: 'add', seconds: 60 }, 0)).toMatchObject({ ok: false });
  });
});
