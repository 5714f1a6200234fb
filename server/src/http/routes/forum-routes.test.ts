import { describe, expect, it } from 'vitest';
import { policyFor } from '../rate-limits';

/** [F5] the forum's writes count like the networks' other acts: the act limit, per token. */
describe('forum routes under the rate limits', () => {
  const base = '/api/networks/net-zielona/forum';

  it('every write is an act, counted per token', () => {
    for (const [method, path] of [
      ['POST', `${base}/threads`],
      ['POST', `${base}/threads/thr-123456/posts`],
      ['PUT', `${base}/threads/thr-123456/read`],
      ['POST', `${base}/threads/thr-123456/agenda`],
      ['PATCH', `${base}/posts/pst-123456`],
      ['DELETE', `${base}/posts/pst-123456`],
      ['PUT', `${base}/posts/pst-123456/hidden`],
    ] as const) {
      expect(policyFor(method, path), `${method} ${path}`).toMatchObject({ limit: 'act', key: 'session' });
    }
  });

  it('reading is not limited, as the networks’ other reads', () => {
    expect(policyFor('GET', base)).toBeNull();
    expect(policyFor('GET', `${base}/threads/thr-123456`)).toBeNull();
    expect(policyFor('GET', '/api/me/forum')).toBeNull();
  });
});
