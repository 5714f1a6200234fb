import { apiErrorSchema } from '@empiria/shared';
import type { z } from 'zod';

/**
 * A failed API call. `status` 0 means the server was not reached at all (offline, DNS, refused),
 * which the UI treats differently from a refusal.
 */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The refusal's `details` (docs/api.md), for the few answers that carry some. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

/**
 * The error a refused answer stands for: the server's own code and message when its body is our
 * error envelope, else `http_<status>` (a proxy's HTML page, an empty body). A gateway answering
 * for a stopped server (502, 504) is as good as no server: status 0.
 */
export function refusalOf(status: number, statusText: string, payload: unknown): ApiRequestError {
  const parsed = apiErrorSchema.safeParse(payload);
  const reached = status === 502 || status === 504 ? 0 : status;
  return parsed.success
    ? new ApiRequestError(
        reached,
        parsed.data.error.code,
        parsed.data.error.message,
        parsed.data.error.details,
      )
    : new ApiRequestError(reached, `http_${status}`, statusText);
}

/** The body as JSON, or null when it is not JSON (or empty). */
export function readJson(response: Response): Promise<unknown> {
  return response.json().catch(() => null);
}

/**
 * `fetch` to our own API: not reaching the server is an `ApiRequestError` with status 0, and an
 * answer that is not 2xx is its refusal (`refusalOf`). The caller reads the body it expects.
 */
export async function fetchApi(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await send(path, init);
  if (!response.ok) throw refusalOf(response.status, response.statusText, await readJson(response));
  return response;
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, init);
  } catch (error) {
    throw new ApiRequestError(0, 'network', error instanceof Error ? error.message : String(error));
  }
}

/** The headers of a request with this person's token, when there is one. */
export function authorized(token: string | null | undefined, headers: Record<string, string> = {}) {
  return token ? { ...headers, authorization: `Bearer ${token}` } : headers;
}

interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  token?: string | null;
  body?: unknown;
  schema: z.ZodType<T>;
}

/** One JSON request to our own API; every answer is parsed with its zod schema. */
export async function apiRequest<T>(path: string, options: RequestOptions<T>): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetchApi(path, {
    method: options.method ?? 'GET',
    headers: authorized(options.token, headers),
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const parsed = options.schema.safeParse(await readJson(response));
  if (!parsed.success) {
    throw new ApiRequestError(response.status, 'invalid_response', parsed.error.message);
  }
  return parsed.data;
}

/**
 * Hands a file fetched with the token (a plain link would carry none, and a token in a URL lands
 * in histories and logs) to the browser as a download.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by now; the object URL can go a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
