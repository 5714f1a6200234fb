import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { healthResponseSchema } from '@empiria/shared';
import { apiRequest, createBoard, inviteToken, join } from '../support/api';
import { canvasRecords, noteRecord } from '../support/canvas-records';
import { redisAvailable, startRedis, type RedisHandle } from '../support/redis-server';
import { startServer, type ServerHandle } from '../support/server-process';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * What an operator sees of several processes on one Redis (docs/operations.md, "Watch" and
 * "Several server processes"): Redis among /healthz's engines, the cross-process relay latency in
 * /metrics, and one rate-limit budget per address across the processes ([R1]).
 */
const METRICS_TOKEN = 'integration-metrics-token-0123456789';
const servers: ServerHandle[] = [];
const connections: DocConnection[] = [];
const redises: RedisHandle[] = [];

beforeAll(() => {
  if (!redisAvailable()) throw new Error('redis-server is missing: run scripts/install-redis.sh');
});
afterEach(async (context) => {
  for (const connection of connections.splice(0)) connection.destroy();
  if (context.task.result?.state === 'fail') for (const server of servers) server.dumpLogs('failed test');
  for (const server of servers.splice(0)) if (server.exitCode() === undefined) await server.kill();
  for (const redis of redises.splice(0)) await redis.stop();
});

/** Two processes on one DATA_DIR and a Redis of their own. */
async function twoProcesses(env: Record<string, string>) {
  const redis = await startRedis();
  redises.push(redis);
  const all = { REDIS_URL: redis.url, METRICS_TOKEN, LOG_LEVEL: 'info', ...env };
  const a = await startServer({ env: all });
  servers.push(a);
  const b = await startServer({ env: all, dataDir: a.dataDir, adminToken: a.adminToken });
  servers.push(b);
  return { redis, a, b };
}

async function health(server: ServerHandle) {
  const res = await fetch(`${server.baseUrl}/healthz`);
  return { status: res.status, body: healthResponseSchema.parse(await res.json()) };
}

async function scrape(server: ServerHandle): Promise<string> {
  const res = await fetch(`${server.baseUrl}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(res.status).toBe(200);
  return res.text();
}

function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('several processes, as an operator watches them', () => {
  it('/healthz asks Redis on every process, and turns 503 naming it when Redis is gone', async () => {
    const { redis, a, b } = await twoProcesses({});
    for (const server of [a, b]) {
      const { status, body } = await health(server);
      expect(status).toBe(200);
      expect(body.engines.map((e) => [e.name, e.status])).toEqual([
        ['sqlite', 'up'],
        ['redis', 'up'],
      ]);
    }
    await redis.stop();
    // Answers are reused for a second: wait for a fresh round.
    let seen = await health(a);
    for (let i = 0; i < 40 && seen.status === 200; i++) {
      await delay(100);
      seen = await health(a);
    }
    expect(seen.status).toBe(503);
    expect(seen.body.status).toBe('down');
    expect(seen.body.engines).toContainEqual(expect.objectContaining({ name: 'redis', status: 'down' }));
    expect(seen.body.engines).toContainEqual(expect.objectContaining({ name: 'sqlite', status: 'up' }));
    // The public answer names the engine, never the address.
    expect(JSON.stringify(seen.body)).not.toContain(String(redis.port));
    expect((await fetch(`${a.baseUrl}/healthz/live`)).status).toBe(200);
  });

  it('/metrics times updates relayed from another process under path="cross_process"', async () => {
    const { a, b } = await twoProcesses({});
    const board = await createBoard(a, 'Metryki');
    const ala = await join(a, board.id, board.invites.participant, 'Ala', 'Gdynia');
    const bartek = await join(b, board.id, board.invites.participant, 'Bartek', 'Poznań');
    const before = await scrape(b);
    const writer = await connectDoc(a, board.id, 'canvas', ala.sessionToken);
    connections.push(writer);
    const reader = await connectDoc(b, board.id, 'canvas', bartek.sessionToken);
    connections.push(reader);
    for (let i = 0; i < 5; i++)
      canvasRecords(writer.doc).set(`shape:x${i}`, noteRecord(`shape:x${i}`, { text: `${i}` }));
    await reader.waitFor(
      (doc) => [...canvasRecords(doc).map.keys()].filter((k) => k.startsWith('shape:x')).length === 5,
      10_000,
      'the reader on B has the five notes written through A',
    );
    let after = await scrape(b);
    const series = 'empiria_relay_duration_seconds_count{path="cross_process"}';
    for (let i = 0; i < 50 && sample(after, series) < 1; i++) {
      await delay(100);
      after = await scrape(b);
    }
    expect(sample(after, series) - sample(before, series)).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'empiria_relay_duration_seconds_bucket{le="+Inf",path="cross_process"}')).toBe(
      sample(after, series),
    );
    // Nobody on B wrote anything: A had nothing relayed to time.
    expect(sample(await scrape(a), series)).toBe(0);
  });

  it('[R1] an address gets one join budget across the processes, whichever one a join reaches', async () => {
    const { a, b } = await twoProcesses({ RATE_LIMIT_JOIN: '4/600' });
    const board = await createBoard(a, 'Limity');
    const joinOn = (server: ServerHandle, i: number) =>
      apiRequest(server, 'POST', `/api/boards/${board.id}/join`, {
        token: inviteToken(board.invites.participant),
        body: { name: `Osoba ${i}`, city: 'Gdynia' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await joinOn(i % 2 === 0 ? a : b, i)).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
    for (const server of [a, b]) {
      const refused = await joinOn(server, 9);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(500);
    }
  });
});
