import { getFormat, pinAgenda } from '@empiria/formats';
import {
  addLocalMinutes,
  agendaMinutes,
  firstFormat,
  representsCity,
  suggestHost,
  translate,
  type Agenda,
  type AgendaItemInput,
  type BoardAgenda,
  type BoardFormat,
  type HomeMeeting,
  type HomeNetwork,
  type Invitation,
  type InvitationAnswer,
  type Meeting,
  type MeetingMode,
  type NetworkRole,
} from '@empiria/shared';
import { newId } from '../ids';
import { boardRoleFor } from './board-role';
import { meetingCalendar } from './meeting-calendar';
import { NetworkError, notFoundIn } from './network-error';
import type { CityRecord, MeetingRecord, NetworkRecord, NetworkStore } from './network-store';
import type { NetworkService } from './network-service';
import { MEETING_TIME_ZONE, warsawLocalTime } from './warsaw-time';

/** What meetings need of the boards: a board made from an agenda, and its note's state. */
export interface MeetingBoards {
  /**
   * Creates a board whose steps are the agenda's (D16) and writes its initial documents; answers
   * its id. `format` is the agenda's first format, which the board records as before agendas.
   */
  create(title: string, format: BoardFormat, agenda: BoardAgenda): Promise<string>;
  /**
   * Gives the meeting's board a new agenda and rewrites its template; refuses with NetworkError
   * `board_in_use` once someone has joined the board or worked on it (D16).
   */
  replaceAgenda(boardId: string, agenda: BoardAgenda): Promise<void>;
  /** Whether the meeting's note is approved and readable by `audience` (observers: shared with them). */
  noteApproved(boardId: string, audience: 'members' | 'observers'): Promise<boolean>;
}

export interface NewMeeting {
  title: string;
  startsAt: string;
  mode: MeetingMode;
  hostCity: string | null;
  venue: string;
  room: string;
  cateringNotes: string;
  agenda: AgendaItemInput[];
  invitees?: string[];
}

export type MeetingPatch = Partial<Omit<NewMeeting, 'invitees'>>;

/** Invited by default: the people who run the network and every permanent representative. */
const INVITED_BY_DEFAULT: readonly NetworkRole[] = ['facilitator', 'expert', 'organiser', 'representative'];

/**
 * A network's meetings (issue #11, items 3–4): planned with a date, a place, a mode and an agenda;
 * each has its own board, whose steps are the agenda's items (D16), pinned to the formats of the
 * day it was made; the invitations come from the network's people and each invitee answers for
 * themselves.
 */
export class MeetingService {
  readonly #store: NetworkStore;
  readonly #networks: NetworkService;
  readonly #boards: MeetingBoards;

  constructor(store: NetworkStore, networks: NetworkService, boards: MeetingBoards) {
    this.#store = store;
    this.#networks = networks;
    this.#boards = boards;
  }

