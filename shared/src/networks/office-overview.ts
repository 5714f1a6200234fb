import { averageRate, citiesMissingTwice, type AttendanceRow } from './attendance-matrix';
import type { OfficeOverviewRow } from './archive-api';

/** What the office overview needs of one network. */
export interface OverviewInput {
  network: { id: string; name: string; theme: string };
  members: number;
  meetings: { held: boolean; noteApproved: boolean }[];
  attendance: AttendanceRow[];
}

/** Fewer meetings held than this, and nobody can have missed "the last two". */
const MEETINGS_TO_MISS = 2;

/**
 * One network at a glance (issue #11, item 6): members; meetings held and planned; of the held
 * ones, notes approved and notes still waiting for approval; the mean of the member cities'
 * attendance rates (observer cities have none); the cities absent from the last two meetings that
 * counted for them — null while fewer than two meetings were held, so that "nobody missed two"
 * is never said of a network too young to tell. The reports' column is the reports' own
 * (meeting-report.ts `reportTally`), added by the server beside this row.
 */
export function overviewRow(input: OverviewInput): Omit<OfficeOverviewRow, 'reports'> {
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
    missingTwice: held.length < MEETINGS_TO_MISS ? null : citiesMissingTwice(input.attendance),
  };
}
