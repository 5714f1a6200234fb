/**
 * What a hostile client sends at the HTTP layer, against a real server process (docs/security.md):
 * request targets `new URL` cannot parse, slow headers and bodies, floods of joins, boards and
 * token guesses, and the headers every response must carry.
 *
 * Malformed targets go over raw TCP (node:net): fetch and ws would normalise or refuse them first.
 * Limits and timeouts are set small through the environment; every loop is bounded and no
 * assertion depends on how long something took.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateBoardResponse, JoinResponse } from '@empiria/shared';
import { apiRequest, createBoard, inviteToken, join } from '../support/api';
import { rawSocket } from '../support/raw-socket';
import { startServer, type ServerHandle } from '../support/server-process';
import { serverPerFile } from '../support/server-per-file';

let board: CreateBoardResponse;
let facilitator: JoinResponse;

/** One server for most tests; the token-guess lockout gets its own (it would lock the admin out). */
const ENV = {
  HTTP_HEADERS_TIMEOUT_MS: '1000',
  HTTP_REQUEST_TIMEOUT_MS: '2000',
  HTTP_BODY_IDLE_TIMEOUT_MS: '500',
  RATE_LIMIT_JOIN: '6/3600',
  RATE_LIMIT_BOARD_CREATE: '4/3600',
  RATE_LIMIT_WEBSOCKET: '8/3600',
};

const setup = serverPerFile({ env: ENV });

beforeAll(async () => {
  board = await createBoard(setup.server, 'Wrogie żądania', 'format-2');
  facilitator = await join(setup.server, board.id, board.invites.facilitator, 'Fela', 'Gdynia');
});

interface RawAnswer {
  status: number | null;
  headers: Record<string, string>;
  body: string;
  /** The server closed the connection (rather than our deadline ending the exchange). */
  closedByServer: boolean;
}

function parseAnswer(text: string, closedByServer: boolean): RawAnswer {
  const end = text.indexOf('\r\n\r\n');
  const head = end === -1 ? text : text.slice(0, end);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = /^HTTP\/1\.1 (\d{3})/.exec(statusLine);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    status: status ? Number(status[1]) : null,
    headers,
    body: end === -1 ? '' : text.slice(end + 4),
    closedByServer,
  };
}

/**
 * Writes `pieces` one by one, `gapMs` apart, until the server closes the connection or the pieces
 * run out; then waits `graceMs` for a close. Answers what the server said.
 */
function exchange(pieces: (string | Buffer)[], gapMs = 0, graceMs = 3_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(setup.server.port, '127.0.0.1');
    const received: Buffer[] = [];
    let closed = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (byServer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(parseAnswer(Buffer.concat(received).toString('latin1'), byServer));
    };
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('error', () => undefined); // a reset is an answer too: the close below reports it
    socket.on('close', () => {
      closed = true;
      finish(true);
    });
    socket.on('connect', () => {
      let next = 0;
      const send = () => {
        if (closed) return;
        if (next >= pieces.length) {
          timer = setTimeout(() => finish(false), graceMs);
          return;
        }
        socket.write(pieces[next++] as string | Buffer);
        timer = setTimeout(send, gapMs);
      };
      send();
    });
  });
}

const request = (target: string, extra = '') =>
  exchange([`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}\r\n`]);

const UPGRADE =
  'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n' +
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';
const upgradeRequest = (target: string) =>
  exchange([`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${UPGRADE}\r\n`]);

async function expectAlive(): Promise<void> {
  expect(setup.server.exitCode()).toBeUndefined();
  const health = await fetch(`${setup.server.baseUrl}/healthz`);
  expect(health.status).toBe(200);
}

const HOSTILE_TARGETS = [
  '//%',
  'http://[',
  'http://[::1',
  'http://localhost:99999/healthz',
  'http://127.0.0.1:70000/api/config',
  'http://localhost:-1/',
  '/%',
  '/%zz',
  '/api/boards/%E0%A4%A/print',
  '/healthz?x=%',
  '*',
  'localhost:8080',
  'ftp://localhost/healthz',
  '/' + 'a'.repeat(9000),
];

