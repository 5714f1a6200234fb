import { z } from 'zod';

/**
 * The meeting timer. Its state lives in the control document and is written only by the server
 * (from the facilitator's HTTP request), with the server's clock: everyone computes the time left
 * from the same `endsAt`, corrected by their own offset to the server clock, so all screens agree
 * within the network's latency and a reload changes nothing.
 */
export const MAX_TIMER_MS = 4 * 60 * 60 * 1000;

export const timerStateSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('running'),
    /** Server clock, ms since epoch. */
    endsAt: z.number(),
    durationMs: z.number().int().positive(),
  }),
  z.object({
    status: z.literal('paused'),
    remainingMs: z.number().int().min(0),
    durationMs: z.number().int().positive(),
  }),
  z.object({ status: z.literal('stopped') }),
]);
export type TimerState = z.infer<typeof timerStateSchema>;

const seconds = z
  .number()
  .int()
  .min(1)
  .max(MAX_TIMER_MS / 1000);

export const timerActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start'), seconds }),
  z.object({ action: z.literal('pause') }),
  z.object({ action: z.literal('resume') }),
  z.object({ action: z.literal('add'), seconds }),
  z.object({ action: z.literal('stop') }),
]);
export type TimerAction = z.infer<typeof timerActionSchema>;

export const STOPPED_TIMER: TimerState = { status: 'stopped' };

export type TimerResult = { ok: true; state: TimerState } | { ok: false; reason: string };

/** The next state, or why the action does not apply (pausing a stopped timer…). */
export function applyTimerAction(state: TimerState, action: TimerAction, now: number): TimerResult {
  switch (action.action) {
    case 'start': {
      const durationMs = action.seconds * 1000;
      return { ok: true, state: { status: 'running', endsAt: now + durationMs, durationMs } };
    }
    case 'pause':
      if (state.status !== 'running') return { ok: false, reason: 'The timer is not running.' };
      return {
        ok: true,
        state: {
          status: 'paused',
          remainingMs: Math.max(0, state.endsAt - now),
          durationMs: state.durationMs,
        },
      };
    case 'resume':
      if (state.status !== 'paused') return { ok: false, reason: 'The timer is not paused.' };
      return {
        ok: true,
        state: { status: 'running', endsAt: now + state.remainingMs, durationMs: state.durationMs },
      };
    case 'add': {
      const extra = action.seconds * 1000;
      if (state.status === 'running') {
        const remaining = Math.max(0, state.endsAt - now) + extra;
        if (remaining > MAX_TIMER_MS)
          return { ok: false, reason: 'The timer would run longer than 4 hours.' };
        return {
          ok: true,
          state: { status: 'running', endsAt: now + remaining, durationMs: state.durationMs + extra },
        };
      }
      if (state.status === 'paused') {
        const remaining = state.remainingMs + extra;
        if (remaining > MAX_TIMER_MS)
          return { ok: false, reason: 'The timer would run longer than 4 hours.' };
        return {
          ok: true,
          state: { status: 'paused', remainingMs: remaining, durationMs: state.durationMs + extra },
        };
      }
      return { ok: false, reason: 'The timer is not running.' };
    }
    case 'stop':
      return { ok: true, state: STOPPED_TIMER };
  }
}

/** Milliseconds left at `now` (server clock); 0 once it has run out. */
export function timerRemainingMs(state: TimerState, now: number): number {
  if (state.status === 'running') return Math.max(0, state.endsAt - now);
  if (state.status === 'paused') return state.remainingMs;
  return 0;
}

/** True once a running timer has reached zero: the moment for the signal. */
export function timerElapsed(state: TimerState, now: number): boolean {
  return state.status === 'running' && state.endsAt <= now;
}
