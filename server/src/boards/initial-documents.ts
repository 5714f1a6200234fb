import type * as Y from 'yjs';
import { boardRecords, getFormat, layoutFormat, serializedTemplateSchema } from '@empiria/formats';
import {
  CANVAS_META_MAP,
  CANVAS_RECORDS_ARRAY,
  CANVAS_SCHEMA_KEY,
  writeFormat,
  writeStep,
  type BoardInfo,
} from '@empiria/shared';
import type { RoomRegistry } from '../sync/room-registry';

/** One entry of a YKeyValue (y-utility) array. */
interface YKeyValueEntry {
  key: string;
  val: unknown;
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
  const format = getFormat(board.format);
  if (!format) throw new Error(`unknown format ${board.format}`);
  const records = boardRecords(layoutFormat(format), format.name, board.language);

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
