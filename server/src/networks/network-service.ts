import {
  MAX_REPRESENTATIVES,
  representsCity,
  type MembershipType,
  type NetworkActor,
  type NetworkRole,
  type NetworkSummary,
  type StaffInput,
} from '@empiria/shared';
import { newId } from '../ids';
import { NetworkError, notFoundIn } from './network-error';
import type {
  CityRecord,
  MemberRecord,
  NetworkPersonRecord,
  NetworkRecord,
  SqliteNetworkStore,
} from './network-store';
import type { PersonalLinks } from './personal-links';

/** Roles a network has at most one of: the facilitator leads, the organiser handles logistics. */
const SINGLE_ROLES: readonly NetworkRole[] = ['facilitator', 'organiser'];

export interface NewNetwork {
  name: string;
  theme: string;
  description: string;
  facilitator?: StaffInput;
  experts: StaffInput[];
  organiser?: StaffInput;
}

export interface NewPerson {
  name: string;
  email?: string;
  city?: string;
  role: NetworkRole;
}

export interface PersonPatch {
  name?: string;
  email?: string | null;
  city?: string | null;
  role?: NetworkRole;
}

/** A person of a network as the API shows them: with their link when the caller hands links out. */
export interface NetworkPersonView extends NetworkPersonRecord {
  link: string | null;
}

/**
 * Networks, their member cities and their people (issue #11, items 1–2). The rules:
 * - a city is a member of a network once ([N7]);
 * - representatives and substitutes belong to a member city, at most MAX_REPRESENTATIVES
 *   permanent representatives per city; one facilitator and one organiser per network ([N8]);
 * - a person is one human across networks: the same e-mail is the same person;
 * - every person of a network has one personal link, replaced on demand; a person who leaves
 *   the network loses it and their invitations to meetings still to come ([N6]);
 * - each change is one transaction: a refused request writes nothing ([N11]).
 */
export class NetworkService {
  readonly #store: SqliteNetworkStore;
  readonly #links: PersonalLinks;

  constructor(store: SqliteNetworkStore, links: PersonalLinks) {
    this.#store = store;
    this.#links = links;
  }

