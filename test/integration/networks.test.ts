import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  boardListResponseSchema,
  createMeetingResponseSchema,
  createdResponseSchema,
  homeResponseSchema,
  hostSuggestionSchema,
  invitationListResponseSchema,
  invitationSchema,
  meetingSchema,
  memberCitySchema,
  networkDetailSchema,
  networkListResponseSchema,
  networkPersonSchema,
  personalLinkResponseSchema,
  type CreateMeetingRequest,
  type CreateMeetingResponse,
  type NetworkPerson,
} from '@empiria/shared';
import { apiCall, apiRequest, createBoard, inviteToken, type ApiResponse } from '../support/api';
import { rawSocket } from '../support/raw-socket';
import { REPO_ROOT, startServer } from '../support/server-process';
import { serverPerFile } from '../support/server-per-file';

/**
 * Networks, members, personal links, meetings and invitations (issue #11) against a real server:
 * every route, every refusal of the "Bad input" list, the permission rules [N1]–[N11]
 * (docs/permissions.md), the .ics parsed back, and a database of the release before networks.
 */
// The office sets up whole networks in a burst here; the act limit itself is tested in
// server/src/http/routes/network-routes.test.ts.
const setup = serverPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });

const admin = () => setup.server.adminToken;
const tokenOf = (link: string) => inviteToken(link);
const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token, body });
const request = (method: string, url: string, token: string | undefined, body?: unknown) =>
  apiRequest(setup.server, method, url, { token, body });

function expectError(response: ApiResponse, status: number, code: string): void {
  expect({
    status: response.status,
    code: (response.body as { error?: { code?: string } }).error?.code,
  }).toEqual({
    status,
    code,
  });
}

interface Fixture {
  id: string;
  people: Record<string, NetworkPerson>;
  token: (who: string) => string;
  cityId: (name: string) => string;
}

