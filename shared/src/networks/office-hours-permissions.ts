import type { NetworkActor } from './network-permissions';

/**
 * Who may do what with the expert's office hours (rules OH1–OH5, docs/permissions.md). Pure: the
 * server asks it on every request, the client hides what would be refused.
 *
 * Office hours are for the network's core: the vademecum's expert answers its member cities. An
 * observer city's people ([OH5]) see none of it; so the caller's city membership is part of the
 * question, which the server looks up for the person (`observer`).
 */
export const OFFICE_HOURS_ACTS = [
  /** See the slots and the log of answered questions. */
  'office-hours.read',
  /** Publish a series of slots as their host. */
  'office-hours.publish',
  /** Cancel a single slot. */
  'office-hours.cancel-slot',
  /** Book a free slot with a question; cancel one's own booking. */
  'office-hours.book',
  /** See every booking with its question. */
  'office-hours.see-bookings',
  /** Write the answer to a booked question. */
  'office-hours.answer',
] as const;
export type OfficeHoursAct = (typeof OFFICE_HOURS_ACTS)[number];

/** A network actor, and for a person whether they speak for an observer city of that network. */
export type OfficeHoursActor = NetworkActor & { observer: boolean };

/**
 * [OH1] the pair (facilitator and experts) publish series and answer; they and the office cancel
 * slots and see every booking. [OH2] a core city's representative or substitute books. [OH5]
 * everyone of the network but the observer cities' people reads the slots and the log; the office
 * reads every network's; another network's link does nothing here ([N5]).
 */
export function mayOfficeHours(actor: OfficeHoursActor, act: OfficeHoursAct, networkId: string): boolean {
  if (actor.kind === 'office') {
    return (
      act === 'office-hours.read' || act === 'office-hours.cancel-slot' || act === 'office-hours.see-bookings'
    );
  }
  if (actor.networkId !== networkId || actor.observer) return false;
  const pair = actor.role === 'facilitator' || actor.role === 'expert';
  switch (act) {
    case 'office-hours.read':
      return true;
    case 'office-hours.publish':
    case 'office-hours.cancel-slot':
    case 'office-hours.see-bookings':
    case 'office-hours.answer':
      return pair;
    case 'office-hours.book':
      return actor.role === 'representative' || actor.role === 'substitute';
  }
}
