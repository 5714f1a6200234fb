import { describe, expect, it } from 'vitest';
import { voteSettingsSchema } from '@empiria/shared';
import type { MyBallots, VotingState } from '@empiria/shared';
import { ballotErrorKey, pickVoteTargets, targetBadges, voteClick, votesLeft } from './vote-view';

const settings = voteSettingsSchema.parse({ targets: ['shape:a', 'shape:b', 'shape:c'], votesPerPerson: 3 });
const open: VotingState = {
  sessionId: 's1',
  settings,
  status: 'open',
  openedAt: 0,
  closedAt: null,
  voterCount: 1,
  ranking: null,
};
const mine = (byTarget: Record<string, number>, sessionId = 's1'): MyBallots => {
  const used = Object.values(byTarget).reduce((a, b) => a + b, 0);
  return { sessionId, used, remaining: 3 - used, byTarget };
};

describe('vote overlay', () => {
  it('shows my dots and hides totals while results are closed', () => {
    expect(targetBadges(open, mine({ 'shape:b': 1 }))).toEqual([
      { targetId: 'shape:a', mine: 0, total: null, place: null, voters: [] },
      { targetId: 'shape:b', mine: 1, total: null, place: null, voters: [] },
      { targetId: 'shape:c', mine: 0, total: null, place: null, voters: [] },
    ]);
  });

  it('shows live totals, and places once closed', () => {
    const ranking = [
      { targetId: 'shape:c', votes: 2, place: 1 },
      { targetId: 'shape:a', votes: 1, place: 2 },
      { targetId: 'shape:b', votes: 0, place: 3 },
    ];
    const live = targetBadges({ ...open, ranking }, null);
    expect(live.map((b) => [b.total, b.place])).toEqual([
      [1, null],
      [0, null],
      [2, null],
    ]);
    const closed = targetBadges({ ...open, status: 'closed', closedAt: 1, ranking }, mine({ 'shape:a': 1 }));
    expect(closed.map((b) => [b.targetId, b.mine, b.total, b.place])).toEqual([
      ['shape:a', 0, 1, 2],
      ['shape:b', 0, 0, 3],
      ['shape:c', 0, 2, 1],
    ]);
  });

  it('ignores my ballots from another vote', () => {
    expect(targetBadges(open, mine({ 'shape:a': 1 }, 'old'))[0]!.mine).toBe(0);
    expect(votesLeft(open, mine({ 'shape:a': 1 }, 'old'))).toBe(3);
    expect(votesLeft(open, mine({ 'shape:a': 1, 'shape:b': 1 }))).toBe(1);
    expect(votesLeft(null, null)).toBe(0);
  });
});

describe('a click on a target', () => {
  it('casts, withdraws my own dot, or says why not', () => {
    expect(voteClick(open, null, 'shape:a', false)).toEqual({ kind: 'cast' });
    expect(voteClick(open, mine({ 'shape:a': 1 }), 'shape:a', true)).toEqual({ kind: 'withdraw' });
    expect(voteClick(open, mine({ 'shape:a': 1 }), 'shape:a', false)).toEqual({
      kind: 'none',
      reason: 'one_per_item',
    });
    const stacked = { ...open, settings: { ...settings, multiplePerItem: true } };
    expect(voteClick(stacked, mine({ 'shape:a': 1 }), 'shape:a', false)).toEqual({ kind: 'cast' });
    expect(voteClick(open, mine({ 'shape:a': 1, 'shape:b': 1, 'shape:c': 1 }), 'shape:a', false)).toEqual({
      kind: 'none',
      reason: 'no_votes_left',
    });
    expect(voteClick({ ...open, status: 'closed' }, null, 'shape:a', false)).toMatchObject({
      reason: 'closed',
    });
    expect(voteClick(open, null, 'shape:zzz', false)).toMatchObject({ reason: 'not_a_target' });
  });

  it('names the server’s refusals in plain words', () => {
    expect(ballotErrorKey('no_votes_left')).toBe('vote.error.noVotesLeft');
    expect(ballotErrorKey('vote_closed')).toBe('vote.error.closed');
    expect(ballotErrorKey('teapot')).toBe('vote.error.generic');
  });
});

describe('pickVoteTargets', () => {
  const sheet = { x: 0, y: 0, w: 1000, h: 1000 };
  const candidates = [
    { id: 'shape:late', kind: 'note' as const, inCluster: false, centre: { x: 100, y: 900 } },
    { id: 'shape:first', kind: 'note' as const, inCluster: false, centre: { x: 500, y: 100 } },
    { id: 'shape:in', kind: 'note' as const, inCluster: true, centre: { x: 300, y: 300 } },
    { id: 'shape:cluster', kind: 'cluster' as const, inCluster: false, centre: { x: 300, y: 300 } },
    { id: 'shape:away', kind: 'note' as const, inCluster: false, centre: { x: 5000, y: 100 } },
  ];
  it('takes the sheet’s notes and clusters, top to bottom', () => {
    expect(pickVoteTargets(candidates, sheet, [])).toEqual(['shape:first', 'shape:cluster', 'shape:late']);
  });
  it('takes the selection when there is one', () => {
    expect(pickVoteTargets(candidates, sheet, ['shape:away', 'shape:in', 'shape:x'])).toEqual([
      'shape:away',
      'shape:in',
    ]);
  });
  it('takes everything without a sheet', () => {
    expect(pickVoteTargets(candidates, null, [])).toHaveLength(4);
  });
});
