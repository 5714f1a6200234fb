import type { AttendanceStore } from '../boards/attendance-store';
import type { SqliteDatabase } from '../storage/sqlite-database';
import type { ApprovalService } from '../summary/approval-service';
import type { RoomRegistry } from '../sync/room-registry';
import { SqliteMeetingReportStore } from './meeting-report-store';
import { MeetingReportService } from './meeting-report-service';
import { attendanceListService } from './network-services';
import { SqliteNetworkStore } from './network-store';
import { type BoardFormatRecord } from '../boards/board-format';

/** The facilitators' reports on the embedded database, prefilled from each owner of what they show. */
export function createMeetingReportService(deps: {
  db: SqliteDatabase;
  registry: RoomRegistry;
  approvals: Pick<ApprovalService, 'latestApproved'>;
  boardOf(boardId: string): Promise<BoardFormatRecord | null>;
  attendance: AttendanceStore;
  now?: () => Date;
}): MeetingReportService {
  const reports = new SqliteMeetingReportStore(deps.db);
  return new MeetingReportService({
    reports,
    networks: new SqliteNetworkStore(deps.db),
    prefill: {
      registry: deps.registry,
      attendanceLists: attendanceListService(deps.db, deps.attendance),
      reports,
      boardOf: deps.boardOf,
      approvedBlocks: async (boardId) =>
        (await deps.approvals.latestApproved(boardId))?.content.blocks ?? null,
    },
    ...(deps.now ? { now: deps.now } : {}),
  });
}
