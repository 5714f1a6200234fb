/**
 * Typed calls to the server's HTTP API (docs/api.md), parsed with the shared zod schemas so a
 * test fails at the call that answers something off-contract.
 */
import {
  createBoardResponseSchema,
  joinResponseSchema,
  type BoardFormat,
  type CreateBoardResponse,
  type JoinResponse,
} from '@empiria/shared';
import type { ServerHandle } from './server-process';

type Server = Pick<ServerHandle, 'baseUrl' | 'adminToken'>;

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or the text when it is not JSON (undefined when empty). */
  body: unknown;
}

export class ApiCallError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path} answered ${status}: ${JSON.stringify(body)}`);
  }
}

/** One request; never throws on an HTTP status (for tests of the error answers). */
export async function apiRequest(
  server: Pick<ServerHandle, 'baseUrl'>,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const response = await fetch(new URL(path, server.baseUrl), {
    method,
    headers,
    body,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let parsed: unknown = text === '' ? undefined : text;
  if (text !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** A request that must succeed (2xx); throws ApiCallError with the answer otherwise. */
export async function apiCall(
  server: Pick<ServerHandle, 'baseUrl'>,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<unknown> {
  const response = await apiRequest(server, method, path, options);
  if (response.status < 200 || response.status >= 300) {
    throw new ApiCallError(method, path, response.status, response.body);
  }
  return response.body;
}

/** POST /api/boards as the admin: a board (blank unless a format is named) and its invite links. */
export async function createBoard(
  server: Server,
  title: string,
  format: BoardFormat = 'blank',
): Promise<CreateBoardResponse> {
  const body = await apiCall(server, 'POST', '/api/boards', {
    token: server.adminToken,
    body: { title, format },
  });
  return createBoardResponseSchema.parse(body);
}

/** The `token` query parameter of an invite link. */
export function inviteToken(inviteUrl: string): string {
  const token = new URL(inviteUrl).searchParams.get('token');
  if (!token) throw new Error(`invite link without a token: ${inviteUrl}`);
  return token;
}

/** POST /api/boards/:id/join with the invite's token: a session for a named person of a city. */
export async function join(
  server: Pick<ServerHandle, 'baseUrl'>,
  boardId: string,
  inviteUrl: string,
  name: string,
  city: string,
): Promise<JoinResponse> {
  const body = await apiCall(server, 'POST', `/api/boards/${encodeURIComponent(boardId)}/join`, {
    token: inviteToken(inviteUrl),
    body: { name, city },
  });
  return joinResponseSchema.parse(body);
}