/** A network of three member cities with its pair, organiser, representatives and a substitute. */
async function makeNetwork(name = 'Miasto cyfrowe'): Promise<Fixture> {
  const { id } = createdResponseSchema.parse(
    await call('POST', '/api/networks', admin(), {
      name,
      theme: 'Cyfryzacja usług miejskich',
      description: 'Sieć miast wymieniających doświadczenia w cyfryzacji.',
      facilitator: { name: 'Fela Nowak', email: `fela.${name.length}@zmp.pl` },
      experts: [{ name: 'Edward Ekspert' }],
      organiser: { name: 'Olga Opiekun' },
    }),
  );
  await call('POST', `/api/networks/${id}/members`, admin(), {
    city: 'Gdynia',
    membership: 'programme-laureate',
  });
  await call('POST', `/api/networks/${id}/members`, admin(), {
    city: 'Ełk',
    membership: 'programme-finalist',
  });
  await call('POST', `/api/networks/${id}/members`, admin(), {
    city: 'Lublin',
    membership: 'leader-of-change',
  });
  await call('POST', `/api/networks/${id}/members`, admin(), { city: 'Radom', membership: 'observer' });
  for (const [person, city, role] of [
    ['Ala Gdyńska', 'Gdynia', 'representative'],
    ['Bea Gdyńska', 'Gdynia', 'representative'],
    ['Zyta Gdyńska', 'Gdynia', 'substitute'],
    ['Ewa Ełcka', 'Ełk', 'representative'],
    ['Lena Lubelska', 'Lublin', 'representative'],
    ['Rita Radomska', 'Radom', 'representative'],
  ] as const) {
    await call('POST', `/api/networks/${id}/people`, admin(), { name: person, city, role });
  }
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${id}`, admin()));
  const people = Object.fromEntries(detail.people.map((p) => [p.name.split(' ')[0] as string, p]));
  return {
    id,
    people,
    token: (who) => tokenOf(people[who]?.link ?? ''),
    cityId: (city) => detail.members.find((m) => m.city === city)?.cityId ?? '',
  };
}

const firstMeeting = (overrides: Partial<CreateMeetingRequest> = {}): CreateMeetingRequest => ({
  title: 'Spotkanie 1 — start sieci',
  startsAt: '2099-03-15T10:00',
  mode: 'hybrid',
  hostCity: 'Gdynia',
  venue: 'Urząd Miasta, al. Marszałka Piłsudskiego 52/54',
  agenda: [
    { kind: 'step', format: 'format-0', stepId: 'welcome', minutes: 30 },
    { kind: 'expert-input', title: 'Cyfrowe usługi w Norwegii', minutes: 45 },
    { kind: 'break', minutes: 30 },
    { kind: 'step', format: 'format-0', stepId: 'contract' },
    { kind: 'funding-calls', minutes: 20 },
    { kind: 'free-discussion', minutes: 40 },
  ],
  ...overrides,
});

async function planMeeting(network: Fixture, overrides: Partial<CreateMeetingRequest> = {}) {
  return createMeetingResponseSchema.parse(
    await call(
      'POST',
      `/api/networks/${network.id}/meetings`,
      network.token('Fela'),
      firstMeeting(overrides),
    ),
  );
}

let cyfrowe: Fixture;
let meeting: CreateMeetingResponse;

describe('networks, members and people', () => {
  beforeAll(async () => {
    cyfrowe = await makeNetwork();
  });

  it('[N1] the office creates a network (only name and theme required) and lists every network', async () => {
    const minimal = await request('POST', '/api/networks', admin(), {
      name: 'Leadership',
      theme: 'Przywództwo',
    });
    expect(minimal.status).toBe(201);
    const { id } = createdResponseSchema.parse(minimal.body);
    const list = networkListResponseSchema.parse(await call('GET', '/api/networks', admin()));
    expect(list.networks.map((n) => n.id)).toEqual(expect.arrayContaining([cyfrowe.id, id]));
    expect(list.networks.find((n) => n.id === cyfrowe.id)).toMatchObject({ members: 4, people: 9 });
    expectError(await request('POST', '/api/networks', admin(), { name: 'Bez tematu' }), 400, 'invalid_body');
  });

  it('[N1] nobody but the office creates a network; board links open no network', async () => {
    expectError(
      await request('POST', '/api/networks', cyfrowe.token('Fela'), { name: 'X', theme: 'Y' }),
      403,
      'forbidden',
    );
    const board = await createBoard(setup.server, 'Zwykła tablica');
    expectError(await request('GET', '/api/networks', tokenOf(board.invites.facilitator)), 403, 'forbidden');
    expectError(await request('GET', '/api/networks', undefined), 401, 'unauthorized');
  });

  it('GET /api/networks/:id: members with their kind, people with e-mails and (for the pair) links', async () => {
    const detail = networkDetailSchema.parse(
      await call('GET', `/api/networks/${cyfrowe.id}`, cyfrowe.token('Edward')),
    );
    expect(detail.network).toMatchObject({ name: 'Miasto cyfrowe', theme: 'Cyfryzacja usług miejskich' });
    expect(detail.members.map((m) => [m.city, m.membership, m.representatives, m.substitutes])).toEqual([
      ['Gdynia', 'programme-laureate', 2, 1],
      ['Ełk', 'programme-finalist', 1, 0],
      ['Lublin', 'leader-of-change', 1, 0],
      ['Radom', 'observer', 1, 0],
    ]);
    expect(detail.people.every((p) => p.link !== null)).toBe(true);
    // [N3] the organiser sees the network, but hands out no links.
    const seenByOrganiser = networkDetailSchema.parse(
      await call('GET', `/api/networks/${cyfrowe.id}`, cyfrowe.token('Olga')),
    );
    expect(seenByOrganiser.people.every((p) => p.link === null)).toBe(true);
    // [N4] a representative's view is their home, not the network's list of people.
    expectError(await request('GET', `/api/networks/${cyfrowe.id}`, cyfrowe.token('Ala')), 403, 'forbidden');
    expectError(await request('GET', '/api/networks/nonexistent-network', admin()), 404, 'not_found');
  });

  it('[N2] PATCH /api/networks/:id: the pair renames their network; a representative cannot', async () => {
    const patched = await call('PATCH', `/api/networks/${cyfrowe.id}`, cyfrowe.token('Fela'), {
      description: 'Usługi cyfrowe, dane, cyberbezpieczeństwo.',
    });
    expect(patched).toMatchObject({ network: { description: 'Usługi cyfrowe, dane, cyberbezpieczeństwo.' } });
    expectError(
      await request('PATCH', `/api/networks/${cyfrowe.id}`, cyfrowe.token('Ala'), { name: 'Moja sieć' }),
      403,
      'forbidden',
    );
  });

  it('[N7] a member city added twice is refused with a clear error, nothing written', async () => {
    const before = networkDetailSchema.parse(await call('GET', `/api/networks/${cyfrowe.id}`, admin()));
    const twice = await request('POST', `/api/networks/${cyfrowe.id}/members`, cyfrowe.token('Fela'), {
      city: ' gdynia ',
      membership: 'observer',
    });
    expectError(twice, 409, 'already_member');
    expect((twice.body as { error: { message: string } }).error.message).toContain('Gdynia');
    const after = networkDetailSchema.parse(await call('GET', `/api/networks/${cyfrowe.id}`, admin()));
    expect(after.members).toEqual(before.members);
  });

  it('[N8] a representative of a city that is not a member is refused, nothing written', async () => {
    const before = networkDetailSchema.parse(await call('GET', `/api/networks/${cyfrowe.id}`, admin()));
    expectError(
      await request('POST', `/api/networks/${cyfrowe.id}/people`, cyfrowe.token('Fela'), {
        name: 'Kasia Kielecka',
        city: 'Kielce',
        role: 'representative',
      }),
      409,
      'city_not_member',
    );
    expectError(
      await request('POST', `/api/networks/${cyfrowe.id}/people`, cyfrowe.token('Fela'), {
        name: 'Bez Miasta',
        role: 'substitute',
      }),
      400,
      'city_required',
    );
    const after = networkDetailSchema.parse(await call('GET', `/api/networks/${cyfrowe.id}`, admin()));
    expect(after.people).toEqual(before.people);
  });

  it('[N8] a fourth permanent representative of a city is refused (2–3 plus substitutes)', async () => {
    const third = await call('POST', `/api/networks/${cyfrowe.id}/people`, cyfrowe.token('Fela'), {
      name: 'Cela Gdyńska',
      city: 'Gdynia',
      role: 'representative',
    });
    const cela = networkPersonSchema.parse((third as { person: unknown }).person);
    expectError(
      await request('POST', `/api/networks/${cyfrowe.id}/people`, cyfrowe.token('Fela'), {
        name: 'Dora Gdyńska',
        city: 'Gdynia',
        role: 'representative',
      }),
      409,
      'too_many_representatives',
    );
    const deleted = await request(
      'DELETE',
      `/api/networks/${cyfrowe.id}/people/${cela.id}`,
      cyfrowe.token('Fela'),
    );
    expect(deleted.status).toBe(204);
  });

  it('[N2] members and people: POST, PATCH and DELETE under /api/networks/:id/…', async () => {
    const fela = cyfrowe.token('Fela');
    const added = await call('POST', `/api/networks/${cyfrowe.id}/members`, fela, {
      city: 'Kielce',
      membership: 'observer',
    });
    const kielce = memberCitySchema.parse((added as { member: unknown }).member);
    const patched = await call('PATCH', `/api/networks/${cyfrowe.id}/members/${kielce.cityId}`, fela, {
      membership: 'programme-finalist',
    });
    expect(memberCitySchema.parse((patched as { member: unknown }).member).membership).toBe(
      'programme-finalist',
    );

    const kasia = networkPersonSchema.parse(
      (
        (await call('POST', `/api/networks/${cyfrowe.id}/people`, fela, {
          name: 'Kasia Kielecka',
          email: 'Kasia@Kielce.eu',
          city: 'Kielce',
          role: 'substitute',
        })) as { person: unknown }
      ).person,
    );
    expect(kasia).toMatchObject({ email: 'kasia@kielce.eu', city: 'Kielce', role: 'substitute' });
    const renamed = await call('PATCH', `/api/networks/${cyfrowe.id}/people/${kasia.id}`, fela, {
      role: 'representative',
      name: 'Katarzyna Kielecka',
    });
    expect((renamed as { person: NetworkPerson }).person).toMatchObject({
      name: 'Katarzyna Kielecka',
      role: 'representative',
    });
    // The city cannot leave while someone speaks for it.
    expectError(
      await request('DELETE', `/api/networks/${cyfrowe.id}/members/${kielce.cityId}`, fela),
      409,
      'city_has_people',
    );
    expect((await request('DELETE', `/api/networks/${cyfrowe.id}/people/${kasia.id}`, fela)).status).toBe(
      204,
    );
    expect(
      (await request('DELETE', `/api/networks/${cyfrowe.id}/members/${kielce.cityId}`, fela)).status,
    ).toBe(204);
    // Her link ended with her membership ([N6]).
    expectError(await request('GET', '/api/me', tokenOf(kasia.link ?? '')), 401, 'unauthorized');
    expectError(
      await request('DELETE', `/api/networks/${cyfrowe.id}/people/${kasia.id}`, fela),
      404,
      'not_found',
    );
  });

  it('[N3] [N4] the organiser and representatives manage no members or people', async () => {
    for (const who of ['Olga', 'Ala']) {
      expectError(
        await request('POST', `/api/networks/${cyfrowe.id}/members`, cyfrowe.token(who), {
          city: 'Płock',
          membership: 'observer',
        }),
        403,
        'forbidden',
      );
      expectError(
        await request(
          'PATCH',
          `/api/networks/${cyfrowe.id}/people/${cyfrowe.people.Bea?.id}`,
          cyfrowe.token(who),
          {
            role: 'substitute',
          },
        ),
        403,
        'forbidden',
      );
    }
  });

  it('a person in two networks is one person, with one link per network', async () => {
    const zasoby = createdResponseSchema.parse(
      await call('POST', '/api/networks', admin(), { name: 'Zasoby miast', theme: 'Finanse' }),
    );
    await call('POST', `/api/networks/${zasoby.id}/members`, admin(), {
      city: 'Gdynia',
      membership: 'observer',
    });
    const again = (await call('POST', `/api/networks/${zasoby.id}/people`, admin(), {
      name: 'Fela',
      email: `FELA.${'Miasto cyfrowe'.length}@zmp.pl`,
      role: 'expert',
    })) as { person: NetworkPerson };
    expect(again.person.id).toBe(cyfrowe.people.Fela?.id);
    expect(again.person.link).not.toBe(cyfrowe.people.Fela?.link);
  });
});

describe('personal links and homes', () => {
  let other: Fixture;

  beforeAll(async () => {
    cyfrowe ??= await makeNetwork();
    other = await makeNetwork('Miasto obywateli');
    meeting = await planMeeting(cyfrowe);
  });

  it('[N4] GET /api/me: my network, the next meeting with its agenda, my answer', async () => {
    const home = homeResponseSchema.parse(await call('GET', '/api/me', cyfrowe.token('Ala')));
    expect(home.person).toMatchObject({ name: 'Ala Gdyńska', city: 'Gdynia' });
    expect(home.networks).toHaveLength(1);
    const [mine] = home.networks;
    expect(mine).toMatchObject({
      network: { id: cyfrowe.id, name: 'Miasto cyfrowe' },
      role: 'representative',
      membership: 'programme-laureate',
      pastMeetings: [],
    });
    expect(mine?.nextMeeting).toMatchObject({
      id: meeting.id,
      boardId: meeting.boardId,
      startsAt: '2099-03-15T10:00',
      hostCity: 'Gdynia',
      mode: 'hybrid',
      invited: true,
      answer: null,
    });
    expect(mine?.nextMeeting?.agenda.map((item) => item.kind)).toEqual([
      'step',
      'expert-input',
      'break',
      'step',
      'funding-calls',
      'free-discussion',
    ]);
  });

  it('[N5] a personal link of network A is refused on network B’s routes', async () => {
    const felaOfA = cyfrowe.token('Fela');
    const b = other.id;
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/networks/${b}`],
      ['PATCH', `/api/networks/${b}`, { name: 'Przejęta' }],
      ['GET', `/api/networks/${b}/meetings`],
      ['POST', `/api/networks/${b}/members`, { city: 'Płock', membership: 'observer' }],
      ['POST', `/api/networks/${b}/people`, { name: 'Szpieg', role: 'expert' }],
      ['POST', `/api/networks/${b}/meetings`, firstMeeting()],
      ['GET', `/api/networks/${b}/meetings/suggested-host`],
      ['POST', `/api/networks/${b}/people/${other.people.Ala?.id}/link`],
    ];
    for (const [method, url, body] of attempts) {
      const response = await request(method, url, felaOfA, body);
      expectError(response, 403, 'forbidden');
      expect((response.body as { error: { message: string } }).error.message).toContain('another network');
    }
    const list = networkListResponseSchema.parse(await call('GET', '/api/networks', felaOfA));
    expect(list.networks.map((n) => n.id)).toEqual([cyfrowe.id]);
    const home = homeResponseSchema.parse(await call('GET', '/api/me', felaOfA));
    expect(home.networks.map((n) => n.network.id)).toEqual([cyfrowe.id]);
  });

  it('[N5] nobody sees another network’s meetings or invitations, even with the ids', async () => {
    const bMeeting = await planMeeting(other);
    for (const who of ['Fela', 'Olga', 'Ala']) {
      const token = cyfrowe.token(who);
      for (const url of [
        `/api/networks/${other.id}/meetings/${bMeeting.id}`,
        `/api/networks/${other.id}/meetings/${bMeeting.id}/invitations`,
        `/api/networks/${other.id}/meetings/${bMeeting.id}/invitation.ics`,
      ]) {
        expectError(await request('GET', url, token), 403, 'forbidden');
      }
      expectError(
        await request(
          'PUT',
          `/api/networks/${other.id}/meetings/${bMeeting.id}/invitations/${cyfrowe.people[who]?.id}/answer`,
          token,
          { answer: 'online' },
        ),
        403,
        'forbidden',
      );
    }
    // Network A's own path with network B's meeting id finds nothing.
    expectError(
      await request('GET', `/api/networks/${cyfrowe.id}/meetings/${bMeeting.id}`, cyfrowe.token('Fela')),
      404,
      'not_found',
    );
  });

  it('[N6] a revoked personal link is refused; the new one works', async () => {
    const oldToken = cyfrowe.token('Bea');
    expect((await request('GET', '/api/me', oldToken)).status).toBe(200);
    const replaced = personalLinkResponseSchema.parse(
      await call(
        'POST',
        `/api/networks/${cyfrowe.id}/people/${cyfrowe.people.Bea?.id}/link`,
        cyfrowe.token('Fela'),
      ),
    );
    const refused = await request('GET', '/api/me', oldToken);
    expectError(refused, 401, 'unauthorized');
    expect((refused.body as { error: { message: string } }).error.message).toContain('revoked');
    expectError(
      await request(
        'PUT',
        `/api/networks/${cyfrowe.id}/meetings/${meeting.id}/invitations/${cyfrowe.people.Bea?.id}/answer`,
        oldToken,
        {
          answer: 'online',
        },
      ),
      401,
      'unauthorized',
    );
    const home = homeResponseSchema.parse(await call('GET', '/api/me', tokenOf(replaced.link)));
    expect(home.person.name).toBe('Bea Gdyńska');
    cyfrowe.people.Bea = { ...cyfrowe.people.Bea!, link: replaced.link };
  });

  it('[N6] a personal link opens no board, over HTTP or the websocket; a tampered one is refused', async () => {
    expectError(
      await request('GET', `/api/boards/${meeting.boardId}`, cyfrowe.token('Ala')),
      401,
      'unauthorized',
    );
    const socket = rawSocket(
      `${setup.server.wsBase}/${meeting.boardId}/canvas?token=${encodeURIComponent(cyfrowe.token('Fela'))}`,
      setup.server.baseUrl,
    );
    await expect(socket.opened).rejects.toThrow('HTTP 401');
    expectError(await request('GET', '/api/me', `${cyfrowe.token('Ala')}x`), 401, 'unauthorized');
    expectError(await request('GET', '/api/me', admin()), 403, 'forbidden');
  });
});

