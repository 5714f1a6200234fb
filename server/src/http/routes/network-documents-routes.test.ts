import { describe, expect, it } from 'vitest';
import { policyFor } from '../rate-limits';

/** The document space's changes count like the networks' other acts: the act limit, per token. */
describe('network documents routes under the rate limits', () => {
  const base = '/api/networks/net-zielona/documents';

  it('every change (folder, upload, share, rename, move, delete) is an act, counted per token', () => {
    for (const [method, path] of [
      ['POST', base],
      ['PATCH', `${base}/folders/fld-123456`],
      ['POST', `${base}/files`],
      ['PATCH', `${base}/files/fil-123456`],
      ['DELETE', `${base}/files/fil-123456`],
    ] as const) {
      expect(policyFor(method, path), `${method} ${path}`).toMatchObject({ limit: 'act', key: 'session' });
    }
  });

  it('reading the list and downloading are not limited, as the networks’ other reads', () => {
    expect(policyFor('GET', base)).toBeNull();
    expect(policyFor('GET', `${base}/files/fil-123456`)).toBeNull();
  });
});
