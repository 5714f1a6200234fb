import type { IncomingMessage } from 'node:http';
import { ERROR_CODES } from '@empiria/shared';
import { HttpError, requestTimeout } from './http-error';

/** Used when the server has not set one for the request (a handler tested on its own). */
export const DEFAULT_BODY_IDLE_TIMEOUT_MS = 15_000;

const idleTimeouts = new WeakMap<IncomingMessage, number>();

/**
 * How long a body may send nothing before it is cut off with 408 ([H2]). The server sets it for
 * every request before dispatch, so route handlers keep calling `readJsonBody(req, schema)`.
 */
export function setBodyIdleTimeout(req: IncomingMessage, ms: number): void {
  idleTimeouts.set(req, ms);
}

/** Reads a binary body up to `maxBytes`; a larger one is refused before it is read whole. */
export async function readRawBody(req: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new HttpError(
      413,
      ERROR_CODES.payloadTooLarge,
      `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`,
    );
  const body = await readBody(req, maxBytes, tooLarge);
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}

/**
 * Reads a whole body of at most `maxBytes`. A declared or actual size over it fails with
 * `tooLarge()`; a body that stalls for the idle timeout fails with 408. Either way the rest is
 * not read: the server answers and closes the connection (the request is incomplete).
 */
export function readBody(req: IncomingMessage, maxBytes: number, tooLarge: () => HttpError): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > maxBytes) return Promise.reject(tooLarge());
  const idleMs = idleTimeouts.get(req) ?? DEFAULT_BODY_IDLE_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = (error: unknown, body?: Buffer) => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      if (error) {
        req.pause();
        reject(error instanceof Error ? error : new Error(String(error)));
      } else resolve(body ?? Buffer.alloc(0));
    };
    // The timer only rejects: the request's own boundary answers (408) and logs.
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(requestTimeout()), idleMs);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        finish(tooLarge());
        return;
      }
      chunks.push(chunk);
      arm();
    };
    const onEnd = () => finish(null, Buffer.concat(chunks));
    const onError = (error: Error) => finish(error);
    const onAborted = () => finish(new HttpError(400, ERROR_CODES.badRequest, 'The request was aborted.'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
    arm();
  });
}
