import {
  SUMMARY_APPROVAL,
  contentHash,
  countedConsents,
  countedDecisions,
  evaluateApproval,
  isNoteApproverRole,
  isShared,
  roundMembers,
  tookPartInApproval,
  normalizeBlocks,
  readMeetingRecord,
  readSummaryBlocks,
  summaryBody,
  type ApprovalRule,
  type ApprovalState,
  type Decision,
  type ShareConsent,
  type Identity,
  type PersonResolver,
  type SharingInput,
  type Voter,
} from '@empiria/shared';
import { newId } from '../ids';
import { DomainError } from '../domain-error';
import type { RoomRegistry } from '../sync/room-registry';
import type { Eligible, SummaryVersion, VersionStore } from './version-store';

/** Whom a person id stands for now (PeopleService): merged aliases, removed people ([I5], [I6]). */
export interface RoundDirectory {
  voterResolver(boardId: string): Promise<VoterResolver>;
}

type VoterResolver = (personId: string) => Voter | null;

/** A round as it counts now: its members, and the decisions and consents that are theirs. */
interface CountedRound {
  resolve: PersonResolver;
  members: string[];
  eligible: Eligible[];
}

/**
 * The approval round of the summary note. The facilitator freezes the current text (its hash names
 * the version); each city representative present approves once, or objects with a reason (and
 * may later withdraw the objection); the rule decides (shared/src/summary/approval-rules.ts). An
 * approved version is stored as it was frozen, whatever is edited after: a later edit is a new
 * draft that needs its own round. Everyone sees the round in the summary document.
 *
 * Who is in the round is fixed when the version is frozen ([I5]): someone who joins later neither
 * decides nor counts, and only the round's members answer about sharing ([I6]). Members count as
 * the people they stand for now: a merged alias as its person, once; a removed person not at all.
 */
export class ApprovalService {
  readonly #store: VersionStore;
  readonly #registry: RoomRegistry;
  readonly #people: RoundDirectory;

  constructor(store: VersionStore, registry: RoomRegistry, people: RoundDirectory) {
    this.#store = store;
    this.#registry = registry;
    this.#people = people;
  }

  /** The note as it is now: what a freeze would store, and what a draft export shows. */
  async current(boardId: string): Promise<SummaryVersion['content'] & { hash: string }> {
    const room = this.#registry.room({ boardId, doc: 'summary' });
    return room.run(() => {
      const content = {
        record: readMeetingRecord(room.doc),
        blocks: normalizeBlocks(readSummaryBlocks(summaryBody(room.doc))),
      };
      return { ...content, hash: contentHash(content) };
    });
  }

