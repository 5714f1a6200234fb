import { boardContentFromRecords, draftSummary, layoutFormat } from '@empiria/formats';
import {
  SUMMARY_RECORD,
  applyDraft,
  READ_ONLY_ROLES,
  readControlKey,
  readMeetingRecord,
  type Attendee,
  type BoardInfo,
  type DraftReport,
  type MeetingRecord,
} from '@empiria/shared';
import type { AttendanceStore } from '../boards/attendance-store';
import { readCanvasRecords } from '../canvas/canvas-records';
import type { RoomRegistry } from '../sync/room-registry';
import type { MeetingFacts } from '../networks/meeting-facts';
import { exportDate } from './export-time';
import { formatOfBoard } from '../boards/board-format';

/**
 * "Draft from the board": reads the canvas and the last vote, drafts each section the format
 * maps into the note, and merges it into the summary document without overwriting edits; the
 * meeting record gets what the server knows (attendance from who joined, the pair's names, the
 * date) wherever it is still empty.
 */
export class DraftService {
  readonly #registry: RoomRegistry;
  readonly #attendance: AttendanceStore;
  readonly #meetingFacts: (boardId: string) => Promise<MeetingFacts | null>;

  constructor(
    registry: RoomRegistry,
    attendance: AttendanceStore,
    meetingFacts: (boardId: string) => Promise<MeetingFacts | null> = async () => null,
  ) {
    this.#registry = registry;
    this.#attendance = attendance;
    this.#meetingFacts = meetingFacts;
  }

  async draft(board: BoardInfo, now = new Date(), language = board.language): Promise<DraftReport> {
    const format = formatOfBoard(board);
    const canvas = this.#registry.room({ boardId: board.id, doc: 'canvas' });
    const control = this.#registry.room({ boardId: board.id, doc: 'control' });
    const records = await canvas.run(() => [...readCanvasRecords(canvas.doc).values()]);
    const voting = await control.run(() => readControlKey(control.doc, 'voting'));
    const ranking = voting?.status === 'closed' ? voting.ranking : null;
    const content = boardContentFromRecords(records, layoutFormat(format), ranking);
    const units = format ? draftSummary(format, content, language) : [];
    const facts = await this.#meetingFacts(board.id);
    // The attendance list the organiser keeps, once kept, says who attended ([N19]); else who joined.
    const people = facts?.attendance ?? (await this.#attendance.list(board.id));

    let report!: DraftReport;
    await this.#registry.room({ boardId: board.id, doc: 'summary' }).transact((doc) => {
      report = applyDraft(doc, units);
      const record = doc.getMap(SUMMARY_RECORD);
      const filled = fillRecord(readMeetingRecord(doc), board, people, now, facts, record.has('mode'));
      for (const [key, value] of Object.entries(filled)) {
        if (JSON.stringify(record.get(key)) !== JSON.stringify(value)) record.set(key, value);
      }
    });
    return report;
  }
}

/**
 * Fills only what is empty: a person's edits to the record always win. A network's meeting gives
 * its network, title, planned day, mode and place (`facts`); otherwise the board's title, today,
 * and the mode seen from who joined where. `modeSet`: someone already chose the mode.
 */
export function fillRecord(
  record: MeetingRecord,
  board: BoardInfo,
  people: (Attendee & { personId: string })[],
  now: Date,
  facts: MeetingFacts | null = null,
  modeSet = false,
): MeetingRecord {
  const names = (role: string) =>
    people
      .filter((p) => p.role === role)
      .map((p) => p.name)
      .join(', ');
  const listed = new Set(record.attendance.map((a) => `${a.name}|${a.city}`.toLocaleLowerCase('pl')));
  const newcomers = people
    .filter(
      (p) =>
        !(READ_ONLY_ROLES as readonly string[]).includes(p.role) &&
        !listed.has(`${p.name}|${p.city}`.toLocaleLowerCase('pl')),
    )
    .map(({ name, city, role, where }) => ({ name, city, role, where }));
  const attendance = [...record.attendance, ...newcomers];
  const rooms = new Set(attendance.map((a) => a.where).filter(Boolean));
  return {
    ...record,
    network: record.network || (facts?.network ?? ''),
    meetingTitle: record.meetingTitle || facts?.meetingTitle || board.title,
    // The meeting's day on the wall clock: a meeting at 00:30 Warsaw time is not the day before.
    date: record.date || facts?.date || exportDate(now.getTime()),
    place: record.place || (facts?.place ?? ''),
    facilitator: record.facilitator || names('facilitator'),
    expert: record.expert || names('expert'),
    mode: modeSet
      ? record.mode
      : (facts?.mode ??
        (rooms.size === 2
          ? 'hybrid'
          : rooms.has('online') && record.attendance.length === 0
            ? 'online'
            : record.mode)),
    attendance,
  };
}
