import { z } from 'zod';

/**
 * The people around a board (see docs/permissions.md). `organiser` handles logistics but works on
 * the board like a participant; `guest` is an external expert invited to one meeting (a ministry,
 * BGK, NFOŚ…): writes notes and comments, advises, but neither drives the meeting, nor votes, nor
 * approves the note; `observer` only watches; `room` is the projector in the room (the room
 * display), which follows the facilitator and never edits.
 */
export const ROLES = [
  'facilitator',
  'expert',
  'organiser',
  'participant',
  'guest',
  'observer',
  'room',
] as const;
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

/**
 * [G3] Dot votes are the cities' choice: everyone who works on the board casts dots except a guest
 * expert, who advises (the vademecum) but does not choose for the network.
 */
export function canCastDots(role: Role): boolean {
  return !isReadOnlyRole(role) && role !== 'guest';
}

/**
 * [G4] Who decides on the meeting's note (approval and consent to share): the city
 * representatives present when a version is frozen ([I5]). Not the pair, the organiser, a guest
 * expert or an observer city.
 */
export function isNoteApproverRole(role: Role): boolean {
  return role === 'participant';
}
