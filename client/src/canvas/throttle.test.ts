import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from './throttle';
import type { Timers } from './throttle';

/** vitest's fake clock behind the throttle's timers: time moves only with advanceTimersByTime. */
const fakeTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Throttle', () => {
  it('never runs inside request(), and runs a lone request on the next turn', () => {
    const run = vi.fn();
    const throttle = new Throttle(run, 67, fakeTimers);
    throttle.request();
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs at most once per interval under a request every frame, and once after the last', () => {
    const runs: number[] = [];
    const throttle = new Throttle(() => runs.push(Date.now()), 67, fakeTimers);
    const start = Date.now();
    // Two seconds of requests at 60 Hz: a pan, a cursor in motion.
    for (let frame = 0; frame < 120; frame++) {
      throttle.request();
      vi.advanceTimersByTime(1000 / 60);
    }
    vi.advanceTimersByTime(1000);
    const gaps = runs.slice(1).map((at, i) => at - runs[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(67);
    // ≤ 15 Hz: about 30 runs in two seconds, never more.
    expect(runs.length).toBeLessThanOrEqual(Math.ceil(2000 / 67) + 1);
    expect(runs.length).toBeGreaterThanOrEqual(25);
    // The last request (at ~1983 ms) got its run: nothing asked for is dropped.
    expect(runs.at(-1)! - start).toBeGreaterThanOrEqual(1983);
  });

  it('runs at once again after a quiet interval', () => {
    const run = vi.fn();
    const throttle = new Throttle(run, 67, fakeTimers);
    throttle.request();
    vi.advanceTimersByTime(500);
    throttle.request();
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('merges requests made while a run is due into that run', () => {
    const run = vi.fn();
    const throttle = new Throttle(run, 67, fakeTimers);
    throttle.request();
    vi.advanceTimersByTime(0);
    for (let i = 0; i < 10; i++) throttle.request();
    expect(throttle.pending).toBe(true);
    vi.advanceTimersByTime(66);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(2);
    expect(throttle.pending).toBe(false);
  });

  it('runs nothing once stopped', () => {
    const run = vi.fn();
    const throttle = new Throttle(run, 67, fakeTimers);
    throttle.request();
    throttle.stop();
    throttle.request();
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
  });
});
