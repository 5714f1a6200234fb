import {
  REPORT_ERROR_CODES,
  mayReport,
  reportDeadlineState,
  reportDueBy,
  reportTally,
  type MeetingReportContent,
  type MeetingReportResponse,
  type NetworkActor,
  type NetworkReportTally,
  type ReportAct,
} from '@empiria/shared';
import { gatherReportPrefill, type ReportPrefillSources } from './meeting-report-prefill';
import type { ReportRecord, MeetingReportStore } from './meeting-report-store';
import type { MeetingRecord, NetworkStore } from './network-store';
import { warsawLocalTime } from './warsaw-time';
import { DomainError } from '../domain-error';

/** [FR2] the office overview's column: a network's reports submitted, due and overdue. */
export async function networkReportTally(
  reports: Pick<MeetingReportStore, 'submittedMeetings'>,
  networkId: string,
  meetings: readonly MeetingRecord[],
  now: Date,
): Promise<NetworkReportTally> {
  const submitted = await reports.submittedMeetings(networkId);
  return reportTally(
    meetings.map((meeting) => ({
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt,
      submitted: submitted.has(meeting.id),
    })),
    warsawLocalTime(now),
  );
}

/** What the office signs a return with: it has no person of its own in a network. */
const OFFICE_NAME = 'Biuro ZMP';

/**
 * The facilitator's report after each meeting (issue #13 item 2; rules FR1–FR4): read prefilled
 * until first saved, saved as a draft over its revision (a stale save is refused, never merged),
 * submitted once, returned by the office for corrections. Every change is one transaction
 * that checks the stored revision and status inside it, so two saves never both win.
 */
export class MeetingReportService {
  readonly #reports: MeetingReportStore;
  readonly #networks: NetworkStore;
  readonly #prefill: ReportPrefillSources;
  readonly #now: () => Date;

  constructor(deps: {
    reports: MeetingReportStore;
    networks: NetworkStore;
    prefill: ReportPrefillSources;
    now?: () => Date;
  }) {
    this.#reports = deps.reports;
    this.#networks = deps.networks;
    this.#prefill = deps.prefill;
    this.#now = deps.now ?? (() => new Date());
  }

  /** The saved report, or the form prefilled from the meeting and its board when nothing is saved. */
  async get(actor: NetworkActor, meetingId: string): Promise<MeetingReportResponse> {
    const meeting = await this.#meeting(actor, meetingId, 'report.read');
    const record = await this.#reports.get(meetingId);
    const content = record?.content ?? (await gatherReportPrefill(this.#prefill, meeting));
    return this.#response(actor, meeting, record, content);
  }

  /** [FR1] saves the pair's draft over `revision`; 409 when someone saved since, or it is submitted. */
  async save(
    actor: NetworkActor,
    meetingId: string,
    request: { revision: number; content: MeetingReportContent },
  ): Promise<MeetingReportResponse> {
    return this.#write(actor, meetingId, request, 'draft');
  }

  /** [FR1] saves and submits in one step; a second submission is 409 `already_submitted`. */
  async submit(
    actor: NetworkActor,
    meetingId: string,
    request: { revision: number; content: MeetingReportContent },
  ): Promise<MeetingReportResponse> {
    return this.#write(actor, meetingId, request, 'submitted');
  }

  /** [FR2] the office returns a submitted report for corrections: a draft again, with its reason. */
  async returnForCorrections(
    actor: NetworkActor,
    meetingId: string,
    reason: string,
  ): Promise<MeetingReportResponse> {
    const meeting = await this.#meeting(actor, meetingId, 'report.return');
    const at = this.#now().toISOString();
    const record = await this.#reports.transaction(async (tx) => {
      const current = await tx.get(meetingId);
      if (current?.status !== 'submitted') {
        throw new DomainError(
          'conflict',
          REPORT_ERROR_CODES.notSubmitted,
          'Only a submitted report can be returned for corrections.',
        );
      }
      const returned: ReportRecord = {
        ...current,
        revision: current.revision + 1,
        status: 'draft',
        updatedAt: at,
        updatedBy: OFFICE_NAME,
        submittedAt: null,
        submittedBy: null,
        returnedAt: at,
        returnedReason: reason,
      };
      await tx.put(returned);
      return returned;
    });
    return this.#response(actor, meeting, record, record.content);
  }

