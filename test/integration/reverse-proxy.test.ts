import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode, healthResponseSchema } from '@empiria/shared';
import { apiCall, apiRequest, createBoard, join } from '../support/api';
import { canvasRecords, noteRecord } from '../support/canvas-records';
import { startNginxProxy, type NginxProxy, type ProxyOptions } from '../support/nginx-proxy';
import { freePort, startServer, type ServerHandle } from '../support/server-process';
import { connectDoc, openWebSocket, type DocConnection } from '../support/yjs-client';
import type * as Y from 'yjs';
import type NodeWebSocket from 'ws';

/**
 * deploy/nginx/empiria.conf run by the real nginx in front of two Empiria processes on one data
 * folder (compose.yaml's layout, on loopback): HTTP and websockets pass, requests go round robin
 * to both, and a process stopped with SIGTERM hands its clients to the other through the proxy.
 */
const METRICS_TOKEN = 'proxy-test-metrics-token-0123456789';
const servers: ServerHandle[] = [];
const connections: DocConnection[] = [];
let proxy: NginxProxy | null = null;

afterEach(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
  for (const server of servers.splice(0)) if (server.exitCode() === undefined) await server.kill();
  await proxy?.stop();
  proxy = null;
});

const noteKeys = (doc: Y.Doc) => [...canvasRecords(doc).map.keys()].filter((key) => key.startsWith('shape:'));

/** Two processes on one DATA_DIR behind nginx, each believing it is reached at the proxy's URL. */
async function cluster(options: ProxyOptions = {}) {
  const proxyPort = await freePort();
  const env = { PUBLIC_URL: `http://127.0.0.1:${proxyPort}`, TRUST_PROXY: '1', METRICS_TOKEN };
  const first = await startServer({ env });
  servers.push(first);
  const second = await startServer({ env, dataDir: first.dataDir, adminToken: first.adminToken });
  servers.push(second);
  proxy = await startNginxProxy([first.port, second.port], proxyPort, options);
  const front = { baseUrl: proxy.baseUrl, wsBase: proxy.wsBase, adminToken: first.adminToken };
  return { first, second, front };
}

