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
  NetworkStore,
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
 * - each change is one transaction: a refused request writes nothing ([N11]); its checks read
 *   through the store the transaction gives (`tx`), so no other request's write falls between a
 *   check and the write it allows.
 */
export class NetworkService {
  readonly #store: NetworkStore;
  readonly #links: PersonalLinks;

  constructor(store: NetworkStore, links: PersonalLinks) {
    this.#store = store;
    this.#links = links;
  }

  /**
   * Runs `work` with this service bound to one transaction: the changes it makes are all stored or
   * none (the demo's networks with their cities and people). `work` must use the service it is given.
   */
  transaction<T>(work: (networks: NetworkService) => Promise<T>): Promise<T> {
    return this.#store.transaction((tx) => work(new NetworkService(tx, this.#links)));
  }

  async create(request: NewNetwork, now = new Date()): Promise<NetworkRecord> {
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
    await this.#store.transaction(async (tx) => {
      await tx.insertNetwork(network);
      for (const [person, role] of staff) await addPersonIn(tx, network.id, { ...person, role }, at, true);
    });
    return network;
  }

  get(networkId: string): Promise<NetworkRecord> {
    return requireNetwork(this.#store, networkId);
  }

  /** Every network (the office), or only those named (a person's). */
  async list(only?: readonly string[]): Promise<NetworkSummary[]> {
    const ids = only ?? (await this.#store.networkIds());
    const summaries: NetworkSummary[] = [];
    for (const id of ids) {
      const network = await this.#store.network(id);
      if (network) summaries.push({ ...network, ...(await this.#store.counts(id)) });
    }
    return summaries;
  }

  async update(
    networkId: string,
    patch: Partial<Pick<NetworkRecord, 'name' | 'theme' | 'description'>>,
  ): Promise<NetworkRecord> {
    return this.#store.transaction(async (tx) => {
      const updated = { ...(await requireNetwork(tx, networkId)), ...patch };
      await tx.updateNetwork(updated);
      return updated;
    });
  }

  async members(networkId: string): Promise<MemberRecord[]> {
    await this.get(networkId);
    return this.#store.members(networkId);
  }

  /** A city joins: found by name among the known cities, or added to them. */
  async addMember(
    networkId: string,
    cityName: string,
    membership: MembershipType,
    now = new Date(),
  ): Promise<MemberRecord> {
    const at = now.toISOString();
    return this.#store.transaction(async (tx) => {
      await requireNetwork(tx, networkId);
      const city = await cityFor(tx, cityName, at);
      if (await tx.member(networkId, city.id)) {
        throw new NetworkError(
          'conflict',
          'already_member',
          `${city.name} is already a member of this network.`,
        );
      }
      await tx.insertMember(networkId, city.id, membership, at);
      return (await tx.member(networkId, city.id)) as MemberRecord;
    });
  }

  async updateMember(networkId: string, cityId: string, membership: MembershipType): Promise<MemberRecord> {
    return this.#store.transaction(async (tx) => {
      await requireMember(tx, networkId, cityId);
      await tx.updateMembership(networkId, cityId, membership);
      return (await tx.member(networkId, cityId)) as MemberRecord;
    });
  }

  /** A city leaves; refused while people still speak for it in this network (move or remove them first). */
  async removeMember(networkId: string, cityId: string): Promise<void> {
    await this.#store.transaction(async (tx) => {
      const member = await requireMember(tx, networkId, cityId);
      if (member.representatives + member.substitutes > 0) {
        throw new NetworkError(
          'conflict',
          'city_has_people',
          `${member.city} still has representatives or substitutes in this network; remove them first.`,
        );
      }
      await tx.deleteMember(networkId, cityId);
    });
  }

  async people(networkId: string, withLinks: boolean): Promise<NetworkPersonView[]> {
    await this.get(networkId);
    const people = await this.#store.networkPeople(networkId);
    const views: NetworkPersonView[] = [];
    for (const person of people) views.push(await this.#view(person, withLinks));
    return views;
  }

  person(networkId: string, personId: string): Promise<NetworkPersonRecord> {
    return requirePerson(this.#store, networkId, personId);
  }

  /** A person's name for a record of what they did; '—' once they left the network. */
  async personName(networkId: string, personId: string): Promise<string> {
    return (await this.#store.networkPerson(networkId, personId))?.name ?? '—';
  }

  /** A person joins the network and gets their personal link. */
  async addPerson(
    networkId: string,
    request: NewPerson,
    now = new Date(),
    byOffice = true,
  ): Promise<NetworkPersonView> {
    const personId = await this.#store.transaction(async (tx) => {
      await requireNetwork(tx, networkId);
      return addPersonIn(tx, networkId, request, now.toISOString(), byOffice);
    });
    return this.#view(await this.person(networkId, personId), true);
  }

  async updatePerson(
    networkId: string,
    personId: string,
    patch: PersonPatch,
    now = new Date(),
    byOffice = true,
  ): Promise<NetworkPersonView> {
    await this.#store.transaction(async (tx) => {
      const current = await requirePerson(tx, networkId, personId);
      const roles = await tx.rolesOf(personId);
      // [N5] One human in several networks: their name, e-mail and city are theirs in every one, so
      // only the office changes them; a network's pair changes only the role they have there.
      const changesDetails =
        patch.name !== undefined || patch.email !== undefined || patch.city !== undefined;
      if (!byOffice && changesDetails && roles.some((r) => r.networkId !== networkId)) {
        throw new NetworkError(
          'conflict',
          'shared_person',
          'This person is also in another network; ask the office to change their details.',
        );
      }
      const role = patch.role ?? current.role;
      let cityId = current.cityId;
      if (patch.city !== undefined)
        cityId = patch.city === null ? null : (await cityFor(tx, patch.city, now.toISOString())).id;
      let email = current.email;
      if (patch.email !== undefined) {
        email = patch.email === null ? null : patch.email.toLowerCase();
        const holder = email === null ? null : await tx.personByEmail(email);
        if (holder && holder.id !== personId) {
          throw new NetworkError(
            'conflict',
            'email_taken',
            'Another person already has this e-mail address.',
          );
        }
      }
      // The person is one human in every network they are in: a new city must suit each of them.
      for (const membership of roles) {
        const roleThere = membership.networkId === networkId ? role : membership.role;
        await checkPlace(tx, membership.networkId, roleThere, cityId, personId);
      }
      await tx.updatePerson({ id: personId, name: patch.name ?? current.name, email, cityId });
      if (role !== current.role) await tx.updateRole(networkId, personId, role);
    });
    return this.#view(await this.person(networkId, personId), true);
  }

  /** The person leaves the network: their link ends, and so do their invitations still to come. */
  async removePerson(networkId: string, personId: string, nowLocal: string, now = new Date()): Promise<void> {
    await this.#store.transaction(async (tx) => {
      await requirePerson(tx, networkId, personId);
      await tx.revokeLinks(networkId, personId, now.toISOString());
      await tx.deleteUpcomingInvitations(networkId, personId, nowLocal);
      await tx.deleteNetworkPerson(networkId, personId);
    });
  }

  /** Replaces the person's personal link: the old one stops working at once ([N6]). */
  async replaceLink(networkId: string, personId: string, now = new Date()): Promise<string> {
    const linkId = newId();
    await this.#store.transaction(async (tx) => {
      await requirePerson(tx, networkId, personId);
      await tx.revokeLinks(networkId, personId, now.toISOString());
      await tx.insertLink(linkId, networkId, personId, now.toISOString());
    });
    return this.#links.url(networkId, personId, linkId);
  }

  isLinkActive(linkId: string, networkId: string, personId: string): Promise<boolean> {
    return this.#store.isLinkActive(linkId, networkId, personId);
  }

  /** Who a personal link speaks for, with their role now (a changed role counts at once). */
  async actorOf(networkId: string, personId: string): Promise<NetworkActor | null> {
    const person = await this.#store.networkPerson(networkId, personId);
    return person ? { kind: 'person', networkId, personId, role: person.role } : null;
  }

  async #view(person: NetworkPersonRecord, withLink: boolean): Promise<NetworkPersonView> {
    const linkId = withLink ? await this.#store.activeLinkId(person.networkId, person.id) : null;
    return { ...person, link: linkId ? this.#links.url(person.networkId, person.id, linkId) : null };
  }
}

