import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archiveResponseSchema,
  attendanceListResponseSchema,
  createMeetingResponseSchema,
  createdResponseSchema,
  joinResponseSchema,
  networkDetailSchema,
  readMeetingRecord,
  type CreateMeetingRequest,
  type JoinResponse,
} from '@empiria/shared';
import { apiCall, apiRequest, type ApiResponse } from '../support/api';
import { pngWithLocation } from '../support/images';
import { startServer, type ServerHandle } from '../support/server-process';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * The organiser as in vademecum III.1 (issue #12 item 4) against a real server and SQLite: keeps
 * a meeting's attendance list, which the drafted record and the archive's matrix then read ([N19]);
 * invites only for a meeting the pair granted ([N18]); adds photos to the meeting's board; another
 * network's organiser reaches none of it ([N5]); bad bodies are refused with nothing written.
 */
let server: ServerHandle;
let smtp: SmtpCapture;
const connections: DocConnection[] = [];

beforeAll(async () => {
  smtp = await startSmtpCapture();
  server = await startServer({
    env: { SMTP_URL: smtp.url, SMTP_FROM: 'Biuro ZMP <sieci@example.pl>', RATE_LIMIT_ACT: '1000/1' },
  });
});
afterAll(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
  if (server.exitCode() === undefined) await server.stop();
  await smtp?.close();
});

const admin = () => server.adminToken;
const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(server, method, url, { token, body });
const request = (method: string, url: string, token: string, body?: unknown) =>
  apiRequest(server, method, url, { token, body });
const errorCode = (response: ApiResponse) => (response.body as { error?: { code?: string } }).error?.code;

interface Net {
  id: string;
  token: (name: string) => string;
  personId: (name: string) => string;
}

