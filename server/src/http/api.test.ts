import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  apiErrorSchema,
  boardAccessResponseSchema,
  boardListResponseSchema,
  createBoardResponseSchema,
  joinResponseSchema,
  revokeInviteResponseSchema,
  cityColor,
} from '@empiria/shared';
import { createApp, type App } from '../app';
import { loadConfig } from '../config';
import { createMemoryLogger } from '../log';

let app: App;
let base: string;
let dataDir: string;
const ADMIN = 'admin-token-for-tests-0123456789';

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-api-'));
  const config = loadConfig(
    { PORT: '0', DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN },
    path.join(dataDir, 'no-client'),
  );
  app = await createApp(config, createMemoryLogger(), 'test');
  const address = await app.listen();
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const call = (
  method: string,
  url: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
) =>
  fetch(base + url, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = apiErrorSchema.parse(await res.json());
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  return body;
}

const tokenOf = (invite: string) => new URL(invite).searchParams.get('token') as string;

async function newBoard(title = 'Sieć cyfrowa — spotkanie 1') {
  const res = await call('POST', '/api/boards', ADMIN, { title, format: 'blank' });
  expect(res.status).toBe(201);
  return createBoardResponseSchema.parse(await res.json());
}

async function join(boardId: string, invite: string, name = 'Ala', city = 'Gdynia') {
  const res = await call('POST', `/api/boards/${boardId}/join`, tokenOf(invite), { name, city });
  expect(res.status).toBe(200);
  return joinResponseSchema.parse(await res.json());
}

describe('HTTP API', () => {
  it('reports health and the client configuration', async () => {
    expect(await (await call('GET', '/healthz')).json()).toMatchObject({ status: 'ok', version: 'test' });
    expect(await (await call('GET', '/api/config')).json()).toEqual({
      tldrawLicenseKey: null,
      version: 'test',
    });
  });

  it('creates a board with one absolute invite link per role', async () => {
    const board = await newBoard();
    for (const role of ['facilitator', 'expert', 'organiser', 'participant', 'observer', 'room'] as const) {
      const url = new URL(board.invites[role]);
      expect(url.origin).toBe(base);
      expect(url.pathname).toBe(`/b/${board.id}`);
      expect(url.searchParams.get('token')).toBeTruthy();
    }
    const list = boardListResponseSchema.parse(await (await call('GET', '/api/boards', ADMIN)).json());
    expect(list.boards.map((b) => b.id)).toContain(board.id);
  });

  it('refuses board creation without the admin token, with a clear error', async () => {
    await expectError(
      await call('POST', '/api/boards', undefined, { title: 'x', format: 'blank' }),
      401,
      'unauthorized',
    );
    await expectError(
      await call('POST', '/api/boards', 'wrong-token', { title: 'x', format: 'blank' }),
      401,
      'unauthorized',
    );
    const board = await newBoard();
    const facilitator = await join(board.id, board.invites.facilitator);
    await expectError(
      await call('POST', '/api/boards', facilitator.sessionToken, { title: 'x', format: 'blank' }),
      403,
      'forbidden',
    );
    await expectError(await call('GET', '/api/boards', tokenOf(board.invites.participant)), 403, 'forbidden');
  });

  it('validates bodies: not JSON, wrong shape, too large', async () => {
    await expectError(
      await call('POST', '/api/boards', ADMIN, 'title=x', { 'content-type': 'text/plain' }),
      415,
      'unsupported_media_type',
    );
    await expectError(await call('POST', '/api/boards', ADMIN, '{"title":'), 400, 'bad_request');
    const invalid = await expectError(
      await call('POST', '/api/boards', ADMIN, { title: '  ', format: 'mural' }),
      400,
      'invalid_body',
    );
    expect(invalid.error.message).toMatch(/title/);
    expect(invalid.error.message).toMatch(/format/);
    await expectError(
      await call('POST', '/api/boards', ADMIN, { title: 'x'.repeat(70_000), format: 'blank' }),
      413,
      'payload_too_large',
    );
  });

  it('answers board info to a token of that board only', async () => {
    const a = await newBoard('A');
    const b = await newBoard('B');
    const info = boardAccessResponseSchema.parse(
      await (await call('GET', `/api/boards/${a.id}`, tokenOf(a.invites.observer))).json(),
    );
    expect(info).toMatchObject({ board: { id: a.id, title: 'A', format: 'blank' }, role: 'observer' });
    await expectError(
      await call('GET', `/api/boards/${a.id}`, tokenOf(b.invites.participant)),
      401,
      'unauthorized',
    );
    await expectError(await call('GET', `/api/boards/nonexistent-board`, ADMIN), 404, 'not_found');
    await expectError(await call('GET', `/api/boards/..%2F..`, ADMIN), 404, 'not_found');
  });

  it('joins with name and city and stamps the city colour', async () => {
    const board = await newBoard();
    const joined = await join(board.id, board.invites.participant, 'Ala', 'Gdynia');
    expect(joined.identity).toMatchObject({
      name: 'Ala',
      city: 'Gdynia',
      role: 'participant',
      color: cityColor('Gdynia'),
    });
    await expectError(
      await call('POST', `/api/boards/${board.id}/join`, tokenOf(board.invites.participant), {
        name: '',
        city: 'Gdynia',
      }),
      400,
      'invalid_body',
    );
    await expectError(
      await call('POST', `/api/boards/${board.id}/join`, joined.sessionToken, { name: 'A', city: 'B' }),
      403,
      'forbidden',
    );
  });

  it('a new link revokes the old one and every session made from it', async () => {
    const board = await newBoard();
    const participant = await join(board.id, board.invites.participant);
    const facilitator = await join(board.id, board.invites.facilitator, 'Fela', 'Lublin');
    await expectError(
      await call('POST', `/api/boards/${board.id}/invites/observer/revoke`, participant.sessionToken),
      403,
      'forbidden',
    );
    const res = await call(
      'POST',
      `/api/boards/${board.id}/invites/participant/revoke`,
      facilitator.sessionToken,
    );
    expect(res.status).toBe(200);
    const rotated = revokeInviteResponseSchema.parse(await res.json());
    expect(rotated.invite).not.toBe(board.invites.participant);
    await expectError(
      await call('GET', `/api/boards/${board.id}`, tokenOf(board.invites.participant)),
      401,
      'unauthorized',
    );
    await expectError(
      await call('GET', `/api/boards/${board.id}`, participant.sessionToken),
      401,
      'unauthorized',
    );
    expect((await call('GET', `/api/boards/${board.id}`, tokenOf(rotated.invite))).status).toBe(200);
    await expectError(
      await call('POST', `/api/boards/${board.id}/invites/mayor/revoke`, ADMIN),
      404,
      'not_found',
    );
  });

  it('answers unknown endpoints and wrong methods with JSON errors', async () => {
    await expectError(await call('GET', '/api/nothing'), 404, 'not_found');
    await expectError(await call('DELETE', '/api/boards', ADMIN), 405, 'method_not_allowed');
    await expectError(await call('GET', '/'), 503, 'client_not_built');
  });
});

