import { speaksForObserverCity, type MembershipType, type NetworkRole, type Role } from '@empiria/shared';

/**
 * The board role a network person joins a meeting's board with ([N12]): the pair and the
 * organiser keep theirs; a core city's representatives and substitutes work on the board as
 * participants; an observer city's people watch (vademecum II.1: observer cities do not work).
 * Pure, so the rule is tested without a server.
 */
export function boardRoleFor(role: NetworkRole, membership: MembershipType | null): Role {
  switch (role) {
    case 'facilitator':
    case 'expert':
    case 'organiser':
      return role;
    case 'representative':
    case 'substitute':
      return speaksForObserverCity(role, membership) ? 'observer' : 'participant';
  }
}
