import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { getFormat, layoutFormat } from '@empiria/formats';
import {
  CANVAS_RECORDS_ARRAY,
  approvalStateSchema,
  boardAccessResponseSchema,
  createMeetingResponseSchema,
  createdResponseSchema,
  joinResponseSchema,
  networkDetailSchema,
  personalLinkResponseSchema,
  type CreateMeetingResponse,
  type JoinResponse,
  type NetworkPerson,
} from '@empiria/shared';
import { apiCall, apiRequest, inviteToken, type ApiResponse } from '../support/api';
import { noteRecord } from '../support/canvas-records';
import { serverPerFile } from '../support/server-per-file';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * A person's way from their home onto a meeting's board ([N12]) against a real server: joining
 * with the personal link, no form; the same network person as the same board person on every
 * device (one voice); who may join; the approved note read from home; and the refusals.
 */
const setup = serverPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });

const admin = () => setup.server.adminToken;
const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token, body });
const request = (method: string, url: string, token: string | undefined, body?: unknown) =>
  apiRequest(setup.server, method, url, { token, body });

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

/** A network of two core cities and an observer city, with one meeting planned. */
async function makeNetwork(name: string): Promise<Fixture> {
  const { id } = createdResponseSchema.parse(
    await call('POST', '/api/networks', admin(), {
      name,
      theme: 'Cyfryzacja usług miejskich',
      facilitator: { name: 'Fela Nowak' },
      experts: [{ name: 'Edward Ekspert' }],
      organiser: { name: 'Olga Opiekun' },
    }),
  );
  for (const [city, membership] of [
    ['Gdynia', 'programme-laureate'],
    ['Lublin', 'leader-of-change'],
    ['Radom', 'observer'],
  ] as const) {
    await call('POST', `/api/networks/${id}/members`, admin(), { city, membership });
  }
  for (const [person, city, role] of [
    ['Ala Gdyńska', 'Gdynia', 'representative'],
    ['Bea Gdyńska', 'Gdynia', 'representative'],
    ['Zyta Gdyńska', 'Gdynia', 'substitute'],
    ['Lena Lubelska', 'Lublin', 'representative'],
    ['Rita Radomska', 'Radom', 'representative'],
  ] as const) {
    await call('POST', `/api/networks/${id}/people`, admin(), { name: person, city, role });
  }
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${id}`, admin()));
  const people = Object.fromEntries(detail.people.map((p) => [p.name.split(' ')[0] as string, p]));
  const token = (who: string) => inviteToken(people[who]?.link ?? '');
  const meeting = createMeetingResponseSchema.parse(
    await call('POST', `/api/networks/${id}/meetings`, token('Fela'), {
      title: 'Spotkanie 1 — start sieci',
      startsAt: '2099-03-15T10:00',
      mode: 'hybrid',
      hostCity: 'Gdynia',
      agenda: [
        { kind: 'step', format: 'format-0', stepId: 'welcome', minutes: 30 },
        { kind: 'step', format: 'format-0', stepId: 'who-we-are' },
        { kind: 'step', format: 'format-0', stepId: 'expectations' },
        { kind: 'break', minutes: 15 },
      ],
    }),
  );
  return { id, people, token, meeting };
}

const joinFromHome = async (token: string, meetingId: string, body: unknown = {}) =>
  joinResponseSchema.parse(await call('POST', `/api/me/meetings/${meetingId}/join`, token, body));

let cyfrowe: Fixture;
let obywatele: Fixture;

beforeAll(async () => {
  cyfrowe = await makeNetwork('Miasto cyfrowe');
  obywatele = await makeNetwork('Miasto obywateli');
});

describe('[N12] joining a meeting’s board from home', () => {
  it('an invitee joins with no form: their name, city, board role and answered place', async () => {
    const ala = cyfrowe.token('Ala');
    const { meeting } = cyfrowe;
    await call(
      'PUT',
      `/api/networks/${cyfrowe.id}/meetings/${meeting.id}/invitations/${cyfrowe.people.Ala?.id}/answer`,
      ala,
      { answer: 'online' },
    );
    const session = await joinFromHome(ala, meeting.id);
    expect(session.board.id).toBe(meeting.boardId);
    expect(session.identity).toMatchObject({ name: 'Ala Gdyńska', city: 'Gdynia', role: 'participant' });
    // The session is a board session like any other.
    const access = boardAccessResponseSchema.parse(
      await call('GET', `/api/boards/${meeting.boardId}`, session.sessionToken),
    );
    expect(access.role).toBe('participant');
    // The attendance list has her where she answered she would be.
    const people = (await call(
      'GET',
      `/api/boards/${meeting.boardId}/people`,
      (await joinFromHome(cyfrowe.token('Fela'), meeting.id)).sessionToken,
    )) as { people: { name: string; role: string }[] };
    expect(people.people.map((p) => `${p.name}:${p.role}`)).toEqual(
      expect.arrayContaining(['Ala Gdyńska:participant', 'Fela Nowak:facilitator']),
    );
  });

  it('one voice: every join of the same network person is the same board person', async () => {
    const { meeting } = cyfrowe;
    const first = await joinFromHome(cyfrowe.token('Lena'), meeting.id, { where: 'room' });
    const second = await joinFromHome(cyfrowe.token('Lena'), meeting.id, { where: 'online' });
    expect(second.identity.id).toBe(first.identity.id);
    // A replaced link is still the same person: the board person follows the network person.
    const replaced = personalLinkResponseSchema.parse(
      await call(
        'POST',
        `/api/networks/${cyfrowe.id}/people/${cyfrowe.people.Lena?.id}/link`,
        cyfrowe.token('Fela'),
      ),
    );
    const third = await joinFromHome(inviteToken(replaced.link), meeting.id);
    (cyfrowe.people.Lena as NetworkPerson).link = replaced.link;
    expect(third.identity.id).toBe(first.identity.id);
    // Another person of the same city is another board person.
    const bea = await joinFromHome(cyfrowe.token('Bea'), meeting.id);
    expect(bea.identity.id).not.toBe(first.identity.id);
  });

  it('maps network roles to board roles: the pair, the organiser, an observer city’s people', async () => {
    const { meeting } = cyfrowe;
    expect((await joinFromHome(cyfrowe.token('Edward'), meeting.id)).identity.role).toBe('expert');
    const olga = await joinFromHome(cyfrowe.token('Olga'), meeting.id);
    // The people who run a network may have no city: the network names where they come from.
    expect(olga.identity).toMatchObject({ role: 'organiser', city: 'Miasto cyfrowe' });
    const rita = await joinFromHome(cyfrowe.token('Rita'), meeting.id, { where: 'room' });
    expect(rita.identity).toMatchObject({ role: 'observer', city: 'Radom' });
  });

  it('only invitees and the pair join: a substitute not invited and an uninvited organiser are refused', async () => {
    const { meeting } = obywatele;
    expectError(
      await request('POST', `/api/me/meetings/${meeting.id}/join`, obywatele.token('Zyta'), {}),
      403,
      'not_invited',
    );
    const fela = obywatele.token('Fela');
    await call(
      'DELETE',
      `/api/networks/${obywatele.id}/meetings/${meeting.id}/invitations/${obywatele.people.Olga?.id}`,
      fela,
    );
    await call(
      'DELETE',
      `/api/networks/${obywatele.id}/meetings/${meeting.id}/invitations/${obywatele.people.Fela?.id}`,
      fela,
    );
    expectError(
      await request('POST', `/api/me/meetings/${meeting.id}/join`, obywatele.token('Olga'), {}),
      403,
      'not_invited',
    );
    // The facilitator leads the meeting whether or not the list names her.
    expect((await joinFromHome(fela, meeting.id)).identity.role).toBe('facilitator');
    // Once named as someone's substitute, Zyta is invited and joins.
    await call(
      'PUT',
      `/api/networks/${obywatele.id}/meetings/${meeting.id}/invitations/${obywatele.people.Ala?.id}/answer`,
      obywatele.token('Ala'),
      { answer: 'cannot-come', substituteId: obywatele.people.Zyta?.id },
    );
    expect((await joinFromHome(obywatele.token('Zyta'), meeting.id)).identity.name).toBe('Zyta Gdyńska');
  });

  it('[N5] a link of network A on a meeting of network B is 403; an unknown meeting 404', async () => {
    expectError(
      await request('POST', `/api/me/meetings/${obywatele.meeting.id}/join`, cyfrowe.token('Ala'), {}),
      403,
      'other_network',
    );
    expectError(
      await request('POST', '/api/me/meetings/nosuchmeeting/join', cyfrowe.token('Ala'), {}),
      404,
      'not_found',
    );
    expectError(
      await request('POST', '/api/me/meetings/..%2F..%2Fetc/join', cyfrowe.token('Ala'), {}),
      404,
      'not_found',
    );
  });

  it('[N6] a replaced link or a person removed from the network can no longer join', async () => {
    const { meeting } = obywatele;
    const old = obywatele.token('Bea');
    await call('POST', `/api/networks/${obywatele.id}/people/${obywatele.people.Bea?.id}/link`, admin());
    expectError(await request('POST', `/api/me/meetings/${meeting.id}/join`, old, {}), 401, 'unauthorized');
    const lena = obywatele.token('Lena');
    await call('DELETE', `/api/networks/${obywatele.id}/people/${obywatele.people.Lena?.id}`, admin());
    expectError(await request('POST', `/api/me/meetings/${meeting.id}/join`, lena, {}), 401, 'unauthorized');
  });

  it('bad input: a board link, the admin token, no token, a wrong place — nothing joins', async () => {
    const { meeting } = cyfrowe;
    const url = `/api/me/meetings/${meeting.id}/join`;
    expectError(await request('POST', url, undefined, {}), 401, 'unauthorized');
    expectError(await request('POST', url, admin(), {}), 403, 'forbidden');
    const session = await joinFromHome(cyfrowe.token('Ala'), meeting.id);
    expectError(await request('POST', url, session.sessionToken, {}), 403, 'forbidden');
    expectError(await request('POST', url, cyfrowe.token('Ala'), { where: 'kitchen' }), 400, 'invalid_body');
    expectError(await request('POST', url, cyfrowe.token('Ala'), '{"where":'), 400, 'bad_request');
  });

  it('a guest through the board’s own link is never a network person, whatever device secret they send', async () => {
    const { meeting } = cyfrowe;
    const ala = await joinFromHome(cyfrowe.token('Ala'), meeting.id);
    const fela = await joinFromHome(cyfrowe.token('Fela'), meeting.id);
    const links = (await call(
      'POST',
      `/api/boards/${meeting.boardId}/invites/participant/revoke`,
      fela.sessionToken,
    )) as { invite: string };
    const guest = joinResponseSchema.parse(
      await call('POST', `/api/boards/${meeting.boardId}/join`, inviteToken(links.invite), {
        name: 'Ala Gdyńska',
        city: 'Gdynia',
        deviceSecret: `${cyfrowe.id}${cyfrowe.people.Ala?.id}board-person`.replace(/[^A-Za-z0-9_-]/g, ''),
      }),
    );
    expect(guest.identity.id).not.toBe(ala.identity.id);
    // Replacing the board's participant link ended the sessions made on it, home joins included;
    // joining from home again works on the new link, as the same person.
    expect((await request('GET', `/api/boards/${meeting.boardId}`, ala.sessionToken)).status).toBe(401);
    const again = await joinFromHome(cyfrowe.token('Ala'), meeting.id);
    expect(again.identity.id).toBe(ala.identity.id);
  });
});

/** A sticky note in the first cell of a zone of Format 0 (the meeting's board). */
function noteInZone(stepId: string, zoneId: string, text: string, id: string) {
  const sheet = layoutFormat(getFormat('format-0')!).sheets.find((s) => s.stepId === stepId)!;
  const zone = sheet.zones.find((z) => z.zoneId === zoneId)!;
  const cell = zone.cells[0] ?? zone.body;
  return noteRecord(id, {
    text,
    x: cell.x + 10,
    y: cell.y + 10,
    meta: { empiria: { author: { id: 'p', name: 'Ala', city: 'Gdynia' } } },
  });
}

describe('the approved note, read from home', () => {
  let session: { ala: JoinResponse; fela: JoinResponse };
  const connections: DocConnection[] = [];
  afterAll(() => {
    for (const connection of connections.splice(0)) connection.destroy();
  });

  const boardCall = (method: string, path: string, who: JoinResponse, body?: unknown) =>
    request(method, `/api/boards/${cyfrowe.meeting.boardId}${path}`, who.sessionToken, body);

  beforeAll(async () => {
    session = {
      ala: await joinFromHome(cyfrowe.token('Ala'), cyfrowe.meeting.id),
      fela: await joinFromHome(cyfrowe.token('Fela'), cyfrowe.meeting.id),
    };
  });

  it('is refused while the note is a draft, then served approved to the network, never to another', async () => {
    const notes = (token: string, format = 'html', meetingId = cyfrowe.meeting.id) =>
      request('GET', `/api/me/meetings/${meetingId}/notes?format=${format}`, token);
    expectError(await notes(cyfrowe.token('Ala')), 404, 'not_approved');

    // Ala writes a note on the board, connected (the representatives present decide: [I5]).
    const aCanvas = await connectDoc(
      setup.server,
      cyfrowe.meeting.boardId,
      'canvas',
      session.ala.sessionToken,
    );
    const fCanvas = await connectDoc(
      setup.server,
      cyfrowe.meeting.boardId,
      'canvas',
      session.fela.sessionToken,
    );
    connections.push(aCanvas, fCanvas);
    new YKeyValue<unknown>(aCanvas.doc.getArray(CANVAS_RECORDS_ARRAY)).set(
      'shape:home1',
      noteInZone('expectations', 'hopes', 'Wymiana kontaktów między miastami', 'shape:home1'),
    );
    await fCanvas.waitFor(
      (doc) => JSON.stringify(doc.getArray(CANVAS_RECORDS_ARRAY).toJSON()).includes('Wymiana kontaktów'),
      10_000,
      'the note reached the server',
    );
    expect((await boardCall('POST', '/summary/draft', session.fela)).status).toBe(200);
    const frozen = await boardCall('POST', '/summary/versions', session.fela, { rule: 'consent' });
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(201);
    const { versionId, eligible } = approvalStateSchema.parse(
      (frozen.body as { approval: unknown }).approval,
    );
    // Everyone who may decide approves: they all joined from home.
    expect(eligible.length).toBeGreaterThan(0);
    for (const person of eligible) {
      const who = Object.keys(cyfrowe.people).find((key) => cyfrowe.people[key]?.name === person.name);
      expect(who, person.name).toBeDefined();
      const voter = await joinFromHome(cyfrowe.token(who as string), cyfrowe.meeting.id);
      const decided = await boardCall('POST', '/summary/decisions', voter, {
        versionId,
        decision: 'approve',
      });
      expect(decided.status, person.name).toBe(200);
    }

    const html = await notes(cyfrowe.token('Bea'));
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(String(html.body)).toContain('Spotkanie 1');
    expect(String(html.body)).not.toContain('WERSJA ROBOCZA');
    const md = await notes(cyfrowe.token('Zyta'), 'md');
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(md.headers.get('content-disposition')).toContain('attachment');
    const docx = await notes(cyfrowe.token('Bea'), 'docx');
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');

    expectError(await notes(cyfrowe.token('Bea'), 'pdf'), 400, 'bad_request');
    expectError(await notes(cyfrowe.token('Bea'), 'html', obywatele.meeting.id), 403, 'other_network');
    expectError(await notes(obywatele.token('Ala'), 'html', cyfrowe.meeting.id), 403, 'other_network');
    expectError(await notes(admin()), 403, 'forbidden');
    // An observer city reads only what the group agreed to share with observers.
    expectError(await notes(cyfrowe.token('Rita')), 403, 'not_shared');
  });
});
