import { STATUS_CODES, type ServerResponse } from 'node:http';
import { ERROR_CODES, type ApiError } from '@empiria/shared';
import { securityHeaderLines } from './security-headers';

/**
 * An error the API answers with: status, stable code, human message. The HTTP layer's own
 * refusals (a bad target, a token, a body) are made here; the domain's (`DomainError`) are turned
 * into one in one place (domain-error-status.ts).
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** Sent as Retry-After and, unless other details are given, as `details.retryAfterSeconds`. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { details?: unknown; retryAfterSeconds?: number | undefined } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details =
      options.details ??
      (options.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: options.retryAfterSeconds }
        : undefined);
  }
}

export const unauthorized = (message = 'A valid token is required.') =>
  new HttpError(401, ERROR_CODES.unauthorized, message);
export const forbidden = (message = 'This token does not allow that.') =>
  new HttpError(403, ERROR_CODES.forbidden, message);
export const notFound = (message = 'Not found.') => new HttpError(404, ERROR_CODES.notFound, message);

/** A body still to be awaited is refused at compile time: JSON.stringify would send `{}`. */
type NotAPromise<T> = T extends PromiseLike<unknown> ? never : T;

export function sendJson<T>(res: ServerResponse, status: number, body: NotAPromise<T>): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
  });
  res.end(json);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  const body: ApiError = { error: { code: error.code, message: error.message } };
  if (error.details !== undefined) body.error.details = error.details;
  if (error.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(error.retryAfterSeconds));
  sendJson(res, error.status, body);
}

/** Codes of the HTTP layer itself, beside the API's shared ones. */
export const HTTP_ERROR_CODES = {
  tooManyRequests: 'too_many_requests',
  requestTimeout: 'request_timeout',
  headersTooLarge: 'headers_too_large',
  restarting: 'restarting',
} as const;

/** A 429, with the seconds to wait in the body and in Retry-After ([R1]–[R6]). */
export function tooManyRequests(message: string, retryAfterSeconds: number): HttpError {
  return new HttpError(429, HTTP_ERROR_CODES.tooManyRequests, message, { retryAfterSeconds });
}

/**
 * While the process shuts down: nothing new starts here. A proxy retries the request on another
 * process (or the client after Retry-After); the socket closes after the answer.
 */
export function restarting(): HttpError {
  return new HttpError(503, HTTP_ERROR_CODES.restarting, 'The server is restarting; try again in a moment.');
}
export const RESTARTING_RETRY_AFTER_SECONDS = 1;

/** A body that stopped coming ([H2]). */
export function requestTimeout(): HttpError {
  return new HttpError(408, HTTP_ERROR_CODES.requestTimeout, 'The request body took too long to arrive.');
}

/**
 * An error written by hand on a socket that has no ServerResponse: a refused websocket upgrade,
 * or a request Node's parser gave up on. Same body, same security headers, then the socket closes.
 */
export function rawErrorResponse(error: HttpError, extraHeaders: Record<string, string> = {}): string {
  const body: ApiError = { error: { code: error.code, message: error.message } };
  const json = JSON.stringify(body);
  const retry =
    error.retryAfterSeconds !== undefined ? { 'retry-after': String(error.retryAfterSeconds) } : {};
  const extra = Object.entries({ ...retry, ...extraHeaders })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return (
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? 'Error'}\r\n` +
    'connection: close\r\n' +
    'content-type: application/json; charset=utf-8\r\n' +
    `content-length: ${Buffer.byteLength(json)}\r\n` +
    'cache-control: no-store\r\n' +
    securityHeaderLines() +
    extra +
    '\r\n' +
    json
  );
}
