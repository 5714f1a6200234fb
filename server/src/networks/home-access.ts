import {
  HOME_ERROR_CODES,
  representsCity,
  type HomeSubstitutesResponse,
  type InvitationAnswer,
  type Location,
  type Meeting,
  type NetworkActor,
  type Role,
} from '@empiria/shared';
import type { TokenCodec } from '../auth/tokens';
import { hashDeviceSecret } from '../boards/people-service';
import { DomainError } from '../domain-error';
import { boardRoleFor } from './board-role';
import { notFoundIn } from './network-error';
import type { MeetingService } from './meeting-service';
import type { NetworkService } from './network-service';
import type { HomeStore } from './home-store';
import type { NetworkPersonRecord } from './network-store';

/** A person of a network, acting through their personal link. */
export type PersonActor = Extract<NetworkActor, { kind: 'person' }>;

/** Everything a join from home needs: which board, as whom, through which of its invites. */
export interface HomeBoardEntry {
  meeting: Meeting;
  role: Role;
  inviteId: string;
  name: string;
  city: string;
  /** Stands for the network person on this board, on every device ([N12], [I1]). */
  deviceSecret: string;
  /** In the room or online, from the invitation's answer; null when there is none to give. */
  where: Location | null;
}

const WHERE_OF_ANSWER: Record<InvitationAnswer, Location | null> = {
  'in-person': 'room',
  online: 'online',
  'cannot-come': null,
};

/**
 * The board person a network person is, on every board of their network's meetings: a secret only
 * the server can make (the MAC of a claim no link is ever signed with, so no token handed out
 * carries it), sent through the board's device-secret mechanism. The same network person gets the
 * same board person on every device and every join ([N12]); a guest's device secret, random and
 * chosen by the browser, can never be it. It never leaves the server: the board keeps its hash.
 */
export function boardPersonSecret(tokens: TokenCodec, networkId: string, personId: string): string {
  const signed = tokens.sign({ k: 'personal', w: networkId, u: personId, i: '~board-person' });
  return signed.slice(signed.indexOf('.') + 1);
}

/**
 * What a personal link reaches beyond the home page ([N12]): a meeting of the link's own network
 * only ([N5]); its board, for the meeting's invitees and the pair, as the person they are in the
 * network; its approved note, for everyone in the network (observer cities: what was shared).
 */
export class HomeAccess {
  readonly #networks: NetworkService;
  readonly #meetings: MeetingService;
  readonly #store: HomeStore;
  readonly #secret: (networkId: string, personId: string) => string;

  constructor(
    networks: NetworkService,
    meetings: MeetingService,
    store: HomeStore,
    secret: (networkId: string, personId: string) => string,
  ) {
    this.#networks = networks;
    this.#meetings = meetings;
    this.#store = store;
    this.#secret = secret;
  }

  /** A meeting of the actor's network; another network's is 403, an unknown one 404 ([N5]). */
  async meeting(actor: PersonActor, meetingId: string): Promise<Meeting> {
    const networkId = await this.#store.meetingNetwork(meetingId);
    if (networkId === null) throw notFoundIn('meeting');
    if (networkId !== actor.networkId) {
      throw new DomainError(
        'forbidden',
        HOME_ERROR_CODES.otherNetwork,
        'This meeting belongs to another network than your personal link.',
      );
    }
    return this.#meetings.get(networkId, meetingId);
  }

  /**
   * The way onto a meeting's board: invitees (whatever they answered: plans change) and the pair
   * may enter; the board role comes from the network role and the city's membership.
   */
  async boardEntry(actor: PersonActor, meetingId: string, where?: Location | null): Promise<HomeBoardEntry> {
    const meeting = await this.meeting(actor, meetingId);
    const network = await this.#networks.get(actor.networkId);
    const person = await this.#networks.person(actor.networkId, actor.personId);
    const invitation = (await this.#meetings.invitations(actor.networkId, meetingId)).find(
      (candidate) => candidate.personId === person.id,
    );
    const pair = person.role === 'facilitator' || person.role === 'expert';
    if (!invitation && !pair) {
      throw new DomainError(
        'forbidden',
        HOME_ERROR_CODES.notInvited,
        'You are not invited to this meeting; ask its facilitator for an invitation.',
      );
    }
    const role = await this.#boardRole(actor.networkId, person);
    const inviteId = await this.#store.activeInvite(meeting.boardId, role);
    if (inviteId === null) throw notFoundIn('board for this meeting');
    const answered = invitation?.answer ? WHERE_OF_ANSWER[invitation.answer] : null;
    return {
      meeting,
      role,
      inviteId,
      name: person.name,
      // The people who run a network may have no city: the network names where they come from.
      city: (person.city ?? network.name).slice(0, 80).trim(),
      deviceSecret: this.#secret(actor.networkId, person.id),
      // Observers are not asked where they are (as on the join form).
      where: role === 'observer' ? null : where !== undefined ? where : answered,
    };
  }

