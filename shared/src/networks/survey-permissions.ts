import { isCoreMembership, type MembershipType } from './network-api';
import type { NetworkActor } from './network-permissions';
import type { SurveyStatus } from './survey-api';

/**
 * Who may do what with a network's surveys (rules SV1–SV5, docs/permissions.md). Pure: the server
 * asks it on every request, the client hides what would be refused.
 */

/** [SV1] the pair (facilitator and experts) and the office create, edit, open and close surveys; [N5] in their own network. */
export function mayManageSurveys(actor: NetworkActor, networkId: string): boolean {
  if (actor.kind === 'office') return true;
  return actor.networkId === networkId && (actor.role === 'facilitator' || actor.role === 'expert');
}

/**
 * [SV2] the cities answer: the representatives and substitutes of the network's cities; of an
 * observer city only when the survey invites observers. `membership` is the person's city's in
 * this network (null: no city of the network).
 */
export function mayAnswerSurvey(
  actor: NetworkActor,
  networkId: string,
  survey: { observersMayAnswer: boolean },
  membership: MembershipType | null,
): boolean {
  if (actor.kind !== 'person' || actor.networkId !== networkId) return false;
  if (actor.role !== 'representative' && actor.role !== 'substitute') return false;
  if (membership === null) return false;
  return isCoreMembership(membership) || survey.observersMayAnswer;
}

/** [SV4] the pair, the organiser and the office read results at any time; everyone of the network once the survey is closed. */
export function maySeeSurveyResults(actor: NetworkActor, networkId: string, status: SurveyStatus): boolean {
  if (actor.kind === 'office') return true;
  if (actor.networkId !== networkId) return false;
  if (actor.role === 'facilitator' || actor.role === 'expert' || actor.role === 'organiser') return true;
  return status === 'closed';
}

/** [SV5] a survey's page: anyone of the network (a draft only for those who manage it). */
export function maySeeSurvey(actor: NetworkActor, networkId: string, status: SurveyStatus): boolean {
  if (mayManageSurveys(actor, networkId)) return true;
  return actor.kind === 'person' && actor.networkId === networkId && status !== 'draft';
}
