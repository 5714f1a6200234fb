import type { SqlDatabase } from '../storage/sql/sql-database';
import type { SqliteDatabase } from '../storage/sqlite-database';
import type { ApprovalService } from '../summary/approval-service';
import type { RoomRegistry } from '../sync/room-registry';
import { MeetingReportStore } from './meeting-report-store';
import { MeetingReportService } from './meeting-report-service';
import { attendanceListService } from './network-services';
import { NetworkStore } from './network-store';
import { type BoardFormatRecord } from '../boards/board-format';

/**
 * The facilitators' reports on the stores' database, prefilled from each owner of what they show;
 * `db` only for the boards' attendance store (attendanceListService).
 */
export function createMeetingReportService(deps: {
  sql: SqlDatabase;
  db: SqliteDatabase;
  registry: RoomRegistry;
  approvals: Pick<ApprovalService, 'latestApproved'>;
  boardOf(boardId: string): BoardFormatRecord | null;
  now?: () => Date;
}): MeetingReportService {
  const reports = new MeetingReportStore(deps.sql);
  return new MeetingReportService({
    reports,
    networks: new NetworkStore(deps.sql),
    prefill: {
      registry: deps.registry,
      attendanceLists: attendanceListService(deps.sql, deps.db),
      reports,
      boardOf: deps.boardOf,
      approvedBlocks: (boardId) => deps.approvals.latestApproved(boardId)?.content.blocks ?? null,
    },
    ...(deps.now ? { now: deps.now } : {}),
  });
}
