import { averageRate, citiesMissingTwice, type AttendanceRow } from './attendance-matrix';
import type { OfficeOverviewRow } from './archive-api';

/** What the office overview needs of one network. */
export interface OverviewInput {
  network: { id: string; name: string; theme: string };
  members: number;
  meetings: { held: boolean; noteApproved: boolean }[];
  attendance: AttendanceRow[];
}

/**
 * One network at a glance (issue #11, item 6): members; meetings held and planned; of the held
 * ones, notes approved and notes still waiting for approval; the mean of the cities' attendance
 * rates; the cities absent from the last two meetings that counted for them.
 */
export function overviewRow(input: OverviewInput): OfficeOverviewRow {
  const held = input.meetings.filter((meeting) => meeting.held);
  const approved = input.meetings.filter((meeting) => meeting.noteApproved).length;
  return {
    networkId: input.network.id,
    name: input.network.name,
    theme: input.network.theme,
    members: input.members,
    meetingsHeld: held.length,
    meetingsPlanned: input.meetings.length - held.length,
    notesApproved: approved,
    notesWaiting: held.filter((meeting) => !meeting.noteApproved).length,
    averageAttendance: averageRate(input.attendance),
    missingTwice: citiesMissingTwice(input.attendance),
  };
}
