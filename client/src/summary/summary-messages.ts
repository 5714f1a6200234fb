import type { ApprovalState, MessageKey } from '@empiria/shared';

/**
 * A confirmation that announces a state ends with that state, not only with its timer:
 * "Version frozen, participants can approve it now" is untrue once that round has closed (or
 * another version is being approved), so it goes the moment the round it announced ends.
 */
export function confirmationOutlived(
  done: MessageKey | null,
  before: ApprovalState | null,
  now: ApprovalState | null,
): boolean {
  if (done !== 'approval.opened' || before?.status !== 'open') return false;
  return now?.status !== 'open' || now.versionId !== before.versionId;
}
