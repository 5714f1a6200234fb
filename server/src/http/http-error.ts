import type { ServerResponse } from 'node:http';
import { ERROR_CODES, type ApiError } from '@empiria/shared';

/** An error the API answers with: status, stable code, human message. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const unauthorized = (message = 'A valid token is required.') =>
  new HttpError(401, ERROR_CODES.unauthorized, message);
export const forbidden = (message = 'This token does not allow that.') =>
  new HttpError(403, ERROR_CODES.forbidden, message);
export const notFound = (message = 'Not found.') => new HttpError(404, ERROR_CODES.notFound, message);

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
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
  sendJson(res, error.status, body);
}