  create(request: NewNetwork, now = new Date()): NetworkRecord {
    const at = now.toISOString();
    const network: NetworkRecord = {
      id: newId(9),
      name: request.name,
      theme: request.theme,
      description: request.description,
      createdAt: at,
    };
    const staff: [StaffInput, NetworkRole][] = [
      ...(request.facilitator ? [[request.facilitator, 'facilitator'] as [StaffInput, NetworkRole]] : []),
      ...request.experts.map((expert): [StaffInput, NetworkRole] => [expert, 'expert']),
      ...(request.organiser ? [[request.organiser, 'organiser'] as [StaffInput, NetworkRole]] : []),
    ];
    this.#store.transaction(() => {
      this.#store.insertNetwork(network);
      for (const [person, role] of staff) this.#addPerson(network.id, { ...person, role }, at, true);
    });
    return network;
  }

  get(networkId: string): NetworkRecord {
    const network = this.#store.network(networkId);
    if (!network) throw notFoundIn('network');
    return network;
  }

  /** Every network (the office), or only those named (a person's). */
  list(only?: readonly string[]): NetworkSummary[] {
    const ids = only ?? this.#store.networkIds();
    return ids.flatMap((id) => {
      const network = this.#store.network(id);
      return network ? [{ ...network, ...this.#store.counts(id) }] : [];
    });
  }

  update(
    networkId: string,
    patch: Partial<Pick<NetworkRecord, 'name' | 'theme' | 'description'>>,
  ): NetworkRecord {
    const updated = { ...this.get(networkId), ...patch };
    this.#store.updateNetwork(updated);
    return updated;
  }

  members(networkId: string): MemberRecord[] {
    this.get(networkId);
    return this.#store.members(networkId);
  }

  /** A city joins: found by name among the known cities, or added to them. */
  addMember(networkId: string, cityName: string, membership: MembershipType, now = new Date()): MemberRecord {
    this.get(networkId);
    const at = now.toISOString();
    return this.#store.transaction(() => {
      const city = this.#cityFor(cityName, at);
      if (this.#store.member(networkId, city.id)) {
        throw new NetworkError(
          'conflict',
          'already_member',
          `${city.name} is already a member of this network.`,
        );
      }
      this.#store.insertMember(networkId, city.id, membership, at);
      return this.#store.member(networkId, city.id) as MemberRecord;
    });
  }

  updateMember(networkId: string, cityId: string, membership: MembershipType): MemberRecord {
    this.#requireMember(networkId, cityId);
    this.#store.updateMembership(networkId, cityId, membership);
    return this.#store.member(networkId, cityId) as MemberRecord;
  }

  /** A city leaves; refused while people still speak for it in this network (move or remove them first). */
  removeMember(networkId: string, cityId: string): void {
    this.#store.transaction(() => {
      const member = this.#requireMember(networkId, cityId);
      if (member.representatives + member.substitutes > 0) {
        throw new NetworkError(
          'conflict',
          'city_has_people',
          `${member.city} still has representatives or substitutes in this network; remove them first.`,
        );
      }
      this.#store.deleteMember(networkId, cityId);
    });
  }

  people(networkId: string, withLinks: boolean): NetworkPersonView[] {
    this.get(networkId);
    return this.#store.networkPeople(networkId).map((person) => this.#view(person, withLinks));
  }

  person(networkId: string, personId: string): NetworkPersonRecord {
    const person = this.#store.networkPerson(networkId, personId);
    if (!person) throw notFoundIn('person in this network');
    return person;
  }

  /** A person's name for a record of what they did; '—' once they left the network. */
  personName(networkId: string, personId: string): string {
    return this.#store.networkPerson(networkId, personId)?.name ?? '—';
  }

  /** A person joins the network and gets their personal link. */
  addPerson(networkId: string, request: NewPerson, now = new Date(), byOffice = true): NetworkPersonView {
    this.get(networkId);
    const personId = this.#store.transaction(() =>
      this.#addPerson(networkId, request, now.toISOString(), byOffice),
    );
    return this.#view(this.person(networkId, personId), true);
  }

  updatePerson(
    networkId: string,
    personId: string,
    patch: PersonPatch,
    now = new Date(),
    byOffice = true,
  ): NetworkPersonView {
    this.#store.transaction(() => {
      const current = this.person(networkId, personId);
      // [N5] One human in several networks: their name, e-mail and city are theirs in every one, so
      // only the office changes them; a network's pair changes only the role they have there.
      const changesDetails =
        patch.name !== undefined || patch.email !== undefined || patch.city !== undefined;
      if (
        !byOffice &&
        changesDetails &&
        this.#store.rolesOf(personId).some((r) => r.networkId !== networkId)
      ) {
        throw new NetworkError(
          'conflict',
          'shared_person',
          'This person is also in another network; ask the office to change their details.',
        );
      }
      const role = patch.role ?? current.role;
      let cityId = current.cityId;
      if (patch.city !== undefined)
        cityId = patch.city === null ? null : this.#cityFor(patch.city, now.toISOString()).id;
      let email = current.email;
      if (patch.email !== undefined) {
        email = patch.email === null ? null : patch.email.toLowerCase();
        const holder = email === null ? null : this.#store.personByEmail(email);
        if (holder && holder.id !== personId) {
          throw new NetworkError(
            'conflict',
            'email_taken',
            'Another person already has this e-mail address.',
          );
        }
      }
      // The person is one human in every network they are in: a new city must suit each of them.
      for (const membership of this.#store.rolesOf(personId)) {
        const roleThere = membership.networkId === networkId ? role : membership.role;
        this.#checkPlace(membership.networkId, roleThere, cityId, personId);
      }
      this.#store.updatePerson({ id: personId, name: patch.name ?? current.name, email, cityId });
      if (role !== current.role) this.#store.updateRole(networkId, personId, role);
    });
    return this.#view(this.person(networkId, personId), true);
  }

  /** The person leaves the network: their link ends, and so do their invitations still to come. */
  removePerson(networkId: string, personId: string, nowLocal: string, now = new Date()): void {
    this.#store.transaction(() => {
      this.person(networkId, personId);
      this.#store.revokeLinks(networkId, personId, now.toISOString());
      this.#store.deleteUpcomingInvitations(networkId, personId, nowLocal);
      this.#store.deleteNetworkPerson(networkId, personId);
    });
  }

  /** Replaces the person's personal link: the old one stops working at once ([N6]). */
  replaceLink(networkId: string, personId: string, now = new Date()): string {
    const linkId = newId();
    this.#store.transaction(() => {
      this.person(networkId, personId);
      this.#store.revokeLinks(networkId, personId, now.toISOString());
      this.#store.insertLink(linkId, networkId, personId, now.toISOString());
    });
    return this.#links.url(networkId, personId, linkId);
  }

  isLinkActive(linkId: string, networkId: string, personId: string): boolean {
    return this.#store.isLinkActive(linkId, networkId, personId);
  }

  /** Who a personal link speaks for, with their role now (a changed role counts at once). */
  actorOf(networkId: string, personId: string): NetworkActor | null {
    const person = this.#store.networkPerson(networkId, personId);
    return person ? { kind: 'person', networkId, personId, role: person.role } : null;
  }

  #addPerson(networkId: string, request: NewPerson, at: string, byOffice: boolean): string {
    const email = request.email?.toLowerCase() ?? null;
    const known = email === null ? null : this.#store.personByEmail(email);
    if (known && this.#store.networkPerson(networkId, known.id)) {
      throw new NetworkError('conflict', 'already_in_network', 'This person is already in this network.');
    }
    // [N5] Linking someone who is in another network would tell a network's pair who has an
    // e-mail address, and show them that person's details: the office does it.
    if (known && !byOffice) {
      throw new NetworkError(
        'conflict',
        'shared_person',
        'Someone in another network has this e-mail address; ask the office to add them.',
      );
    }
    // A known person keeps the city the server has for them; the request's fills a gap.
    const cityId = known?.cityId ?? (request.city ? this.#cityFor(request.city, at).id : null);
    this.#checkPlace(networkId, request.role, cityId, known?.id ?? null);
    const personId = known?.id ?? newId(9);
    if (!known) this.#store.insertPerson({ id: personId, name: request.name, email, cityId }, at);
    else if (known.cityId === null && cityId !== null) this.#store.updatePerson({ ...known, cityId });
    this.#store.insertNetworkPerson(networkId, personId, request.role, at);
    this.#store.insertLink(newId(), networkId, personId, at);
    return personId;
  }

  /** Whether `role` from `cityId` fits the network, not counting `personId` itself ([N8]). */
  #checkPlace(networkId: string, role: NetworkRole, cityId: string | null, personId: string | null): void {
    const others = this.#store.networkPeople(networkId).filter((person) => person.id !== personId);
    if (SINGLE_ROLES.includes(role) && others.some((person) => person.role === role)) {
      throw new NetworkError('conflict', 'role_taken', `This network already has its ${role}.`);
    }
    if (!representsCity(role)) return;
    if (cityId === null) {
      throw new NetworkError(
        'invalid',
        'city_required',
        `A ${role} speaks for a member city: name the city.`,
      );
    }
    const member = this.#store.member(networkId, cityId);
    if (!member) {
      throw new NetworkError(
        'conflict',
        'city_not_member',
        `The city is not a member of this network; add it as a member first.`,
      );
    }
    const representatives = others.filter(
      (person) => person.cityId === cityId && person.role === 'representative',
    ).length;
    if (role === 'representative' && representatives >= MAX_REPRESENTATIVES) {
      throw new NetworkError(
        'conflict',
        'too_many_representatives',
        `${member.city} already has ${MAX_REPRESENTATIVES} permanent representatives; add a substitute instead.`,
      );
    }
  }

  #cityFor(name: string, at: string): CityRecord {
    const known = this.#store.cityByName(name);
    if (known) return known;
    const city = { id: newId(9), name: name.normalize('NFC').trim().replace(/\s+/g, ' ') };
    this.#store.insertCity(city, at);
    return city;
  }

  #requireMember(networkId: string, cityId: string): MemberRecord {
    this.get(networkId);
    const member = this.#store.member(networkId, cityId);
    if (!member) throw notFoundIn('member city in this network');
    return member;
  }

  #view(person: NetworkPersonRecord, withLink: boolean): NetworkPersonView {
    const linkId = withLink ? this.#store.activeLinkId(person.networkId, person.id) : null;
    return { ...person, link: linkId ? this.#links.url(person.networkId, person.id, linkId) : null };
  }
}