describe('[H1] a malformed request target is a 400, never a crash', () => {
  it.each(
    HOSTILE_TARGETS.map((target) => [
      target.length > 80 ? `${target.slice(0, 20)}… (${target.length})` : target,
      target,
    ]),
  )('[H1] plain request to %s', async (_label, target) => {
    const answer = await request(target);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'bad_request' } });
    await expectAlive();
  });

  it.each(
    HOSTILE_TARGETS.map((target) => [
      target.length > 80 ? `${target.slice(0, 20)}… (${target.length})` : target,
      target,
    ]),
  )('[H1] websocket upgrade to %s', async (_label, target) => {
    const answer = await upgradeRequest(target);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'bad_request' } });
    await expectAlive();
  });

  it('[H1] NUL bytes, control characters and garbage request lines get a JSON 400 with the security headers', async () => {
    for (const line of ['GET /a\u0000b HTTP/1.1', 'GET /a\u0001 HTTP/1.1', 'GARBAGE', 'GET / HTTP/9.9']) {
      const answer = await exchange([Buffer.from(`${line}\r\nHost: x\r\n\r\n`, 'latin1')]);
      expect(answer.status).toBe(400);
      expect(answer.closedByServer).toBe(true);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'bad_request' } });
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
    await expectAlive();
  });

  it('[H1] all of them at once, plain and upgrade, and the server still serves its rooms', async () => {
    const answers = await Promise.all(HOSTILE_TARGETS.flatMap((t) => [request(t), upgradeRequest(t)]));
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 400));
    const socket = rawSocket(
      `${setup.server.wsBase}/${board.id}/canvas?token=${encodeURIComponent(facilitator.sessionToken)}`,
    );
    await socket.opened;
    socket.ws.close();
    await expectAlive();
  });
});

describe('[H2] slow clients are cut off', () => {
  // 40 pieces 250 ms apart: ten seconds, far past the 1 s headers timeout under test.
  const trickle = (head: string) => [head, ...Array.from({ length: 40 }, (_, i) => `X-Slow-${i}: 1\r\n`)];

  it('[H2] headers that never finish get a 408 and a closed connection', async () => {
    const answer = await exchange(trickle('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n'), 250);
    expect(answer.closedByServer).toBe(true);
    expect(answer.status).toBe(408);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    await expectAlive();
  });

  it('[H2] a websocket upgrade whose headers never finish is cut too', async () => {
    const head = `GET /ws/${board.id}/canvas HTTP/1.1\r\nHost: 127.0.0.1\r\n${UPGRADE}`;
    const answer = await exchange(trickle(head), 250);
    expect(answer.closedByServer).toBe(true);
    expect(answer.status).toBe(408);
  });

  const joinHead = (length: number) =>
    `POST /api/boards/${board.id}/join HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
    `Authorization: Bearer ${inviteToken(board.invites.observer)}\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

  it('[H2] a body that stalls gets a 408 and a closed connection', async () => {
    // The first bytes of the body, then nothing (the pieces run out; the grace is 3 s).
    const answer = await exchange([joinHead(60), '{"name":"Sl'], 0, 5_000);
    expect(answer.closedByServer).toBe(true);
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'request_timeout' } });
    await expectAlive();
  });

  it('[H2] a body that trickles a byte at a time is cut at the request timeout', async () => {
    const body = Array.from({ length: 40 }, () => ' ');
    const answer = await exchange([joinHead(400), ...body], 250);
    expect(answer.closedByServer).toBe(true);
    expect(answer.status).toBe(408);
    await expectAlive();
  });
});

