import type { ApprovalRule, Decision, ShareConsent } from './summary-document';

/**
 * The group's decision to share an approved version of the note (docs/summary.md, "Consent to
 * share"; [I6]): the ONE place that says whether the network's observers may read it, and whether
 * it may be published. Everything that hands a note to an observer, or writes "shared" into a
 * record, asks this function.
 *
 * - Who answers: the round's members who took part in the approval — each person with a counted
 *   decision on the version ([I5]: as `countedDecisions` gives them). Nobody else adds a voice.
 * - [S1] consent (the approval's rule was consent): shared once nobody who answers objects and at
 *   least as many said yes as approved the version — its quorum (under consent, everyone who took
 *   part approved, so each of them has to agree); a standing "no" refuses it.
 * - [S2] majority: shared once more than half of those who took part say yes; refused once half
 *   or more say no.
 * - [S3] each person's latest answer counts; a "no" can be changed, and the decision follows.
 * - [S4] decided separately for the network's observers and for publication.
 * - [S5] until the version is approved and the group has decided, nothing is shared.
 */

export const SHARING_AUDIENCES = ['observers', 'public'] as const;
export type SharingAudience = (typeof SHARING_AUDIENCES)[number];

/** `undecided`: not (yet) enough answers; `refused`: the group says no, as its answers stand now. */
export type SharingState = 'undecided' | 'shared' | 'refused';

export interface SharingInput {
  rule: ApprovalRule;
  /** Whether the version is approved: nothing else is ever shared ([S5]). */
  approved: boolean;
  /** The approval's decisions that count (round members only, each under their person). */
  decisions: readonly Decision[];
  /** The answers about sharing that count (`countedConsents`), oldest first. */
  consents: readonly ShareConsent[];
}

export interface SharingDecision {
  audience: SharingAudience;
  state: SharingState;
  rule: ApprovalRule;
  /** Who answers: the people who took part in the approval, in the order they first decided. */
  voters: string[];
  /** How many "yes" the group needs: the quorum under consent, more than half under majority. */
  needed: number;
  agreed: string[];
  objected: string[];
  /** Took part in the approval, no answer yet. */
  waiting: string[];
}

/** The people who took part in the approval: each once, in the order they first decided. */
export function approvalParticipants(decisions: readonly Decision[]): string[] {
  return [...new Set(decisions.map((decision) => decision.personId))];
}

/** Whether this person took part in the approval, and so answers about sharing ([I6]). */
export function tookPartInApproval(decisions: readonly Decision[], personId: string): boolean {
  return decisions.some((decision) => decision.personId === personId);
}

export function sharingDecision(input: SharingInput, audience: SharingAudience): SharingDecision {
  const voters = approvalParticipants(input.decisions);
  const latestDecision = new Map<string, Decision>();
  for (const decision of input.decisions) latestDecision.set(decision.personId, decision);
  const approvers = [...latestDecision.values()].filter((d) => d.decision === 'approve').length;

  const taking = new Set(voters);
  const answers = new Map<string, boolean>();
  for (const consent of input.consents) {
    if (taking.has(consent.personId)) answers.set(consent.personId, consent[audience]);
  }
  const agreed = voters.filter((id) => answers.get(id) === true);
  const objected = voters.filter((id) => answers.get(id) === false);
  const waiting = voters.filter((id) => !answers.has(id));

  const needed = input.rule === 'consent' ? Math.max(approvers, 1) : Math.floor(voters.length / 2) + 1;
  const groupState = (): SharingState => {
    if (voters.length === 0) return 'undecided';
    if (input.rule === 'consent') {
      if (objected.length > 0) return 'refused';
      return agreed.length >= needed ? 'shared' : 'undecided';
    }
    if (agreed.length * 2 > voters.length) return 'shared';
    if (objected.length * 2 >= voters.length) return 'refused';
    return 'undecided';
  };
  const state = groupState();
  return {
    audience,
    state: state === 'shared' && !input.approved ? 'undecided' : state,
    rule: input.rule,
    voters,
    needed,
    agreed,
    objected,
    waiting,
  };
}

/** Both decisions of a version: with the network's observers, and publicly ([S4]). */
export function sharingDecisions(input: SharingInput): Record<SharingAudience, SharingDecision> {
  return { observers: sharingDecision(input, 'observers'), public: sharingDecision(input, 'public') };
}

/** Whether the group has decided to share the version with this audience. */
export function isShared(input: SharingInput, audience: SharingAudience): boolean {
  return sharingDecision(input, audience).state === 'shared';
}
