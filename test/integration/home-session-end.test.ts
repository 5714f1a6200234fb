import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  CloseCode,
  boardListResponseSchema,
  createMeetingResponseSchema,
  createdResponseSchema,
  joinResponseSchema,
  networkDetailSchema,
  personalLinkResponseSchema,
  type CreateMeetingResponse,
  type JoinResponse,
  type NetworkPerson,
} from '@empiria/shared';
import { apiCall, apiRequest, inviteToken, join } from '../support/api';
import { serverPerFile } from '../support/server-per-file';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * [N12] A board session made from a personal link ends with that link: once the pair replaces
 * the link (or the person leaves the network), the session's next API call is 401 and its open
 * websocket is closed with the code a revoked invite's gets; a guest's session from the board's
 * own invite link goes on. Against a real server process and real websockets.
 */
const setup = serverPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });
const connections: DocConnection[] = [];

afterEach(() => {
  for (const connection of connections.splice(0)) connection.destroy();
});

const admin = () => setup.server.adminToken;
const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token, body });

interface Fixture {
  id: string;
  people: Record<string, NetworkPerson>;
  token: (who: string) => string;
  meeting: CreateMeetingResponse;
}

/** A network of one core city with two representatives, and one meeting with everyone invited. */
async function makeNetwork(name: string): Promise<Fixture> {
  const { id } = createdResponseSchema.parse(
    await call('POST', '/api/networks', admin(), {
      name,
      theme: 'Zieleń w mieście',
      facilitator: { name: 'Fela Nowak' },
    }),
  );
  await call('POST', `/api/networks/${id}/members`, admin(), {
    city: 'Gdynia',
    membership: 'programme-laureate',
  });
  for (const person of ['Ala Gdyńska', 'Bea Gdyńska']) {
    await call('POST', `/api/networks/${id}/people`, admin(), {
      name: person,
      city: 'Gdynia',
      role: 'representative',
    });
  }
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${id}`, admin()));
  const people = Object.fromEntries(detail.people.map((p) => [p.name.split(' ')[0] as string, p]));
  const token = (who: string) => inviteToken(people[who]?.link ?? '');
  const meeting = createMeetingResponseSchema.parse(
    await call('POST', `/api/networks/${id}/meetings`, token('Fela'), {
      title: 'Spotkanie 1',
      startsAt: '2099-05-10T10:00',
      mode: 'online',
      agenda: [{ kind: 'step', format: 'format-0', stepId: 'welcome', minutes: 30 }],
    }),
  );
  return { id, people, token, meeting };
}

const joinFromHome = async (token: string, meetingId: string): Promise<JoinResponse> =>
  joinResponseSchema.parse(await call('POST', `/api/me/meetings/${meetingId}/join`, token, {}));

/** Whether the board still answers this session: 200, or 401 once it has ended. */
const boardStatus = async (fixture: Fixture, session: JoinResponse) =>
  (
    await apiRequest(setup.server, 'GET', `/api/boards/${fixture.meeting.boardId}`, {
      token: session.sessionToken,
    })
  ).status;

async function openCanvas(fixture: Fixture, session: JoinResponse): Promise<DocConnection> {
  // A long backoff: the test sees the server's close, not a reconnect.
  const connection = await connectDoc(setup.server, fixture.meeting.boardId, 'canvas', session.sessionToken, {
    maxBackoffTimeMs: 60_000,
  });
  connections.push(connection);
  return connection;
}

/** The HTTP status with which the websocket upgrade is answered (101 when it is accepted). */
function upgradeStatus(fixture: Fixture, session: JoinResponse): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(
      `${setup.server.wsBase}/${fixture.meeting.boardId}/canvas?token=${session.sessionToken}`,
      { origin: setup.server.baseUrl },
    );
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

let fixture: Fixture;

beforeAll(async () => {
  fixture = await makeNetwork('Miasto zielone');
});

describe('[N12] a replaced personal link ends the board sessions made from it', () => {
  it('the next API call is 401 and the open websocket closes as on an invite revocation; a guest goes on', async () => {
    const ala = await joinFromHome(fixture.token('Ala'), fixture.meeting.id);
    const bea = await joinFromHome(fixture.token('Bea'), fixture.meeting.id);
    // A guest who is not in the network, through the meeting board's own participant link.
    const boards = boardListResponseSchema.parse(await call('GET', '/api/boards', admin()));
    const invites = boards.boards.find((board) => board.id === fixture.meeting.boardId)?.invites;
    const guest = await join(
      setup.server,
      fixture.meeting.boardId,
      invites?.participant ?? '',
      'Gość',
      'Sopot',
    );
    expect([await boardStatus(fixture, ala), await boardStatus(fixture, guest)]).toEqual([200, 200]);

    const alaLive = await openCanvas(fixture, ala);
    const beaLive = await openCanvas(fixture, bea);
    const guestLive = await openCanvas(fixture, guest);
    const alaClosing = alaLive.nextClose();

    const replaced = personalLinkResponseSchema.parse(
      await call(
        'POST',
        `/api/networks/${fixture.id}/people/${fixture.people.Ala?.id}/link`,
        fixture.token('Fela'),
      ),
    );
    (fixture.people.Ala as NetworkPerson).link = replaced.link;

    expect((await alaClosing).code).toBe(CloseCode.unauthorized);
    expect(await boardStatus(fixture, ala)).toBe(401);
    expect(await upgradeStatus(fixture, ala)).toBe(401);
    // Bea's link and the guest's board invite were not touched: their sessions and sockets go on.
    expect([await boardStatus(fixture, bea), await boardStatus(fixture, guest)]).toEqual([200, 200]);
    expect(await upgradeStatus(fixture, guest)).toBe(101);
    expect([beaLive.closes, guestLive.closes]).toEqual([[], []]);

    // The new link makes a new session that works, as the same board person.
    const again = await joinFromHome(fixture.token('Ala'), fixture.meeting.id);
    expect(again.identity.id).toBe(ala.identity.id);
    expect(await boardStatus(fixture, again)).toBe(200);
    expect(await upgradeStatus(fixture, again)).toBe(101);
  });

  it('a person removed from the network loses their board session and its websocket', async () => {
    const bea = await joinFromHome(fixture.token('Bea'), fixture.meeting.id);
    const beaLive = await openCanvas(fixture, bea);
    const closing = beaLive.nextClose();
    await call('DELETE', `/api/networks/${fixture.id}/people/${fixture.people.Bea?.id}`, admin());
    expect((await closing).code).toBe(CloseCode.unauthorized);
    expect(await boardStatus(fixture, bea)).toBe(401);
    expect(await upgradeStatus(fixture, bea)).toBe(401);
  });

  it('a session from a board invite ends only with that invite, as before', async () => {
    const boards = boardListResponseSchema.parse(await call('GET', '/api/boards', admin()));
    const invites = boards.boards.find((board) => board.id === fixture.meeting.boardId)?.invites;
    // The room display's link: a board invite that reads the canvas (observers get only the stream).
    const guest = await join(setup.server, fixture.meeting.boardId, invites?.room ?? '', 'Ekran sali', 'Hel');
    const live = await openCanvas(fixture, guest);
    const closing = live.nextClose();
    await call('POST', `/api/boards/${fixture.meeting.boardId}/invites/room/revoke`, admin());
    expect((await closing).code).toBe(CloseCode.unauthorized);
    expect(await boardStatus(fixture, guest)).toBe(401);
  });
});
