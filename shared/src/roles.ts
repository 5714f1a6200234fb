import { z } from 'zod';

/**
 * The people around a board (see docs/permissions.md). `organiser` handles logistics but works on
 * the board like a participant; `observer` only watches.
 */
export const ROLES = ['facilitator', 'expert', 'organiser', 'participant', 'observer'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Roles that run the meeting: the facilitator/expert pair. */
export const LEAD_ROLES: readonly Role[] = ['facilitator', 'expert'];

export function isLeadRole(role: Role): boolean {
  return LEAD_ROLES.includes(role);
}
