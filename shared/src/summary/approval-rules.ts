import type { ApprovalRule, Decision } from './summary-document';

export type ApprovalOutcome = 'approved' | 'not-approved' | 'pending';

/**
 * Whether the group has approved a frozen version (docs/summary.md, rules [A1]–[A4]):
 * - [A1] consent (the default): any standing objection blocks; approved once every eligible person
 *   has approved;
 * - [A2] majority: approved once more than half of the eligible approve; not approved once half or
 *   more object;
 * - [A3] when the facilitator closes the round, those who decided decide: consent — approved if
 *   someone approved and nobody objected; majority — approved if approvals outnumber objections;
 * - [A4] each person's latest decision counts (an objection can be withdrawn).
 */
export function evaluateApproval(
  rule: ApprovalRule,
  eligibleIds: readonly string[],
  decisions: readonly Decision[],
  closing: boolean,
): ApprovalOutcome {
  const latest = new Map<string, Decision>();
  for (const decision of decisions) latest.set(decision.personId, decision);
  const values = [...latest.values()];
  const approvals = values.filter((d) => d.decision === 'approve').length;
  const objections = values.filter((d) => d.decision === 'object').length;
  const eligible = new Set([...eligibleIds, ...latest.keys()]).size;

  if (rule === 'consent') {
    if (closing) return objections === 0 && approvals > 0 ? 'approved' : 'not-approved';
    if (objections > 0) return 'pending';
    return eligible > 0 && approvals >= eligible ? 'approved' : 'pending';
  }
  if (closing) return approvals > objections ? 'approved' : 'not-approved';
  if (approvals * 2 > eligible) return 'approved';
  if (objections * 2 >= eligible && eligible > 0) return 'not-approved';
  return 'pending';
}
