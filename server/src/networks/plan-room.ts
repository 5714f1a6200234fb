import {
  cityColor,
  mayPlan,
  planSectionText,
  replaceSectionText,
  type Identity,
  type NetworkRoomAddress,
  type PlanSectionId,
} from '@empiria/shared';
import type { PersonalClaims } from '../auth/tokens';
import type { ConnectionRights } from '../sync/connection';
import type { RoomRegistry } from '../sync/room-registry';
import type { NetworkService } from './network-service';
import type { PlanSectionsMirror } from './plan-mirror';
import type { PlanSectionsDocument, PlanService } from './plan-service';
import type { RoomAuthorNames } from './room-author-names';
import type { PlanStore, SectionRecord } from './plan-store';

export const planRoomOf = (networkId: string): NetworkRoomAddress => ({ networkId, doc: 'plan' });

/** Who a connection to a network's room is, and what it may do there; or why it may not open it. */
export type NetworkRoomDecision =
  | { ok: true; identity: Identity; rights: ConnectionRights }
  | { ok: false; status: 403 | 404; message: string };

/**
 * [W6] The plan's room opens with a personal link of that network, for those who write the
 * sections: the pair and the core cities' people. The others (the organiser, the office, an
 * observer city) read the plan through the API, which the document keeps current.
 */
export async function planRoomDecision(
  claims: PersonalClaims,
  address: NetworkRoomAddress,
  networks: NetworkService,
  plan: PlanService,
  authors: RoomAuthorNames,
): Promise<NetworkRoomDecision> {
  if (claims.w !== address.networkId)
    return { ok: false, status: 403, message: 'This link belongs to another network.' };
  const actor = await networks.actorOf(claims.w, claims.u);
  if (!actor) return { ok: false, status: 403, message: 'This link was revoked.' };
  const planActor = await plan.planActor(actor, address.networkId);
  if (!mayPlan(planActor, 'plan.write', address.networkId))
    return { ok: false, status: 403, message: 'Only the pair and the core cities write the work plan.' };
  const person = await networks.person(address.networkId, claims.u);
  // The plan's rules name who wrote, inside update validation, where they cannot read the database.
  authors.remember(address.networkId, person.id, person.name);
  // The pair has no city: their name stands in, as on a board's presence.
  const city = person.city ?? person.name;
  return {
    ok: true,
    // The plan's writers are the board's participants of this room: they write and show presence.
    identity: { id: person.id, name: person.name, city, role: 'participant', color: cityColor(city) },
    rights: { write: true, awareness: 'presence' },
  };
}

/**
 * The server's writes into the plans' documents (an API save, "propose from notes"), queued in the
 * room like a member's update, so they reach everyone typing and nothing crosses them.
 */
export class PlanRooms implements PlanSectionsDocument {
  readonly #registry: RoomRegistry;
  readonly #mirror: PlanSectionsMirror;
  readonly #store: PlanStore;

  constructor(registry: RoomRegistry, mirror: PlanSectionsMirror, store: PlanStore) {
    this.#registry = registry;
    this.#mirror = mirror;
    this.#store = store;
  }

  async flush(networkId: string): Promise<void> {
    await this.#mirror.flush(networkId);
  }

  async write(
    networkId: string,
    author: string,
    decide: (stored: SectionRecord[]) => Partial<Record<PlanSectionId, string>>,
  ): Promise<void> {
    let stored: SectionRecord[] = [];
    await this.#registry.room(planRoomOf(networkId)).transact(
      (doc) => {
        const texts = decide(stored);
        for (const [id, text] of Object.entries(texts) as [PlanSectionId, string][]) {
          const section = planSectionText(doc, id);
          // The room's load created all nine (plan-document-rules.ts); a missing one is a bug, not input.
          if (!section) throw new Error(`the plan's document has no section ${id}`);
          replaceSectionText(section, text);
        }
        this.#mirror.edited(networkId, doc, author);
      },
      // In the room's queue, after every edit before it: the table brought up to date, then read.
      async () => {
        await this.#mirror.flush(networkId);
        stored = await this.#store.sections(networkId);
      },
    );
    // What was just written is in the table before the caller reads it back.
    await this.#mirror.flush(networkId);
  }
}
