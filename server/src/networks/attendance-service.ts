import {
  ATTENDANCE_ERROR_CODES,
  NETWORK_ERROR_CODES,
  attendanceList,
  attendeesOf,
  isKept,
  type AddWalkInRequest,
  type AttendanceListInput,
  type AttendanceListResponse,
  type AttendanceStatus,
  type ListedAttendee,
} from '@empiria/shared';
import type { AttendanceStore } from '../boards/attendance-store';
import { newId } from '../ids';
import type { SqliteAttendanceListStore } from './attendance-list-store';
import { NetworkError, notFoundIn } from './network-error';
import type { MeetingRecord, SqliteNetworkStore } from './network-store';

/**
 * "Who attended meeting M" — the one owner of the question (issue #12 item 4, [N19]). The organiser
 * (the pair, the office) keeps a meeting's attendance list: it starts from the invitation answers
 * and from who joined the meeting's board, each entry may be marked in the room, online or absent,
 * and people who came unannounced are added by hand. Once kept (anyone marked or added), the
 * meeting's record (its drafted attendance, meeting-facts.ts) and the archive's attendance matrix
 * (archive-service.ts) read who attended from here. It also keeps the pair's grant that lets the
 * organiser invite for one meeting ([N18]).
 */
export class AttendanceListService {
  readonly #store: SqliteNetworkStore;
  readonly #lists: SqliteAttendanceListStore;
  readonly #joins: Pick<AttendanceStore, 'list'>;

  constructor(deps: {
    store: SqliteNetworkStore;
    lists: SqliteAttendanceListStore;
    joins: Pick<AttendanceStore, 'list'>;
  }) {
    this.#store = deps.store;
    this.#lists = deps.lists;
    this.#joins = deps.joins;
  }

  async list(networkId: string, meetingId: string): Promise<AttendanceListResponse> {
    const meeting = this.#record(networkId, meetingId);
    const input = this.#input(meeting, await this.#joined(meeting));
    return {
      meetingId,
      kept: isKept(input),
      organiserMayInvite: this.#lists.organiserMayInvite(meetingId),
      entries: attendanceList(input),
    };
  }