/** One sample of a process's /metrics, asked directly (not through the proxy). */
async function metric(server: ServerHandle, series: string): Promise<number> {
  const text = (await apiRequest(server, 'GET', '/metrics', { token: METRICS_TOKEN })).body as string;
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function until(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('behind nginx (deploy/nginx/empiria.conf)', () => {
  it('serves the API, the client and /healthz through the proxy, round robin over both processes', async () => {
    const { first, second, front } = await cluster();
    const health = healthResponseSchema.parse(await apiCall(front, 'GET', '/healthz'));
    expect(health.status).toBe('ok');
    const board = await createBoard(front, 'Za proxy');
    for (let i = 0; i < 6; i++)
      await apiCall(front, 'GET', `/api/boards/${board.id}`, { token: front.adminToken });
    const reads = 'empiria_http_requests_total{route="api_boards",status="200"}';
    const [onFirst, onSecond] = [await metric(first, reads), await metric(second, reads)];
    expect(onFirst + onSecond).toBe(6);
    expect(onFirst).toBeGreaterThan(0);
    expect(onSecond).toBeGreaterThan(0);
    const page = await fetch(`${front.baseUrl}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('carries websockets: a note written through the proxy is read through it, from either process', async () => {
    const { first, second, front } = await cluster();
    const board = await createBoard(front, 'Za proxy');
    const ala = await join(front, board.id, board.invites.participant, 'Ala', 'Gdynia');
    const writer = await connectDoc(front, board.id, 'canvas', ala.sessionToken);
    connections.push(writer);
    canvasRecords(writer.doc).set(
      'shape:przez-proxy',
      noteRecord('shape:przez-proxy', { text: 'przez nginx' }),
    );
    const accepted = 'empiria_updates_accepted_total';
    await until(
      async () => (await metric(first, accepted)) + (await metric(second, accepted)) >= 1,
      10_000,
      'the note stored by one process',
    );
    // Four more connections, round robin: both processes serve the room, both have the note.
    for (let i = 0; i < 4; i++) {
      const reader = await connectDoc(front, board.id, 'canvas', ala.sessionToken);
      connections.push(reader);
      expect(noteKeys(reader.doc)).toContain('shape:przez-proxy');
    }
    expect(await metric(first, 'empiria_connections')).toBeGreaterThan(0);
    expect(await metric(second, 'empiria_connections')).toBeGreaterThan(0);
  });

  it('[H2] caps open connections per address across both processes: the next websocket gets 429', async () => {
    // The shipped cap is 1,000; the same directive with 4, so that four websockets reach it.
    const { first, second, front } = await cluster({ connectionsPerAddress: 4 });
    const board = await createBoard(front, 'Limit połączeń');
    const ala = await join(front, board.id, board.invites.participant, 'Ala', 'Gdynia');
    for (let i = 0; i < 4; i++)
      connections.push(
        await connectDoc(front, board.id, 'canvas', ala.sessionToken, { maxBackoffTimeMs: 60_000 }),
      );
    // Round robin put them on both processes; each process alone holds fewer than four.
    expect(await metric(first, 'empiria_connections')).toBeGreaterThan(0);
    expect(await metric(second, 'empiria_connections')).toBeGreaterThan(0);
    const upgrade = () =>
      new Promise<number>((resolve, reject) => {
        const url = `${front.wsBase}/${board.id}/canvas?token=${encodeURIComponent(ala.sessionToken)}`;
        const socket = openWebSocket(url, front.baseUrl) as unknown as NodeWebSocket;
        socket.once('open', () => {
          socket.close();
          resolve(101);
        });
        socket.once('unexpected-response', (_req, res) => {
          resolve(res.statusCode ?? 0);
          socket.terminate();
        });
        socket.once('error', (err) => reject(err));
      });
    expect(await upgrade()).toBe(429);
    // One closes; the next one is let through again.
    connections.pop()!.destroy();
    await until(async () => (await upgrade()) === 101, 5_000, 'a websocket accepted after one closed');
  });

  it('SIGTERM to one process: its clients reconnect through the proxy to the other and keep working', async () => {
    const { first, second, front } = await cluster();
    const board = await createBoard(front, 'Za proxy');
    const ala = await join(front, board.id, board.invites.participant, 'Ala', 'Gdynia');
    // Connections until one lands on the first process (round robin: the first or second try).
    let client: DocConnection | null = null;
    for (let i = 0; i < 4 && !client; i++) {
      const before = await metric(first, 'empiria_connections');
      const attempt = await connectDoc(front, board.id, 'canvas', ala.sessionToken, {
        maxBackoffTimeMs: 500,
      });
      connections.push(attempt);
      if ((await metric(first, 'empiria_connections')) > before) client = attempt;
    }
    if (!client) throw new Error('no connection reached the first process');
    canvasRecords(client.doc).set('shape:przed', noteRecord('shape:przed', { text: 'przed restartem' }));
    await until(async () => (await metric(first, 'empiria_updates_accepted_total')) >= 1, 10_000, 'stored');

    const closed = client.nextClose(10_000);
    expect(await first.stop(15_000)).toBe(0);
    expect((await closed).code).toBe(CloseCode.restarting);
    const reconnected = client;
    await until(() => reconnected.provider.synced, 15_000, 'the client back through the proxy');
    canvasRecords(client.doc).set('shape:po', noteRecord('shape:po', { text: 'po restarcie' }));
    await until(
      async () => (await metric(second, 'empiria_updates_accepted_total')) >= 1,
      10_000,
      'stored by the second',
    );
    const fresh = await connectDoc(front, board.id, 'canvas', ala.sessionToken);
    connections.push(fresh);
    expect(noteKeys(fresh.doc).sort()).toEqual(['shape:po', 'shape:przed']);
  });
});
