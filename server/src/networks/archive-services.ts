import type { AttendanceStore } from '../boards/attendance-store';
import type { SqliteDatabase } from '../storage/sqlite-database';
import type { ApprovalService } from '../summary/approval-service';
import type { RoomRegistry } from '../sync/room-registry';
import { ArchiveService } from './archive-service';
import { SqliteArchiveStore } from './archive-store';
import { attendanceListService } from './network-services';
import { networkReportTally } from './meeting-report-service';
import { SqliteMeetingReportStore } from './meeting-report-store';
import type { NetworkService } from './network-service';
import { SqliteNetworkStore } from './network-store';
import { SearchIndex } from './search-index';
import type { BoardFormatRecord } from '../boards/board-format';

export interface ArchiveServices {
  archive: ArchiveService;
  search: SearchIndex;
}

/** The networks' archive, search and office overview on the embedded SQLite database. */
export function createArchiveServices(deps: {
  db: SqliteDatabase;
  registry: RoomRegistry;
  networks: NetworkService;
  approvals: ApprovalService;
  attendance: AttendanceStore;
  boardOf: (boardId: string) => Promise<BoardFormatRecord | null>;
}): ArchiveServices {
  const archive = new SqliteArchiveStore(deps.db);
  const reports = new SqliteMeetingReportStore(deps.db);
  return {
    archive: new ArchiveService({
      networks: deps.networks,
      store: new SqliteNetworkStore(deps.db),
      archive,
      approvals: deps.approvals,
      attendance: deps.attendance,
      attendanceLists: attendanceListService(deps.db, deps.attendance),
      reports: (networkId, meetings, now) => networkReportTally(reports, networkId, meetings, now),
    }),
    search: new SearchIndex(archive, deps.registry, deps.approvals, deps.boardOf),
  };
}
