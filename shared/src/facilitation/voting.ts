import { z } from 'zod';

/**
 * Dot voting. Settings are chosen by the facilitator when opening a vote; ballots go through the
 * HTTP API (a vote must not be forgeable) and the server checks them with `checkBallot`; the public
 * state the server writes into the control document is `VotingState`.
 */
export const shapeIdSchema = z.string().regex(/^shape:[A-Za-z0-9_:.-]{1,120}$/, 'not a shape id');

export const voteSettingsSchema = z.object({
  /** The step whose notes or clusters are voted on (null on a blank board). */
  stepId: z.string().min(1).nullable().default(null),
  /** The notes or clusters that can receive votes. */
  targets: z.array(shapeIdSchema).min(1).max(500),
  votesPerPerson: z.number().int().min(1).max(20).default(3),
  /** Whether one person may put several of their dots on one item. */
  multiplePerItem: z.boolean().default(false),
  /** Anonymous: totals only. Named: who voted for what, once results show. */
  anonymous: z.boolean().default(true),
  /** `live`: totals visible while voting; `closed`: hidden until the vote closes. */
  results: z.enum(['live', 'closed']).default('closed'),
});
export type VoteSettings = z.infer<typeof voteSettingsSchema>;
export type VoteSettingsInput = z.input<typeof voteSettingsSchema>;

export const voterSchema = z.object({ id: z.string(), name: z.string(), city: z.string() });
export type Voter = z.infer<typeof voterSchema>;

export const rankingEntrySchema = z.object({
  targetId: shapeIdSchema,
  votes: z.number().int().min(0),
  /** 1-based; equal totals share a place. */
  place: z.number().int().min(1),
  voters: z.array(voterSchema).optional(),
});
export type RankingEntry = z.infer<typeof rankingEntrySchema>;

/** What everyone sees of the current or last vote (control document key `voting`). */
export const votingStateSchema = z.object({
  sessionId: z.string(),
  settings: voteSettingsSchema,
  status: z.enum(['open', 'closed']),
  openedAt: z.number(),
  closedAt: z.number().nullable(),
  /** How many people have placed at least one dot. */
  voterCount: z.number().int().min(0),
  /** Present when results may be shown (live, or closed). */
  ranking: z.array(rankingEntrySchema).nullable(),
});
export type VotingState = z.infer<typeof votingStateSchema>;

export interface Ballot {
  voterId: string;
  targetId: string;
}

export type BallotCheck =
  | { ok: true }
  | { ok: false; code: 'vote_closed' | 'not_a_target' | 'no_votes_left' | 'one_per_item'; message: string };

/** May this voter place one more dot on `targetId`, given every ballot of the session so far? */
export function checkBallot(
  settings: VoteSettings,
  status: 'open' | 'closed',
  ballots: readonly Ballot[],
  voterId: string,
  targetId: string,
): BallotCheck {
  if (status !== 'open') return { ok: false, code: 'vote_closed', message: 'This vote is closed.' };
  if (!settings.targets.includes(targetId)) {
    return { ok: false, code: 'not_a_target', message: 'That item is not part of this vote.' };
  }
  const mine = ballots.filter((ballot) => ballot.voterId === voterId);
  if (mine.length >= settings.votesPerPerson) {
    return {
      ok: false,
      code: 'no_votes_left',
      message: `You have used all ${settings.votesPerPerson} of your votes.`,
    };
  }
  if (!settings.multiplePerItem && mine.some((ballot) => ballot.targetId === targetId)) {
    return { ok: false, code: 'one_per_item', message: 'One vote per item in this vote.' };
  }
  return { ok: true };
}

/**
 * The ballots that count ([I4]): each dot speaks for the person its voter stands for now — an
 * alias's dots are its person's, a removed person's count for nobody — and each person's dots,
 * in the order they were cast, are held to the vote's rules as if one device had cast them all:
 * at most `votesPerPerson`, and one per item unless the facilitator allowed more. So a human who
 * joined from two devices and was merged votes once.
 */
export function countedBallots<T extends Ballot & { voter?: Voter }>(
  settings: VoteSettings,
  ballots: readonly T[],
  resolve: (voterId: string) => Voter | null,
): T[] {
  const kept: T[] = [];
  const perVoter = new Map<string, string[]>();
  for (const ballot of ballots) {
    const voter = resolve(ballot.voterId);
    if (!voter) continue;
    const targets = perVoter.get(voter.id) ?? [];
    if (targets.length >= settings.votesPerPerson) continue;
    if (!settings.multiplePerItem && targets.includes(ballot.targetId)) continue;
    targets.push(ballot.targetId);
    perVoter.set(voter.id, targets);
    kept.push({ ...ballot, voterId: voter.id, ...(ballot.voter ? { voter } : {}) });
  }
  return kept;
}

/**
 * Totals per target, most votes first; ties keep the order of `targets` (the order on the sheet)
 * and share a place. Named votes list their voters.
 */
export function rankTargets(
  settings: VoteSettings,
  ballots: readonly (Ballot & { voter?: Voter })[],
): RankingEntry[] {
  const totals = new Map<string, number>(settings.targets.map((target) => [target, 0]));
  const voters = new Map<string, Voter[]>();
  for (const ballot of ballots) {
    if (!totals.has(ballot.targetId)) continue;
    totals.set(ballot.targetId, (totals.get(ballot.targetId) ?? 0) + 1);
    if (ballot.voter) voters.set(ballot.targetId, [...(voters.get(ballot.targetId) ?? []), ballot.voter]);
  }
  const sorted = [...totals.entries()]
    .map(([targetId, votes], order) => ({ targetId, votes, order }))
    .sort((a, b) => b.votes - a.votes || a.order - b.order);
  let place = 0;
  let previous: number | null = null;
  return sorted.map((entry, i) => {
    if (entry.votes !== previous) place = i + 1;
    previous = entry.votes;
    const result: RankingEntry = { targetId: entry.targetId, votes: entry.votes, place };
    if (!settings.anonymous) result.voters = voters.get(entry.targetId) ?? [];
    return result;
  });
}

/** A voter's own view: what they placed and how many dots are left. */
export const myBallotsSchema = z.object({
  sessionId: z.string(),
  used: z.number().int().min(0),
  remaining: z.number().int().min(0),
  byTarget: z.record(z.string(), z.number().int().min(1)),
});
export type MyBallots = z.infer<typeof myBallotsSchema>;
