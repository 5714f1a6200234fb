import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error';
import { httpErrorOf, STATUS_OF_KIND } from './domain-error-status';

describe('a domain refusal as an HTTP answer', () => {
  it('keeps the code and the message, and takes its status from the kind', () => {
    const error = httpErrorOf(new DomainError('conflict', 'vote_closed', 'This vote is closed.'));
    expect([error.status, error.code, error.message, error.details]).toEqual([
      409,
      'vote_closed',
      'This vote is closed.',
      undefined,
    ]);
  });

  it('gives every kind a client or server error status of its own', () => {
    const statuses = Object.values(STATUS_OF_KIND);
    expect(new Set(statuses).size).toBe(statuses.length);
    for (const status of statuses) expect(status).toBeGreaterThanOrEqual(400);
    expect(STATUS_OF_KIND.not_found).toBe(404);
    expect(STATUS_OF_KIND.failed).toBe(500);
  });

  it('passes details on unchanged, and the seconds to wait as Retry-After and in the body', () => {
    const stale = httpErrorOf(
      new DomainError('conflict', 'stale_revision', 'Someone saved meanwhile.', { details: { revision: 4 } }),
    );
    expect(stale.details).toEqual({ revision: 4 });
    expect(stale.retryAfterSeconds).toBeUndefined();
    const busy = httpErrorOf(
      new DomainError('unavailable', 'photos_busy', 'Busy.', { retryAfterSeconds: 3 }),
    );
    expect([busy.status, busy.retryAfterSeconds, busy.details]).toEqual([503, 3, { retryAfterSeconds: 3 }]);
  });
});
