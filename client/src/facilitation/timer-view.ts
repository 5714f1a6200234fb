import { MAX_TIMER_MS, timerRemainingMs } from '@empiria/shared';
import type { TimerState } from '@empiria/shared';

/** The lengths the facilitator picks with one click, in minutes. */
export const TIMER_PRESETS = [1, 3, 5, 10, 15] as const;

/** The last minute is shown as urgent. */
export const URGENT_MS = 60_000;

export type TimerPhase = 'stopped' | 'running' | 'paused' | 'elapsed';

export interface TimerView {
  phase: TimerPhase;
  remainingMs: number;
  /** "4:59", "12:00", "1:02:03": what the screens show. */
  label: string;
  /** Less than a minute left on a running timer. */
  urgent: boolean;
  /** 0…1 of the planned length still left (for a progress ring or bar). */
  share: number;
}

/** What a timer shows at `serverNow` (the local clock corrected by the offset to the server). */
export function timerView(state: TimerState, serverNow: number): TimerView {
  if (state.status === 'stopped') {
    return { phase: 'stopped', remainingMs: 0, label: formatClock(0), urgent: false, share: 0 };
  }
  const remainingMs = timerRemainingMs(state, serverNow);
  const phase: TimerPhase = state.status === 'paused' ? 'paused' : remainingMs <= 0 ? 'elapsed' : 'running';
  return {
    phase,
    remainingMs,
    label: formatClock(remainingMs),
    urgent: phase === 'running' && remainingMs <= URGENT_MS,
    share: Math.min(1, Math.max(0, remainingMs / state.durationMs)),
  };
}

/**
 * Minutes and seconds, rounded up: a timer showing "0:00" has run out, and one started for five
 * minutes shows "5:00" first, not "4:59".
 */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${ss}`;
  return `${minutes}:${ss}`;
}

/**
 * A length typed by the facilitator, in seconds: "7" (minutes), "7:30", "7,5" or "7.5" (minutes),
 * "90s". Null when it is not a length the timer accepts (up to 4 hours).
 */
export function parseTimerLength(input: string): number | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, '');
  if (text === '') return null;
  let seconds: number | null = null;
  let match: RegExpMatchArray | null;
  if ((match = text.match(/^(\d{1,3}):([0-5]\d)$/))) {
    seconds = Number(match[1]) * 60 + Number(match[2]);
  } else if ((match = text.match(/^(\d{1,5})s(ek|ec)?$/))) {
    seconds = Number(match[1]);
  } else if ((match = text.match(/^(\d{1,3})([.,]\d+)?(min|m)?$/))) {
    seconds = Math.round(Number(`${match[1]}${(match[2] ?? '').replace(',', '.')}`) * 60);
  }
  if (seconds === null || !Number.isFinite(seconds) || seconds < 1 || seconds * 1000 > MAX_TIMER_MS)
    return null;
  return seconds;
}

/**
 * Whether the timer has just run out on this screen: it was running with time left at the
 * previous tick and has none now. A timer that ran out long before the page opened does not ring.
 */
export function justElapsed(previous: TimerView | null, current: TimerView): boolean {
  return previous !== null && previous.phase === 'running' && current.phase === 'elapsed';
}