describe('websocket upgrade', () => {
  const attempt = (url: string, origin?: string) =>
    new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(url.replace('http', 'ws'), origin ? { origin } : {});
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => {
        ws.close();
        resolve(101);
      });
      ws.on('error', (err) => (err.message.includes('Unexpected server response') ? undefined : reject(err)));
    });

  it('checks path, origin and token before the upgrade', async () => {
    const board = await newBoard();
    const other = await newBoard();
    const session = await join(board.id, board.invites.participant);
    const foreign = await join(other.id, other.invites.participant);
    const room = `${base}/ws/${board.id}/canvas`;
    expect(await attempt(`${room}?token=${session.sessionToken}`)).toBe(101);
    expect(await attempt(`${room}?token=${session.sessionToken}`, base)).toBe(101);
    expect(await attempt(room)).toBe(401);
    expect(await attempt(`${room}?token=forged.token`)).toBe(401);
    expect(await attempt(`${room}?token=${tokenOf(board.invites.participant)}`)).toBe(401);
    expect(await attempt(`${room}?token=${foreign.sessionToken}`)).toBe(401);
    expect(await attempt(`${room}?token=${ADMIN}`)).toBe(401);
    expect(await attempt(`${room}?token=${session.sessionToken}`, 'https://evil.example')).toBe(403);
    // [P6] an observer reads the stream, never the canvas, the control or the summary document.
    const observer = await join(board.id, board.invites.observer, 'Olga', 'Oslo');
    for (const doc of ['canvas', 'control', 'summary'])
      expect(await attempt(`${base}/ws/${board.id}/${doc}?token=${observer.sessionToken}`)).toBe(403);
    for (const doc of ['stream-canvas', 'stream-control'])
      expect(await attempt(`${base}/ws/${board.id}/${doc}?token=${observer.sessionToken}`)).toBe(101);
    expect(await attempt(`${base}/ws/${board.id}/summary?token=${session.sessionToken}`)).toBe(101);
    expect(await attempt(`${base}/ws/${board.id}/secrets?token=${session.sessionToken}`)).toBe(404);
    expect(await attempt(`${base}/ws/${board.id}?token=${session.sessionToken}`)).toBe(404);
  });
});
