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
import { inTransaction, type SqlQueries } from '../storage/sql/sql-database';
import { AttendanceListStore } from './attendance-list-store';
import { NetworkError, notFoundIn } from './network-error';
import { NetworkStore, type MeetingRecord } from './network-store';

/** Who joined a meeting's board: the boards' attendance store, read before any transaction here. */
export interface BoardJoins {
  list(boardId: string): ReturnType<AttendanceStore['list']> | Promise<ReturnType<AttendanceStore['list']>>;
}

/** The two stores a change of the list reads and writes, bound to one transaction. */
interface ListStores {
  store: NetworkStore;
  lists: AttendanceListStore;
}

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
  readonly #sql: SqlQueries;
  readonly #stores: ListStores;
  readonly #joins: BoardJoins;

  constructor(deps: { sql: SqlQueries; joins: BoardJoins }) {
    this.#sql = deps.sql;
    this.#stores = { store: new NetworkStore(deps.sql), lists: new AttendanceListStore(deps.sql) };
    this.#joins = deps.joins;
  }

  async list(networkId: string, meetingId: string): Promise<AttendanceListResponse> {
    const meeting = await recordIn(this.#stores, networkId, meetingId);
    const input = await inputOf(this.#stores, meeting, await this.#joined(meeting));
    return {
      meetingId,
      kept: isKept(input),
      organiserMayInvite: await this.#stores.lists.organiserMayInvite(meetingId),
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
    // Who joined the board is the boards' store's: read before the transaction, which reads only
    // through its own handle.
    const joined = await this.#joined(await recordIn(this.#stores, networkId, meetingId));
    await this.#transaction(async (tx) => {
      const meeting = await recordIn(tx, networkId, meetingId);
      const entry = attendanceList(await inputOf(tx, meeting, joined)).find(
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
        await tx.lists.setWalkInStatus(meetingId, entryKey.slice('walk-in:'.length), status);
        return;
      }
      if (status === null) await tx.lists.clearMark(meetingId, entryKey);
      else await tx.lists.setMark(meetingId, entryKey, status, now.toISOString());
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
    await this.#transaction(async (tx) => {
      await recordIn(tx, networkId, meetingId);
      let cityId: string | null = null;
      if (request.kind === 'substitute') {
        const city = await tx.store.cityByName(request.city);
        if (!city || !(await tx.store.member(networkId, city.id))) {
          throw new NetworkError(
            'conflict',
            NETWORK_ERROR_CODES.cityNotMember,
            `${request.city} is not a member city of this network: add an outside guest with their institution instead.`,
          );
        }
        cityId = city.id;
      }
      await tx.lists.insertWalkIn(
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
    await this.#transaction(async (tx) => {
      await recordIn(tx, networkId, meetingId);
      if (!(await tx.lists.deleteWalkIn(meetingId, walkInId))) {
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
  async organiserMayInvite(networkId: string, meetingId: string): Promise<boolean> {
    return (
      (await this.#stores.store.meeting(networkId, meetingId)) !== null &&
      (await this.#stores.lists.organiserMayInvite(meetingId))
    );
  }

  async setOrganiserMayInvite(
    networkId: string,
    meetingId: string,
    granted: boolean,
    now = new Date(),
  ): Promise<boolean> {
    await this.#transaction(async (tx) => {
      await recordIn(tx, networkId, meetingId);
      await tx.lists.setOrganiserMayInvite(meetingId, granted, now.toISOString());
    });
    return this.organiserMayInvite(networkId, meetingId);
  }

  /**
   * Who attended the meeting, when its list is kept; null while it is not (the archive and the
   * record then read the evidence as before: answers, joins, the approved note).
   */
  async keptAttendees(meeting: MeetingRecord): Promise<ListedAttendee[] | null> {
    const input = await inputOf(this.#stores, meeting, await this.#joined(meeting));
    if (!isKept(input)) return null;
    const network = await this.#stores.store.network(meeting.networkId);
    return attendeesOf(attendanceList(input), network?.name ?? '');
  }

  /** As `keptAttendees`, for the meeting a board is for; null for a board of no meeting. */
  async keptAttendeesOfBoard(boardId: string): Promise<ListedAttendee[] | null> {
    const found = await this.#stores.lists.meetingOfBoard(boardId);
    const meeting = found ? await this.#stores.store.meeting(found.networkId, found.meetingId) : null;
    return meeting ? this.keptAttendees(meeting) : null;
  }

  async #joined(meeting: MeetingRecord): Promise<AttendanceListInput['joined']> {
    return (await this.#joins.list(meeting.boardId)).map((person) => ({
      boardPersonId: person.personId,
      name: person.name,
      city: person.city,
      role: person.role,
      where: person.where,
    }));
  }

  #transaction<T>(work: (tx: ListStores) => Promise<T>): Promise<T> {
    return inTransaction(this.#sql, (tx) =>
      work({ store: new NetworkStore(tx), lists: new AttendanceListStore(tx) }),
    );
  }
}

async function recordIn(stores: ListStores, networkId: string, meetingId: string): Promise<MeetingRecord> {
  if (!(await stores.store.network(networkId))) throw notFoundIn('network');
  const meeting = await stores.store.meeting(networkId, meetingId);
  if (!meeting) throw notFoundIn('meeting in this network');
  return meeting;
}

async function inputOf(
  stores: ListStores,
  meeting: MeetingRecord,
  joined: AttendanceListInput['joined'],
): Promise<AttendanceListInput> {
  const observerCities = new Set(
    (await stores.store.members(meeting.networkId))
      .filter((member) => member.membership === 'observer')
      .map((member) => member.cityId),
  );
  return {
    mode: meeting.mode,
    invitations: (await stores.store.invitations(meeting.id)).map((invitation) => ({
      personId: invitation.personId,
      name: invitation.name,
      city: invitation.city,
      role: invitation.role,
      answer: invitation.answer,
      observer: invitation.cityId !== null && observerCities.has(invitation.cityId),
    })),
    joined,
    marks: await stores.lists.marks(meeting.id),
    walkIns: await stores.lists.walkIns(meeting.id),
  };
}
