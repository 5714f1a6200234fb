import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode, healthResponseSchema } from '@empiria/shared';
import { createBoard, join } from '../support/api';
import { canvasRecords, noteRecord } from '../support/canvas-records';
import { startServer, type ServerHandle } from '../support/server-process';
import { connectDoc, type DocConnection } from '../support/yjs-client';
import type * as Y from 'yjs';

/**
 * The operator's side of a real server process: /healthz, /metrics, and a SIGTERM in the middle
 * of a workshop (docs/operations.md).
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

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` (for state no document update announces, such as a provider's link). */
async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await delay(50);
  }
}
const noteKeys = (doc: Y.Doc) => [...canvasRecords(doc).map.keys()].filter((key) => key.startsWith('shape:'));

async function boardWithPeople(server: ServerHandle) {
  const board = await createBoard(server, 'Operacje');
  const ala = await join(server, board.id, board.invites.participant, 'Ala', 'Gdynia');
  const bartek = await join(server, board.id, board.invites.facilitator, 'Bartek', 'Poznań');
  return { board, ala, bartek };
}

const METRICS_TOKEN = 'integration-metrics-token-0123456789';

async function scrape(server: ServerHandle): Promise<string> {
  const res = await fetch(`${server.baseUrl}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(res.status).toBe(200);
  return res.text();
}

/** The value of one sample line (`name{labels} value`), 0 when the series is absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('health and metrics of a real server', () => {
  it('/healthz reports the process and SQLite; /metrics is off without METRICS_TOKEN', async () => {
    const server = await start();
    const res = await fetch(`${server.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    const health = healthResponseSchema.parse(await res.json());
    expect(health).toMatchObject({ status: 'ok', rooms: 0, connections: 0 });
    expect(health.engines).toEqual([expect.objectContaining({ name: 'sqlite', status: 'up' })]);
    expect((await fetch(`${server.baseUrl}/healthz/live`)).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/metrics`)).status).toBe(404);
  });

  it('/metrics counts what a workshop does, with no board or person in any label', async () => {
    const server = await start({ env: { METRICS_TOKEN } });
    expect((await fetch(`${server.baseUrl}/metrics`)).status).toBe(401);
    const before = await scrape(server);
    const { board, ala, bartek } = await boardWithPeople(server);
    const screen = await join(server, board.id, board.invites.room, 'Ekran sali', 'Sala 1');
    const writer = await connect(server, board.id, 'canvas', ala.sessionToken);
    const reader = await connect(server, board.id, 'canvas', bartek.sessionToken);
    const display = await connect(server, board.id, 'canvas', screen.sessionToken);
    const beforeForged = await scrape(server);
    for (let i = 0; i < 5; i++)
      canvasRecords(writer.doc).set(`shape:m${i}`, noteRecord(`shape:m${i}`, { text: `${i}` }));
    await reader.waitFor((doc) => noteKeys(doc).length === 5, 10_000, 'the reader has the five notes');
    // The room display reads only: its write is dropped and counted as such.
    canvasRecords(display.doc).set('shape:forged', noteRecord('shape:forged', { text: 'nie' }));

    let after = await scrape(server);
    for (let i = 0; i < 50 && sample(after, 'empiria_updates_refused_total{reason="read_only"}') < 1; i++) {
      await delay(100);
      after = await scrape(server);
    }
    expect(sample(after, 'empiria_rooms_open')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'empiria_connections')).toBe(3);
    const grew = (series: string) => sample(after, series) - sample(before, series);
    expect(grew('empiria_updates_accepted_total')).toBeGreaterThanOrEqual(1);
    // Connecting (the display's empty answer to the greeting) is no refused write; its note is.
    expect(sample(beforeForged, 'empiria_updates_refused_total{reason="read_only"}')).toBe(0);
    expect(grew('empiria_updates_refused_total{reason="read_only"}')).toBe(1);
    expect(grew('empiria_append_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(grew('empiria_relay_duration_seconds_count{path="local"}')).toBeGreaterThanOrEqual(1);
    expect(grew('empiria_websocket_frames_total{direction="in"}')).toBeGreaterThan(0);
    expect(grew('empiria_websocket_frames_total{direction="out"}')).toBeGreaterThan(0);
    expect(grew('empiria_http_requests_total{route="api_boards",status="201"}')).toBe(1);
    expect(grew('empiria_http_requests_total{route="api_boards",status="200"}')).toBe(3);
    expect(sample(after, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
    for (const secret of [board.id, ala.identity.id, bartek.identity.id, 'Gdynia', ala.sessionToken])
      expect(after).not.toContain(secret);
  });

  it('an idle server sleeps: with a board open and people connected, it wakes a few times a second, not a hundred (issue #16)', async () => {
    const server = await start({ env: { METRICS_TOKEN } });
    const { board, ala, bartek } = await boardWithPeople(server);
    const writer = await connect(server, board.id, 'canvas', ala.sessionToken);
    const reader = await connect(server, board.id, 'canvas', bartek.sessionToken);
    canvasRecords(writer.doc).set('shape:idle', noteRecord('shape:idle', { text: 'cisza' }));
    await reader.waitFor((doc) => noteKeys(doc).length === 1, 10_000, 'the reader has the note');
    // The event loop's delay is still reported, sampled rather than polled.
    expect(await scrape(server)).toContain('nodejs_eventloop_lag_p99_seconds');
    await delay(500);
    // Each return from epoll_wait that found nothing to do is a voluntary context switch of the
    // main thread; on a virtual machine each costs 50–200 µs of CPU. prom-client's default 10 ms
    // sampling timer alone made a hundred a second.
    const pid = server.process.pid;
    const switches = () => {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(/^voluntary_ctxt_switches:\s+(\d+)/m.exec(status)?.[1]);
    };
    const before = switches();
    await delay(3000);
    const perSecond = (switches() - before) / 3;
    expect(perSecond).toBeLessThan(15);
  });
});

describe('graceful shutdown', () => {
  it('SIGTERM while a client writes: exit 0, clients told to reconnect (4503), nothing acknowledged lost, the next process on the same DATA_DIR and port takes over', async () => {
    const server = await start({ env: { LOG_LEVEL: 'debug' } });
    const { board, ala, bartek } = await boardWithPeople(server);
    const writer = await connect(server, board.id, 'canvas', ala.sessionToken, { maxBackoffTimeMs: 500 });
    const watcher = await connect(server, board.id, 'canvas', bartek.sessionToken, { maxBackoffTimeMs: 500 });

    // The server relays an update only once it is stored ([S3]): what the watcher received is
    // what the server acknowledged.
    const acknowledged = new Set<string>();
    const follow = () => {
      for (const key of noteKeys(watcher.doc)) acknowledged.add(key);
    };
    watcher.doc.on('update', follow);
    let written = 0;
    let writing = true;
    const writes = (async () => {
      while (writing) {
        const id = `shape:w${written++}`;
        canvasRecords(writer.doc).set(id, noteRecord(id, { text: `notatka ${written}` }));
        await delay(10);
      }
    })();
    await watcher.waitFor((doc) => noteKeys(doc).length >= 30, 15_000, 'the watcher sees 30 notes');

    const writerClosed = writer.nextClose(15_000);
    const watcherClosed = watcher.nextClose(15_000);
    const stopping = server.stop(15_000);
    const [writerClose, watcherClose] = await Promise.all([writerClosed, watcherClosed]);
    expect(writerClose.code).toBe(CloseCode.restarting);
    expect(watcherClose.code).toBe(CloseCode.restarting);
    // The writer goes quiet (a laptop shut): the next process must have everything the
    // watcher got without the writer resending it.
    writer.provider.disconnect();
    expect(await stopping).toBe(0);
    watcher.doc.off('update', follow);
    const stoppedLog = await server.waitForLog((r) => r.msg === 'stopped', 1_000);
    expect(Number(stoppedLog.durationMs)).toBeLessThan(10_000);
    expect(server.logRecords().some((r) => r.msg === 'room compacted')).toBe(true);
    writing = false;
    await writes;
    expect(acknowledged.size).toBeGreaterThanOrEqual(30);

    const next = await start({ dataDir: server.dataDir, port: server.port, adminToken: server.adminToken });
    const reader = await connect(next, board.id, 'canvas', bartek.sessionToken);
    const stored = new Set(noteKeys(reader.doc));
    const lost = [...acknowledged].filter((key) => !stored.has(key));
    expect(lost).toEqual([]);

    // The watcher reconnected by itself to the process on the same port…
    await until(() => watcher.provider.synced, 15_000, 'the watcher reconnects');
    // …and the writer, back, sends what it wrote meanwhile: everyone ends with every note.
    writer.provider.connect();
    await reader.waitFor((doc) => noteKeys(doc).length === written, 15_000, 'the reader has every note');
    await watcher.waitFor((doc) => noteKeys(doc).length === written, 15_000, 'the watcher has every note');
  });
});
