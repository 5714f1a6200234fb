import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode } from '@empiria/shared';
import { apiCall, createBoard, join } from '../support/api';
import { startServer, type ServerHandle } from '../support/server-process';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * A real server process, real websockets, real SQLite files, y-websocket clients with
 * BroadcastChannel off: what the browser does, minus the browser.
 */
const servers: ServerHandle[] = [];
const connections: DocConnection[] = [];

async function start(opts: Parameters<typeof startServer>[0] = {}) {
  const server = await startServer(opts);
  servers.push(server);
  return server;
}

async function connect(...args: Parameters<typeof connectDoc>) {
  const connection = await connectDoc(...args);
  connections.push(connection);
  return connection;
}

afterEach(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
  for (const server of servers.splice(0)) if (server.exitCode() === undefined) await server.kill();
});

async function boardWithPeople(server: ServerHandle) {
  const board = await createBoard(server, 'Integracja');
  const ala = await join(server, board.id, board.invites.participant, 'Ala', 'Gdynia');
  const bartek = await join(server, board.id, board.invites.facilitator, 'Bartek', 'Poznań');
  const olga = await join(server, board.id, board.invites.observer, 'Olga', 'Oslo');
  return { board, ala, bartek, olga };
}

/** Opens a raw websocket and resolves with how the server closed it. */
function rawSocket(url: string, origin: string) {
  const ws = new WebSocket(url, { origin });
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on('error', () => undefined);
  return { ws, opened, closed };
}