async function requireNetwork(store: NetworkStore, networkId: string): Promise<NetworkRecord> {
  const network = await store.network(networkId);
  if (!network) throw notFoundIn('network');
  return network;
}

async function requirePerson(
  store: NetworkStore,
  networkId: string,
  personId: string,
): Promise<NetworkPersonRecord> {
  const person = await store.networkPerson(networkId, personId);
  if (!person) throw notFoundIn('person in this network');
  return person;
}

async function requireMember(store: NetworkStore, networkId: string, cityId: string): Promise<MemberRecord> {
  await requireNetwork(store, networkId);
  const member = await store.member(networkId, cityId);
  if (!member) throw notFoundIn('member city in this network');
  return member;
}

/** Adds a person to a network inside the caller's transaction `tx`; answers their id. */
async function addPersonIn(
  tx: NetworkStore,
  networkId: string,
  request: NewPerson,
  at: string,
  byOffice: boolean,
): Promise<string> {
  const email = request.email?.toLowerCase() ?? null;
  const known = email === null ? null : await tx.personByEmail(email);
  if (known && (await tx.networkPerson(networkId, known.id))) {
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
  const cityId = known?.cityId ?? (request.city ? (await cityFor(tx, request.city, at)).id : null);
  await checkPlace(tx, networkId, request.role, cityId, known?.id ?? null);
  const personId = known?.id ?? newId(9);
  if (!known) await tx.insertPerson({ id: personId, name: request.name, email, cityId }, at);
  else if (known.cityId === null && cityId !== null) await tx.updatePerson({ ...known, cityId });
  await tx.insertNetworkPerson(networkId, personId, request.role, at);
  await tx.insertLink(newId(), networkId, personId, at);
  return personId;
}

/** Whether `role` from `cityId` fits the network, not counting `personId` itself ([N8]). */
async function checkPlace(
  tx: NetworkStore,
  networkId: string,
  role: NetworkRole,
  cityId: string | null,
  personId: string | null,
): Promise<void> {
  const others = (await tx.networkPeople(networkId)).filter((person) => person.id !== personId);
  if (SINGLE_ROLES.includes(role) && others.some((person) => person.role === role)) {
    throw new NetworkError('conflict', 'role_taken', `This network already has its ${role}.`);
  }
  if (!representsCity(role)) return;
  if (cityId === null) {
    throw new NetworkError('invalid', 'city_required', `A ${role} speaks for a member city: name the city.`);
  }
  const member = await tx.member(networkId, cityId);
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

/** The known city of that name, or a new one added to the cities (inside the caller's `tx`). */
async function cityFor(tx: NetworkStore, name: string, at: string): Promise<CityRecord> {
  const known = await tx.cityByName(name);
  if (known) return known;
  const city = { id: newId(9), name: name.normalize('NFC').trim().replace(/\s+/g, ' ') };
  await tx.insertCity(city, at);
  return city;
}
