import type * as Y from 'yjs';
import type { IndexKey } from '@tldraw/utils';
import { CANVAS_RECORDS_ARRAY } from '@empiria/shared';

/** One entry of the canvas's YKeyValue (y-utility) array: a tldraw record under its id. */
export interface RecordEntry {
  key: string;
  val: unknown;
}

/**
 * Server-side access to the canvas records, in YKeyValue's storage format directly: a YKeyValue
 * instance would keep observing the room's array for as long as the room lives, for the few writes
 * the server makes (templates, revealed notes). Later entries for a key win, as in YKeyValue.
 */
export function readCanvasRecords(doc: Y.Doc): Map<string, unknown> {
  const records = new Map<string, unknown>();
  for (const entry of doc.getArray<RecordEntry>(CANVAS_RECORDS_ARRAY).toArray())
    records.set(entry.key, entry.val);
  return records;
}

/** Adds records whose ids are new; returns the ids that already existed and were left alone. */
export function addCanvasRecords(doc: Y.Doc, records: readonly { id: string }[]): string[] {
  const existing = readCanvasRecords(doc);
  const fresh = records.filter((record) => !existing.has(record.id));
  doc
    .getArray<RecordEntry>(CANVAS_RECORDS_ARRAY)
    .push(fresh.map((record) => ({ key: record.id, val: record })));
  return records.filter((record) => existing.has(record.id)).map((record) => record.id);
}

/** The highest z-index among the page's direct children, so what the server adds lands on top. */
export function topPageIndex(records: Map<string, unknown>, pageId = 'page:page'): IndexKey | undefined {
  let top: string | undefined;
  for (const record of records.values()) {
    const shape = record as { typeName?: string; parentId?: string; index?: string };
    if (shape.typeName !== 'shape' || shape.parentId !== pageId || !shape.index) continue;
    // tldraw's fractional index keys sort as plain strings.
    if (top === undefined || shape.index > top) top = shape.index;
  }
  return top as IndexKey | undefined;
}
