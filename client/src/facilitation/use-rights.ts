import { canCastDots } from '@empiria/shared';
import type { Identity } from '@empiria/shared';
import { useSession } from '../session/board-context';

export interface FacilitationRights {
  identity: Identity;
  /** Facilitator or expert: runs the console, writes control ([P2]). */
  canLead: boolean;
  /** Anyone but an observer: writes notes, raises a hand. */
  canWork: boolean;
  /** Places dots in a vote: who works on the board, but not a guest expert ([G3]). */
  canVote: boolean;
}

/** Who this screen belongs to and what the facilitation tools let them do, from the board session. */
export function useRights(): FacilitationRights {
  const { join, canWrite, canLead } = useSession();
  return { identity: join.identity, canLead, canWork: canWrite, canVote: canCastDots(join.identity.role) };
}
