import {
  checkBallot,
  countedBallots,
  rankTargets,
  voteSettingsSchema,
  type MyBallots,
  type VoteSettingsInput,
  type Voter,
  type VotingState,
} from '@empiria/shared';
import { newId } from '../ids';
import { DomainError } from '../domain-error';
import type { ControlWriter } from './control-writer';
import type { SqliteVoteStore, StoredBallot, VoteSession } from './vote-store';

/** Whom a voter id stands for now ([I4]); see PeopleService. */
export interface VoterDirectory {
  voterResolver(boardId: string): (personId: string) => Voter | null;
}

/**
 * Dot voting as the server runs it: one voter per person (a merged alias votes as its person,
 * a removed person's dots count for nobody — [I4]), the limit and the one-dot-per-item rule
 * checked in the same transaction that stores the dot, results hidden until the vote closes
 * unless the facilitator chose live results. What everyone sees is written into the control
 * document after every change, and again when the facilitator merges or removes someone.
 */
export class VotingService {
  readonly #store: SqliteVoteStore;
  readonly #control: ControlWriter;
  readonly #people: VoterDirectory;

  constructor(store: SqliteVoteStore, control: ControlWriter, people: VoterDirectory) {
    this.#store = store;
    this.#control = control;
    this.#people = people;
  }

  async open(boardId: string, input: VoteSettingsInput, now = Date.now()): Promise<VotingState> {
    const settings = voteSettingsSchema.parse(input);
    const session = this.#store.transaction(() => {
      if (this.#store.openSession(boardId)) {
        throw new DomainError(
          'conflict',
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
    const { session, ballots, person } = this.#store.transaction(() => {
      const session = this.#session(boardId, sessionId);
      const resolve = this.#people.voterResolver(boardId);
      const person = resolve(voter.id) ?? voter;
      const before = countedBallots(session.settings, this.#store.ballots(sessionId), resolve);
      const check = checkBallot(session.settings, session.status, before, person.id, targetId);
      if (!check.ok)
        throw new DomainError(
          check.code === 'not_a_target' ? 'invalid' : 'conflict',
          check.code,
          check.message,
        );
      this.#store.cast(sessionId, person, targetId, now);
      return { session, ballots: this.#counted(session), person };
    });
    await this.#publish(session, ballots);
    return mine(session, ballots, person.id);
  }

  /**
   * Takes back one of the person's dots on the target. Dots a merge made redundant (the alias's
   * and the person's on one item) go with it, so the count the person sees always drops by one.
   */
  async withdraw(boardId: string, sessionId: string, voterId: string, targetId: string): Promise<MyBallots> {
    const { session, ballots, person } = this.#store.transaction(() => {
      const session = this.#session(boardId, sessionId);
      if (session.status !== 'open') throw new DomainError('conflict', 'vote_closed', 'This vote is closed.');
      const resolve = this.#people.voterResolver(boardId);
      const person = resolve(voterId)?.id ?? voterId;
      const ids = [...new Set(this.#store.ballots(sessionId).map((b) => b.voterId))].filter(
        (id) => id === person || resolve(id)?.id === person,
      );
      const onTarget = () =>
        this.#counted(session).filter((b) => b.voterId === person && b.targetId === targetId).length;
      const before = onTarget();
      if (before === 0)
        throw new DomainError('conflict', 'no_vote_to_remove', 'You have no vote on that item.');
      while (onTarget() >= before && this.#store.withdraw(sessionId, ids, targetId)) {
        // one stored dot at a time, until the person's counted dots on the item drop
      }
      return { session, ballots: this.#counted(session), person };
    });
    await this.#publish(session, ballots);
    return mine(session, ballots, person);
  }

  mine(boardId: string, sessionId: string, voterId: string): MyBallots {
    const session = this.#session(boardId, sessionId);
    const person = this.#people.voterResolver(boardId)(voterId)?.id ?? voterId;
    return mine(session, this.#counted(session), person);
  }

  /**
   * Publishes the board's current or last vote again, counted as the people stand now: after a
   * merge or a removal ([I4]). A closed vote's ranking changes too — it is what the note drafts.
   */
  async recount(boardId: string): Promise<VotingState | null> {
    const session = this.#store.latest(boardId);
    return session ? this.#publish(session, this.#counted(session)) : null;
  }

  async close(boardId: string, sessionId: string, now = Date.now()): Promise<VotingState> {
    const { session, ballots } = this.#store.transaction(() => {
      const open = this.#session(boardId, sessionId);
      if (open.status !== 'open')
        throw new DomainError('conflict', 'vote_closed', 'This vote is already closed.');
      this.#store.close(sessionId, now);
      const session: VoteSession = { ...open, status: 'closed', closedAt: now };
      return { session, ballots: this.#counted(session) };
    });
    return this.#publish(session, ballots);
  }

  /** The session's dots that count ([I4]). */
  #counted(session: VoteSession): StoredBallot[] {
    return countedBallots(
      session.settings,
      this.#store.ballots(session.id),
      this.#people.voterResolver(session.boardId),
    );
  }

  #session(boardId: string, sessionId: string): VoteSession {
    const session = this.#store.get(boardId, sessionId);
    if (!session) throw new DomainError('not_found', 'not_found', 'No such vote on this board.');
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
