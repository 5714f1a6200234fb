import type { AttendanceStore } from '../boards/attendance-store';
import type { SqlDatabase } from '../storage/sql/sql-database';
import type { ApprovalService } from '../summary/approval-service';
import type { RoomRegistry } from '../sync/room-registry';
import { MeetingReportStore } from './meeting-report-store';
import { MeetingReportService } from './meeting-report-service';
import { attendanceListService } from './network-services';
import { NetworkStore } from './network-store';
import { type BoardFormatRecord } from '../boards/board-format';

/**
 * The facilitators' reports on the stores' database, prefilled from each owner of what they show;
 */
export function createMeetingReportService(deps: {
  sql: SqlDatabase;
  registry: RoomRegistry;
  approvals: Pick<ApprovalService, 'latestApproved'>;
  boardOf(boardId: string): Promise<BoardFormatRecord | null>;
  attendance: AttendanceStore;
  now?: () => Date;
}): MeetingReportService {
  const reports = new MeetingReportStore(deps.sql);
  return new MeetingReportService({
    reports,
    networks: new NetworkStore(deps.sql),
    prefill: {
      registry: deps.registry,
      attendanceLists: attendanceListService(deps.sql, deps.attendance),
      reports,
      boardOf: deps.boardOf,
      approvedBlocks: async (boardId) =>
        (await deps.approvals.latestApproved(boardId))?.content.blocks ?? null,
    },
    ...(deps.now ? { now: deps.now } : {}),
  });
}
