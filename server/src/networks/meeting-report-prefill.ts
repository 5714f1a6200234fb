import {
  prefillReport,
  readControlKey,
  unitLines,
  unitsInSection,
  type MeetingReportContent,
  type ReportAttendee,
  type SummaryBlock,
} from '@empiria/shared';
import type { RoomRegistry } from '../sync/room-registry';
import type { AttendanceListService } from './attendance-service';
import type { MeetingReportStore } from './meeting-report-store';
import type { MeetingRecord } from './network-store';
import { formatOfBoard, type BoardFormatRecord } from '../boards/board-format';

/** Where a report's prefill comes from, each read from its owner. */
export interface ReportPrefillSources {
  registry: RoomRegistry;
  attendanceLists: Pick<AttendanceListService, 'list'>;
  reports: Pick<MeetingReportStore, 'boardPhotos'>;
  /** The board's format source (its pinned agenda): the one owner of its steps is `formatOfBoard`. */
  boardOf(boardId: string): Promise<BoardFormatRecord | null>;
  /** The blocks of the board's latest approved note; null while none is approved. */
  approvedBlocks(boardId: string): Promise<SummaryBlock[] | null>;
}

/**
 * Gathers what a meeting's report is prefilled from: the board's steps (the agenda as composed,
 * with planned minutes) and its step log (actual minutes), who attended by the organiser's
 * attendance list (which, until kept, concludes from the invitations and the board's joins), the
 * approved note's decisions, conclusions and next steps (read through the note's units, not
 * copied from the canvas), and the board's photos.
 */
export async function gatherReportPrefill(
  sources: ReportPrefillSources,
  meeting: MeetingRecord,
): Promise<MeetingReportContent> {
  const board = await sources.boardOf(meeting.boardId);
  const steps = board ? formatOfBoard(board).steps : [];
  const control = sources.registry.room({ boardId: meeting.boardId, doc: 'control' });
  const stepLog = await control.run(() => readControlKey(control.doc, 'stepLog') ?? []);

  const attendance: ReportAttendee[] = (
    await sources.attendanceLists.list(meeting.networkId, meeting.id)
  ).entries.flatMap((entry) =>
    entry.attended === null
      ? []
      : [{ name: entry.name, city: entry.city, role: entry.role, where: entry.attended }],
  );

  const blocks = await sources.approvedBlocks(meeting.boardId);
  const lines = (section: string) => (blocks ? unitsInSection(blocks, section).flatMap(unitLines) : null);
  const decisions = lines('decisions');
  const conclusions = lines('conclusions');

  return prefillReport({
    agenda: steps.map((step) => ({
      stepId: step.id,
      title: { pl: step.title.pl, en: step.title.en },
      plannedMinutes: step.minutes,
    })),
    stepLog,
    attendance,
    results: decisions && conclusions ? [...decisions, ...conclusions] : null,
    nextSteps: lines('next-steps'),
    photos: await sources.reports.boardPhotos(meeting.boardId),
  });
}
