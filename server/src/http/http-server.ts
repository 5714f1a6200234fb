import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { ERROR_CODES } from '@empiria/shared';
import { bearerToken } from '../auth/access';
import type { HttpLimits } from '../config';
import type { Logger } from '../log';
import { routeClassOf } from '../ops/route-class';
import type { ServerMetrics } from '../ops/server-metrics';
import type { ApiContext } from './api-context';
import { createApiRoutes } from './api-routes';
import { clientAddress, normaliseAddress } from './client-address';
import { DomainError } from '../domain-error';
import { httpErrorOf } from './domain-error-status';
import {
  HTTP_ERROR_CODES,
  HttpError,
  rawErrorResponse,
  restarting,
  RESTARTING_RETRY_AFTER_SECONDS,
  sendError,
  tooManyRequests,
} from './http-error';
import type { RateLimits } from './rate-limits';
import { setBodyIdleTimeout } from './raw-body';
import { parseRequestTarget } from './request-target';
import { matchRoute, TokenRefused } from './routes/route';
import { SecureResponse } from './security-headers';
import type { StaticFiles } from './static-files';
import { createUpgradeHandler, type UpgradeContext } from './websocket-upgrade';

export interface HttpServerOptions {
  limits: HttpLimits;
  rateLimits: RateLimits;
  /** Client addresses come from X-Forwarded-For (see client-address.ts). */
  trustProxy: boolean;
  metrics: ServerMetrics;
  /** From SIGTERM on: requests and upgrades get 503 (health excepted), so a proxy tries elsewhere. */
  isDraining: () => boolean;
}

/** Request line plus headers; Node's default too, named here so it is a decision ([H2]). */
export const MAX_HEADER_BYTES = 16 * 1024;
/** A browser sends about 20; a request with more is not one. */
export const MAX_HEADERS_COUNT = 100;

/**
 * The one HTTP server: API, health, the built client, and websocket upgrades.
 *
 * Every entry point (a request, an upgrade, a request Node's parser refused, a new connection)
 * runs inside a boundary that turns any exception into an answer for that request or socket and
 * a log line; nothing a client sends can reach the process's uncaught-exception handler ([H1]).
 */
