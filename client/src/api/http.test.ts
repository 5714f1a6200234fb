import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiRequestError, apiRequest, fetchApi, refusalOf } from './http';

const envelope = (code: string, details?: unknown) => ({ error: { code, message: `said ${code}`, details } });

describe('refusalOf', () => {
  it('keeps the server’s code, message and details from our error envelope', () => {
    const error = refusalOf(409, 'Conflict', envelope('stale_revision', { current: 3 }));
    expect(error).toMatchObject({ status: 409, code: 'stale_revision', message: 'said stale_revision' });
    expect(error.details).toEqual({ current: 3 });
  });

  it('names the status when the body is not ours (a proxy’s page, nothing)', () => {
    expect(refusalOf(413, 'Payload Too Large', null)).toMatchObject({ status: 413, code: 'http_413' });
    expect(refusalOf(500, 'Internal', '<html>')).toMatchObject({ code: 'http_500', message: 'Internal' });
  });

  it('treats a gateway answering for a stopped server as no server', () => {
    expect(refusalOf(502, 'Bad Gateway', null).isNetworkError).toBe(true);
    expect(refusalOf(504, 'Gateway Timeout', envelope('x')).isNetworkError).toBe(true);
    expect(refusalOf(503, 'Unavailable', null).isNetworkError).toBe(false);
  });
});

describe('fetchApi and apiRequest', () => {
  afterEach(() => vi.unstubAllGlobals());

  const answer = (body: string, status: number, statusText = '') =>
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(body, { status, statusText })),
    );

  it('turns an unreachable server into a network error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const error = await fetchApi('/api/x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).isNetworkError).toBe(true);
  });

  it('turns a non-JSON refusal into http_<status>', async () => {
    answer('<h1>too big</h1>', 413, 'Payload Too Large');
    await expect(fetchApi('/api/x')).rejects.toMatchObject({ status: 413, code: 'http_413' });
  });

  it('parses an answer with its schema and refuses one off-contract', async () => {
    answer(JSON.stringify({ n: 1 }), 200);
    await expect(apiRequest('/api/x', { schema: z.object({ n: z.number() }) })).resolves.toEqual({ n: 1 });
    answer(JSON.stringify({ n: 'one' }), 200);
    await expect(apiRequest('/api/x', { schema: z.object({ n: z.number() }) })).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });

  it('sends the token and the JSON body', async () => {
    const fetchSpy = vi.fn(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetchSpy);
    await apiRequest('/api/x', { method: 'POST', token: 't0k', body: { a: 1 }, schema: z.object({}) });
    expect(fetchSpy).toHaveBeenCalledWith('/api/x', {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        authorization: 'Bearer t0k',
      },
      body: '{"a":1}',
    });
  });
});
