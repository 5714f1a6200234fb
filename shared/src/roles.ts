import { z } from 'zod';

/**
 * The people around a board (see docs/permissions.md). `organiser` handles logistics but works on
 * the board like a participant; `observer` only watches; `room` is the projector in the room (the
 * room display), which follows the facilitator and never edits.
 */
export const ROLES = ['facilitator', 'expert', 'organiser', 'participant', 'observer', 'room'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Roles that run the meeting: the facilitator/expert pair. */
export const LEAD_ROLES: readonly Role[] = ['facilitator', 'expert'];

export function isLeadRole(role: Role): boolean {
  return LEAD_ROLES.includes(role);
}

/** Roles that never edit anything and send no presence: they only watch. */
export const READ_ONLY_ROLES: readonly Role[] = ['observer', 'room'];

export function isReadOnlyRole(role: Role): boolean {
  return READ_ONLY_ROLES.includes(role);
}