export function createHttpServer(
  api: ApiContext,
  upgrade: Omit<
    UpgradeContext,
    'rateLimits' | 'trustProxy' | 'pendingTimeoutMs' | 'isDraining' | 'frames' | 'keepaliveQuietMs'
  >,
  files: StaticFiles,
  log: Logger,
  options: HttpServerOptions,
) {
  const { limits, rateLimits, trustProxy, metrics, isDraining } = options;
  const routes = createApiRoutes(api);
  const upgrades = createUpgradeHandler({
    ...upgrade,
    rateLimits,
    trustProxy,
    pendingTimeoutMs: limits.headersTimeoutMs,
    keepaliveQuietMs: limits.websocketKeepaliveMs,
    isDraining,
    frames: metrics,
  });

  const server = http.createServer({
    ServerResponse: SecureResponse,
    maxHeaderSize: MAX_HEADER_BYTES,
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Node enforces the two timeouts above only when it checks, every this often.
    connectionsCheckingInterval: checkingInterval(limits),
  });
  server.maxHeadersCount = MAX_HEADERS_COUNT;
  // A connection with no traffic either way (a client that stopped reading a response) is closed.
  server.timeout = limits.requestTimeoutMs;

  const dispatch = async (req: IncomingMessage, res: ServerResponse, method: string, pathname: string) => {
    const match = matchRoute(routes, method, pathname);
    if (match && 'handler' in match) return match.handler(req, res, match.params);
    if (match) {
      res.setHeader('allow', match.allowed.join(', '));
      throw new HttpError(405, 'method_not_allowed', `Use ${match.allowed.join(' or ')} here.`);
    }
    if (pathname.startsWith('/api/') || pathname === '/api')
      throw new HttpError(404, ERROR_CODES.notFound, 'No such endpoint.');
    files.serve(req, res, pathname);
  };

  const respond = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    req.on('error', (err) => log.debug('request stream error', { reason: err.message }));
    res.on('error', (err) => log.debug('response stream error', { reason: err.message }));
    const method = req.method ?? 'GET';
    const address = clientAddress(req, trustProxy);
    let pathname: string | null = null;
    // Counted once answered, under its route's class and the status it got (an aborted one too).
    res.once('close', () => metrics.httpAnswered(routeClassOf(pathname), res.statusCode));
    try {
      const parsed = parseRequestTarget(req.url);
      if (!parsed.ok)
        throw new HttpError(400, ERROR_CODES.badRequest, `Bad request target: ${parsed.reason}`);
      pathname = parsed.target.pathname;
      setBodyIdleTimeout(req, limits.bodyIdleTimeoutMs);
      if (isDraining() && routeClassOf(pathname) !== 'health') {
        res.setHeader('retry-after', String(RESTARTING_RETRY_AFTER_SECONDS));
        res.setHeader('connection', 'close');
        throw restarting();
      }

      const token = bearerToken(req.headers.authorization);
      if (token !== null) {
        // A locked-out address may still use a token we signed: that is no guess ([R3]).
        const lockout = await rateLimits.guessingLockout(address);
        if (lockout && !api.access.isSigned(token)) {
          throw tooManyRequests(lockout.message, lockout.retryAfterSeconds);
        }
      }
      const limited = await rateLimits.checkRequest({ method, pathname, address, token });
      if (limited) throw tooManyRequests(limited.message, limited.retryAfterSeconds);

      await dispatch(req, res, method, pathname);
    } catch (err) {
      if (err instanceof TokenRefused && err.guess) await rateLimits.recordGuess(address);
      answerFailure(req, res, err, { method, path: pathname ?? req.url, address });
    }
  };

  const answerFailure = (req: IncomingMessage, res: ServerResponse, err: unknown, fields: object) => {
    if (res.headersSent) {
      // Mid-response there is nothing left to say; cutting the connection tells the client.
      log.warn('request failed mid-response', { err, ...fields });
      res.destroy();
      return;
    }
    const error =
      err instanceof HttpError
        ? err
        : err instanceof DomainError
          ? httpErrorOf(err)
          : new HttpError(500, ERROR_CODES.internal, 'Something went wrong on the server.');
    if (error.status >= 500) log.error('request failed', { err, ...fields });
    else if (error.status === 400 || error.status === 408 || error.status === 429)
      log.info('request refused', { status: error.status, reason: error.message, ...fields });
    // A body left unread (too large, too slow, never read) must not hold the connection open.
    if (!req.complete) res.setHeader('connection', 'close');
    sendError(res, error);
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    respond(req, res).catch((err: unknown) => {
      log.error('request boundary failed', { err, method: req.method, url: req.url });
      res.destroy();
    });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (err) => log.debug('upgrade socket error', { reason: err.message }));
    upgrades.handle(req, socket, head);
  });

  // Requests Node's parser gave up on (a malformed request line, headers too large or too slow).
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    try {
      log.info('client error', { code: err.code, reason: err.message });
      // Node's own check: a response already begun on this socket cannot take another.
      const current = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
      if (err.code === 'ECONNRESET' || !socket.writable || current?.headersSent) {
        socket.destroy();
        return;
      }
      socket.end(rawErrorResponse(clientErrorFor(err.code)));
    } catch (failure) {
      log.error('client error boundary failed', { err: failure });
      socket.destroy();
    }
  });

  capConnectionsPerAddress(server, limits.maxConnectionsPerIp, trustProxy, log);
  server.on('close', () => upgrades.close());
  return server;
}

function clientErrorFor(code: string | undefined): HttpError {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return new HttpError(408, HTTP_ERROR_CODES.requestTimeout, 'The request took too long to arrive.');
  if (code === 'HPE_HEADER_OVERFLOW')
    return new HttpError(431, HTTP_ERROR_CODES.headersTooLarge, 'The request headers are too large.');
  return new HttpError(400, ERROR_CODES.badRequest, 'The request could not be parsed.');
}

function checkingInterval(limits: HttpLimits): number {
  const shortest = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  return Math.min(5_000, Math.max(100, Math.floor(shortest / 4)));
}

/**
 * At most `max` open connections from one address ([H2]). Behind a proxy every connection is the
 * proxy's, so the cap is the proxy's job there. A workshop of 40 behind one NAT opens about 400
 * (six per browser for HTTP, three websockets each).
 */
function capConnectionsPerAddress(server: http.Server, max: number, trustProxy: boolean, log: Logger): void {
  if (max === 0 || trustProxy) return;
  const open = new Map<string, number>();
  const warned = new Set<string>();
  server.on('connection', (socket: Socket) => {
    try {
      const address = normaliseAddress(socket.remoteAddress ?? 'unknown');
      const count = open.get(address) ?? 0;
      if (count >= max) {
        if (!warned.has(address)) log.warn('connection refused: too many from one address', { address, max });
        warned.add(address);
        socket.destroy();
        return;
      }
      open.set(address, count + 1);
      socket.once('close', () => {
        const left = (open.get(address) ?? 1) - 1;
        if (left > 0) open.set(address, left);
        else open.delete(address);
        if (left < max) warned.delete(address);
      });
    } catch (err) {
      log.error('connection boundary failed', { err });
      socket.destroy();
    }
  });
}
