import { describe, expect, it } from 'vitest';
import type { ApprovalState } from '@empiria/shared';
import { confirmationOutlived } from './summary-messages';

const round = (versionId: string, status: ApprovalState['status']) =>
  ({
    versionId,
    status,
    rule: 'consent',
    openedAt: 1,
    closedAt: status === 'open' ? null : 2,
  }) as ApprovalState;

describe('"Version frozen…" ends with the round it announced', () => {
  it('stays while that round is open', () => {
    expect(confirmationOutlived('approval.opened', round('v1', 'open'), round('v1', 'open'))).toBe(false);
  });
  it('goes when the round closes, approved or not, or another version is asked', () => {
    expect(confirmationOutlived('approval.opened', round('v1', 'open'), round('v1', 'approved'))).toBe(true);
    expect(confirmationOutlived('approval.opened', round('v1', 'open'), round('v1', 'not-approved'))).toBe(
      true,
    );
    expect(confirmationOutlived('approval.opened', round('v1', 'open'), round('v2', 'open'))).toBe(true);
  });
  it('is not cut before the round it announces has arrived, nor touches other messages', () => {
    expect(confirmationOutlived('approval.opened', null, round('v1', 'open'))).toBe(false);
    expect(confirmationOutlived('consent.saved', round('v1', 'open'), round('v1', 'approved'))).toBe(false);
  });
});
