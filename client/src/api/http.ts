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
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
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
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (error) {
    throw new ApiRequestError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(payload);
    const code = parsed.success ? parsed.data.error.code : 'http_' + response.status;
    const message = parsed.success ? parsed.data.error.message : response.statusText;
    // A gateway answering for a stopped server is as good as no server.
    const status = response.status === 502 || response.status === 504 ? 0 : response.status;
    throw new ApiRequestError(status, code, message);
  }
  const parsed = options.schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiRequestError(response.status, 'invalid_response', parsed.error.message);
  }
  return parsed.data;
}
