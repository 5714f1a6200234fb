import type { SqliteDatabase } from '../storage/sqlite-database';
import type { RoomRegistry } from '../sync/room-registry';
import type { SqliteAttendanceStore } from '../boards/attendance-store';
import { ApprovalService, type RoundDirectory } from './approval-service';
import type { MeetingFacts } from '../networks/meeting-facts';
import { DraftService } from './draft-service';
import { NotesExporter } from './notes-export';
import { SqliteVersionStore } from './version-store';

export interface SummaryServices {
  approvals: ApprovalService;
  exporter: NotesExporter;
  drafts: DraftService;
}

/** The summary note's services on the embedded SQLite database. */
export function createSummaryServices(
  db: SqliteDatabase,
  registry: RoomRegistry,
  attendance: SqliteAttendanceStore,
  people: RoundDirectory,
  meetingFacts?: (boardId: string) => Promise<MeetingFacts | null>,
): SummaryServices {
  const approvals = new ApprovalService(new SqliteVersionStore(db), registry, people);
  return {
    approvals,
    exporter: new NotesExporter(approvals),
    drafts: new DraftService(registry, attendance, meetingFacts),
  };
}