  /**
   * Who may stand in for the caller at a meeting they are invited to ([N10]): the same people the
   * answer accepts as a substitute — another representative or substitute of their city in this
   * network — by name only; and whom their answer names now.
   */
  async substitutes(actor: PersonActor, meetingId: string): Promise<HomeSubstitutesResponse> {
    const meeting = await this.meeting(actor, meetingId);
    const person = await this.#networks.person(actor.networkId, actor.personId);
    const invitations = await this.#meetings.invitations(actor.networkId, meeting.id);
    const invitation = invitations.find((candidate) => candidate.personId === person.id);
    if (!invitation) {
      throw new DomainError(
        'forbidden',
        HOME_ERROR_CODES.notInvited,
        'You are not invited to this meeting, so nobody is to come instead of you.',
      );
    }
    const people = await this.#networks.people(actor.networkId, false);
    const substitutes = people
      .filter(
        (candidate) =>
          person.cityId !== null &&
          candidate.id !== person.id &&
          representsCity(candidate.role) &&
          candidate.cityId === person.cityId,
      )
      .map((candidate) => ({ id: candidate.id, name: candidate.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'pl'));
    const chosenId = invitation.substituteId;
    // One named before may have left the network since: their invitation still names them.
    const chosenName =
      chosenId === null
        ? null
        : (people.find((candidate) => candidate.id === chosenId)?.name ??
          invitations.find((candidate) => candidate.personId === chosenId)?.name ??
          null);
    const insteadOf = invitations.find((candidate) => candidate.personId === invitation.substituteFor);
    return {
      substitutes,
      chosen: chosenId !== null && chosenName !== null ? { id: chosenId, name: chosenName } : null,
      standingInFor: insteadOf ? { id: insteadOf.personId, name: insteadOf.name } : null,
    };
  }

  /**
   * The board people a network person is on their network's meeting boards (one per board role
   * they joined with from home), found by the secret only the server makes for them ([N12]):
   * whose live connections end when their personal link does.
   */
  async boardPeople(
    networkId: string,
    personId: string,
  ): Promise<{ boardId: string; personIds: Set<string> }[]> {
    const secret = this.#secret(networkId, personId);
    const boards: { boardId: string; personIds: Set<string> }[] = [];
    for (const boardId of await this.#store.meetingBoards(networkId)) {
      const personIds = new Set(await this.#store.peopleBySecret(boardId, hashDeviceSecret(boardId, secret)));
      if (personIds.size > 0) boards.push({ boardId, personIds });
    }
    return boards;
  }

  /** The meeting whose approved note a person may read, and whether they read it as an observer. */
  async notes(actor: PersonActor, meetingId: string): Promise<{ meeting: Meeting; observer: boolean }> {
    const meeting = await this.meeting(actor, meetingId);
    if (!meeting.noteApproved) {
      throw new DomainError(
        'not_found',
        HOME_ERROR_CODES.notApproved,
        "This meeting's note has not been approved yet.",
      );
    }
    const person = await this.#networks.person(actor.networkId, actor.personId);
    return { meeting, observer: (await this.#boardRole(actor.networkId, person)) === 'observer' };
  }

  /**
   * Whether this person reads the network's notes as an observer (an observer city's people): then
   * only what the group agreed to share reaches them, whichever route they read by ([N13], [N15]).
   */
  async readsAsObserver(actor: PersonActor): Promise<boolean> {
    const person = await this.#networks.person(actor.networkId, actor.personId);
    return (await this.#boardRole(actor.networkId, person)) === 'observer';
  }

  async #boardRole(networkId: string, person: NetworkPersonRecord): Promise<Role> {
    const member = person.cityId
      ? (await this.#networks.members(networkId)).find((candidate) => candidate.cityId === person.cityId)
      : undefined;
    return boardRoleFor(person.role, member?.membership ?? null);
  }
}