  /** Saves (`draft`) or saves and submits (`submitted`), checking status and revision inside one transaction. */
  async #write(
    actor: NetworkActor,
    meetingId: string,
    request: { revision: number; content: MeetingReportContent },
    status: 'draft' | 'submitted',
  ): Promise<MeetingReportResponse> {
    const meeting = await this.#meeting(actor, meetingId, 'report.write');
    const now = this.#now();
    if (meeting.startsAt > warsawLocalTime(now)) {
      throw new DomainError(
        'conflict',
        REPORT_ERROR_CODES.meetingNotHeld,
        'The meeting has not started yet: its report is written after it.',
      );
    }
    const at = now.toISOString();
    const by = await this.#name(actor);
    const record = await this.#reports.transaction(async (tx) => {
      const current = await tx.get(meetingId);
      if (current?.status === 'submitted') {
        throw new DomainError(
          'conflict',
          REPORT_ERROR_CODES.alreadySubmitted,
          'The report was already submitted to the office; it changes only if the office returns it.',
        );
      }
      const revision = current?.revision ?? 0;
      if (request.revision !== revision) {
        throw new DomainError(
          'conflict',
          REPORT_ERROR_CODES.staleRevision,
          `The report was saved by someone else since (revision ${revision}, yours ${request.revision}): reload it.`,
        );
      }
      const next: ReportRecord = {
        meetingId,
        revision: revision + 1,
        status,
        content: request.content,
        updatedAt: at,
        updatedBy: by,
        submittedAt: status === 'submitted' ? at : null,
        submittedBy: status === 'submitted' ? by : null,
        // A return's reason stays on the draft until the corrected report goes back to the office.
        returnedAt: status === 'submitted' ? null : (current?.returnedAt ?? null),
        returnedReason: status === 'submitted' ? null : (current?.returnedReason ?? null),
      };
      await tx.put(next);
      return next;
    });
    return this.#response(actor, meeting, record, record.content);
  }

  /** The meeting, after the caller's right to `act` on its report ([FR4]: 403 for anyone else). */
  async #meeting(actor: NetworkActor, meetingId: string, act: ReportAct): Promise<MeetingRecord> {
    const networkId = await this.#reports.networkOfMeeting(meetingId);
    const meeting = networkId ? await this.#networks.meeting(networkId, meetingId) : null;
    if (!meeting) throw new DomainError('not_found', 'not_found', 'No such meeting.');
    if (!mayReport(actor, act, meeting.networkId)) {
      throw new DomainError(
        'forbidden',
        'forbidden',
        act === 'report.read'
          ? "The meeting's report is read by its network's pair, organiser and the office."
          : act === 'report.write'
            ? "The meeting's report is written by its network's facilitator and experts."
            : 'Only the office returns a report for corrections.',
      );
    }
    return meeting;
  }

  async #name(actor: NetworkActor): Promise<string> {
    if (actor.kind === 'office') return OFFICE_NAME;
    return (await this.#networks.networkPerson(actor.networkId, actor.personId))?.name ?? actor.personId;
  }

  async #response(
    actor: NetworkActor,
    meeting: MeetingRecord,
    record: ReportRecord | null,
    content: MeetingReportContent,
  ): Promise<MeetingReportResponse> {
    const network = await this.#networks.network(meeting.networkId);
    const submitted = record?.status === 'submitted';
    return {
      meeting: {
        id: meeting.id,
        networkId: meeting.networkId,
        network: network?.name ?? '',
        title: meeting.title,
        startsAt: meeting.startsAt,
      },
      status: record?.status ?? 'new',
      revision: record?.revision ?? 0,
      content,
      updatedAt: record?.updatedAt ?? null,
      updatedBy: record?.updatedBy ?? null,
      submittedAt: record?.submittedAt ?? null,
      submittedBy: record?.submittedBy ?? null,
      returned:
        record?.returnedAt && record.returnedReason !== null
          ? { at: record.returnedAt, reason: record.returnedReason }
          : null,
      deadline: {
        dueBy: reportDueBy(meeting.startsAt),
        state: reportDeadlineState(meeting.startsAt, submitted, warsawLocalTime(this.#now())),
      },
      noteApproved: (await this.#prefill.approvedBlocks(meeting.boardId)) !== null,
      viewer: {
        mayWrite: mayReport(actor, 'report.write', meeting.networkId),
        mayReturn: mayReport(actor, 'report.return', meeting.networkId),
      },
    };
  }
}