describe('sync through a real server', () => {
  it('two clients converge and a late joiner gets everything', async () => {
    const server = await start();
    const { board, ala, bartek } = await boardWithPeople(server);
    const a = await connect(server, board.id, 'canvas', ala.sessionToken);
    const b = await connect(server, board.id, 'canvas', bartek.sessionToken);
    a.doc.getMap('records').set('note-a', { text: 'z Gdyni' });
    b.doc.getMap('records').set('note-b', { text: 'z Poznania' });
    await a.waitFor((doc) => doc.getMap('records').size === 2, 10_000, 'a sees both notes');
    await b.waitFor((doc) => doc.getMap('records').size === 2, 10_000, 'b sees both notes');
    const late = await connect(server, board.id, 'canvas', ala.sessionToken);
    expect(late.doc.getMap('records').toJSON()).toEqual(a.doc.getMap('records').toJSON());
  });

  it("an observer's writes reach nobody and no disk", async () => {
    const server = await start();
    const { board, ala, olga } = await boardWithPeople(server);
    const writer = await connect(server, board.id, 'canvas', ala.sessionToken);
    const observer = await connect(server, board.id, 'canvas', olga.sessionToken);
    observer.doc.getMap('records').set('forged', { text: 'nie powinno być widać' });
    writer.doc.getMap('records').set('real', { text: 'prawdziwa' });
    await observer.waitFor(
      (doc) => doc.getMap('records').has('real'),
      10_000,
      'observer reads the real note',
    );
    const restarted = await server.restart();
    servers.push(restarted);
    const fresh = await connect(restarted, board.id, 'canvas', ala.sessionToken);
    expect([...fresh.doc.getMap('records').keys()]).toEqual(['real']);
    expect(writer.doc.getMap('records').has('forged')).toBe(false);
  });

  it('kill -9 in the middle of a stream of updates loses nothing that was relayed', async () => {
    const server = await start();
    const { board, ala, bartek } = await boardWithPeople(server);
    const writer = await connect(server, board.id, 'canvas', ala.sessionToken, { maxBackoffTimeMs: 60_000 });
    const reader = await connect(server, board.id, 'canvas', bartek.sessionToken, {
      maxBackoffTimeMs: 60_000,
    });
    const relayed = reader.doc.getArray<number>('stream');
    const written = writer.doc.getArray<number>('stream');
    // Write in small bursts until the reader has seen a good part, then crash the server.
    let next = 0;
    const pump = setInterval(() => {
      for (let i = 0; i < 20; i++) written.push([next++]);
    }, 5);
    await reader.waitFor((doc) => doc.getArray('stream').length >= 300, 20_000, 'reader got 300 items');
    await server.kill();
    clearInterval(pump);
    const seenByReader = relayed.toArray();
    expect(seenByReader.length).toBeGreaterThanOrEqual(300);
    writer.destroy();
    reader.destroy();

    const restarted = await server.restart();
    servers.push(restarted);
    const check = await connect(restarted, board.id, 'canvas', bartek.sessionToken);
    const stored = new Set(check.doc.getArray<number>('stream').toArray());
    const missing = seenByReader.filter((item) => !stored.has(item));
    expect(missing).toEqual([]);
  });

  it('SIGTERM flushes, compacts and exits cleanly', async () => {
    const server = await start();
    const { board, ala } = await boardWithPeople(server);
    const writer = await connect(server, board.id, 'canvas', ala.sessionToken);
    for (let i = 0; i < 50; i++) writer.doc.getArray<number>('n').push([i]);
    const probe = await connect(server, board.id, 'canvas', ala.sessionToken);
    await probe.waitFor((doc) => doc.getArray('n').length === 50, 10_000, 'server has all 50');
    writer.destroy();
    probe.destroy();
    expect(await server.stop()).toBe(0);
    expect(server.logRecords().some((r) => r.msg === 'stopped')).toBe(true);
    const restarted = await server.restart();
    servers.push(restarted);
    const check = await connect(restarted, board.id, 'canvas', ala.sessionToken);
    expect(check.doc.getArray('n').length).toBe(50);
  });

  it('an oversized frame closes that socket with 1009; others go on', async () => {
    const server = await start();
    const { board, ala, bartek } = await boardWithPeople(server);
    const good = await connect(server, board.id, 'canvas', bartek.sessionToken);
    const big = rawSocket(`${server.wsBase}/${board.id}/canvas?token=${ala.sessionToken}`, server.baseUrl);
    await big.opened;
    big.ws.send(new Uint8Array(3 * 1024 * 1024));
    expect((await big.closed).code).toBe(CloseCode.messageTooBig);
    await server.waitForLog((r) => r.msg === 'websocket error');
    good.doc.getMap('records').set('after', { ok: true });
    const check = await connect(server, board.id, 'canvas', ala.sessionToken);
    await check.waitFor((doc) => doc.getMap('records').has('after'), 10_000, 'server still relays');
  });

  it('a malformed frame closes that socket only', async () => {
    const server = await start();
    const { board, ala, bartek } = await boardWithPeople(server);
    const good = await connect(server, board.id, 'canvas', bartek.sessionToken);
    const bad = rawSocket(`${server.wsBase}/${board.id}/canvas?token=${ala.sessionToken}`, server.baseUrl);
    await bad.opened;
    bad.ws.send(new Uint8Array([0, 2, 5, 255, 255, 255, 255, 255]));
    expect((await bad.closed).code).toBe(CloseCode.malformedFrame);
    const text = rawSocket(`${server.wsBase}/${board.id}/canvas?token=${ala.sessionToken}`, server.baseUrl);
    await text.opened;
    text.ws.send('hello');
    expect((await text.closed).code).toBe(CloseCode.malformedFrame);
    good.doc.getMap('records').set('fine', { ok: true });
    const check = await connect(server, board.id, 'canvas', ala.sessionToken);
    await check.waitFor((doc) => doc.getMap('records').has('fine'), 10_000, 'server still relays');
    expect(good.closes).toEqual([]);
  });

  it('refuses bad tokens before the upgrade and ends sessions of a revoked invite', async () => {
    const server = await start();
    const { board, ala } = await boardWithPeople(server);
    for (const token of ['', 'garbage', `${ala.sessionToken}x`, server.adminToken]) {
      const attempt = rawSocket(
        `${server.wsBase}/${board.id}/canvas?token=${encodeURIComponent(token)}`,
        server.baseUrl,
      );
      await expect(attempt.opened).rejects.toThrow('HTTP 401');
    }
    const live = await connect(server, board.id, 'canvas', ala.sessionToken, { maxBackoffTimeMs: 60_000 });
    const closing = live.nextClose();
    await apiCall(server, 'POST', `/api/boards/${board.id}/invites/participant/revoke`, {
      token: server.adminToken,
    });
    expect((await closing).code).toBe(CloseCode.unauthorized);
    const again = rawSocket(`${server.wsBase}/${board.id}/canvas?token=${ala.sessionToken}`, server.baseUrl);
    await expect(again.opened).rejects.toThrow('HTTP 401');
  });

  it('a participant cannot write the control document', async () => {
    const server = await start();
    const { board, ala, bartek } = await boardWithPeople(server);
    const participant = await connect(server, board.id, 'control', ala.sessionToken);
    const facilitator = await connect(server, board.id, 'control', bartek.sessionToken);
    participant.doc.getMap('control').set('forged', 7);
    facilitator.doc.getMap('control').set('step', 2);
    // The participant's local copy keeps its own write (Yjs cannot know the server dropped it);
    // what matters is that the server, and so everyone else, never had it.
    await participant.waitFor(
      (doc) => doc.getMap('control').get('step') === 2,
      10_000,
      'facilitator step arrives',
    );
    const check = await connect(server, board.id, 'control', bartek.sessionToken);
    expect(check.doc.getMap('control').get('step')).toBe(2);
    expect(check.doc.getMap('control').has('forged')).toBe(false);
    expect(facilitator.doc.getMap('control').has('forged')).toBe(false);
  });
});
