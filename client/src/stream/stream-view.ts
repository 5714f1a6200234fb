import { stepAccess, type ObserverAccess, type StepAccess } from '@empiria/shared';

interface StepLike {
  id: string;
  observers?: StepAccess | undefined;
}

/**
 * What an observer's screen shows (docs/observers.md): the stream of the current step when it is
 * open, else a "closed part" screen naming the next open part. Pure, for the screen and its tests.
 */
export type StreamPhase<S extends StepLike> =
  | { kind: 'not-started'; next: S | null }
  | { kind: 'open'; step: S }
  | { kind: 'closed'; step: S; next: S | null };

export function streamPhase<S extends StepLike>(
  steps: readonly S[],
  currentIndex: number | null,
  access: Readonly<ObserverAccess>,
): StreamPhase<S> {
  const step = currentIndex === null ? undefined : steps[currentIndex];
  const nextOpen = (from: number) =>
    steps.slice(from).find((candidate) => stepAccess(candidate, access) === 'open') ?? null;
  if (!step || currentIndex === null) return { kind: 'not-started', next: nextOpen(0) };
  if (stepAccess(step, access) === 'open') return { kind: 'open', step };
  return { kind: 'closed', step, next: nextOpen(currentIndex + 1) };
}
