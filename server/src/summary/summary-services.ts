import type { SqlDatabase } from '../storage/sql/sql-database';
import type { RoomRegistry } from '../sync/room-registry';
import type { AttendanceStore } from '../boards/attendance-store';
import { ApprovalService, type RoundDirectory } from './approval-service';
import type { MeetingFacts } from '../networks/meeting-facts';
import { DraftService } from './draft-service';
import { NotesExporter } from './notes-export';
import { VersionStore } from './version-store';

export interface SummaryServices {
  approvals: ApprovalService;
  exporter: NotesExporter;
  drafts: DraftService;
}

/** The summary note's services on the installation's database. */
export function createSummaryServices(
  sql: SqlDatabase,
  registry: RoomRegistry,
  attendance: AttendanceStore,
  people: RoundDirectory,
  meetingFacts?: (boardId: string) => Promise<MeetingFacts | null>,
): SummaryServices {
  const approvals = new ApprovalService(new VersionStore(sql), registry, people);
  return {
    approvals,
    exporter: new NotesExporter(approvals),
    drafts: new DraftService(registry, attendance, meetingFacts),
  };
}
