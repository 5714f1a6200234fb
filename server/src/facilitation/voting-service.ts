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
import type { StoredBallot, VoteSession, VoteStore } from './vote-store';

/**
 * Whom a voter id stands for now ([I4]); see PeopleService. Read before a vote's transaction, not in
 * it: the transaction's work may run again and must query only through its own handle.
 */
export interface VoterDirectory {
  voterResolver(boardId: string): Promise<(personId: string) => Voter | null>;
}

/**
 * Dot voting as the server runs it: one voter per person (a merged alias votes as its person,
 * a removed person's dots count for nobody — [I4]), the limit and the one-dot-per-item rule
 * checked in the same transaction that stores the dot, results hidden until the vote closes
 * unless the facilitator chose live results. What everyone sees is written into the control
 * document after every change, and again when the facilitator merges or removes someone.
 */
export class VotingService {
  readonly #store: VoteStore;
  readonly #control: ControlWriter;
  readonly #people: VoterDirectory;

  constructor(store: VoteStore, control: ControlWriter, people: VoterDirectory) {
    this.#store = store;
    this.#control = control;
    this.#people = people;
  }

  async open(boardId: string, input: VoteSettingsInput, now = Date.now()): Promise<VotingState> {
    const settings = voteSettingsSchema.parse(input);
    const session = await this.#store.transaction(async (store) => {
      if (await store.openSession(boardId)) {
        throw new DomainError(
          'conflict',
          'vote_already_open',
          'A vote is already open on this board; close it first.',
        );
      }
      return store.open({ id: newId(9), boardId, settings, openedAt: now });
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
    const resolve = await this.#people.voterResolver(boardId);
    const { session, ballots, person } = await this.#store.transaction(async (store) => {
      const session = await sessionOf(store, boardId, sessionId);
      const person = resolve(voter.id) ?? voter;
      const before = countedBallots(session.settings, await store.ballots(sessionId), resolve);
      const check = checkBallot(session.settings, session.status, before, person.id, targetId);
      if (!check.ok)
        throw new DomainError(
          check.code === 'not_a_target' ? 'invalid' : 'conflict',
          check.code,
          check.message,
        );
      await store.cast(sessionId, person, targetId, now);
      return { session, ballots: await counted(store, session, resolve), person };
    });
    await this.#publish(session, ballots);
    return mine(session, ballots, person.id);
  }

  /**
   * Takes back one of the person's dots on the target. Dots a merge made redundant (the alias's
   * and the person's on one item) go with it, so the count the person sees always drops by one.
   */
  async withdraw(boardId: string, sessionId: string, voterId: string, targetId: string): Promise<MyBallots> {
    const resolve = await this.#people.voterResolver(boardId);
    const { session, ballots, person } = await this.#store.transaction(async (store) => {
      const session = await sessionOf(store, boardId, sessionId);
      if (session.status !== 'open') throw new DomainError('conflict', 'vote_closed', 'This vote is closed.');
      const person = resolve(voterId)?.id ?? voterId;
      const ids = [...new Set((await store.ballots(sessionId)).map((b) => b.voterId))].filter(
        (id) => id === person || resolve(id)?.id === person,
      );
      const onTarget = async () =>
        (await counted(store, session, resolve)).filter(
          (b) => b.voterId === person && b.targetId === targetId,
        ).length;
      const before = await onTarget();
      if (before === 0)
        throw new DomainError('conflict', 'no_vote_to_remove', 'You have no vote on that item.');
      while ((await onTarget()) >= before && (await store.withdraw(sessionId, ids, targetId))) {
        // one stored dot at a time, until the person's counted dots on the item drop
      }
      return { session, ballots: await counted(store, session, resolve), person };
    });
    await this.#publish(session, ballots);
    return mine(session, ballots, person);
  }

  async mine(boardId: string, sessionId: string, voterId: string): Promise<MyBallots> {
    const session = await sessionOf(this.#store, boardId, sessionId);
    const resolve = await this.#people.voterResolver(boardId);
    const person = resolve(voterId)?.id ?? voterId;
    return mine(session, await counted(this.#store, session, resolve), person);
  }

  /**
   * Publishes the board's current or last vote again, counted as the people stand now: after a
   * merge or a removal ([I4]). A closed vote's ranking changes too — it is what the note drafts.
   */
  async recount(boardId: string): Promise<VotingState | null> {
    const session = await this.#store.latest(boardId);
    if (!session) return null;
    return this.#publish(
      session,
      await counted(this.#store, session, await this.#people.voterResolver(boardId)),
    );
  }

  async close(boardId: string, sessionId: string, now = Date.now()): Promise<VotingState> {
    const resolve = await this.#people.voterResolver(boardId);
    const { session, ballots } = await this.#store.transaction(async (store) => {
      const open = await sessionOf(store, boardId, sessionId);
      if (open.status !== 'open')
        throw new DomainError('conflict', 'vote_closed', 'This vote is already closed.');
      await store.close(sessionId, now);
      const session: VoteSession = { ...open, status: 'closed', closedAt: now };
      return { session, ballots: await counted(store, session, resolve) };
    });
    return this.#publish(session, ballots);
  }

  #publish(session: VoteSession, ballots: StoredBallot[]): Promise<VotingState> {
    return this.#control.update(session.boardId, 'voting', () => publicState(session, ballots));
  }
}

/** The session's dots that count ([I4]). */
async function counted(
  store: VoteStore,
  session: VoteSession,
  resolve: (personId: string) => Voter | null,
): Promise<StoredBallot[]> {
  return countedBallots(session.settings, await store.ballots(session.id), resolve);
}

async function sessionOf(store: VoteStore, boardId: string, sessionId: string): Promise<VoteSession> {
  const session = await store.get(boardId, sessionId);
  if (!session) throw new DomainError('not_found', 'not_found', 'No such vote on this board.');
  return session;
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
