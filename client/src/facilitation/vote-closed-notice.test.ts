import { describe, expect, it } from 'vitest';
import type { VotingState } from '@empiria/shared';
import { VOTE_CLOSED_NOTICE_MS, voteClosedNoticeUntil } from './vote-closed-notice';

const closed = (closedAt: number): VotingState => ({
  sessionId: 's1',
  settings: { stepId: 'barriers', targets: ['shape:a'], votesPerPerson: 3 } as VotingState['settings'],
  status: 'closed',
  openedAt: closedAt - 60_000,
  closedAt,
  voterCount: 2,
  ranking: [],
});

describe('the closed-vote banner ends with what it announces', () => {
  it('shows right after the close, until a fixed moment', () => {
    expect(voteClosedNoticeUntil(closed(1000), { id: 'barriers', startedAt: 0 }, 1500)).toBe(
      1000 + VOTE_CLOSED_NOTICE_MS,
    );
  });
  it('is gone when its time is up', () => {
    expect(
      voteClosedNoticeUntil(closed(1000), { id: 'barriers', startedAt: 0 }, 1000 + VOTE_CLOSED_NOTICE_MS),
    ).toBeNull();
  });
  it('is gone at once when the group moves to the next step', () => {
    expect(voteClosedNoticeUntil(closed(1000), { id: 'solutions', startedAt: 2000 }, 2500)).toBeNull();
  });
  it('is not shown for an open vote or none', () => {
    expect(voteClosedNoticeUntil({ ...closed(1000), status: 'open', closedAt: null }, null, 1500)).toBeNull();
    expect(voteClosedNoticeUntil(null, null, 1500)).toBeNull();
  });
});