  /**
   * Marks one entry of the list, or clears an invitee's or joiner's mark (`null`: the evidence
   * stands again). Someone added by hand is present in the room or online; to undo them, remove them.
   */
  async mark(
    networkId: string,
    meetingId: string,
    entryKey: string,
    status: AttendanceStatus | null,
    now = new Date(),
  ): Promise<AttendanceListResponse> {
    // Who joined the board is read first: the network's transaction below is synchronous.
    const joined = await this.#joined(this.#record(networkId, meetingId));
    this.#store.transaction(() => {
      const meeting = this.#record(networkId, meetingId);
      const entry = attendanceList(this.#input(meeting, joined)).find(
        (candidate) => candidate.key === entryKey,
      );
      if (!entry) {
        throw new NetworkError(
          'invalid',
          ATTENDANCE_ERROR_CODES.notOnList,
          `${entryKey} is not on this meeting's attendance list.`,
        );
      }
      if (entry.source === 'walk-in') {
        if (status === null || status === 'absent') {
          throw new NetworkError(
            'invalid',
            ATTENDANCE_ERROR_CODES.walkInNeedsStatus,
            'Someone added by hand was in the room or online; remove them from the list instead.',
          );
        }
        this.#lists.setWalkInStatus(meetingId, entryKey.slice('walk-in:'.length), status);
        return;
      }
      if (status === null) this.#lists.clearMark(meetingId, entryKey);
      else this.#lists.setMark(meetingId, entryKey, status, now.toISOString());
    });
    return this.list(networkId, meetingId);
  }

  /** Adds someone who came unannounced: a member city's substitute, or an outside guest. */
  async addWalkIn(
    networkId: string,
    meetingId: string,
    request: AddWalkInRequest,
    now = new Date(),
  ): Promise<AttendanceListResponse> {
    this.#store.transaction(() => {
      this.#record(networkId, meetingId);
      let cityId: string | null = null;
      if (request.kind === 'substitute') {
        const city = this.#store.cityByName(request.city);
        if (!city || !this.#store.member(networkId, city.id)) {
          throw new NetworkError(
            'conflict',
            NETWORK_ERROR_CODES.cityNotMember,
            `${request.city} is not a member city of this network: add an outside guest with their institution instead.`,
          );
        }
        cityId = city.id;
      }
      this.#lists.insertWalkIn(
        meetingId,
        {
          id: newId(9),
          kind: request.kind,
          name: request.name,
          cityId,
          institution: request.kind === 'guest' ? request.institution : null,
          status: request.status,
        },
        now.toISOString(),
      );
    });
    return this.list(networkId, meetingId);
  }

  async removeWalkIn(
    networkId: string,
    meetingId: string,
    walkInId: string,
  ): Promise<AttendanceListResponse> {
    this.#store.transaction(() => {
      this.#record(networkId, meetingId);
      if (!this.#lists.deleteWalkIn(meetingId, walkInId)) {
        throw new NetworkError(
          'not_found',
          ATTENDANCE_ERROR_CODES.notOnList,
          "This person is not on the meeting's attendance list.",
        );
      }
    });
    return this.list(networkId, meetingId);
  }

  /** [N18] Whether the pair let the organiser invite for this meeting; false for a meeting of another network. */
  organiserMayInvite(networkId: string, meetingId: string): boolean {
    return this.#store.meeting(networkId, meetingId) !== null && this.#lists.organiserMayInvite(meetingId);
  }

  setOrganiserMayInvite(networkId: string, meetingId: string, granted: boolean, now = new Date()): boolean {
    this.#store.transaction(() => {
      this.#record(networkId, meetingId);
      this.#lists.setOrganiserMayInvite(meetingId, granted, now.toISOString());
    });
    return this.organiserMayInvite(networkId, meetingId);
  }

  /**
   * Who attended the meeting, when its list is kept; null while it is not (the archive and the
   * record then read the evidence as before: answers, joins, the approved note).
   */
  async keptAttendees(meeting: MeetingRecord): Promise<ListedAttendee[] | null> {
    const input = this.#input(meeting, await this.#joined(meeting));
    if (!isKept(input)) return null;
    return attendeesOf(attendanceList(input), this.#store.network(meeting.networkId)?.name ?? '');
  }

  /** As `keptAttendees`, for the meeting a board is for; null for a board of no meeting. */
  async keptAttendeesOfBoard(boardId: string): Promise<ListedAttendee[] | null> {
    const found = this.#lists.meetingOfBoard(boardId);
    const meeting = found ? this.#store.meeting(found.networkId, found.meetingId) : null;
    return meeting ? this.keptAttendees(meeting) : null;
  }

  #record(networkId: string, meetingId: string): MeetingRecord {
    if (!this.#store.network(networkId)) throw notFoundIn('network');
    const meeting = this.#store.meeting(networkId, meetingId);
    if (!meeting) throw notFoundIn('meeting in this network');
    return meeting;
  }

  /** Who joined the meeting's board (the board's attendance store). */
  async #joined(meeting: MeetingRecord): Promise<AttendanceListInput['joined']> {
    return (await this.#joins.list(meeting.boardId)).map((person) => ({
      boardPersonId: person.personId,
      name: person.name,
      city: person.city,
      role: person.role,
      where: person.where,
    }));
  }

  #input(meeting: MeetingRecord, joined: AttendanceListInput['joined']): AttendanceListInput {
    const observerCities = new Set(
      this.#store
        .members(meeting.networkId)
        .filter((member) => member.membership === 'observer')
        .map((member) => member.cityId),
    );
    return {
      mode: meeting.mode,
      invitations: this.#store.invitations(meeting.id).map((invitation) => ({
        personId: invitation.personId,
        name: invitation.name,
        city: invitation.city,
        role: invitation.role,
        answer: invitation.answer,
        observer: invitation.cityId !== null && observerCities.has(invitation.cityId),
      })),
      joined,
      marks: this.#lists.marks(meeting.id),
      walkIns: this.#lists.walkIns(meeting.id),
    };
  }
}
