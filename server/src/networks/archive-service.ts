import {
  READ_ONLY_ROLES,
  attendanceMatrix,
  overviewRow,
  type ArchiveMeeting,
  type ArchiveResponse,
  type ArchiveView,
  type AttendanceMeetingInput,
  type NetworkReportTally,
  type OfficeOverviewRow,
  type Presence,
} from '@empiria/shared';
import type { AttendanceStore } from '../boards/attendance-store';
import type { ApprovalService } from '../summary/approval-service';
import type { ArchiveStore } from './archive-store';
import type { AttendanceListService } from './attendance-service';
import type { MeetingRecord, NetworkStore } from './network-store';
import type { NetworkService } from './network-service';
import type { SearchableMeeting } from './search-index';
import { warsawLocalTime } from './warsaw-time';

/**
 * A network's archive and the office overview (issue #11, items 5–6): gathers what the other
 * features stored — meetings, invitations, who joined each board, approved note versions, photos —
 * and hands it to the pure rules (shared/src/networks/attendance-matrix.ts, office-overview.ts).
 */
export class ArchiveService {
  readonly #networks: NetworkService;
  readonly #store: NetworkStore;
  readonly #archive: ArchiveStore;
  readonly #approvals: ApprovalService;
  readonly #attendance: AttendanceStore;
  readonly #attendanceLists: AttendanceListService;
  readonly #reports: (
    networkId: string,
    meetings: readonly MeetingRecord[],
    now: Date,
  ) => Promise<NetworkReportTally>;

  constructor(deps: {
    networks: NetworkService;
    store: NetworkStore;
    archive: ArchiveStore;
    approvals: ApprovalService;
    attendance: AttendanceStore;
    /** Who attended each meeting, once its attendance list is kept ([N19]). */
    attendanceLists: AttendanceListService;
    /** The facilitators' reports of a network's meetings: submitted, due, overdue (meeting-report-service.ts). */
    reports: (
      networkId: string,
      meetings: readonly MeetingRecord[],
      now: Date,
    ) => Promise<NetworkReportTally>;
  }) {
    this.#networks = deps.networks;
    this.#store = deps.store;
    this.#archive = deps.archive;
    this.#approvals = deps.approvals;
    this.#attendance = deps.attendance;
    this.#attendanceLists = deps.attendanceLists;
    this.#reports = deps.reports;
  }

  async archive(networkId: string, view: ArchiveView, now = new Date()): Promise<ArchiveResponse> {
    const network = await this.#networks.get(networkId);
    const nowLocal = warsawLocalTime(now);
    const meetings = await this.#store.meetings(networkId);
    const rows = await this.#attendanceRows(networkId, meetings, nowLocal);
    return {
      network,
      meetings: (
        await Promise.all(meetings.map((meeting) => this.#archiveMeeting(networkId, meeting, view, nowLocal)))
      ).reverse(),
      attendance: {
        meetings: meetings.map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt })),
        cities: rows,
      },
    };
  }

  async overview(now = new Date()): Promise<OfficeOverviewRow[]> {
    const nowLocal = warsawLocalTime(now);
    const rows: OfficeOverviewRow[] = [];
    for (const networkId of await this.#store.networkIds()) {
      const network = await this.#networks.get(networkId);
      const meetings = await this.#store.meetings(networkId);
      const held: { held: boolean; noteApproved: boolean }[] = [];
      for (const meeting of meetings) {
        held.push({
          held: meeting.startsAt <= nowLocal,
          noteApproved: (await this.#approvals.latestApproved(meeting.boardId)) !== null,
        });
      }
      const row = overviewRow({
        network,
        members: (await this.#store.counts(networkId)).members,
        meetings: held,
        attendance: await this.#attendanceRows(networkId, meetings, nowLocal),
      });
      rows.push({ ...row, reports: await this.#reports(networkId, meetings, now) });
    }
    return rows;
  }

  /** The meetings of these networks (every network when null), for search. */
  async searchable(networkIds: readonly string[] | null): Promise<SearchableMeeting[]> {
    const found: SearchableMeeting[] = [];
    for (const networkId of networkIds ?? (await this.#store.networkIds())) {
      const network = await this.#networks.get(networkId);
      for (const meeting of await this.#store.meetings(networkId)) {
        found.push({
          networkId,
          network: network.name,
          meetingId: meeting.id,
          meeting: meeting.title,
          startsAt: meeting.startsAt,
          boardId: meeting.boardId,
        });
      }
    }
    return found;
  }

  async #archiveMeeting(
    networkId: string,
    meeting: MeetingRecord,
    view: ArchiveView,
    nowLocal: string,
  ): Promise<ArchiveMeeting> {
    const approved = await this.#approvals.latestApproved(meeting.boardId);
    const approval = approved ? await this.#approvals.approvalOf(approved) : null;
    const exportPath = (format: string) =>
      `/api/networks/${networkId}/meetings/${meeting.id}/notes?format=${format}`;
    return {
      id: meeting.id,
      boardId: meeting.boardId,
      title: meeting.title,
      startsAt: meeting.startsAt,
      mode: meeting.mode,
      hostCity: meeting.hostCity,
      venue: meeting.venue,
      held: meeting.startsAt <= nowLocal,
      photos: await this.#archive.photosCount(meeting.boardId),
      note: approved
        ? {
            versionId: approved.id,
            approvedAt: new Date(approved.closedAt ?? approved.openedAt).toISOString(),
            rule: approved.rule,
            approvedBy: (approval?.decisions ?? [])
              .filter((decision) => decision.decision === 'approve')
              .map((decision) => ({ name: decision.name, city: decision.city })),
            versions: view === 'full' ? await this.#archive.versionsCount(meeting.boardId) : null,
            exports: { md: exportPath('md'), docx: exportPath('docx'), html: exportPath('html') },
          }
        : null,
    };
  }

  async #attendanceRows(networkId: string, meetings: readonly MeetingRecord[], nowLocal: string) {
    const readOnly: readonly string[] = READ_ONLY_ROLES;
    const inputs: AttendanceMeetingInput[] = [];
    for (const meeting of meetings) {
      const invitations = (await this.#store.invitations(meeting.id)).map((invitation) => ({
        city: invitation.city,
        answer: invitation.answer,
      }));
      // [N19] A kept list says who attended: its marks win over answers, joins and the note, so
      // the invitees count only as invited and the list's present people as the evidence.
      const kept = await this.#attendanceLists.keptAttendees(meeting);
      if (kept) {
        inputs.push({
          id: meeting.id,
          held: meeting.startsAt <= nowLocal,
          mode: meeting.mode,
          invitations: invitations.map((invitation) => ({ city: invitation.city, answer: null })),
          present: kept.map((person) => ({ city: person.city, where: presence(person.where) })),
        });
        continue;
      }
      const joined = (await this.#attendance.list(meeting.boardId))
        .filter((person) => !readOnly.includes(person.role))
        .map((person) => ({ city: person.city, where: presence(person.where) }));
      const approved = await this.#approvals.latestApproved(meeting.boardId);
      const recorded = (approved?.content.record.attendance ?? [])
        .filter((person) => !readOnly.includes(person.role))
        .map((person) => ({ city: person.city, where: presence(person.where) }));
      inputs.push({
        id: meeting.id,
        held: meeting.startsAt <= nowLocal,
        mode: meeting.mode,
        invitations,
        present: [...joined, ...recorded],
      });
    }
    const cities = (await this.#store.members(networkId)).map((m) => ({
      cityId: m.cityId,
      city: m.city,
      observer: m.membership === 'observer',
    }));
    return attendanceMatrix(cities, inputs);
  }
}

const presence = (where: 'room' | 'online' | null): Presence => where ?? 'unknown';
