import type { AttendanceStore } from '../boards/attendance-store';
import type { SqlDatabase } from '../storage/sql/sql-database';
import type { ApprovalService } from '../summary/approval-service';
import type { RoomRegistry } from '../sync/room-registry';
import { ArchiveService } from './archive-service';
import { ArchiveStore } from './archive-store';
import { attendanceListService } from './network-services';
import { networkReportTally } from './meeting-report-service';
import { MeetingReportStore } from './meeting-report-store';
import type { NetworkService } from './network-service';
import { NetworkStore } from './network-store';
import { SearchIndex } from './search-index';
import type { BoardFormatRecord } from '../boards/board-format';

export interface ArchiveServices {
  archive: ArchiveService;
  search: SearchIndex;
}

/**
 * The networks' archive, search and office overview on the stores' database.
 */
export function createArchiveServices(deps: {
  sql: SqlDatabase;
  registry: RoomRegistry;
  networks: NetworkService;
  approvals: ApprovalService;
  attendance: AttendanceStore;
  boardOf: (boardId: string) => Promise<BoardFormatRecord | null>;
}): ArchiveServices {
  const archive = new ArchiveStore(deps.sql);
  const reports = new MeetingReportStore(deps.sql);
  return {
    archive: new ArchiveService({
      networks: deps.networks,
      store: new NetworkStore(deps.sql),
      archive,
      approvals: deps.approvals,
      attendance: deps.attendance,
      attendanceLists: attendanceListService(deps.sql, deps.attendance),
      reports: (networkId, meetings, now) => networkReportTally(reports, networkId, meetings, now),
    }),
    search: new SearchIndex(archive, deps.registry, deps.approvals, deps.boardOf),
  };
}
