import type * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { CANVAS_RECORDS_ARRAY } from '@empiria/shared';

/** A canvas record as a test writes it: plain JSON, the way tldraw's store holds it. */
export type CanvasRecord = Record<string, unknown> & { id: string };

/**
 * A complete, valid tldraw sticky note, as a client writes it: the server refuses anything less
 * ([D3] in docs/security.md), so tests that write the canvas directly use this.
 */
export function noteRecord(
  id: string,
  options: { text?: string; x?: number; y?: number; index?: string; meta?: Record<string, unknown> } = {},
): CanvasRecord {
  const text = options.text ?? 'Notatka';
  return {
    id,
    typeName: 'shape',
    type: 'note',
    x: options.x ?? 0,
    y: options.y ?? 0,
    rotation: 0,
    index: options.index ?? 'a9',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: options.meta ?? {},
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      // tldraw's default: the label at full size (0 would draw it at 0 px).
      fontSizeAdjustment: 1,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
      scale: 1,
      textLastEditedBy: null,
    },
  };
}

const bound = new WeakMap<Y.Doc, YKeyValue<CanvasRecord>>();

/**
 * The canvas's records as the client reads and writes them (YKeyValue over `records`), one per
 * document: every YKeyValue observes the array and tidies duplicate keys, so two on one document
 * would fight.
 */
export function canvasRecords(doc: Y.Doc): YKeyValue<CanvasRecord> {
  let records = bound.get(doc);
  if (!records) bound.set(doc, (records = new YKeyValue<CanvasRecord>(doc.getArray(CANVAS_RECORDS_ARRAY))));
  return records;
}

/** The text of a note written by noteRecord. */
export function noteText(record: CanvasRecord | undefined): string | undefined {
  const props = record?.props as { richText?: { content?: { content?: { text?: string }[] }[] } } | undefined;
  return props?.richText?.content?.[0]?.content?.[0]?.text;
}
