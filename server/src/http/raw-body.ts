import type { IncomingMessage } from 'node:http';
import { ERROR_CODES } from '@empiria/shared';
import { HttpError } from './http-error';

/** Reads a binary body up to `maxBytes`; a larger one is refused before it is read whole. */
export async function readRawBody(req: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new HttpError(
      413,
      ERROR_CODES.payloadTooLarge,
      `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`,
    );
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > maxBytes) {
    req.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      req.resume();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks);
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}
