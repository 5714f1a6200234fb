import { beforeAll, describe, expect, it } from 'vitest';
import {
  createMeetingResponseSchema,
  createdResponseSchema,
  homeResponseSchema,
  homeSubstitutesResponseSchema,
  networkDetailSchema,
  type CreateMeetingResponse,
  type NetworkPerson,
} from '@empiria/shared';
import { apiCall, apiRequest, inviteToken, type ApiResponse } from '../support/api';
import { serverPerFile } from '../support/server-per-file';

/**
 * [N10] From home, a representative who cannot come names who comes instead: the route lists only
 * the people the answer accepts (same city, same network, representatives and substitutes, not
 * themselves), by name only; another network's link and someone not invited are refused.
 */
const setup = serverPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });

const admin = () => setup.server.adminToken;
const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token, body });
const request = (method: string, url: string, token: string) =>
  apiRequest(setup.server, method, url, { token });

function expectError(response: ApiResponse, status: number, code: string): void {
  expect({
    status: response.status,
    code: (response.body as { error?: { code?: string } }).error?.code,
  }).toEqual({ status, code });
}

interface Fixture {
  id: string;
  people: Record<string, NetworkPerson>;
  token: (who: string) => string;
  meeting: CreateMeetingResponse;
}

/** Two core cities, Gdynia with three people who may stand in for each other, and one meeting. */
async function makeNetwork(name: string): Promise<Fixture> {
  const { id } = createdResponseSchema.parse(
    await call('POST', '/api/networks', admin(), {
      name,
      theme: 'Usługi cyfrowe',
      facilitator: { name: 'Fela Nowak' },
    }),
  );
  for (const city of ['Gdynia', 'Lublin']) {
    await call('POST', `/api/networks/${id}/members`, admin(), { city, membership: 'programme-laureate' });
  }
  for (const [person, city, role] of [
    ['Ala Gdyńska', 'Gdynia', 'representative'],
    ['Bea Gdyńska', 'Gdynia', 'representative'],
    ['Zyta Gdyńska', 'Gdynia', 'substitute'],
    ['Lena Lubelska', 'Lublin', 'representative'],
  ] as const) {
    await call('POST', `/api/networks/${id}/people`, admin(), {
      name: person,
      email: `${person.split(' ')[0]?.toLowerCase()}@${name.length}.example.pl`,
      city,
      role,
    });
  }
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${id}`, admin()));
  const people = Object.fromEntries(detail.people.map((p) => [p.name.split(' ')[0] as string, p]));
  const token = (who: string) => inviteToken(people[who]?.link ?? '');
  const meeting = createMeetingResponseSchema.parse(
    await call('POST', `/api/networks/${id}/meetings`, token('Fela'), {
      title: 'Spotkanie 2',
      startsAt: '2099-06-01T10:00',
      mode: 'online',
      agenda: [{ kind: 'step', format: 'format-0', stepId: 'welcome', minutes: 30 }],
    }),
  );
  return { id, people, token, meeting };
}

const substitutesOf = async (fixture: Fixture, who: string) =>
  homeSubstitutesResponseSchema.parse(
    await call('GET', `/api/me/meetings/${fixture.meeting.id}/substitutes`, fixture.token(who)),
  );

let cyfrowe: Fixture;
let obywatele: Fixture;

beforeAll(async () => {
  cyfrowe = await makeNetwork('Miasto cyfrowe');
  obywatele = await makeNetwork('Miasto obywateli');
});

describe('[N10] who may stand in, from home', () => {
  it('lists the other people of the same city in the network, names only, not the caller', async () => {
    const listed = await substitutesOf(cyfrowe, 'Ala');
    expect(listed).toEqual({
      substitutes: [
        { id: cyfrowe.people.Bea?.id, name: 'Bea Gdyńska' },
        { id: cyfrowe.people.Zyta?.id, name: 'Zyta Gdyńska' },
      ],
      chosen: null,
      standingInFor: null,
    });
    // Nothing but ids and names: no e-mail, no link.
    const raw = JSON.stringify(
      await call('GET', `/api/me/meetings/${cyfrowe.meeting.id}/substitutes`, cyfrowe.token('Ala')),
    );
    expect(raw).not.toMatch(/@|token|example/);
    // Lublin's only representative has nobody to send.
    expect((await substitutesOf(cyfrowe, 'Lena')).substitutes).toEqual([]);
  });

  it('every one listed is accepted by the answer, and the chosen one shows and is invited', async () => {
    const ala = cyfrowe.token('Ala');
    const listed = await substitutesOf(cyfrowe, 'Ala');
    for (const candidate of listed.substitutes) {
      await call(
        'PUT',
        `/api/networks/${cyfrowe.id}/meetings/${cyfrowe.meeting.id}/invitations/${cyfrowe.people.Ala?.id}/answer`,
        ala,
        { answer: 'cannot-come', substituteId: candidate.id },
      );
      expect((await substitutesOf(cyfrowe, 'Ala')).chosen).toEqual(candidate);
    }
    // The last one named, Zyta, is invited: her home shows the meeting as hers to answer.
    const zytaHome = homeResponseSchema.parse(await call('GET', '/api/me', cyfrowe.token('Zyta')));
    expect(zytaHome.networks[0]?.nextMeeting).toMatchObject({ id: cyfrowe.meeting.id, invited: true });
    expect((await substitutesOf(cyfrowe, 'Zyta')).standingInFor).toEqual({
      id: cyfrowe.people.Ala?.id,
      name: 'Ala Gdyńska',
    });
    // Someone of another city is not listed, and the answer refuses them as the rule says.
    expectError(
      await apiRequest(
        setup.server,
        'PUT',
        `/api/networks/${cyfrowe.id}/meetings/${cyfrowe.meeting.id}/invitations/${cyfrowe.people.Ala?.id}/answer`,
        { token: ala, body: { answer: 'cannot-come', substituteId: cyfrowe.people.Lena?.id } },
      ),
      400,
      'bad_substitute',
    );
    // Coming after all clears the substitute.
    await call(
      'PUT',
      `/api/networks/${cyfrowe.id}/meetings/${cyfrowe.meeting.id}/invitations/${cyfrowe.people.Ala?.id}/answer`,
      ala,
      { answer: 'online' },
    );
    expect((await substitutesOf(cyfrowe, 'Ala')).chosen).toBeNull();
  });

  it('refuses another network’s meeting (403 other_network) and someone not invited (403 not_invited)', async () => {
    expectError(
      await request('GET', `/api/me/meetings/${obywatele.meeting.id}/substitutes`, cyfrowe.token('Ala')),
      403,
      'other_network',
    );
    // Zyta of Miasto obywateli was never invited (a substitute is invited only when named).
    expectError(
      await request('GET', `/api/me/meetings/${obywatele.meeting.id}/substitutes`, obywatele.token('Zyta')),
      403,
      'not_invited',
    );
    expectError(
      await request('GET', `/api/me/meetings/nosuchmeeting/substitutes`, cyfrowe.token('Ala')),
      404,
      'not_found',
    );
    // The office has no home, and no invitation to stand in for.
    expect((await request('GET', `/api/me/meetings/${cyfrowe.meeting.id}/substitutes`, admin())).status).toBe(
      403,
    );
  });
});