describe('meetings and invitations', () => {
  beforeAll(async () => {
    cyfrowe ??= await makeNetwork();
    meeting ??= await planMeeting(cyfrowe);
  });

  it('POST /api/networks/:id/meetings makes the meeting and its board from the first format', async () => {
    expect(meeting.meeting).toMatchObject({
      networkId: cyfrowe.id,
      title: 'Spotkanie 1 — start sieci',
      startsAt: '2099-03-15T10:00',
      timeZone: 'Europe/Warsaw',
      hostCity: 'Gdynia',
      noteApproved: false,
    });
    // Every item has its minutes; the contract step took its own from Format 0.
    expect(meeting.meeting.agenda.every((item) => item.minutes > 0)).toBe(true);
    const board = await call('GET', `/api/boards/${meeting.boardId}`, admin());
    expect(board).toMatchObject({
      board: { id: meeting.boardId, title: 'Spotkanie 1 — start sieci', format: 'format-0' },
    });
    const meetings = (await call('GET', `/api/networks/${cyfrowe.id}/meetings`, cyfrowe.token('Olga'))) as {
      meetings: unknown[];
    };
    expect(meetings.meetings.map((m) => meetingSchema.parse(m).id)).toContain(meeting.id);
    const one = await call(
      'GET',
      `/api/networks/${cyfrowe.id}/meetings/${meeting.id}`,
      cyfrowe.token('Edward'),
    );
    expect(meetingSchema.parse((one as { meeting: unknown }).meeting).endsAt).toBe(meeting.meeting.endsAt);
  });

  it('[N9] a meeting whose agenda has no items is refused, and no board is made', async () => {
    const boardsBefore = boardListResponseSchema.parse(await call('GET', '/api/boards', admin())).boards
      .length;
    const empty = await request('POST', `/api/networks/${cyfrowe.id}/meetings`, cyfrowe.token('Fela'), {
      ...firstMeeting(),
      agenda: [],
    });
    expectError(empty, 400, 'empty_agenda');
    expectError(
      await request('POST', `/api/networks/${cyfrowe.id}/meetings`, cyfrowe.token('Fela'), {
        ...firstMeeting(),
        agenda: [{ kind: 'step', format: 'format-2', stepId: 'no-such-step' }],
      }),
      400,
      'unknown_step',
    );
    expectError(
      await request(
        'POST',
        `/api/networks/${cyfrowe.id}/meetings`,
        cyfrowe.token('Fela'),
        firstMeeting({ hostCity: 'Kraków' }),
      ),
      409,
      'host_not_member',
    );
    expectError(
      await request('POST', `/api/networks/${cyfrowe.id}/meetings`, cyfrowe.token('Fela'), {
        ...firstMeeting(),
        startsAt: '2099-02-30T10:00',
      }),
      400,
      'invalid_body',
    );
    const boardsAfter = boardListResponseSchema.parse(await call('GET', '/api/boards', admin())).boards
      .length;
    expect(boardsAfter).toBe(boardsBefore);
  });

  it('[N3] the organiser plans no meetings and changes only the practical fields', async () => {
    expectError(
      await request('POST', `/api/networks/${cyfrowe.id}/meetings`, cyfrowe.token('Olga'), firstMeeting()),
      403,
      'forbidden',
    );
    const practical = await call(
      'PATCH',
      `/api/networks/${cyfrowe.id}/meetings/${meeting.id}`,
      cyfrowe.token('Olga'),
      {
        room: 'Sala Rady Miasta',
        cateringNotes: 'Obiad o 13:00, jedna osoba wegańska',
      },
    );
    expect((practical as { meeting: unknown }).meeting).toMatchObject({ room: 'Sala Rady Miasta' });
    const refused = await request(
      'PATCH',
      `/api/networks/${cyfrowe.id}/meetings/${meeting.id}`,
      cyfrowe.token('Olga'),
      {
        room: 'Sala 2',
        startsAt: '2099-03-16T10:00',
      },
    );
    expectError(refused, 403, 'field_not_allowed');
    expect((refused.body as { error: { message: string } }).error.message).toContain('startsAt');
    expectError(
      await request('PATCH', `/api/networks/${cyfrowe.id}/meetings/${meeting.id}`, cyfrowe.token('Ala'), {
        room: 'X',
      }),
      403,
      'forbidden',
    );
  });

  it('[N2] the pair changes the date and the agenda; an empty agenda is refused there too', async () => {
    const moved = await call(
      'PATCH',
      `/api/networks/${cyfrowe.id}/meetings/${meeting.id}`,
      cyfrowe.token('Edward'),
      {
        startsAt: '2099-03-16T09:30',
      },
    );
    expect((moved as { meeting: unknown }).meeting).toMatchObject({ startsAt: '2099-03-16T09:30' });
    expectError(
      await request('PATCH', `/api/networks/${cyfrowe.id}/meetings/${meeting.id}`, cyfrowe.token('Edward'), {
        agenda: [],
      }),
      400,
      'empty_agenda',
    );
  });

  it('suggests the member city that hosted least often', async () => {
    const suggestion = hostSuggestionSchema.parse(
      await call('GET', `/api/networks/${cyfrowe.id}/meetings/suggested-host`, cyfrowe.token('Olga')),
    );
    // Gdynia hosted meeting 1; Ełk comes first of those that never did, in Polish order.
    expect(suggestion).toEqual({ city: 'Ełk', hosted: 0 });
  });

  it('invitations: the list comes from the members; the pair adds and removes invitees', async () => {
    const list = invitationListResponseSchema.parse(
      await call(
        'GET',
        `/api/networks/${cyfrowe.id}/meetings/${meeting.id}/invitations`,
        cyfrowe.token('Olga'),
      ),
    );
    const invited = list.invitations.map((i) => i.name.split(' ')[0]).sort();
    // Every permanent representative and the people who run the network; not the substitute.
    expect(invited).toEqual(['Ala', 'Bea', 'Edward', 'Ewa', 'Fela', 'Lena', 'Olga', 'Rita']);
    const zyta = cyfrowe.people.Zyta?.id;
    const added = await request(
      'POST',
      `/api/networks/${cyfrowe.id}/meetings/${meeting.id}/invitations`,
      cyfrowe.token('Fela'),
      {
        personId: zyta,
      },
    );
    expect(added.status).toBe(201);
    expectError(
      await request(
        'POST',
        `/api/networks/${cyfrowe.id}/meetings/${meeting.id}/invitations`,
        cyfrowe.token('Fela'),
        {
          personId: zyta,
        },
      ),
      409,
      'already_invited',
    );
    // [N3] the organiser does not manage invitations.
    expectError(
      await request(
        'DELETE',
        `/api/networks/${cyfrowe.id}/meetings/${meeting.id}/invitations/${zyta}`,
        cyfrowe.token('Olga'),
      ),
      403,
      'forbidden',
    );
    const removed = invitationListResponseSchema.parse(
      await call(
        'DELETE',
        `/api/networks/${cyfrowe.id}/meetings/${meeting.id}/invitations/${zyta}`,
        cyfrowe.token('Fela'),
      ),
    );
    expect(removed.invitations.some((i) => i.personId === zyta)).toBe(false);
  });

  it('[N4] [N10] each invitee answers with their own link; who cannot come names a substitute', async () => {
    const base = `/api/networks/${cyfrowe.id}/meetings/${meeting.id}/invitations`;
    const ala = cyfrowe.people.Ala!;
    const online = invitationSchema.parse(
      (
        (await call('PUT', `${base}/${ala.id}/answer`, cyfrowe.token('Ala'), { answer: 'online' })) as {
          invitation: unknown;
        }
      ).invitation,
    );
    expect(online).toMatchObject({ answer: 'online', substituteId: null });
    // Not for someone else.
    expectError(
      await request('PUT', `${base}/${cyfrowe.people.Ewa?.id}/answer`, cyfrowe.token('Ala'), {
        answer: 'cannot-come',
      }),
      403,
      'forbidden',
    );
    // A substitute of another city is refused.
    expectError(
      await request('PUT', `${base}/${ala.id}/answer`, cyfrowe.token('Ala'), {
        answer: 'cannot-come',
        substituteId: cyfrowe.people.Ewa?.id,
      }),
      400,
      'bad_substitute',
    );
    expectError(
      await request('PUT', `${base}/${ala.id}/answer`, cyfrowe.token('Ala'), {
        answer: 'in-person',
        substituteId: cyfrowe.people.Zyta?.id,
      }),
      400,
      'invalid_body',
    );
    const cannot = await call('PUT', `${base}/${ala.id}/answer`, cyfrowe.token('Ala'), {
      answer: 'cannot-come',
      substituteId: cyfrowe.people.Zyta?.id,
    });
    expect((cannot as { invitation: unknown }).invitation).toMatchObject({ answer: 'cannot-come' });
    // Zyta is invited in Ala's place, answers herself, and sees it at home.
    await call('PUT', `${base}/${cyfrowe.people.Zyta?.id}/answer`, cyfrowe.token('Zyta'), {
      answer: 'in-person',
    });
    const list = invitationListResponseSchema.parse(await call('GET', base, cyfrowe.token('Fela')));
    expect(list.invitations.find((i) => i.personId === cyfrowe.people.Zyta?.id)).toMatchObject({
      substituteFor: ala.id,
      answer: 'in-person',
    });
    const zytaHome = homeResponseSchema.parse(await call('GET', '/api/me', cyfrowe.token('Zyta')));
    expect(zytaHome.networks[0]?.nextMeeting).toMatchObject({ invited: true, answer: 'in-person' });
    // [N2] the pair records an answer given by phone.
    await call('PUT', `${base}/${cyfrowe.people.Lena?.id}/answer`, cyfrowe.token('Fela'), {
      answer: 'in-person',
    });
    // Someone not invited has nothing to answer.
    const outsider = networkPersonSchema.parse(
      (
        (await call('POST', `/api/networks/${cyfrowe.id}/people`, admin(), {
          name: 'Ula Ełcka',
          city: 'Ełk',
          role: 'substitute',
        })) as { person: unknown }
      ).person,
    );
    expectError(
      await request('PUT', `${base}/${outsider.id}/answer`, tokenOf(outsider.link ?? ''), {
        answer: 'online',
      }),
      409,
      'not_invited',
    );
    // [N4] representatives do not read everyone's answers.
    expectError(await request('GET', base, cyfrowe.token('Ala')), 403, 'forbidden');
  });

  it('GET …/invitation.ics: a valid iCalendar file in Warsaw time, parsed back', async () => {
    const response = await fetch(
      new URL(`/api/networks/${cyfrowe.id}/meetings/${meeting.id}/invitation.ics`, setup.server.baseUrl),
      { headers: { authorization: `Bearer ${cyfrowe.token('Rita')}` } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('.ics');
    const text = await response.text();
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

    const calendar = new ICAL.Component(ICAL.parse(text));
    ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone')!);
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Spotkanie 1 — start sieci');
    // 09:30 in Warsaw in March 2099 (winter time, UTC+1).
    expect(event.startDate.toJSDate().toISOString()).toBe('2099-03-16T08:30:00.000Z');
    const minutes = meeting.meeting.agenda.reduce((sum, item) => sum + item.minutes, 0);
    expect((event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()) / 60_000).toBe(
      minutes,
    );
    expect(event.location).toBe('Urząd Miasta, al. Marszałka Piłsudskiego 52/54, Gdynia');
    expect(event.description).toContain('Sieć: Miasto cyfrowe');
    expect(event.description).toContain('Przerwa (30 min)');
    expect(event.description).toContain('Cyfrowe usługi w Norwegii (45 min)');
    // Two changes since it was made (the organiser's room, the pair's new date).
    expect(event.sequence).toBe(2);
    expect(event.uid).toBe(`${meeting.id}@${new URL(setup.server.baseUrl).host}`);
  });

  it('past meetings show their board and whether their note was approved', async () => {
    const past = await planMeeting(cyfrowe, { title: 'Spotkanie 0', startsAt: '2020-01-10T10:00' });
    const home = homeResponseSchema.parse(await call('GET', '/api/me', cyfrowe.token('Ewa')));
    expect(home.networks[0]?.pastMeetings).toEqual([
      expect.objectContaining({ id: past.id, boardId: past.boardId, noteApproved: false, invited: true }),
    ]);
    expect(home.networks[0]?.nextMeeting?.id).toBe(meeting.id);
  });
});

describe('migration from the release before networks', () => {
  it('existing boards stay standalone: none is lost, and networks start empty', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'empiria-release-'));
    // The release's schema is its migrations, the first seven.
    const modulePath = pathToFileURL(path.join(REPO_ROOT, 'server/src/storage/sqlite-database.ts')).href;
    const { MIGRATIONS } = (await import(modulePath)) as { MIGRATIONS: readonly string[] };
    const require = createRequire(path.join(REPO_ROOT, 'server/package.json'));
    const Database = require('better-sqlite3') as new (file: string) => {
      exec(sql: string): void;
      pragma(sql: string): unknown;
      close(): void;
    };
    const db = new Database(path.join(dataDir, 'empiria.sqlite'));
    for (const migration of MIGRATIONS.slice(0, 7)) db.exec(migration);
    db.pragma('user_version = 7');
    db.exec(`INSERT INTO boards (id, title, format, language, created_at)
             VALUES ('released-board-1', 'Sieć z 2026 roku', 'format-1', 'pl', '2026-06-01T08:00:00.000Z');
             INSERT INTO invites (id, board_id, role, created_at)
             SELECT 'released-invite-' || role, 'released-board-1', role, '2026-06-01T08:00:00.000Z'
             FROM (SELECT 'facilitator' AS role UNION ALL SELECT 'expert' UNION ALL SELECT 'organiser'
                   UNION ALL SELECT 'participant' UNION ALL SELECT 'observer' UNION ALL SELECT 'room');`);
    db.close();

    const upgraded = await startServer({ dataDir });
    try {
      const boards = boardListResponseSchema.parse(
        await apiCall(upgraded, 'GET', '/api/boards', { token: upgraded.adminToken }),
      );
      expect(boards.boards.map((b) => [b.id, b.title, b.format])).toEqual([
        ['released-board-1', 'Sieć z 2026 roku', 'format-1'],
      ]);
      const networks = networkListResponseSchema.parse(
        await apiCall(upgraded, 'GET', '/api/networks', { token: upgraded.adminToken }),
      );
      expect(networks.networks).toEqual([]);
    } finally {
      await upgraded.stop();
    }
  });
});