  async freeze(boardId: string, rule: ApprovalRule, now = Date.now()): Promise<ApprovalState> {
    const { hash, ...content } = await this.current(boardId);
    if (content.blocks.length === 0) {
      throw new DomainError('conflict', 'empty_note', 'The note is empty: draft it from the board first.');
    }
    // The city representatives present now, each once as the person they stand for ([I5]); not
    // the pair, the organiser or a guest expert ([G4]).
    const resolve = await this.#people.voterResolver(boardId);
    const eligible = new Map<string, Eligible>();
    for (const present of this.#registry.peopleOn(boardId)) {
      const person = isNoteApproverRole(present.role) ? resolve(present.id) : null;
      if (person) eligible.set(person.id, { personId: person.id, name: person.name, city: person.city });
    }
    const version = await this.#store.freeze({
      id: newId(9),
      boardId,
      hash,
      content,
      rule,
      eligible: [...eligible.values()],
      openedAt: now,
    });
    return this.#publish(version, resolve);
  }

  async decide(
    boardId: string,
    person: Identity,
    request: { versionId: string; decision: 'approve' | 'object'; reason?: string | undefined },
    now = Date.now(),
  ): Promise<ApprovalState> {
    if (!isNoteApproverRole(person.role)) {
      throw new DomainError('forbidden', 'forbidden', 'The city representatives approve the note.');
    }
    // Read before the transaction: its work queries only through its own store ([I5]).
    const resolveVoter = await this.#people.voterResolver(boardId);
    const version = await this.#store.transaction(async (store) => {
      const open = await openVersionIn(store, boardId, request.versionId);
      const round = roundOf(open, resolveVoter);
      const member = memberOf(round, person);
      const previous = (await decisionsIn(store, open, round)).filter((d) => d.personId === member.personId);
      const last = previous[previous.length - 1];
      const withdrawing = last?.decision === 'object' && request.decision === 'approve';
      if (last && !withdrawing) {
        throw new DomainError(
          'conflict',
          'already_decided',
          'You have already given your decision on this version.',
        );
      }
      await store.decide(open.id, {
        personId: member.personId,
        name: member.name,
        city: member.city,
        decision: request.decision,
        reason: request.decision === 'object' ? (request.reason ?? null) : null,
        at: now,
      });
      return settleIn(store, open, round, false, now);
    });
    return this.#publish(version, resolveVoter);
  }

  async consent(
    boardId: string,
    person: Identity,
    request: { versionId: string; observers: boolean; public: boolean },
    now = Date.now(),
  ): Promise<ApprovalState> {
    if (!isNoteApproverRole(person.role)) {
      throw new DomainError('forbidden', 'forbidden', 'The city representatives decide about sharing.');
    }
    const resolveVoter = await this.#people.voterResolver(boardId);
    const version = await this.#store.transaction(async (store) => {
      const version = await store.get(boardId, request.versionId);
      if (!version || (version.status !== 'open' && version.status !== 'approved')) {
        throw new DomainError(
          'conflict',
          'stale_version',
          'This version is no longer the one being approved.',
        );
      }
      const round = roundOf(version, resolveVoter);
      const member = memberOf(round, person);
      // Those who took part in the approval decide about sharing it, by its rule ([I6], [S1]–[S2]).
      if (!tookPartInApproval(await decisionsIn(store, version, round), member.personId)) {
        throw new DomainError(
          'forbidden',
          'not_in_approval',
          version.status === 'open'
            ? 'Give your decision on the note first: those who took part in its approval decide about sharing it.'
            : 'You did not take part in the approval of this version, so you do not decide about sharing it.',
        );
      }
      await store.consent(
        version.id,
        { personId: member.personId, observers: request.observers, public: request.public },
        now,
      );
      return version;
    });
    return this.#publish(version, resolveVoter);
  }

  async close(boardId: string, versionId: string, now = Date.now()): Promise<ApprovalState> {
    const resolveVoter = await this.#people.voterResolver(boardId);
    const version = await this.#store.transaction(async (store) => {
      const open = await openVersionIn(store, boardId, versionId);
      return settleIn(store, open, roundOf(open, resolveVoter), true, now);
    });
    return this.#publish(version, resolveVoter);
  }

  latestApproved(boardId: string): Promise<SummaryVersion | null> {
    return this.#store.latestApproved(boardId);
  }

  /**
   * Whether a board has an approved note that `audience` may read: the core members any approved
   * one, observer cities only one the group decided to share with them ([P6], `sharingDecision`).
   */
  async hasApprovedNote(boardId: string, audience: 'members' | 'observers'): Promise<boolean> {
    const approved = await this.latestApproved(boardId);
    if (approved === null) return false;
    return audience === 'members' || isShared(await this.sharingInput(approved), 'observers');
  }

  /** The decisions and consents that count for a version ([I5], [I6]): what exports and sharing read. */
  async approvalOf(version: SummaryVersion) {
    const round = roundOf(version, await this.#people.voterResolver(version.boardId));
    return {
      decisions: await decisionsIn(this.#store, version, round),
      consents: await consentsIn(this.#store, version, round),
    };
  }

  /**
   * Publishes the board's latest round again, counted as the people stand now (after a merge or a
   * removal); an open round may reach its outcome by it — a removed objector no longer holds it.
   */
  async recount(boardId: string, now = Date.now()): Promise<ApprovalState | null> {
    const resolveVoter = await this.#people.voterResolver(boardId);
    const version = await this.#store.transaction(async (store) => {
      const latest = await store.latest(boardId);
      return latest?.status === 'open'
        ? settleIn(store, latest, roundOf(latest, resolveVoter), false, now)
        : latest;
    });
    return version ? this.#publish(version, resolveVoter) : null;
  }

  /** What the group's decision to share this version is made of, for `sharingDecision` ([I6]). */
  async sharingInput(version: SummaryVersion): Promise<SharingInput> {
    return sharingInputOf(
      version,
      await this.#people.voterResolver(version.boardId),
      await this.#store.decisions(version.id),
      await this.#store.consents(version.id),
    );
  }

  async #publish(version: SummaryVersion, resolveVoter: VoterResolver): Promise<ApprovalState> {
    const round = roundOf(version, resolveVoter);
    const state: ApprovalState = {
      versionId: version.id,
      hash: version.hash,
      rule: version.rule,
      status: version.status === 'superseded' ? 'not-approved' : version.status,
      openedAt: version.openedAt,
      closedAt: version.closedAt,
      eligible: round.eligible,
      decisions: await decisionsIn(this.#store, version, round),
      consents: await consentsIn(this.#store, version, round),
    };
    await this.#registry.room({ boardId: version.boardId, doc: 'summary' }).transact((doc) => {
      doc.getMap(SUMMARY_APPROVAL).set('state', state);
    });
    return state;
  }
}

