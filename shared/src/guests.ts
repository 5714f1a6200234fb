import type { Attendee } from './summary/summary-document';

/**
 * The meeting's record lists guest experts apart from the network's cities ([G4]): the vademecum's
 * attendance is of the cities; guests (a ministry, BGK, NFOŚ…) advised. An attendance row of a
 * guest carries the role `guest` and their institution in `city`.
 */
export function isGuestAttendee(attendee: Pick<Attendee, 'role'>): boolean {
  return attendee.role === 'guest';
}

/** The rows with their positions in the whole list (the form edits by position), cities first. */
export function partitionAttendance<T extends Pick<Attendee, 'role'>>(
  attendance: readonly T[],
): { members: { row: T; index: number }[]; guests: { row: T; index: number }[] } {
  const members: { row: T; index: number }[] = [];
  const guests: { row: T; index: number }[] = [];
  attendance.forEach((row, index) => (isGuestAttendee(row) ? guests : members).push({ row, index }));
  return { members, guests };
}
