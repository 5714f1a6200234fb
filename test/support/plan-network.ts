import { createdResponseSchema, networkDetailSchema, type NetworkPerson } from '@empiria/shared';
import { apiCall, inviteToken } from './api';
import type { ServerHandle } from './server-process';

/** A network as the work plan's tests use it: its people by first name, its cities by name. */
export interface PlanNetwork {
  id: string;
  people: Record<string, NetworkPerson>;
  cities: Record<string, string>;
  /** The token of a person's personal link, by first name. */
  token: (who: string) => string;
}

/**
 * A network with its pair (Fela, Edward) and organiser (Olga), two core cities (Gdynia with Ala,
 * Płock with Piotr) and an observer city (Radom with Rita); every name ends with `name`.
 */
export async function makePlanNetwork(server: ServerHandle, name: string): Promise<PlanNetwork> {
  const admin = server.adminToken;
  const call = (method: string, url: string, body?: unknown) =>
    apiCall(server, method, url, { token: admin, body });
  const { id } = createdResponseSchema.parse(
    await call('POST', '/api/networks', {
      name,
      theme: 'Zieleń w mieście',
      facilitator: { name: `Fela ${name}` },
      experts: [{ name: `Edward ${name}` }],
      organiser: { name: `Olga ${name}` },
    }),
  );
  for (const [city, membership] of [
    ['Gdynia', 'programme-laureate'],
    ['Płock', 'programme-finalist'],
    ['Radom', 'observer'],
  ] as const) {
    await call('POST', `/api/networks/${id}/members`, { city, membership });
  }
  for (const [person, city] of [
    [`Ala ${name}`, 'Gdynia'],
    [`Piotr ${name}`, 'Płock'],
    [`Rita ${name}`, 'Radom'],
  ] as const) {
    await call('POST', `/api/networks/${id}/people`, { name: person, city, role: 'representative' });
  }
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${id}`));
  const people = Object.fromEntries(detail.people.map((p) => [p.name.split(' ')[0] as string, p]));
  const cities = Object.fromEntries(detail.members.map((m) => [m.city, m.cityId]));
  return { id, people, cities, token: (who) => inviteToken(people[who]?.link ?? '') };
}
