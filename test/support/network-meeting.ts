import {
  createMeetingResponseSchema,
  createdResponseSchema,
  networkDetailSchema,
  type MeetingMode,
} from '@empiria/shared';
import { apiCall } from './api';
import { thisHourInWarsaw } from './network-pages';
import type { ServerHandle } from './server-process';

/** A network meeting's board as the board's own tests use it, with each person's personal link. */
export interface NetworkMeeting {
  networkId: string;
  boardId: string;
  /** A person's personal link (their home, from which they join the board), by name. */
  links: Record<string, string>;
}

/**
 * "Miasta nad Wisłą" with its pair (Felicja Nowak, Edward Zieliński), `people` as city
 * representatives (their cities laureates of the programme), and a meeting this hour whose board is
 * made from `agenda`.
 */
export async function makeNetworkMeeting(
  server: ServerHandle,
  options: {
    people: ReadonlyArray<readonly [name: string, city: string]>;
    title: string;
    mode: MeetingMode;
    agenda: ReadonlyArray<{ kind: 'step'; format: string; stepId: string; minutes: number }>;
  },
): Promise<NetworkMeeting> {
  const call = (method: string, url: string, body?: unknown) =>
    apiCall(server, method, url, { token: server.adminToken, body });
  const networkId = createdResponseSchema.parse(
    await call('POST', '/api/networks', {
      name: 'Miasta nad Wisłą',
      theme: 'Bulwary i mieszkańcy',
      facilitator: { name: 'Felicja Nowak' },
      experts: [{ name: 'Edward Zieliński' }],
    }),
  ).id;
  for (const city of new Set(options.people.map(([, city]) => city)))
    await call('POST', `/api/networks/${networkId}/members`, { city, membership: 'programme-laureate' });
  for (const [name, city] of options.people)
    await call('POST', `/api/networks/${networkId}/people`, { name, city, role: 'representative' });
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${networkId}`));
  const links: Record<string, string> = {};
  for (const person of detail.people) links[person.name] = person.link ?? '';
  const { boardId } = createMeetingResponseSchema.parse(
    await call('POST', `/api/networks/${networkId}/meetings`, {
      title: options.title,
      startsAt: thisHourInWarsaw(),
      mode: options.mode,
      agenda: options.agenda,
    }),
  );
  return { networkId, boardId, links };
}