async function makeNetwork(
  name: string,
  cities: string[],
  more: { name: string; city: string; role: 'substitute' }[] = [],
): Promise<Net> {
  const { id } = createdResponseSchema.parse(
    await call('POST', '/api/networks', admin(), {
      name,
      theme: 'Zasoby miast',
      facilitator: { name: `Fela ${name}`, email: `fela.${cities.length}@example.pl` },
      organiser: { name: `Olga ${name}` },
    }),
  );
  for (const city of cities) {
    await call('POST', `/api/networks/${id}/members`, admin(), { city, membership: 'programme-laureate' });
    await call('POST', `/api/networks/${id}/people`, admin(), {
      name: `Reprezentant ${city}`,
      email: `rep.${city.length}.${cities.length}@example.pl`,
      city,
      role: 'representative',
    });
  }
  for (const person of more) await call('POST', `/api/networks/${id}/people`, admin(), person);
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${id}`, admin()));
  const person = (who: string) => {
    const found = detail.people.find((p) => p.name === who || p.name.startsWith(who));
    if (!found?.link) throw new Error(`no ${who}`);
    return found;
  };
  return {
    id,
    token: (who) => new URL(person(who).link ?? '').searchParams.get('token') as string,
    personId: (who) => person(who).id,
  };
}

const meetingRequest = (title: string, startsAt: string): CreateMeetingRequest => ({
  title,
  startsAt,
  mode: 'hybrid',
  hostCity: null,
  agenda: [{ kind: 'step', format: 'format-0', stepId: 'welcome', minutes: 60 }],
});

let net: Net;
let other: Net;
let past: { id: string; boardId: string };
let next: { id: string; boardId: string };
let fela: JoinResponse;
const attendancePath = (meetingId: string, tail = '') =>
  `/api/networks/${net.id}/meetings/${meetingId}/attendance${tail}`;
const listOf = async (token: string, meetingId = past.id) =>
  attendanceListResponseSchema.parse(await call('GET', attendancePath(meetingId), token));

beforeAll(async () => {
  // A substitute of Łódź: not invited by default.
  net = await makeNetwork(
    'Zasoby miast',
    ['Łódź', 'Ełk', 'Kalisz'],
    [{ name: 'Zastępca Łódź', city: 'Łódź', role: 'substitute' }],
  );
  other = await makeNetwork('Miasto zielone', ['Opole']);
  const made = async (title: string, startsAt: string) =>
    createMeetingResponseSchema.parse(
      await call('POST', `/api/networks/${net.id}/meetings`, admin(), meetingRequest(title, startsAt)),
    );
  past = await made('Spotkanie 1', '2025-03-10T10:00');
  next = await made('Spotkanie 2', '2099-06-10T10:00');

  // Łódź answered "online"; Ełk could not come; Kalisz said nothing but joined in the room.
  const answer = (who: string, value: string) =>
    call(
      'PUT',
      `/api/networks/${net.id}/meetings/${past.id}/invitations/${net.personId(who)}/answer`,
      net.token(who),
      { answer: value },
    );
  await answer('Reprezentant Łódź', 'online');
  await answer('Reprezentant Ełk', 'cannot-come');
  const joinFromHome = async (who: string, where: 'room' | 'online') =>
    joinResponseSchema.parse(
      await call('POST', `/api/me/meetings/${past.id}/join`, net.token(who), { where }),
    );
  await joinFromHome('Reprezentant Kalisz', 'room');
  fela = await joinFromHome('Fela', 'room');
});

describe("the organiser's attendance list [N19]", () => {
  it('starts from the answers and the joins; not kept until someone is marked', async () => {
    const list = await listOf(net.token('Olga'));
    expect(list.kept).toBe(false);
    expect(list.organiserMayInvite).toBe(false);
    expect(list.entries.map((entry) => [entry.name, entry.answer, entry.joined, entry.attended])).toEqual([
      ['Fela Zasoby miast', null, 'room', 'room'],
      ['Olga Zasoby miast', null, null, null],
      ['Reprezentant Ełk', 'cannot-come', null, null],
      ['Reprezentant Kalisz', null, 'room', 'room'],
      ['Reprezentant Łódź', 'online', null, 'online'],
    ]);
  });

  it('is what the archive matrix and the drafted record read once the organiser keeps it', async () => {
    const olga = net.token('Olga');
    const key = (name: string) => `person:${net.personId(name)}`;
    // Łódź's representative said online but did not come; Kalisz's is confirmed in the room.
    await call('PUT', attendancePath(past.id, '/marks'), olga, {
      entry: key('Reprezentant Łódź'),
      status: 'absent',
    });
    await call('PUT', attendancePath(past.id, '/marks'), olga, {
      entry: key('Reprezentant Kalisz'),
      status: 'room',
    });
    // Ełk sent someone unannounced; an outside guest came online.
    const added = attendanceListResponseSchema.parse(
      await call('POST', attendancePath(past.id, '/walk-ins'), olga, {
        kind: 'substitute',
        name: 'Zofia Zastępczyni',
        city: 'ełk',
        status: 'room',
      }),
    );
    expect(added.kept).toBe(true);
    await call('POST', attendancePath(past.id, '/walk-ins'), olga, {
      kind: 'guest',
      name: 'Jan Gość',
      institution: 'BGK',
      status: 'online',
    });

    const archive = archiveResponseSchema.parse(
      await call('GET', `/api/networks/${net.id}/archive`, admin()),
    );
    expect(archive.attendance.cities.map((c) => [c.city, c.marks])).toEqual([
      ['Łódź', ['absent', 'upcoming']],
      ['Ełk', ['in-person', 'upcoming']],
      ['Kalisz', ['in-person', 'upcoming']],
    ]);

    // The pair drafts the note: its record's attendance is the kept list's present people.
    const summary = await connectDoc(server, past.boardId, 'summary', fela.sessionToken);
    connections.push(summary);
    const drafted = await request('POST', `/api/boards/${past.boardId}/summary/draft`, fela.sessionToken, {
      language: 'pl',
    });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(200);
    await summary.waitFor(
      (doc) => readMeetingRecord(doc).attendance.length > 0,
      10_000,
      'the drafted record',
    );
    expect(readMeetingRecord(summary.doc).attendance.map((a) => [a.name, a.city, a.role, a.where])).toEqual([
      ['Fela Zasoby miast', 'Zasoby miast', 'facilitator', 'room'],
      ['Reprezentant Kalisz', 'Kalisz', 'participant', 'room'],
      ['Zofia Zastępczyni', 'Ełk', 'participant', 'room'],
      ['Jan Gość', 'BGK', 'guest', 'online'],
    ]);
  });

  it('refuses bad bodies with 400 and writes nothing', async () => {
    const olga = net.token('Olga');
    const before = await listOf(olga);
    const walkIn = before.entries.find((entry) => entry.source === 'walk-in');
    const refused = [
      [
        await request('PUT', attendancePath(past.id, '/marks'), olga, {
          entry: 'person:nosuchperson',
          status: 'room',
        }),
        400,
        'not_on_list',
      ],
      [
        await request('PUT', attendancePath(past.id, '/marks'), olga, {
          entry: 'Reprezentant Łódź',
          status: 'room',
        }),
        400,
        'invalid_body',
      ],
      [
        await request('PUT', attendancePath(past.id, '/marks'), olga, {
          entry: before.entries[0]?.key,
          status: 'maybe',
        }),
        400,
        'invalid_body',
      ],
      [
        await request('PUT', attendancePath(past.id, '/marks'), olga, { entry: walkIn?.key, status: null }),
        400,
        'walk_in_needs_status',
      ],
      [await request('PUT', attendancePath(past.id, '/marks'), olga, '{"entry":'), 400, 'bad_request'],
      [
        await request('POST', attendancePath(past.id, '/walk-ins'), olga, {
          kind: 'alien',
          name: 'X',
          status: 'room',
        }),
        400,
        'invalid_body',
      ],
      [
        await request('POST', attendancePath(past.id, '/walk-ins'), olga, {
          kind: 'guest',
          name: 'Bez instytucji',
          status: 'room',
        }),
        400,
        'invalid_body',
      ],
      [
        await request('POST', attendancePath(past.id, '/walk-ins'), olga, {
          kind: 'substitute',
          name: '  ',
          city: 'Ełk',
          status: 'room',
        }),
        400,
        'invalid_body',
      ],
      [
        await request('POST', attendancePath(past.id, '/walk-ins'), olga, {
          kind: 'substitute',
          name: 'Z Gdańska',
          city: 'Gdańsk',
          status: 'room',
        }),
        409,
        'city_not_member',
      ],
      [await request('DELETE', attendancePath(past.id, '/walk-ins/nosuchwalkin'), olga), 404, 'not_on_list'],
      [
        await request(
          'PUT',
          `/api/networks/${net.id}/meetings/${past.id}/organiser-grant`,
          fela.sessionToken,
          { organiserMayInvite: true },
        ),
        403,
        'forbidden',
      ],
      [
        await request('PUT', `/api/networks/${net.id}/meetings/${past.id}/organiser-grant`, admin(), {
          organiserMayInvite: 'yes',
        }),
        400,
        'invalid_body',
      ],
      [
        await request('GET', `/api/networks/${net.id}/meetings/nosuchmeeting/attendance`, olga),
        404,
        'not_found',
      ],
    ] as const;
    for (const [response, status, code] of refused) {
      expect([response.status, errorCode(response)], JSON.stringify(response.body)).toEqual([status, code]);
    }
    expect(await listOf(olga)).toEqual(before);
  });

  it('is kept by the organiser and the pair only, in their own network [N5]', async () => {
    expect((await listOf(net.token('Fela'))).kept).toBe(true);
    expect((await listOf(admin())).kept).toBe(true);
    const refusals = [
      await request('GET', attendancePath(past.id), net.token('Reprezentant Kalisz')),
      await request('GET', attendancePath(past.id), other.token('Olga')),
      await request('PUT', attendancePath(past.id, '/marks'), other.token('Olga'), {
        entry: `person:${net.personId('Reprezentant Ełk')}`,
        status: 'room',
      }),
      await request('POST', attendancePath(past.id, '/walk-ins'), net.token('Reprezentant Ełk'), {
        kind: 'guest',
        name: 'Ktoś',
        institution: 'NFOŚ',
        status: 'room',
      }),
    ];
    expect(refusals.map((response) => [response.status, errorCode(response)])).toEqual([
      [403, 'forbidden'],
      [403, 'forbidden'],
      [403, 'forbidden'],
      [403, 'forbidden'],
    ]);
    // Nothing of that reached the list.
    const list = await listOf(net.token('Olga'));
    expect(list.entries.find((entry) => entry.name === 'Reprezentant Ełk')?.mark).toBeNull();
    expect(list.entries.some((entry) => entry.name === 'Ktoś')).toBe(false);
  });
});

describe('the organiser invites only when the pair grants it, for that meeting [N18]', () => {
  const invitations = (meetingId: string, tail = '') =>
    `/api/networks/${net.id}/meetings/${meetingId}/invitations${tail}`;
  const grant = (meetingId: string, token: string, organiserMayInvite: boolean) =>
    request('PUT', `/api/networks/${net.id}/meetings/${meetingId}/organiser-grant`, token, {
      organiserMayInvite,
    });

  it('without the grant: 403 on the invitee list and on sending; the organiser cannot grant it', async () => {
    const olga = net.token('Olga');
    const substitute = net.personId('Zastępca Łódź');
    const refusals = [
      await request('POST', invitations(next.id), olga, { personId: substitute }),
      await request('DELETE', invitations(next.id, `/${net.personId('Reprezentant Ełk')}`), olga),
      await request('POST', invitations(next.id, '/send'), olga),
      await grant(next.id, olga, true),
    ];
    expect(refusals.map((response) => [response.status, errorCode(response)])).toEqual([
      [403, 'forbidden'],
      [403, 'forbidden'],
      [403, 'forbidden'],
      [403, 'forbidden'],
    ]);
    expect(smtp.messages).toHaveLength(0);
  });

  it('with the grant: 200 for that meeting only; another network’s organiser still 403', async () => {
    const olga = net.token('Olga');
    const granted = await grant(next.id, net.token('Fela'), true);
    expect([granted.status, granted.body]).toEqual([200, { organiserMayInvite: true }]);
    expect((await listOf(olga, next.id)).organiserMayInvite).toBe(true);

    const substitute = net.personId('Zastępca Łódź');
    const added = await request('POST', invitations(next.id), olga, { personId: substitute });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const removed = await request('DELETE', invitations(next.id, `/${substitute}`), olga);
    expect(removed.status).toBe(200);
    const sent = await request('POST', invitations(next.id, '/send'), olga, {
      personIds: [net.personId('Fela')],
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(smtp.messages.flatMap((message) => message.envelopeTo)).toEqual(['fela.3@example.pl']);

    // The grant is for that meeting: the past meeting's list stays the pair's.
    const elsewhere = await request('POST', invitations(past.id), olga, { personId: substitute });
    expect([elsewhere.status, errorCode(elsewhere)]).toEqual([403, 'forbidden']);
    // Another network's organiser gains nothing from it.
    const foreign = [
      await request('POST', invitations(next.id), other.token('Olga'), { personId: substitute }),
      await request('POST', invitations(next.id, '/send'), other.token('Olga')),
      await grant(next.id, other.token('Fela'), true),
    ];
    expect(foreign.map((response) => [response.status, errorCode(response)])).toEqual([
      [403, 'forbidden'],
      [403, 'forbidden'],
      [403, 'forbidden'],
    ]);

    // Taken back: 403 again.
    expect((await grant(next.id, admin(), false)).status).toBe(200);
    const after = await request('POST', invitations(next.id), olga, { personId: substitute });
    expect([after.status, errorCode(after)]).toEqual([403, 'forbidden']);
  });
});

describe('the organiser adds photos to the meeting', () => {
  it("uploads a flipchart photo to the meeting's board, joined from home", async () => {
    const olga = joinResponseSchema.parse(
      await call('POST', `/api/me/meetings/${past.id}/join`, net.token('Olga'), { where: 'room' }),
    );
    expect(olga.identity.role).toBe('organiser');
    const response = await fetch(`${server.baseUrl}/api/boards/${past.boardId}/photos?stepId=welcome`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${olga.sessionToken}` },
      body: new Uint8Array(pngWithLocation(120, 80)),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const archive = archiveResponseSchema.parse(
      await call('GET', `/api/networks/${net.id}/archive`, admin()),
    );
    expect(archive.meetings.find((meeting) => meeting.id === past.id)?.photos).toBe(1);
  });
});
