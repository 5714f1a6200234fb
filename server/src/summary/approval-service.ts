import {
  SUMMARY_APPROVAL,
  contentHash,
  evaluateApproval,
  normalizeBlocks,
  readMeetingRecord,
  readSummaryBlocks,
  summaryBody,
  type ApprovalRule,
  type ApprovalState,
  type Identity,
} from '@empiria/shared';
import { newId } from '../boards/board-service';
import { HttpError } from '../http/http-error';
import type { RoomRegistry } from '../sync/room-registry';
import type { SqliteVersionStore, SummaryVersion } from './version-store';

/**
 * The approval round of the summary note. The facilitator freezes the current text (its hash names
 * the version); each city representative present approves once, or objects with a reason (and
 * may later withdraw the objection); the rule decides (shared/src/summary/approval-rules.ts). An
 * approved version is stored as it was frozen, whatever is edited after: a later edit is a new
 * draft that needs its own round. Everyone sees the round in the summary document.
 */
export class ApprovalService {
  readonly #store: SqliteVersionStore;
  readonly #registry: RoomRegistry;

  constructor(store: SqliteVersionStore, registry: RoomRegistry) {
    this.#store = store;
    this.#registry = registry;
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
      throw new HttpError(409, 'empty_note', 'The note is empty: draft it from the board first.');
    }
    const eligible = this.#registry
      .peopleOn(boardId)
      .filter((person) => person.role === 'participant')
      .map(({ id, name, city }) => ({ personId: id, name, city }));
    const version = this.#store.transaction(() =>
      this.#store.freeze({ id: newId(9), boardId, hash, content, rule, eligible, openedAt: now }),
    );
    return this.#publish(version);
  }

  async decide(
    boardId: string,
    person: Identity,
    request: { versionId: string; decision: 'approve' | 'object'; reason?: string | undefined },
    now = Date.now(),
  ): Promise<ApprovalState> {
    if (person.role !== 'participant') {
      throw new HttpError(403, 'forbidden', 'The city representatives approve the note.');
    }
    const version = this.#store.transaction(() => {
      const open = this.#openVersion(boardId, request.versionId);
      const previous = this.#store.decisions(open.id).filter((d) => d.personId === person.id);
      const last = previous[previous.length - 1];
      const withdrawing = last?.decision === 'object' && request.decision === 'approve';
      if (last && !withdrawing) {
        throw new HttpError(409, 'already_decided', 'You have already given your decision on this version.');
      }
      this.#store.decide(open.id, {
        personId: person.id,
        name: person.name,
        city: person.city,
        decision: request.decision,
        reason: request.decision === 'object' ? (request.reason ?? null) : null,
        at: now,
      });
      return this.#settle(open, false, now);
    });
    return this.#publish(version);
  }

  async consent(
    boardId: string,
    person: Identity,
    request: { versionId: string; observers: boolean; public: boolean },
    now = Date.now(),
  ): Promise<ApprovalState> {
    if (person.role !== 'participant') {
      throw new HttpError(403, 'forbidden', 'The city representatives decide about sharing.');
    }
    const version = this.#store.transaction(() => {
      const version = this.#store.get(boardId, request.versionId);
      if (!version || (version.status !== 'open' && version.status !== 'approved')) {
        throw new HttpError(409, 'stale_version', 'This version is no longer the one being approved.');
      }
      this.#store.consent(
        version.id,
        { personId: person.id, observers: request.observers, public: request.public },
        now,
      );
      return version;
    });
    return this.#publish(version);
  }

  async close(boardId: string, versionId: string, now = Date.now()): Promise<ApprovalState> {
    const version = this.#store.transaction(() =>
      this.#settle(this.#openVersion(boardId, versionId), true, now),
    );
    return this.#publish(version);
  }

  latestApproved(boardId: string): SummaryVersion | null {
    return this.#store.latestApproved(boardId);
  }

  approvalOf(version: SummaryVersion) {
    return { decisions: this.#store.decisions(version.id), consents: this.#store.consents(version.id) };
  }

  #openVersion(boardId: string, versionId: string): SummaryVersion {
    const open = this.#store.openVersion(boardId);
    if (!open || open.id !== versionId) {
      throw new HttpError(409, 'stale_version', 'This version is no longer the one being approved.');
    }
    return open;
  }

  /** Closes the round when the rule has an outcome (always, when the facilitator closes it). */
  #settle(version: SummaryVersion, closing: boolean, now: number): SummaryVersion {
    const decisions = this.#store.decisions(version.id);
    const outcome = evaluateApproval(
      version.rule,
      version.eligible.map((e) => e.personId),
      decisions,
      closing,
    );
    if (outcome === 'pending') return version;
    this.#store.close(version.id, outcome, now);
    return { ...version, status: outcome, closedAt: now };
  }

  async #publish(version: SummaryVersion): Promise<ApprovalState> {
    const state: ApprovalState = {
      versionId: version.id,
      hash: version.hash,
      rule: version.rule,
      status: version.status === 'superseded' ? 'not-approved' : version.status,
      openedAt: version.openedAt,
      closedAt: version.closedAt,
      eligible: version.eligible,
      decisions: this.#store.decisions(version.id),
      consents: this.#store.consents(version.id),
    };
    await this.#registry.room({ boardId: version.boardId, doc: 'summary' }).transact((doc) => {
      doc.getMap(SUMMARY_APPROVAL).set('state', state);
    });
    return state;
  }
}
