import type { MyBallots, RankingEntry, VotingState } from '@empiria/shared';

/** What one vote target shows on the sheet. */
export interface TargetBadge {
  targetId: string;
  /** This person's dots on it. */
  mine: number;
  /** Everyone's dots: when results are visible (live, or the vote closed); null otherwise. */
  total: number | null;
  /** Place in the ranking once the vote is closed; null while it is open. */
  place: number | null;
  /** Names, in a named vote whose results show. */
  voters: { name: string; city: string }[];
}

/**
 * The overlay of a vote: for each target, this person's dots, and the totals and places when
 * the facilitator's settings let them show. `mine` is ignored when it belongs to another vote.
 */
export function targetBadges(voting: VotingState | null, mine: MyBallots | null): TargetBadge[] {
  if (!voting) return [];
  const ranking = new Map<string, RankingEntry>(
    (voting.ranking ?? []).map((entry) => [entry.targetId, entry]),
  );
  const own = mine && mine.sessionId === voting.sessionId ? mine.byTarget : {};
  return voting.settings.targets.map((targetId) => {
    const entry = ranking.get(targetId);
    return {
      targetId,
      mine: voting.status === 'open' ? (own[targetId] ?? 0) : 0,
      total: voting.ranking ? (entry?.votes ?? 0) : null,
      place: voting.status === 'closed' && entry ? entry.place : null,
      voters: (entry?.voters ?? []).map(({ name, city }) => ({ name, city })),
    };
  });
}

/** Votes left for this person in the open vote (all of them before their first dot). */
export function votesLeft(voting: VotingState | null, mine: MyBallots | null): number {
  if (!voting || voting.status !== 'open') return 0;
  if (!mine || mine.sessionId !== voting.sessionId) return voting.settings.votesPerPerson;
  return mine.remaining;
}

/** What a click on a target does: place a dot, or take one of one's own dots back. */
export type VoteClick = { kind: 'cast' } | { kind: 'withdraw' } | { kind: 'none'; reason: VoteRefusal };

export type VoteRefusal = 'closed' | 'no_votes_left' | 'one_per_item' | 'not_a_target';

/**
 * A click on a target's body places a dot; a click on one of one's own dots takes it back.
 * Refusals the client can foresee are answered at once (the server checks again anyway).
 */
export function voteClick(
  voting: VotingState | null,
  mine: MyBallots | null,
  targetId: string,
  onOwnDot: boolean,
): VoteClick {
  if (!voting || voting.status !== 'open') return { kind: 'none', reason: 'closed' };
  if (!voting.settings.targets.includes(targetId)) return { kind: 'none', reason: 'not_a_target' };
  const own = mine && mine.sessionId === voting.sessionId ? (mine.byTarget[targetId] ?? 0) : 0;
  if (onOwnDot && own > 0) return { kind: 'withdraw' };
  if (votesLeft(voting, mine) <= 0) return { kind: 'none', reason: 'no_votes_left' };
  if (!voting.settings.multiplePerItem && own > 0) return { kind: 'none', reason: 'one_per_item' };
  return { kind: 'cast' };
}

/** The message key for a server's refusal of a ballot (docs/api.md), or the generic one. */
export function ballotErrorKey(
  code: string,
):
  | 'vote.error.noVotesLeft'
  | 'vote.error.onePerItem'
  | 'vote.error.closed'
  | 'vote.error.notATarget'
  | 'vote.error.network'
  | 'vote.error.generic' {
  switch (code) {
    case 'no_votes_left':
      return 'vote.error.noVotesLeft';
    case 'one_per_item':
      return 'vote.error.onePerItem';
    case 'vote_closed':
    case 'closed':
    case 'no_vote_to_remove':
      return 'vote.error.closed';
    case 'not_a_target':
      return 'vote.error.notATarget';
    case 'network':
      return 'vote.error.network';
    default:
      return 'vote.error.generic';
  }
}

/** A candidate for a vote: a sticky note or a cluster, with its centre in page coordinates. */
export interface VoteCandidate {
  id: string;
  kind: 'note' | 'cluster';
  /** The note sits in a cluster: the cluster is voted on, not the note alone. */
  inCluster: boolean;
  centre: { x: number; y: number };
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * What a vote is on: the selected notes and clusters when some are selected, else every cluster
 * and every note outside a cluster whose centre lies on the current sheet (or anywhere, with no
 * sheet). In the order of the sheet: top to bottom, left to right.
 */
export function pickVoteTargets(
  candidates: readonly VoteCandidate[],
  sheet: Rect | null,
  selectedIds: readonly string[],
): string[] {
  const selected = new Set(selectedIds);
  const chosen = candidates.filter((c) => selected.has(c.id));
  const pool =
    chosen.length > 0
      ? chosen
      : candidates.filter(
          (c) =>
            !c.inCluster &&
            (!sheet ||
              (c.centre.x >= sheet.x &&
                c.centre.x < sheet.x + sheet.w &&
                c.centre.y >= sheet.y &&
                c.centre.y < sheet.y + sheet.h)),
        );
  return [...pool]
    .sort((a, b) => a.centre.y - b.centre.y || a.centre.x - b.centre.x)
    .map((c) => c.id)
    .slice(0, 500);
}
