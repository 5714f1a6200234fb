import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { ERROR_CODES } from '@empiria/shared';
import { HttpError } from './http-error';
import { readBody } from './raw-body';

/** API bodies are small; anything larger is refused before it is read whole. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/**
 * Reads a JSON body and validates it; every failure is an HttpError with a clear message, a body
 * that stalls included (408, [H2]).
 */
export async function readJsonBody<T extends z.ZodType>(
  req: IncomingMessage,
  schema: T,
): Promise<z.infer<T>> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(
      415,
      ERROR_CODES.unsupportedMediaType,
      'The body must be JSON (Content-Type: application/json).',
    );
  }
  const body = await readBody(req, MAX_JSON_BODY_BYTES, tooLarge);
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, ERROR_CODES.badRequest, 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    const summary = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
    throw new HttpError(400, ERROR_CODES.invalidBody, `Invalid body: ${summary}`, { details });
  }
  return parsed.data;
}

function tooLarge(): HttpError {
  return new HttpError(
    413,
    ERROR_CODES.payloadTooLarge,
    `The body is larger than ${MAX_JSON_BODY_BYTES} bytes.`,
  );
}