  /**
   * Everything is checked before the board is made, and the meeting with its invitations is one
   * transaction after it: a refused meeting leaves nothing behind ([N9], [N11]).
   */
  async create(networkId: string, request: NewMeeting, now = new Date()): Promise<Meeting> {
    const network = await this.#networks.get(networkId);
    const agenda = resolveAgenda(request.agenda);
    const hostCityId = await hostCityIdIn(this.#store, networkId, request.mode, request.hostCity);
    const people = await this.#store.networkPeople(networkId);
    let invitees: string[];
    if (request.invitees) {
      invitees = [...new Set(request.invitees)];
      for (const personId of invitees) {
        if (!people.some((person) => person.id === personId)) {
          throw new NetworkError(
            'invalid',
            'not_in_network',
            `Person ${personId} is not in ${network.name}.`,
          );
        }
      }
    } else {
      invitees = people.filter((person) => INVITED_BY_DEFAULT.includes(person.role)).map((p) => p.id);
    }

    const boardId = await this.#boards.create(request.title, firstFormat(agenda), pinAgenda(agenda));
    const meetingId = newId(9);
    await this.#store.transaction(async (tx) => {
      // The network may have gone while the board was written; then the board stays standalone.
      await requireNetworkIn(tx, networkId);
      await tx.insertMeeting({
        id: meetingId,
        networkId,
        boardId,
        title: request.title,
        startsAt: request.startsAt,
        mode: request.mode,
        hostCityId,
        venue: request.venue,
        room: request.room,
        cateringNotes: request.cateringNotes,
        agenda,
        createdAt: now.toISOString(),
      });
      for (const personId of invitees) await tx.insertInvitation(meetingId, personId);
    });
    return this.get(networkId, meetingId);
  }

  async list(networkId: string): Promise<Meeting[]> {
    await this.#networks.get(networkId);
    const views: Meeting[] = [];
    for (const meeting of await this.#store.meetings(networkId)) views.push(await this.#view(meeting));
    return views;
  }

  async get(networkId: string, meetingId: string): Promise<Meeting> {
    return await this.#view(await recordIn(this.#store, networkId, meetingId));
  }

  /**
   * Changes a meeting; who may change which field is the route's question ([N2], [N3]). A new
   * agenda is checked first, then the board is rewritten to it (refused once the board is in use,
   * D16), and only then is the meeting stored: a refusal leaves both as they were.
   */
  async update(networkId: string, meetingId: string, patch: MeetingPatch): Promise<Meeting> {
    if (patch.agenda) {
      const before = await recordIn(this.#store, networkId, meetingId);
      const agenda = resolveAgenda(patch.agenda);
      if (patch.hostCity !== undefined) {
        await hostCityIdIn(this.#store, networkId, patch.mode ?? before.mode, patch.hostCity);
      }
      if (JSON.stringify(agenda) !== JSON.stringify(before.agenda)) {
        await this.#boards.replaceAgenda(before.boardId, pinAgenda(agenda));
      }
    }
    await this.#store.transaction(async (tx) => {
      const current = await recordIn(tx, networkId, meetingId);
      const mode = patch.mode ?? current.mode;
      const hostCityId =
        patch.hostCity !== undefined
          ? await hostCityIdIn(tx, networkId, mode, patch.hostCity)
          : mode === 'online'
            ? null
            : current.hostCityId;
      await tx.updateMeeting({
        id: meetingId,
        networkId,
        title: patch.title ?? current.title,
        startsAt: patch.startsAt ?? current.startsAt,
        mode,
        hostCityId,
        venue: patch.venue ?? current.venue,
        room: patch.room ?? current.room,
        cateringNotes: patch.cateringNotes ?? current.cateringNotes,
        agenda: patch.agenda ? resolveAgenda(patch.agenda) : current.agenda,
      });
    });
    return this.get(networkId, meetingId);
  }

  /** The core member city that hosted this network's meetings least often. */
  async suggestHost(networkId: string): Promise<{ city: string | null; hosted: number }> {
    const best = suggestHost(await this.#networks.members(networkId), await this.#store.hostsOf(networkId));
    return best ? { city: best.city, hosted: best.hosted } : { city: null, hosted: 0 };
  }

  async invitations(networkId: string, meetingId: string): Promise<Invitation[]> {
    await recordIn(this.#store, networkId, meetingId);
    return (await this.#store.invitations(meetingId)).map(toInvitation);
  }

  async invite(networkId: string, meetingId: string, personId: string): Promise<Invitation[]> {
    await this.#store.transaction(async (tx) => {
      await recordIn(tx, networkId, meetingId);
      if (!(await tx.networkPerson(networkId, personId))) {
        throw new NetworkError('invalid', 'not_in_network', 'This person is not in the network.');
      }
      if (await tx.invitation(meetingId, personId)) {
        throw new NetworkError('conflict', 'already_invited', 'This person is already invited.');
      }
      await tx.insertInvitation(meetingId, personId);
    });
    return this.invitations(networkId, meetingId);
  }

  async uninvite(networkId: string, meetingId: string, personId: string): Promise<Invitation[]> {
    await this.#store.transaction(async (tx) => {
      await recordIn(tx, networkId, meetingId);
      await requireInvitationIn(tx, meetingId, personId);
      await tx.deleteInvitation(meetingId, personId);
    });
    return this.invitations(networkId, meetingId);
  }

  /**
   * An invitee's answer. Someone who cannot come may name a substitute of their own city in this
   * network, who is then invited in their place ([N10]); a new answer replaces the old one, and a
   * substitute named before who has not answered yet is no longer invited.
   */
  async answer(
    networkId: string,
    meetingId: string,
    personId: string,
    answer: InvitationAnswer,
    substituteId: string | null,
    now = new Date(),
  ): Promise<Invitation> {
    await this.#store.transaction(async (tx) => {
      await recordIn(tx, networkId, meetingId);
      await requireInvitationIn(tx, meetingId, personId);
      if (substituteId !== null) await checkSubstituteIn(tx, networkId, personId, substituteId);
      await tx.deleteUnansweredSubstitutes(meetingId, personId);
      await tx.answer(meetingId, personId, answer, substituteId, now.toISOString());
      if (substituteId !== null && !(await tx.invitation(meetingId, substituteId))) {
        await tx.insertInvitation(meetingId, substituteId, personId);
      }
    });
    return toInvitation(await requireInvitationIn(this.#store, meetingId, personId));
  }

  /** A person's home in one network: the next meeting and the past ones, newest first. */
  async home(networkId: string, personId: string, now = new Date()): Promise<HomeNetwork> {
    const network = await this.#networks.get(networkId);
    const person = await this.#networks.person(networkId, personId);
    const membership = person.cityId ? await this.#store.member(networkId, person.cityId) : null;
    // An observer city's people see a note once the group shared it with observers ([P6]).
    const observer = boardRoleFor(person.role, membership?.membership ?? null) === 'observer';
    const nowLocal = warsawLocalTime(now);
    const meetings: HomeMeeting[] = [];
    for (const record of await this.#store.meetings(networkId)) {
      const invitation = await this.#store.invitation(record.id, personId);
      const meeting = await this.#view(record, observer ? 'observers' : 'members');
      meetings.push({
        id: meeting.id,
        boardId: meeting.boardId,
        title: meeting.title,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        timeZone: meeting.timeZone,
        mode: meeting.mode,
        hostCity: meeting.hostCity,
        venue: meeting.venue,
        room: meeting.room,
        agenda: meeting.agenda,
        noteApproved: meeting.noteApproved,
        invited: invitation !== null,
        answer: invitation?.answer ?? null,
      });
    }
    return {
      network,
      role: person.role,
      membership: membership?.membership ?? null,
      // A meeting under way is still the next one: its board is where the person goes.
      nextMeeting: meetings.find((meeting) => meeting.endsAt > nowLocal) ?? null,
      pastMeetings: meetings.filter((meeting) => meeting.endsAt <= nowLocal).reverse(),
    };
  }

  /** The meeting as an iCalendar file, in Polish (the network's language). */
  async calendar(networkId: string, meetingId: string, host: string, now = new Date()): Promise<string> {
    const network = await this.#networks.get(networkId);
    const meeting = await recordIn(this.#store, networkId, meetingId);
    const description = [
      translate('pl', 'network.calendar.network', { network: network.name }),
      translate('pl', 'network.calendar.mode', { mode: translate('pl', `record.mode.${meeting.mode}`) }),
      ...(meeting.room ? [translate('pl', 'network.calendar.room', { room: meeting.room })] : []),
      '',
      translate('pl', 'network.calendar.agenda'),
      ...agendaLines(meeting.startsAt, meeting.agenda),
    ].join('\n');
    return meetingCalendar({
      uid: `${meeting.id}@${host}`,
      sequence: meeting.sequence,
      stamp: now,
      startsAt: meeting.startsAt,
      endsAt: endsAtOf(meeting),
      summary: meeting.title,
      description,
      location: [meeting.venue, meeting.hostCity].filter(Boolean).join(', '),
    });
  }

  async #view(meeting: MeetingRecord, audience: 'members' | 'observers' = 'members'): Promise<Meeting> {
    return {
      id: meeting.id,
      networkId: meeting.networkId,
      boardId: meeting.boardId,
      title: meeting.title,
      startsAt: meeting.startsAt,
      endsAt: endsAtOf(meeting),
      timeZone: MEETING_TIME_ZONE,
      mode: meeting.mode,
      hostCity: meeting.hostCity,
      venue: meeting.venue,
      room: meeting.room,
      cateringNotes: meeting.cateringNotes,
      agenda: meeting.agenda,
      noteApproved: await this.#boards.noteApproved(meeting.boardId, audience),
      createdAt: meeting.createdAt,
    };
  }
}

