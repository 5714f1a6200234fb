import type { NetworkActor } from './network-permissions';

/**
 * Who may do what with a network's work plan (rules W1–W5, docs/permissions.md). Pure: the server
 * asks it on every request, the client hides what would be refused. The plan is the core members'
 * document (vademecum II.6), so an observer city's people do not see it.
 */
export const PLAN_ACTS = [
  /** Read the sections and the actions. */
  'plan.read',
  /** Write the sections, live with the others in the plan's document ([W6]). */
  'plan.write',
  /** Add and change actions, propose sections from notes. */
  'plan.edit',
] as const;
export type PlanAct = (typeof PLAN_ACTS)[number];

/** The person as the plan's rules need them: their network role and, for a city's people, whether the city is core. */
export type PlanActor =
  | { kind: 'office' }
  | (Extract<NetworkActor, { kind: 'person' }> & { cityId: string | null; coreCity: boolean });

/**
 * [W1] the pair (facilitator and experts) edits everything; [W2] the organiser reads;
 * [W3] representatives and substitutes of core cities read, and [W6] write the sections with the
 * pair; [W4] an observer city's people do not
 * see the plan; [W5] the office reads every network's plan, and another network's link is refused.
 */
export function mayPlan(actor: PlanActor, act: PlanAct, networkId: string): boolean {
  if (actor.kind === 'office') return act === 'plan.read';
  if (actor.networkId !== networkId) return false;
  switch (actor.role) {
    case 'facilitator':
    case 'expert':
      return true;
    case 'organiser':
      return act === 'plan.read';
    case 'representative':
    case 'substitute':
      // [W6] the members write the plan together (vademecum II.6): a core city's people write the sections.
      return (act === 'plan.read' || act === 'plan.write') && actor.coreCity;
  }
}

/** [W1] the pair sets any action's status; [W3] a core city's people set the status of their city's actions. */
export function maySetActionStatus(actor: PlanActor, networkId: string, ownerCityId: string): boolean {
  if (mayPlan(actor, 'plan.edit', networkId)) return true;
  if (actor.kind !== 'person' || !mayPlan(actor, 'plan.read', networkId)) return false;
  return (actor.role === 'representative' || actor.role === 'substitute') && actor.cityId === ownerCityId;
}
