import type * as Y from 'yjs';
import { getIndicesAbove, type IndexKey } from '@tldraw/utils';
import { agendaNotes, boardRecords, layoutFormat, serializedTemplateSchema } from '@empiria/formats';
import {
  CANVAS_META_MAP,
  CANVAS_RECORDS_ARRAY,
  CANVAS_SCHEMA_KEY,
  readControlState,
  writeFormat,
  writeStep,
  type BoardInfo,
} from '@empiria/shared';
import { topPageIndex } from '../canvas/canvas-records';
import { formatOfBoard } from './board-format';
import { noteRecord } from '../canvas/note-record';
import type { RoomRegistry } from '../sync/room-registry';

/** One entry of a YKeyValue (y-utility) array. */
interface YKeyValueEntry {
  key: string;
  val: unknown;
}

/** The board's template could not be rewritten: someone has worked on it already. */
export class BoardInUseError extends Error {}

/**
 * What a new board holds: the format's locked template and, on a meeting's board that opens with
 * Format 0's welcome, its agenda written as notes on that sheet (`agendaNotes`), above the template.
 */
function templateOf(board: BoardInfo) {
  const format = formatOfBoard(board);
  const layout = layoutFormat(format);
  // The page is named after the board: what the group called its meeting reads the same to
  // everyone, where the format's name would be in the board's language only (a blank board
  // shows its page in tldraw's page menu).
  const template = boardRecords(layout, format.name, board.language, { pageName: board.title });
  const agenda = board.agenda ? agendaNotes(board.agenda, format, layout, board.language) : [];
  const top = topPageIndex(new Map(template.map((record) => [record.id, record])));
  const indices = getIndicesAbove(top, agenda.length);
  const notes = agenda.map((note, i) =>
    noteRecord({
      id: note.id,
      text: note.text,
      x: note.x,
      y: note.y,
      scale: note.scale,
      growY: note.growY,
      index: indices[i] as IndexKey,
      color: 'white',
      extraMeta: { agendaItem: true, zone: { stepId: note.stepId, zoneId: note.zoneId } },
    }),
  );
  return { format, records: [...template, ...notes] };
}

/**
 * A new board's documents, written once by the server when the board is created — never by the
 * first client to open it, so two people opening a new board at the same moment cannot get two
 * templates. The canvas gets the document record, the page and the format's locked template; the
 * control document gets the format and its first step. Both go through the rooms like any update:
 * stored before anyone can see them.
 */
export async function writeInitialDocuments(
  registry: RoomRegistry,
  board: BoardInfo,
  now = Date.now(),
): Promise<void> {
  const { format, records } = templateOf(board);

  await registry.room({ boardId: board.id, doc: 'canvas' }).transact((doc: Y.Doc) => {
    const entries = doc.getArray<YKeyValueEntry>(CANVAS_RECORDS_ARRAY);
    if (entries.length > 0) throw new Error(`board ${board.id} already has a canvas`);
    // YKeyValue's storage format, written directly: a YKeyValue instance would keep observing the
    // room's array for as long as the room lives.
    entries.push(records.map((record) => ({ key: record.id, val: record })));
    doc.getMap(CANVAS_META_MAP).set(CANVAS_SCHEMA_KEY, serializedTemplateSchema());
  });

  await registry.room({ boardId: board.id, doc: 'control' }).transact((doc: Y.Doc) => {
    writeFormat(doc, { id: format.id, version: format.version });
    const first = format.steps[0];
    if (first) writeStep(doc, { index: 0, id: first.id, startedAt: now });
  });
}

/**
 * A meeting board's template after its agenda changed (D16): only while the board is as it was
 * made — its canvas holds exactly the old template, nothing anyone drew, and the group has not
 * moved past the first step. Anything else throws `BoardInUseError` and changes nothing.
 */
export async function rewriteTemplate(
  registry: RoomRegistry,
  before: BoardInfo,
  after: BoardInfo,
  now = Date.now(),
): Promise<void> {
  const old = templateOf(before);
  const next = templateOf(after);
  const oldIds = new Set<string>(old.records.map((record) => record.id));
  const control = registry.room({ boardId: before.id, doc: 'control' });
  const canvas = registry.room({ boardId: before.id, doc: 'canvas' });

  const checkControl = (doc: Y.Doc) => {
    const step = readControlState(doc).step;
    if (step && step.index !== 0) throw new BoardInUseError('the group has moved past the first step');
  };
  // Checked before the canvas changes, and again when it is rewritten (the rooms run one task at a time).
  await control.transact(checkControl);
  await canvas.transact((doc: Y.Doc) => {
    const entries = doc.getArray<YKeyValueEntry>(CANVAS_RECORDS_ARRAY);
    const keys = entries.toArray().map((entry) => entry.key);
    if (keys.some((key) => !oldIds.has(key))) {
      throw new BoardInUseError('the canvas holds more than its template');
    }
    entries.delete(0, entries.length);
    entries.push(next.records.map((record) => ({ key: record.id, val: record })));
  });
  await control.transact((doc: Y.Doc) => {
    writeFormat(doc, { id: next.format.id, version: next.format.version });
    const first = next.format.steps[0];
    if (first) writeStep(doc, { index: 0, id: first.id, startedAt: now });
  });
}