/**
 * What the group's decision to share `version` is made of ([I6]), from its stored decisions and
 * consents counted as the people stand now.
 */
function sharingInputOf(
  version: SummaryVersion,
  resolveVoter: VoterResolver,
  decisions: Decision[],
  consents: ShareConsent[],
): SharingInput {
  const round = roundOf(version, resolveVoter);
  return {
    rule: version.rule,
    approved: version.status === 'approved',
    decisions: countedDecisions(round.members, decisions, round.resolve),
    consents: countedConsents(round.members, consents, round.resolve),
  };
}

/** The round as the people stand now: its members, each once as the person they stand for. */
function roundOf(version: SummaryVersion, resolveVoter: VoterResolver): CountedRound {
  const resolve: PersonResolver = (id) => resolveVoter(id)?.id ?? null;
  const members = roundMembers(
    version.eligible.map((e) => e.personId),
    resolve,
  );
  const eligible = members.flatMap((id) => {
    const person = resolveVoter(id);
    return person ? [{ personId: person.id, name: person.name, city: person.city }] : [];
  });
  return { resolve, members, eligible };
}

/** The caller as a member of the round, or 403 `not_in_round` ([I5], [I6]). */
function memberOf(round: CountedRound, person: Identity): Eligible {
  const member = round.eligible.find((e) => e.personId === round.resolve(person.id));
  if (!member) {
    throw new DomainError(
      'forbidden',
      'not_in_round',
      'You were not among the people asked when this version was frozen, so you do not decide on it.',
    );
  }
  return member;
}

async function decisionsIn(store: VersionStore, version: SummaryVersion, round: CountedRound) {
  return countedDecisions(round.members, await store.decisions(version.id), round.resolve);
}

async function consentsIn(store: VersionStore, version: SummaryVersion, round: CountedRound) {
  return countedConsents(round.members, await store.consents(version.id), round.resolve);
}

async function openVersionIn(
  store: VersionStore,
  boardId: string,
  versionId: string,
): Promise<SummaryVersion> {
  const open = await store.openVersion(boardId);
  if (!open || open.id !== versionId) {
    throw new DomainError('conflict', 'stale_version', 'This version is no longer the one being approved.');
  }
  return open;
}

/** Closes the round when the rule has an outcome (always, when the facilitator closes it). */
async function settleIn(
  store: VersionStore,
  version: SummaryVersion,
  round: CountedRound,
  closing: boolean,
  now: number,
): Promise<SummaryVersion> {
  const outcome = evaluateApproval(
    version.rule,
    round.members,
    await decisionsIn(store, version, round),
    closing,
  );
  if (outcome === 'pending') return version;
  await store.close(version.id, outcome, now);
  return { ...version, status: outcome, closedAt: now };
}
