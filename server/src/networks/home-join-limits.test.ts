import { describe, expect, it } from 'vitest';
import { policyFor } from '../http/rate-limits';

describe('a join from home and the rate limits', () => {
  it('counts against the joins’ limit, per address, like POST /api/boards/:id/join ([R1], [N12])', () => {
    expect(policyFor('POST', '/api/me/meetings/meet12345/join')).toMatchObject({
      limit: 'join',
      key: 'address',
    });
    expect(policyFor('POST', '/api/boards/board1234/join')).toMatchObject({ limit: 'join', key: 'address' });
    // Reading the approved note is not an act.
    expect(policyFor('GET', '/api/me/meetings/meet12345/notes')).toBeNull();
  });
});
