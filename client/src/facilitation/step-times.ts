import type { ControlStep } from '@empiria/shared';

/**
 * Planned against actual time per step, from the group's moves: the control document's step log
 * (every move, shared) and the moves this device has seen, as a list of visits, one per move, each
 * ending where the next begins.
 */
export interface StepVisit {
  stepId: string;
  startedAt: number;
  /** Null for the visit going on now. */
  endedAt: number | null;
}

const MAX_VISITS = 200;

/**
 * The visits after the control document named `step` as the current one. A step already
 * recorded (same id and start) changes nothing; a new one closes the open visit where it starts.
 */
export function recordVisit(visits: readonly StepVisit[], step: ControlStep | null): StepVisit[] {
  if (!step) return [...visits];
  if (visits.some((visit) => visit.stepId === step.id && visit.startedAt === step.startedAt))
    return [...visits];
  // The visits form one timeline: each ends where the next begins, the latest is going on now.
  // A move older than the last one recorded (two leads moving at once) still lands in order.
  const sorted = [...visits, { stepId: step.id, startedAt: step.startedAt, endedAt: null }].sort(
    (a, b) => a.startedAt - b.startedAt,
  );
  const next = sorted.map((visit, i) => ({ ...visit, endedAt: sorted[i + 1]?.startedAt ?? null }));
  return next.slice(-MAX_VISITS);
}

export interface StepTime {
  stepId: string;
  plannedMs: number;
  /** Time spent on the step so far; null when this device never saw the group on it. */
  actualMs: number | null;
  /** Actual beyond planned. */
  over: boolean;
}

/** Planned and actual time of each step, the current visit counted up to `now`. */
export function stepTimes(
  steps: readonly { id: string; minutes: number }[],
  visits: readonly StepVisit[],
  now: number,
): StepTime[] {
  return steps.map((step) => {
    const mine = visits.filter((visit) => visit.stepId === step.id);
    const actualMs =
      mine.length === 0
        ? null
        : mine.reduce((sum, visit) => sum + Math.max(0, (visit.endedAt ?? now) - visit.startedAt), 0);
    const plannedMs = step.minutes * 60_000;
    return { stepId: step.id, plannedMs, actualMs, over: actualMs !== null && actualMs > plannedMs };
  });
}

/** "12 min", "1 min", "0 min": actual time as the agenda shows it, rounded down. */
export function wholeMinutes(ms: number): number {
  return Math.max(0, Math.floor(ms / 60_000));
}

/** Reads stored visits defensively (localStorage may hold anything). */
export function parseVisits(raw: string | null): StepVisit[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (v): v is StepVisit =>
        typeof v === 'object' &&
        v !== null &&
        typeof (v as StepVisit).stepId === 'string' &&
        typeof (v as StepVisit).startedAt === 'number' &&
        ((v as StepVisit).endedAt === null || typeof (v as StepVisit).endedAt === 'number'),
    );
  } catch {
    return [];
  }
}
