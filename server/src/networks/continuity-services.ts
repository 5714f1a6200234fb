import { CASE_FIELD_IDS, type CaseFieldId, type CaseFieldLabels } from '@empiria/shared';
import { formatVersions } from '@empiria/formats';
import type { SummaryVersion } from '../summary/version-store';
import type { SqlQueries } from '../storage/sql/sql-database';
import { ContinuityService, type ContinuityMeeting } from './continuity-service';
import type { NetworkService } from './network-service';
import { formatOfBoard, type BoardFormatRecord } from '../boards/board-format';

interface MeetingRow {
  id: string;
  network_id: string;
  board_id: string;
  title: string;
  starts_at: string;
}

const toMeeting = (row: MeetingRow): ContinuityMeeting => ({
  id: row.id,
  networkId: row.network_id,
  boardId: row.board_id,
  title: row.title,
  startsAt: row.starts_at,
});

/**
 * The case card's field labels from Format 3's definition, the one owner of its wording: drafting
 * wrote them into the note in the note's language, so continuity reads them back by either.
 */
function caseFieldLabels(): CaseFieldLabels {
  const labels = Object.fromEntries(CASE_FIELD_IDS.map((id) => [id, [] as string[]])) as Record<
    CaseFieldId,
    string[]
  >;
  // Every version's labels: a note approved under an older version keeps that version's wording.
  const steps = formatVersions('format-3').flatMap((format) =>
    format.steps.filter((s) => s.id === 'case-cards'),
  );
  for (const zone of steps.flatMap((step) => step.zones)) {
    if (zone.kind !== 'cards') continue;
    for (const field of zone.fields) {
      const id = CASE_FIELD_IDS.find((known) => known === field.id);
      if (id) labels[id].push(field.label.pl, field.label.en);
    }
  }
  return labels;
}

/**
 * The continuity service on the stores' database: meetings read straight from their table (a
 * board's meeting by its board id), approved notes from the summary's versions, each board's
 * steps from the one owner of a board's format on the server (`formatOfBoard`, D16, D26).
 */
export function createContinuityService(deps: {
  sql: SqlQueries;
  networks: NetworkService;
  approvals: { latestApproved(boardId: string): Promise<SummaryVersion | null> };
  board(boardId: string): Promise<BoardFormatRecord | null>;
}): ContinuityService {
  return new ContinuityService({
    meetingOfBoard: async (boardId) => {
      const row = await deps.sql.get<MeetingRow>(
        'SELECT id, network_id, board_id, title, starts_at FROM meetings WHERE board_id = ?',
        [boardId],
      );
      return row ? toMeeting(row) : null;
    },
    networkName: async (networkId) => (await deps.networks.get(networkId)).name,
    meetings: async (networkId) =>
      (
        await deps.sql.all<MeetingRow>(
          'SELECT id, network_id, board_id, title, starts_at FROM meetings WHERE network_id = ?',
          [networkId],
        )
      ).map(toMeeting),
    caseFieldLabels: caseFieldLabels(),
    approvedNote: async (boardId) => {
      const version = await deps.approvals.latestApproved(boardId);
      return version
        ? { blocks: version.content.blocks, approvedAt: version.closedAt ?? version.openedAt }
        : null;
    },
    stepsFrom: async (boardId, formatId, stepId) => {
      const board = await deps.board(boardId);
      if (!board) return new Set();
      if (!board.agenda || board.agenda.length === 0) {
        return board.format === formatId ? new Set([stepId]) : new Set();
      }
      // A meeting's board: its steps are its agenda's items in order (agendaFormat).
      const steps = formatOfBoard(board).steps;
      const ids = new Set<string>();
      board.agenda.forEach((item, index) => {
        const step = steps[index];
        if (step && item.kind === 'step' && item.format === formatId && item.stepId === stepId)
          ids.add(step.id);
      });
      return ids;
    },
  });
}
