import { describe, expect, it } from 'vitest';
import { STOPPED_TIMER } from '@empiria/shared';
import { formatClock, justElapsed, parseTimerLength, timerView } from './timer-view';

describe('timer view', () => {
  const running = { status: 'running', endsAt: 300_000, durationMs: 300_000 } as const;

  it('shows the time left rounded up, from the server clock', () => {
    expect(timerView(running, 0)).toMatchObject({ phase: 'running', label: '5:00', urgent: false, share: 1 });
    expect(timerView(running, 1).label).toBe('5:00');
    expect(timerView(running, 1000).label).toBe('4:59');
    expect(timerView(running, 240_500)).toMatchObject({ label: '1:00', urgent: true });
    expect(timerView(running, 299_001).label).toBe('0:01');
  });

  it('reads as elapsed at zero, paused as paused, stopped as stopped', () => {
    expect(timerView(running, 300_000)).toMatchObject({ phase: 'elapsed', label: '0:00', urgent: false });
    expect(timerView(running, 999_999).remainingMs).toBe(0);
    const paused = { status: 'paused', remainingMs: 61_000, durationMs: 120_000 } as const;
    expect(timerView(paused, 1e12)).toMatchObject({ phase: 'paused', label: '1:01', urgent: false });
    expect(timerView(STOPPED_TIMER, 0).phase).toBe('stopped');
  });

  it('formats hours when a timer is that long', () => {
    expect(formatClock(3_723_000)).toBe('1:02:03');
    expect(formatClock(-5)).toBe('0:00');
  });

  it('rings only when it runs out while watched', () => {
    const before = timerView(running, 299_500);
    const after = timerView(running, 300_100);
    expect(justElapsed(before, after)).toBe(true);
    expect(justElapsed(null, after)).toBe(false);
    expect(justElapsed(after, after)).toBe(false);
  });
});

describe('parseTimerLength', () => {
  it('reads minutes, minutes:seconds, decimals and seconds', () => {
    expect(parseTimerLength('7')).toBe(420);
    expect(parseTimerLength(' 7 min ')).toBe(420);
    expect(parseTimerLength('7:30')).toBe(450);
    expect(parseTimerLength('2,5')).toBe(150);
    expect(parseTimerLength('2.5')).toBe(150);
    expect(parseTimerLength('90s')).toBe(90);
    expect(parseTimerLength('240')).toBe(14_400);
  });
  it('refuses what is not a length the timer takes', () => {
    for (const bad of ['', 'abc', '0', '7:75', '241', '-3', '1:2'])
      expect(parseTimerLength(bad), bad).toBeNull();
  });
});
