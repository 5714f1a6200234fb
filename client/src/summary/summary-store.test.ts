import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/http';
import { errorMessage } from './summary-store';

describe('what a refused act tells the person', () => {
  it('names the reason the server gave, in the person’s words', () => {
    expect(errorMessage(new ApiRequestError(0, 'network', 'offline'))).toBe('summary.error.network');
    expect(errorMessage(new ApiRequestError(409, 'empty_note', ''))).toBe('summary.error.emptyNote');
    expect(errorMessage(new ApiRequestError(409, 'stale_version', ''))).toBe('summary.error.stale');
    expect(errorMessage(new ApiRequestError(409, 'already_decided', ''))).toBe(
      'summary.error.alreadyDecided',
    );
    expect(errorMessage(new ApiRequestError(403, 'not_shared', ''))).toBe('observer.notShared');
    expect(errorMessage(new ApiRequestError(403, 'forbidden', ''))).toBe('summary.error.forbidden');
    expect(errorMessage(new ApiRequestError(500, 'internal_error', ''))).toBe('common.error.generic');
    expect(errorMessage(new Error('boom'))).toBe('common.error.generic');
  });
});
