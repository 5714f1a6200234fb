import { createHash } from 'node:crypto';
import {
  checkMerge,
  personResolver,
  type PersonEntry,
  type PersonLink,
  type PersonResolver,
  type Role,
  type Voter,
} from '@empiria/shared';
import { DomainError } from '../domain-error';
import { newId } from '../ids';
import type { PersonRecord, PeopleStore } from './people-store';

/** How many merge links `isActive` follows before it gives up (the store keeps chains at one). */
const MAX_LINKS = 8;

/**
 * Who is who on a board (docs/permissions.md, [I1]–[I4]): joining with a device secret the board
 * has seen before (through the same role's link) is the same person again; the facilitator merges
 * a human's second device into their first, or removes an identity. Sessions, votes and approvals
 * ask here whom a person id stands for.
 */
export class PeopleService {
  readonly #store: PeopleStore;

  constructor(store: PeopleStore) {
    this.#store = store;
  }

  /**
   * The person a join speaks for ([I1]): the one this device secret already belongs to (an alias
   * joins as its person), with the name and city now given; a new person otherwise. A device the
   * facilitator removed is refused ([I3]).
   */
  admit(
    boardId: string,
    role: Role,
    inviteId: string,
    request: { name: string; city: string; deviceSecret?: string | undefined },
    now = Date.now(),
  ): Promise<PersonRecord> {
    const secretHash = request.deviceSecret ? hashDeviceSecret(boardId, request.deviceSecret) : null;
    return this.#store.transaction(async (store) => {
      const known = secretHash ? await store.bySecret(boardId, role, secretHash) : null;
      if (!known) {
        return store.insert(
          {
            boardId,
            id: newId(8),
            role,
            inviteId,
            name: request.name,
            city: request.city,
            createdAt: now,
            lastJoinedAt: now,
          },
          secretHash,
        );
      }
      const person = await canonicalIn(store, boardId, known.id);
      if (!person) {
        throw new DomainError(
          'forbidden',
          'person_removed',
          'The facilitator has removed you from this board.',
        );
      }
      // The device's own entry takes the name and city typed now; a merged device speaks as its
      // person but does not rename them (the two devices may spell the name differently).
      const update = { inviteId, name: request.name, city: request.city, at: now };
      await store.rejoined(boardId, known.id, update);
      return person.id === known.id ? { ...person, ...update, lastJoinedAt: now } : person;
    });
  }

  /** Whether a session's person still counts for someone: not removed, nor merged into a removed person. */
  async isActive(boardId: string, personId: string): Promise<boolean> {
    return (await this.canonical(boardId, personId)) !== null;
  }

  /** The person an id stands for now (an alias's person), or null when removed or unknown. */
  canonical(boardId: string, personId: string): Promise<PersonRecord | null> {
    return canonicalIn(this.#store, boardId, personId);
  }

  /** Resolves every person id of the board at once (for counting votes and approvals). */
  async resolver(boardId: string): Promise<PersonResolver> {
    return personResolver((await this.#store.list(boardId)).map(toLink));
  }

  /** Like `resolver`, answering with the person's current name and city (named votes show them). */
  async voterResolver(boardId: string): Promise<(personId: string) => Voter | null> {
    return voterResolverOf(await this.#store.list(boardId));
  }

  /** Every id that stands for the same person as `personId` (the person and its aliases). */
  async idsOf(boardId: string, personId: string): Promise<string[]> {
    return idsIn(await this.#store.list(boardId), personId);
  }

  /** Everyone who joined, as the facilitator's list shows them ([I2]). */
  async list(boardId: string, connectedIds: ReadonlySet<string>): Promise<PersonEntry[]> {
    const people = await this.#store.list(boardId);
    const resolve = personResolver(people.map(toLink));
    const online = new Set<string>();
    for (const person of people) {
      const target = resolve(person.id);
      if (target !== null && connectedIds.has(person.id)) online.add(target);
    }
    return people.map((person) => {
      const status = person.removedAt !== null ? 'removed' : person.mergedInto !== null ? 'merged' : 'active';
      return {
        id: person.id,
        role: person.role,
        name: person.name,
        city: person.city,
        joinedAt: new Date(person.createdAt).toISOString(),
        lastJoinedAt: new Date(person.lastJoinedAt).toISOString(),
        status,
        mergedInto: status === 'merged' ? resolve(person.id) : null,
        online:
          status === 'active' ? online.has(person.id) : status === 'merged' && connectedIds.has(person.id),
      };
    });
  }

  /** `aliasId` becomes an alias of `targetId` ([I2]): the same human, counted once. */
  merge(boardId: string, aliasId: string, targetId: string): Promise<{ alias: string; target: string }> {
    return this.#store.transaction(async (store) => {
      const check = checkMerge((await store.list(boardId)).map(toLink), aliasId, targetId);
      if (!check.ok)
        throw new DomainError(
          check.code === 'not_found' ? 'not_found' : 'conflict',
          check.code,
          check.message,
        );
      await store.merge(boardId, check.alias, check.target);
      return { alias: check.alias, target: check.target };
    });
  }

  /**
   * Removes the person `personId` stands for ([I3]); their aliases go with them. Returns every id
   * whose sessions end. Nobody removes themselves: the board would lose the hand that runs it.
   */
  remove(boardId: string, personId: string, removedBy: string, now = Date.now()): Promise<string[]> {
    return this.#store.transaction(async (store) => {
      const person = await canonicalIn(store, boardId, personId);
      if (!person)
        throw new DomainError('not_found', 'not_found', 'No such person on this board (or already removed).');
      if (person.id === (await canonicalIn(store, boardId, removedBy))?.id) {
        throw new DomainError('conflict', 'cannot_remove_self', 'You cannot remove yourself from the board.');
      }
      const ids = idsIn(await store.list(boardId), person.id);
      await store.remove(boardId, person.id, now);
      return ids;
    });
  }
}

/** Only a hash of a device secret is stored; the board id keeps one secret's hashes apart per board. */
export function hashDeviceSecret(boardId: string, secret: string): string {
  return createHash('sha256').update(`empiria-device\n${boardId}\n${secret}`).digest('hex');
}

/** Whom each id among `people` stands for now, with the person's current name and city ([I4]). */
function voterResolverOf(people: readonly PersonRecord[]): (personId: string) => Voter | null {
  const resolve = personResolver(people.map(toLink));
  const byId = new Map(people.map((person) => [person.id, person]));
  return (personId) => {
    const person = byId.get(resolve(personId) ?? '');
    return person ? { id: person.id, name: person.name, city: person.city } : null;
  };
}

/** The person an id stands for in `store` (the service's, or one bound to a transaction). */
async function canonicalIn(
  store: PeopleStore,
  boardId: string,
  personId: string,
): Promise<PersonRecord | null> {
  let person = await store.get(boardId, personId);
  for (let links = 0; person && links <= MAX_LINKS; links++) {
    if (person.removedAt !== null) return null;
    if (person.mergedInto === null) return person;
    person = await store.get(boardId, person.mergedInto);
  }
  return null;
}

/** Every id among `people` that stands for the same person as `personId`. */
function idsIn(people: readonly PersonRecord[], personId: string): string[] {
  const resolve = personResolver(people.map(toLink));
  const target = resolve(personId);
  if (target === null) return [];
  return people.map((person) => person.id).filter((id) => resolve(id) === target);
}

const toLink = (person: PersonRecord): PersonLink => ({
  id: person.id,
  role: person.role,
  mergedInto: person.mergedInto,
  removed: person.removedAt !== null,
});