/** A meeting ends when its agenda does (local Warsaw time, as it starts). */
function endsAtOf(meeting: MeetingRecord): string {
  return addLocalMinutes(meeting.startsAt, agendaMinutes(meeting.agenda));
}

// The checks below take the store to read through: the service's own, or inside a transaction the
// store bound to it, so that the check and the write it allows are one transaction.

async function requireNetworkIn(store: NetworkStore, networkId: string): Promise<NetworkRecord> {
  const network = await store.network(networkId);
  if (!network) throw notFoundIn('network');
  return network;
}

async function recordIn(store: NetworkStore, networkId: string, meetingId: string): Promise<MeetingRecord> {
  await requireNetworkIn(store, networkId);
  const meeting = await store.meeting(networkId, meetingId);
  if (!meeting) throw notFoundIn('meeting in this network');
  return meeting;
}

async function requireInvitationIn(store: NetworkStore, meetingId: string, personId: string) {
  const invitation = await store.invitation(meetingId, personId);
  if (!invitation)
    throw new NetworkError('conflict', 'not_invited', 'This person is not invited to the meeting.');
  return invitation;
}

async function checkSubstituteIn(
  store: NetworkStore,
  networkId: string,
  personId: string,
  substituteId: string,
): Promise<void> {
  const person = await store.networkPerson(networkId, personId);
  if (!person) throw notFoundIn('person in this network');
  const substitute = await store.networkPerson(networkId, substituteId);
  const fits =
    substitute !== null &&
    substitute.id !== person.id &&
    representsCity(substitute.role) &&
    person.cityId !== null &&
    substitute.cityId === person.cityId;
  if (!fits) {
    throw new NetworkError(
      'invalid',
      'bad_substitute',
      'A substitute is another representative or substitute of the same city in this network.',
    );
  }
}

