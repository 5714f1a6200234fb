import type { PersonResolver } from '../people/person-links';
import type { ApprovalRule, Decision, ShareConsent } from './summary-document';

export type ApprovalOutcome = 'approved' | 'not-approved' | 'pending';

/**
 * Whether the group has approved a frozen version (docs/summary.md, rules [A1]–[A4]):
 * - [A1] consent (the default): any standing objection blocks; approved once every eligible person
 *   has approved;
 * - [A2] majority: approved once more than half of the eligible approve; not approved once half or
 *   more object;
 * - [A3] when the facilitator closes the round, those who decided decide: consent — approved if
 *   someone approved and nobody objected; majority — approved if approvals outnumber objections;
 * - [A4] each person's latest decision counts (an objection can be withdrawn);
 * - [I5] only the people asked when the version was frozen count: a decision of anyone else
 *   (someone who joined later) is not part of the arithmetic, whatever the store holds.
 */
export function evaluateApproval(
  rule: ApprovalRule,
  eligibleIds: readonly string[],
  decisions: readonly Decision[],
  closing: boolean,
): ApprovalOutcome {
  const asked = new Set(eligibleIds);
  const latest = new Map<string, Decision>();
  for (const decision of decisions) if (asked.has(decision.personId)) latest.set(decision.personId, decision);
  const values = [...latest.values()];
  const approvals = values.filter((d) => d.decision === 'approve').length;
  const objections = values.filter((d) => d.decision === 'object').length;
  const eligible = asked.size;

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

/**
 * The round's members as they count now ([I5]): the people asked when the version was frozen,
 * each standing for the person they resolve to (a merged alias for its person, once), without
 * anyone the facilitator has removed since.
 */
export function roundMembers(askedIds: readonly string[], resolve: PersonResolver): string[] {
  const members = new Set<string>();
  for (const id of askedIds) {
    const member = resolve(id);
    if (member !== null) members.add(member);
  }
  return [...members];
}

/** Decisions that count: of round members only, each under the person it resolves to ([I5]). */
export function countedDecisions(
  members: readonly string[],
  decisions: readonly Decision[],
  resolve: PersonResolver,
): Decision[] {
  const asked = new Set(members);
  return decisions.flatMap((decision) => {
    const member = resolve(decision.personId);
    return member !== null && asked.has(member) ? [{ ...decision, personId: member }] : [];
  });
}

/**
 * Consents to share that count ([I6]): of round members only, one per person (the latest — an
 * alias's answer and its person's are one answer). Whether the note is shared is then the group's
 * rule over these answers (docs/summary.md); nobody outside the round adds a voice to it.
 */
export function countedConsents(
  members: readonly string[],
  consents: readonly ShareConsent[],
  resolve: PersonResolver,
): ShareConsent[] {
  const asked = new Set(members);
  const latest = new Map<string, ShareConsent>();
  for (const consent of consents) {
    const member = resolve(consent.personId);
    if (member === null || !asked.has(member)) continue;
    latest.delete(member);
    latest.set(member, { ...consent, personId: member });
  }
  return [...latest.values()];
}