describe('[H4] security headers on every response', () => {
  const expectSecurityHeaders = (get: (name: string) => string | null | undefined) => {
    expect(get('x-content-type-options')).toBe('nosniff');
    expect(get('referrer-policy')).toBe('no-referrer');
    expect(get('x-frame-options')).toBe('DENY');
    expect(get('cross-origin-opener-policy')).toBe('same-origin');
    expect(get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  };

  it('[H4] on API JSON', async () => {
    const res = await fetch(`${setup.server.baseUrl}/api/config`);
    expect(res.status).toBe(200);
    expectSecurityHeaders((name) => res.headers.get(name));
  });

  it('[H4] on an error and on a 404', async () => {
    const unauthorized = await fetch(`${setup.server.baseUrl}/api/boards`);
    expect(unauthorized.status).toBe(401);
    expectSecurityHeaders((name) => unauthorized.headers.get(name));
    const missing = await fetch(`${setup.server.baseUrl}/api/no-such-endpoint`);
    expect(missing.status).toBe(404);
    expectSecurityHeaders((name) => missing.headers.get(name));
  });

  it('[H4] on the client page and a static file, keeping the app’s own policy', async () => {
    const page = await fetch(`${setup.server.baseUrl}/`);
    expect(page.status).toBe(200);
    expectSecurityHeaders((name) => page.headers.get(name));
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const asset = /(?:src|href)="(\/assets\/[^"]+)"/.exec(await page.text())?.[1];
    expect(asset).toBeDefined();
    const file = await fetch(`${setup.server.baseUrl}${asset}`);
    expect(file.status).toBe(200);
    expectSecurityHeaders((name) => file.headers.get(name));
  });

  it('[H4] on the print page', async () => {
    const res = await apiRequest(setup.server, 'GET', `/api/boards/${board.id}/print?paper=a4`, {
      token: facilitator.sessionToken,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expectSecurityHeaders((name) => res.headers.get(name));
  });

  it('[H4] on a refused websocket upgrade', async () => {
    const answer = await upgradeRequest(`/ws/${board.id}/canvas?token=nope`);
    expect(answer.status).toBe(401);
    expectSecurityHeaders((name) => answer.headers[name]);
  });
});

/** Sends until the answer is a 429 (at most `tries`); answers the statuses seen and the refusal. */
async function until429(
  tries: number,
  send: () => Promise<{ status: number; headers: Headers; body: unknown }>,
) {
  const statuses: number[] = [];
  for (let i = 0; i < tries; i++) {
    const res = await send();
    statuses.push(res.status);
    if (res.status === 429) return { statuses, refusal: res };
  }
  return { statuses, refusal: null };
}

describe('[R] rate limits answer 429 with Retry-After', () => {
  const expectRefusal = (refusal: { headers: Headers; body: unknown } | null) => {
    expect(refusal).not.toBeNull();
    expect(Number(refusal?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refusal?.body).toMatchObject({ error: { code: 'too_many_requests' } });
  };

  it('[R1] joins from one address past the limit', async () => {
    const { statuses, refusal } = await until429(10, () =>
      apiRequest(setup.server, 'POST', `/api/boards/${board.id}/join`, {
        token: inviteToken(board.invites.participant),
        body: { name: 'Ula', city: 'Ustka' },
      }),
    );
    expectRefusal(refusal);
    expect(statuses.slice(0, -1).every((status) => status === 200)).toBe(true);
  });

  it('[R2] board creation past the limit', async () => {
    const { statuses, refusal } = await until429(10, () =>
      apiRequest(setup.server, 'POST', '/api/boards', {
        token: setup.server.adminToken,
        body: { title: 'Jeszcze jedna', format: 'blank' },
      }),
    );
    expectRefusal(refusal);
    expect(statuses.slice(0, -1).every((status) => status === 201)).toBe(true);
  });

  it('[R6] websocket connection attempts past the limit', async () => {
    let refused: string | null = null;
    for (let i = 0; i < 12 && refused === null; i++) {
      const answer = await upgradeRequest(`/ws/${board.id}/canvas?token=nope`);
      if (answer.status === 429) {
        expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        refused = answer.body;
      } else expect(answer.status).toBe(401);
    }
    expect(refused && JSON.parse(refused)).toMatchObject({ error: { code: 'too_many_requests' } });
    await expectAlive();
  });
});

describe('[R3] token guesses lock an address out of everything but signed tokens', () => {
  let guessed: ServerHandle;
  let guessBoard: CreateBoardResponse;
  let ala: JoinResponse;

  beforeAll(async () => {
    guessed = await startServer({ env: { RATE_LIMIT_TOKEN_FAILURES: '4/3600' } });
    guessBoard = await createBoard(guessed, 'Zgadywanie', 'blank');
    ala = await join(guessed, guessBoard.id, guessBoard.invites.participant, 'Ala', 'Gdynia');
  });
  afterAll(async () => {
    await guessed.stop();
  });

  it('[R3] after the limit of wrong tokens even the right admin token is refused (429, Retry-After); signed tokens still pass', async () => {
    for (let i = 0; i < 4; i++) {
      const wrong = await apiRequest(guessed, 'GET', '/api/boards', { token: `guess-${i}-0123456789abcdef` });
      expect(wrong.status).toBe(401);
    }
    const right = await apiRequest(guessed, 'GET', '/api/boards', { token: guessed.adminToken });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(right.body).toMatchObject({ error: { code: 'too_many_requests' } });

    const forged = rawSocket(`${guessed.wsBase}/${guessBoard.id}/canvas?token=${guessed.adminToken}`);
    await expect(forged.opened).rejects.toThrow('HTTP 429');

    // A token we signed is no guess: the people behind the same address keep working.
    const res = await apiRequest(guessed, 'GET', `/api/boards/${guessBoard.id}`, { token: ala.sessionToken });
    expect(res.status).toBe(200);
  });
});