/** In-person and hybrid meetings may name a member city as host; online ones have none. */
async function hostCityIdIn(
  store: NetworkStore,
  networkId: string,
  mode: MeetingMode,
  hostCity: string | null,
): Promise<string | null> {
  if (hostCity === null) return null;
  if (mode === 'online') {
    throw new NetworkError('invalid', 'online_has_no_host', 'An online meeting has no host city.');
  }
  const city: CityRecord | null = await store.cityByName(hostCity);
  if (!city || !(await store.member(networkId, city.id))) {
    throw new NetworkError(
      'conflict',
      'host_not_member',
      `${hostCity} is not a member city of this network.`,
    );
  }
  return city.id;
}

/** An agenda as stored: at least one item, each step a real step of its format, each with minutes ([N9]). */
export function resolveAgenda(items: readonly AgendaItemInput[]): Agenda {
  if (items.length === 0) {
    throw new NetworkError(
      'invalid',
      'empty_agenda',
      'The agenda has no items: add a format step or an item of your own.',
    );
  }
  return items.map((item) => {
    if (item.kind !== 'step') return { kind: item.kind, title: item.title ?? '', minutes: item.minutes };
    const step = getFormat(item.format)?.steps.find((candidate) => candidate.id === item.stepId);
    if (!step) {
      throw new NetworkError('invalid', 'unknown_step', `${item.format} has no step "${item.stepId}".`);
    }
    return { kind: 'step', format: item.format, stepId: item.stepId, minutes: item.minutes ?? step.minutes };
  });
}

/** `10:00–10:30 Przerwa (30 min)`, one line per item, in Polish. */
function agendaLines(startsAt: string, agenda: Agenda): string[] {
  let at = startsAt;
  return agenda.map((item) => {
    const end = addLocalMinutes(at, item.minutes);
    const label =
      item.kind === 'step'
        ? (getFormat(item.format)?.steps.find((step) => step.id === item.stepId)?.title.pl ?? item.stepId)
        : item.title || translate('pl', `network.agenda.${item.kind}`);
    const line = `${at.slice(11)}–${end.slice(11)} ${label} (${item.minutes} min)`;
    at = end;
    return line;
  });
}

function toInvitation(record: {
  personId: string;
  name: string;
  city: string | null;
  role: NetworkRole | null;
  answer: InvitationAnswer | null;
  substituteId: string | null;
  substituteFor: string | null;
  answeredAt: string | null;
}): Invitation {
  return {
    personId: record.personId,
    name: record.name,
    city: record.city,
    role: record.role,
    answer: record.answer,
    substituteId: record.substituteId,
    substituteFor: record.substituteFor,
    answeredAt: record.answeredAt,
  };
}
