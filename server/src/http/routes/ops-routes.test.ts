import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { healthResponseSchema } from '@empiria/shared';
import { createMemoryLogger } from '../../log';
import { EngineHealthMonitor, type EngineCheck } from '../../ops/engine-health';
import { ServerMetrics } from '../../ops/server-metrics';
import { HttpError, sendError } from '../http-error';
import { matchRoute } from './route';
import { createOpsRoutes, type OpsContext } from './ops-routes';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
const servers: http.Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** The ops routes alone on a loopback server, with engines and draining as the test sets them. */
async function serve(engines: EngineCheck[], overrides: Partial<OpsContext> = {}) {
  const metrics = new ServerMetrics({ rooms: () => 3, connections: () => 7 }, 'test');
  const routes = createOpsRoutes({
    version: 'test',
    startedAt: Date.now() - 5_000,
    rooms: () => 3,
    connections: () => 7,
    engines: new EngineHealthMonitor(engines, createMemoryLogger(), { timeoutMs: 100, reuseForMs: 0 }),
    metrics,
    metricsToken: METRICS_TOKEN,
    isDraining: () => false,
    ...overrides,
  });
  const server = http.createServer(async (req, res) => {
    const match = matchRoute(routes, req.method ?? 'GET', req.url ?? '/');
    if (!match || !('handler' in match)) return sendError(res, new HttpError(404, 'not_found', 'none'));
    Promise.resolve(match.handler(req, res, match.params)).catch((err: unknown) =>
      sendError(res, err instanceof HttpError ? err : new HttpError(500, 'internal_error', String(err))),
    );
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, metrics };
}

const up = (name: string): EngineCheck => ({ name, check: () => Promise.resolve() });
const down = (name: string): EngineCheck => ({
  name,
  check: () => Promise.reject(new Error(`connect ECONNREFUSED 10.0.0.5:6379 user=empiria password=hunter2`)),
});

describe('GET /healthz', () => {
  it('is 200 with the process and every engine up', async () => {
    const { base } = await serve([up('sqlite'), up('redis')]);
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    const body = healthResponseSchema.parse(await res.json());
    expect(body).toMatchObject({ status: 'ok', version: 'test', rooms: 3, connections: 7 });
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(5);
    expect(body.engines.map((e) => [e.name, e.status])).toEqual([
      ['sqlite', 'up'],
      ['redis', 'up'],
    ]);
  });

  it('is 503 naming the engine that is down, without its address or credentials', async () => {
    const { base } = await serve([up('postgresql'), down('redis')]);
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(text).not.toMatch(/10\.0\.0\.5|hunter2|ECONNREFUSED/);
    const body = healthResponseSchema.parse(JSON.parse(text));
    expect(body.status).toBe('down');
    expect(body.engines).toEqual([
      expect.objectContaining({ name: 'postgresql', status: 'up' }),
      expect.objectContaining({ name: 'redis', status: 'down', problem: 'failed' }),
    ]);
  });

  it('is 503 "draining" while the process shuts down, even with every engine up', async () => {
    const { base } = await serve([up('sqlite')], { isDraining: () => true });
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(healthResponseSchema.parse(await res.json()).status).toBe('draining');
  });

  it('liveness asks no engine: 200 while an engine is down', async () => {
    const { base } = await serve([down('postgresql')]);
    const res = await fetch(`${base}/healthz/live`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('GET /metrics', () => {
  it('is off (404) without METRICS_TOKEN', async () => {
    const { base } = await serve([up('sqlite')], { metricsToken: null });
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    expect(
      (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status,
    ).toBe(404);
  });

  it('asks for the bearer token and refuses a wrong one', async () => {
    const { base } = await serve([up('sqlite')]);
    const none = await fetch(`${base}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const wrong = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } });
    expect(wrong.status).toBe(401);
  });

  it('answers the Prometheus text format with the counts, the sync metrics and the process', async () => {
    const { base, metrics } = await serve([up('sqlite')]);
    metrics.updateAccepted();
    metrics.updateAccepted();
    metrics.updateRefused('rules');
    metrics.appended(0.0002);
    metrics.relayed(0.003, 'local');
    metrics.frameIn();
    metrics.framesOut(1);
    metrics.framesOut(2);
    metrics.httpAnswered('api_boards', 201);
    const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const sample = (line: string) => text.split('\n').find((l) => l.startsWith(line + ' '));
    expect(sample('empiria_rooms_open')).toBe('empiria_rooms_open 3');
    expect(sample('empiria_connections')).toBe('empiria_connections 7');
    expect(sample('empiria_updates_accepted_total')).toBe('empiria_updates_accepted_total 2');
    expect(sample('empiria_updates_refused_total{reason="rules"}')).toMatch(/ 1$/);
    expect(sample('empiria_updates_refused_total{reason="storage"}')).toMatch(/ 0$/);
    expect(sample('empiria_append_duration_seconds_bucket{le="0.00025"}')).toMatch(/ 1$/);
    expect(sample('empiria_append_duration_seconds_bucket{le="0.0001"}')).toMatch(/ 0$/);
    expect(sample('empiria_relay_duration_seconds_count{path="local"}')).toMatch(/ 1$/);
    expect(sample('empiria_websocket_frames_total{direction="in"}')).toMatch(/ 1$/);
    expect(sample('empiria_websocket_frames_total{direction="out"}')).toMatch(/ 3$/);
    expect(sample('empiria_http_requests_total{route="api_boards",status="201"}')).toMatch(/ 1$/);
    expect(sample('empiria_build_info{version="test"}')).toMatch(/ 1$/);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^process_cpu_seconds_total [\d.e+-]+/m);

    // Frames are counted between scrapes and added at each: a counter, never reset or counted twice.
    metrics.framesOut(4);
    const again = await (
      await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    const out = again
      .split('\n')
      .find((l) => l.startsWith('empiria_websocket_frames_total{direction="out"} '));
    expect(out).toMatch(/ 7$/);
    expect(again).toMatch(/^empiria_websocket_frames_total\{direction="in"\} 1$/m);
  });
});
