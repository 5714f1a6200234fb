import type { ControlStep, VotingState } from '@empiria/shared';

/** How long "the vote is closed, the results are on the sheet" stays up after the close. */
export const VOTE_CLOSED_NOTICE_MS = 20_000;

/**
 * Until when the closed-vote banner is shown, or null when it is not: it announces the moment
 * the vote closed, so it ends after a short while, and at once when the group moves to another
 * step (the results stay on the sheet; the banner does not follow the group).
 */
export function voteClosedNoticeUntil(
  voting: VotingState | null,
  step: Pick<ControlStep, 'id' | 'startedAt'> | null,
  now: number,
): number | null {
  if (voting?.status !== 'closed' || voting.closedAt === null) return null;
  const stepId = voting.settings.stepId;
  if (step && (step.startedAt > voting.closedAt || (stepId !== null && step.id !== stepId))) return null;
  const until = voting.closedAt + VOTE_CLOSED_NOTICE_MS;
  return now < until ? until : null;
}
