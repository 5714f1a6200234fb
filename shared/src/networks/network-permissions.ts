import { PRACTICAL_MEETING_FIELDS, type MeetingField, type NetworkRole } from './network-api';

/**
 * Who may do what in a network (issue #11, "Who may do what"; rules N1–N5 in
 * docs/permissions.md). Pure: the server asks it for every request, the client will use it to hide
 * what would be refused.
 */
export type NetworkActor =
  /** The ZMP office: the admin token. */
  | { kind: 'office' }
  /** A person of one network, through their personal link. */
  | { kind: 'person'; networkId: string; personId: string; role: NetworkRole };

export const NETWORK_ACTS = [
  /** Create a network; list every network. */
  'network.create',
  'network.list-all',
  /** Change the network's name, theme, description. */
  'network.edit',
  /** The network's full view: member cities, people (with e-mails), meetings. */
  'network.view',
  /** Add, change and remove member cities and people. */
  'members.manage',
  /** See and replace people's personal links (to hand them out). */
  'links.manage',
  /** Create meetings; change their title, date, mode and agenda. */
  'meetings.plan',
  /** Change a meeting's practical fields: host city, venue, room, catering notes. */
  'meetings.practical',
  /** The invitee list, and answers on someone's behalf. */
  'invitations.manage',
  /** Read everyone's answers: the attendance list starts from them. */
  'invitations.view',
  /** Keep a meeting's attendance list: mark who came, add who came unannounced ([N19]). */
  'attendance.keep',
  /** Let the organiser edit one meeting's invitee list and send its invitations ([N18]). */
  'invitations.grant',
  /** Open one's own home; answer one's own invitation; download a meeting's calendar file. */
  'home.view',
  'invitation.answer-own',
  'meetings.calendar',
] as const;
export type NetworkAct = (typeof NETWORK_ACTS)[number];

const PAIR: readonly NetworkRole[] = ['facilitator', 'expert'];
const RUNS_THE_NETWORK: readonly NetworkRole[] = ['facilitator', 'expert', 'organiser'];
const EVERYONE: readonly NetworkRole[] = [
  'facilitator',
  'expert',
  'organiser',
  'representative',
  'substitute',
];

/** The roles allowed each act inside their own network; `[]` is the office alone ([N1]). */
const ALLOWED: Record<NetworkAct, readonly NetworkRole[]> = {
  'network.create': [],
  'network.list-all': [],
  // [N2] the pair runs its network
  'network.edit': PAIR,
  'members.manage': PAIR,
  'links.manage': PAIR,
  'meetings.plan': PAIR,
  'invitations.manage': PAIR,
  'invitations.grant': PAIR,
  // [N3] the organiser sees the network, the practical fields and the answers, not invitations
  'network.view': RUNS_THE_NETWORK,
  'meetings.practical': RUNS_THE_NETWORK,
  'invitations.view': RUNS_THE_NETWORK,
  // [N19] the organiser keeps the attendance list (vademecum III.1), as do the pair and the office
  'attendance.keep': RUNS_THE_NETWORK,
  // [N4] everyone has a home and answers for themselves
  'home.view': EVERYONE,
  'invitation.answer-own': EVERYONE,
  'meetings.calendar': EVERYONE,
};

/**
 * [N1] the office may do everything, and is alone in creating and listing networks;
 * [N5] a person acts only in the network of their link: another network is closed to them.
 */
export function mayAct(actor: NetworkActor, act: NetworkAct, networkId: string | null): boolean {
  if (actor.kind === 'office') return true;
  if (networkId === null || actor.networkId !== networkId) return false;
  return ALLOWED[act].includes(actor.role);
}

/**
 * The fields of a meeting change the actor may not make: none for the office and the pair; for
 * the organiser everything but the practical fields ([N3]); everything for anyone else.
 */
export function refusedMeetingFields(
  actor: NetworkActor,
  networkId: string,
  fields: readonly MeetingField[],
): MeetingField[] {
  if (mayAct(actor, 'meetings.plan', networkId)) return [];
  if (!mayAct(actor, 'meetings.practical', networkId)) return [...fields];
  const practical: readonly string[] = PRACTICAL_MEETING_FIELDS;
  return fields.filter((field) => !practical.includes(field));
}

/** [N4] anyone answers their own invitation; [N2] the pair (and the office) answer for others. */
export function mayAnswerFor(actor: NetworkActor, networkId: string, personId: string): boolean {
  if (actor.kind === 'person' && actor.personId === personId && actor.networkId === networkId) {
    return mayAct(actor, 'invitation.answer-own', networkId);
  }
  return mayAct(actor, 'invitations.manage', networkId);
}

/**
 * [N2] the pair (and the office) edit a meeting's invitee list and send its invitations; [N18] the
 * organiser too, for a meeting whose `organiserMayInvite` the pair granted, and for that one only.
 */
export function mayManageInvitations(
  actor: NetworkActor,
  networkId: string,
  meeting: { organiserMayInvite: boolean },
): boolean {
  if (mayAct(actor, 'invitations.manage', networkId)) return true;
  return (
    meeting.organiserMayInvite &&
    actor.kind === 'person' &&
    actor.networkId === networkId &&
    actor.role === 'organiser'
  );
}
