import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode } from '@empiria/shared';
import { apiCall, createBoard, join } from '../support/api';
import { startServer, type ServerHandle } from '../support/server-process';
import { canvasRecords, noteRecord } from '../support/canvas-records';
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
    // The board's own document and page records are there from the start; the notes are shapes.
    const notesOf = (doc: Parameters<typeof canvasRecords>[0]) =>
      Object.fromEntries(
        [...canvasRecords(doc).map]
          .filter(([key]) => key.startsWith('shape:'))
          .map(([key, e]) => [key, e.val]),
      );
    canvasRecords(a.doc).set('shape:a', noteRecord('shape:a', { text: 'z Gdyni' }));
    canvasRecords(b.doc).set('shape:b', noteRecord('shape:b', { text: 'z Poznania' }));
    await a.waitFor((doc) => Object.keys(notesOf(doc)).length === 2, 10_000, 'a sees both notes');
    await b.waitFor((doc) => Object.keys(notesOf(doc)).length === 2, 10_000, 'b sees both notes');
    const late = await connect(server, board.id, 'canvas', ala.sessionToken);
    expect(notesOf(late.doc)).toEqual(notesOf(a.doc));
  });

  it("a read-only role's writes reach nobody and no disk (the room display; observers never get the canvas)", async () => {
    const server = await start();
    const { board, ala } = await boardWithPeople(server);
    const screen = await join(server, board.id, board.invites.room, 'Ekran sali', 'Sala 1');
    const writer = await connect(server, board.id, 'canvas', ala.sessionToken);
    const observer = await connect(server, board.id, 'canvas', screen.sessionToken);
    canvasRecords(observer.doc).set(
      'shape:forged',
      noteRecord('shape:forged', { text: 'nie powinno być widać' }),
    );
    canvasRecords(writer.doc).set('shape:real', noteRecord('shape:real', { text: 'prawdziwa' }));
    await observer.waitFor(
      (doc) => canvasRecords(doc).has('shape:real'),
      10_000,
      'observer reads the real note',
    );
    const restarted = await server.restart();
    servers.push(restarted);
    const fresh = await connect(restarted, board.id, 'canvas', ala.sessionToken);
    expect([...canvasRecords(fresh.doc).map.keys()].filter((key) => key.startsWith('shape:'))).toEqual([
      'shape:real',
    ]);
    expect(canvasRecords(writer.doc).has('shape:forged')).toBe(false);
  });

  it('kill -9 in the middle of a stream of updates loses nothing that was relayed', async () => {
    const server = await start();
    const { board, ala, bartek } = await boardWithPeople(server);
    const writer = await connect(server, board.id, 'canvas', ala.sessionToken, { maxBackoffTimeMs: 60_000 });
    const reader = await connect(server, board.id, 'canvas', bartek.sessionToken, {
      maxBackoffTimeMs: 60_000,
    });
    const relayed = canvasRecords(reader.doc);
    const written = canvasRecords(writer.doc);
    // Write in small bursts until the reader has seen a good part, then crash the server.
    let next = 0;
    const pump = setInterval(() => {
      for (let i = 0; i < 20; i++, next++) written.set(`shape:s${next}`, noteRecord(`shape:s${next}`));
    }, 5);
    const streamed = () => [...relayed.map.keys()].filter((key) => key.startsWith('shape:s'));
    await reader.waitFor(() => streamed().length >= 300, 20_000, 'reader got 300 items');
    await server.kill();
    clearInterval(pump);
    const seenByReader = streamed();
    expect(seenByReader.length).toBeGreaterThanOrEqual(300);
    writer.destroy();
    reader.destroy();

    const restarted = await server.restart();
    servers.push(restarted);
    const check = await connect(restarted, board.id, 'canvas', bartek.sessionToken);
    const stored = new Set(canvasRecords(check.doc).map.keys());
    const missing = seenByReader.filter((item) => !stored.has(item));
    expect(missing).toEqual([]);
  });

  it('SIGTERM flushes, compacts and exits cleanly', async () => {
    const server = await start();
    const { board, ala } = await boardWithPeople(server);
    const writer = await connect(server, board.id, 'canvas', ala.sessionToken);
    for (let i = 0; i < 50; i++) canvasRecords(writer.doc).set(`shape:n${i}`, noteRecord(`shape:n${i}`));
    const probe = await connect(server, board.id, 'canvas', ala.sessionToken);
    const shapes = (doc: Parameters<typeof canvasRecords>[0]) =>
      [...canvasRecords(doc).map.keys()].filter((key) => key.startsWith('shape:n')).length;
    await probe.waitFor((doc) => shapes(doc) === 50, 10_000, 'server has all 50');
    writer.destroy();
    probe.destroy();
    expect(await server.stop()).toBe(0);
    expect(server.logRecords().some((r) => r.msg === 'stopped')).toBe(true);
    const restarted = await server.restart();
    servers.push(restarted);
    const check = await connect(restarted, board.id, 'canvas', ala.sessionToken);
    expect(shapes(check.doc)).toBe(50);
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
    canvasRecords(good.doc).set('shape:after', noteRecord('shape:after'));
    const check = await connect(server, board.id, 'canvas', ala.sessionToken);
    await check.waitFor((doc) => canvasRecords(doc).has('shape:after'), 10_000, 'server still relays');
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
    canvasRecords(good.doc).set('shape:fine', noteRecord('shape:fine'));
    const check = await connect(server, board.id, 'canvas', ala.sessionToken);
    await check.waitFor((doc) => canvasRecords(doc).has('shape:fine'), 10_000, 'server still relays');
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
    facilitator.doc.getMap('control').set('showAuthors', false);
    // The participant's local copy keeps its own write (Yjs cannot know the server dropped it);
    // what matters is that the server, and so everyone else, never had it.
    await participant.waitFor(
      (doc) => doc.getMap('control').get('showAuthors') === false,
      10_000,
      'facilitator change arrives',
    );
    const check = await connect(server, board.id, 'control', bartek.sessionToken);
    expect(check.doc.getMap('control').get('showAuthors')).toBe(false);
    expect(check.doc.getMap('control').has('forged')).toBe(false);
    expect(facilitator.doc.getMap('control').has('forged')).toBe(false);
  });
});
