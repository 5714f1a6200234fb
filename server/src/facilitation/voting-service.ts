import {
  checkBallot,
  rankTargets,
  voteSettingsSchema,
  type MyBallots,
  type VoteSettingsInput,
  type Voter,
  type VotingState,
} from '@empiria/shared';
import { newId } from '../boards/board-service';
import { HttpError } from '../http/http-error';
import type { ControlWriter } from './control-writer';
import type { SqliteVoteStore, StoredBallot, VoteSession } from './vote-store';

/**
 * Dot voting as the server runs it: one voter per session token (the person id), the limit and
 * the one-dot-per-item rule checked in the same transaction that stores the dot, results hidden
 * until the vote closes unless the facilitator chose live results. What everyone sees is written
 * into the control document after every change.
 */
export class VotingService {
  readonly #store: SqliteVoteStore;
  readonly #control: ControlWriter;

  constructor(store: SqliteVoteStore, control: ControlWriter) {
    this.#store = store;
    this.#control = control;
  }

  async open(boardId: string, input: VoteSettingsInput, now = Date.now()): Promise<VotingState> {
    const settings = voteSettingsSchema.parse(input);
    const session = this.#store.transaction(() => {
      if (this.#store.openSession(boardId)) {
        throw new HttpError(
          409,
          'vote_already_open',
          'A vote is already open on this board; close it first.',
        );
      }
      return this.#store.open({ id: newId(9), boardId, settings, openedAt: now });
    });
    return this.#publish(session, []);
  }

  async cast(
    boardId: string,
    sessionId: string,
    voter: Voter,
    targetId: string,
    now = Date.now(),
  ): Promise<MyBallots> {
    const { session, ballots } = this.#store.transaction(() => {
      const session = this.#session(boardId, sessionId);
      const before = this.#store.ballots(sessionId);
      const check = checkBallot(session.settings, session.status, before, voter.id, targetId);
      if (!check.ok)
        throw new HttpError(check.code === 'not_a_target' ? 400 : 409, check.code, check.message);
      this.#store.cast(sessionId, voter, targetId, now);
      return { session, ballots: this.#store.ballots(sessionId) };
    });
    await this.#publish(session, ballots);
    return mine(session, ballots, voter.id);
  }

  async withdraw(boardId: string, sessionId: string, voterId: string, targetId: string): Promise<MyBallots> {
    const { session, ballots } = this.#store.transaction(() => {
      const session = this.#session(boardId, sessionId);
      if (session.status !== 'open') throw new HttpError(409, 'vote_closed', 'This vote is closed.');
      if (!this.#store.withdraw(sessionId, voterId, targetId)) {
        throw new HttpError(409, 'no_vote_to_remove', 'You have no vote on that item.');
      }
      return { session, ballots: this.#store.ballots(sessionId) };
    });
    await this.#publish(session, ballots);
    return mine(session, ballots, voterId);
  }

  mine(boardId: string, sessionId: string, voterId: string): MyBallots {
    const session = this.#session(boardId, sessionId);
    return mine(session, this.#store.ballots(sessionId), voterId);
  }

  async close(boardId: string, sessionId: string, now = Date.now()): Promise<VotingState> {
    const { session, ballots } = this.#store.transaction(() => {
      const open = this.#session(boardId, sessionId);
      if (open.status !== 'open') throw new HttpError(409, 'vote_closed', 'This vote is already closed.');
      this.#store.close(sessionId, now);
      const session: VoteSession = { ...open, status: 'closed', closedAt: now };
      return { session, ballots: this.#store.ballots(sessionId) };
    });
    return this.#publish(session, ballots);
  }

  #session(boardId: string, sessionId: string): VoteSession {
    const session = this.#store.get(boardId, sessionId);
    if (!session) throw new HttpError(404, 'not_found', 'No such vote on this board.');
    return session;
  }

  #publish(session: VoteSession, ballots: StoredBallot[]): Promise<VotingState> {
    return this.#control.update(session.boardId, 'voting', () => publicState(session, ballots));
  }
}

function publicState(session: VoteSession, ballots: StoredBallot[]): VotingState {
  const visible = session.status === 'closed' || session.settings.results === 'live';
  return {
    sessionId: session.id,
    settings: session.settings,
    status: session.status,
    openedAt: session.openedAt,
    closedAt: session.closedAt,
    voterCount: new Set(ballots.map((ballot) => ballot.voterId)).size,
    ranking: visible ? rankTargets(session.settings, ballots) : null,
  };
}

function mine(session: VoteSession, ballots: StoredBallot[], voterId: string): MyBallots {
  const byTarget: Record<string, number> = {};
  let used = 0;
  for (const ballot of ballots) {
    if (ballot.voterId !== voterId) continue;
    used++;
    byTarget[ballot.targetId] = (byTarget[ballot.targetId] ?? 0) + 1;
  }
  return {
    sessionId: session.id,
    used,
    remaining: Math.max(0, session.settings.votesPerPerson - used),
    byTarget,
  };
}
