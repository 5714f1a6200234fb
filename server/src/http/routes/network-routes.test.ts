import { describe, expect, it } from 'vitest';
import { policyFor } from '../rate-limits';

describe('network routes and the rate limits', () => {
  it('every mutating networks route falls under the "act" policy, per personal link, and a new meeting under board creation’s ([R5][R2])', () => {
    const writes: [string, string][] = [
      ['POST', '/api/networks'],
      ['PATCH', '/api/networks/net123'],
      ['POST', '/api/networks/net123/members'],
      ['PATCH', '/api/networks/net123/members/city12'],
      ['DELETE', '/api/networks/net123/members/city12'],
      ['POST', '/api/networks/net123/people'],
      ['PATCH', '/api/networks/net123/people/person1'],
      ['DELETE', '/api/networks/net123/people/person1'],
      ['POST', '/api/networks/net123/people/person1/link'],
      ['PATCH', '/api/networks/net123/meetings/meet12'],
      ['POST', '/api/networks/net123/meetings/meet12/invitations'],
      ['DELETE', '/api/networks/net123/meetings/meet12/invitations/person1'],
      ['PUT', '/api/networks/net123/meetings/meet12/invitations/person1/answer'],
    ];
    for (const [method, path] of writes) {
      expect(policyFor(method, path), `${method} ${path}`).toMatchObject({ limit: 'act', key: 'session' });
    }
    // A new meeting makes a whole board: board creation's limit, per personal link.
    expect(policyFor('POST', '/api/networks/net123/meetings')).toMatchObject({
      limit: 'boardCreate',
      key: 'session',
    });
    expect(policyFor('GET', '/api/networks/net123')).toBeNull();
    expect(policyFor('POST', '/api/networksX')).toBeNull();
  });
});
