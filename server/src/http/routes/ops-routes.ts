import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { HealthResponse } from '@empiria/shared';
import { bearerToken } from '../../auth/access';
import type { EngineHealthMonitor } from '../../ops/engine-health';
import type { ServerMetrics } from '../../ops/server-metrics';
import { notFound, sendJson, unauthorized } from '../http-error';
import type { Route } from './route';

/** What the operator's endpoints read. */
export interface OpsContext {
  version: string;
  startedAt: number;
  rooms: () => number;
  connections: () => number;
  engines: EngineHealthMonitor;
  metrics: ServerMetrics;
  /** null: `/metrics` is off and answers 404 like any unknown path. */
  metricsToken: string | null;
  /** True from SIGTERM on: the process finishes what it has and takes nothing new. */
  isDraining: () => boolean;
}

/**
 * The operator's endpoints (docs/operations.md, "Watch"): readiness with every engine checked,
 * liveness of the process alone, and the Prometheus metrics behind a bearer token.
 */
export function createOpsRoutes(ctx: OpsContext): Route[] {
  const expectedHash = ctx.metricsToken === null ? null : sha256(ctx.metricsToken);
  const mayReadMetrics = (req: IncomingMessage): boolean => {
    const token = bearerToken(req.headers.authorization);
    return expectedHash !== null && token !== null && timingSafeEqual(sha256(token), expectedHash);
  };
  return [
    {
      // Readiness: send people here? 503 when an engine is down or the process is shutting down.
      method: 'GET',
      pattern: /^\/healthz$/,
      handler: async (_req, res) => {
        const engines = await ctx.engines.engines();
        const status: HealthResponse['status'] = ctx.isDraining()
          ? 'draining'
          : engines.every((engine) => engine.status === 'up')
            ? 'ok'
            : 'down';
        const body: HealthResponse = {
          status,
          version: ctx.version,
          uptimeSeconds: Math.round((Date.now() - ctx.startedAt) / 1000),
          rooms: ctx.rooms(),
          connections: ctx.connections(),
          engines,
        };
        sendJson(res, status === 'ok' ? 200 : 503, body);
      },
    },
    {
      // Liveness: the event loop answers. No engine is asked: a database outage is no reason to
      // restart the process (it would only drop everyone's connection as well).
      method: 'GET',
      pattern: /^\/healthz\/live$/,
      handler: async (_req, res) => {
        sendJson(res, 200, { status: 'ok' });
      },
    },
    {
      method: 'GET',
      pattern: /^\/metrics$/,
      handler: async (req, res) => {
        if (expectedHash === null) throw notFound('No such endpoint.');
        if (!mayReadMetrics(req)) {
          res.setHeader('www-authenticate', 'Bearer realm="metrics"');
          throw unauthorized('GET /metrics needs Authorization: Bearer <METRICS_TOKEN>.');
        }
        const { body, contentType } = await ctx.metrics.exposition();
        res.writeHead(200, {
          'content-type': contentType,
          'content-length': Buffer.byteLength(body),
          'cache-control': 'no-store',
        });
        res.end(body);
      },
    },
  ];
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
