import { withRecordMeta } from '@empiria/shared';
import type { SheetLayout } from '../layout/geometry';
import { sheetAt } from '../layout/zone-membership';
import { shapeCentre } from '../rules/canvas-rules';

/**
 * What observer cities receive of the board (docs/observers.md): the records of the sheets of
 * the open steps and nothing else. Pure, so the rule is tested without a server, and the server's
 * stream writer only copies what this returns.
 *
 * A shape is streamed when its centre lies on an open step's sheet (as for locks, [C2]) and every
 * shape it is nested in is streamed too; an arrow's binding when both its ends are. Never
 * streamed: pictures and other files (their assets hold addresses of uploads), anything that is
 * not the page, a shape or a binding (a person's own records, whatever an old client left), and
 * the author of a note — observers see what the group wrote, not who.
 */

type RecordLike = {
  typeName?: unknown;
  type?: unknown;
  parentId?: unknown;
  fromId?: unknown;
  toId?: unknown;
  meta?: unknown;
};

/** Shapes that show a file: their asset would point observers at an upload. */
const FILE_SHAPES: ReadonlySet<string> = new Set(['image', 'video', 'bookmark', 'embed']);

const asRecord = (value: unknown): RecordLike | null =>
  typeof value === 'object' && value !== null ? (value as RecordLike) : null;

/**
 * Each record's projection, kept while the record lives: the stream is brought up to date many
 * times a minute from a canvas that mostly stays the same, and the same record then projects to
 * the same object, which the stream's writer recognises as unchanged without comparing it. A
 * record read from a Yjs document is never changed in place (a change is a new entry).
 */
const projections = new WeakMap<object, unknown>();

/** The record as observers get it: without its author, when it names one. */
function withoutAuthor(record: RecordLike): unknown {
  let projection = projections.get(record);
  if (projection === undefined) {
    projection = withRecordMeta(record, { author: undefined });
    projections.set(record, projection);
  }
  return projection;
}

/**
 * The canvas records observers may see, by id. `records` is the whole canvas; `openSteps` the
 * steps observers follow now. With no sheets (a blank board) nothing is open.
 */
export function streamedRecords(
  records: ReadonlyMap<string, unknown>,
  layout: SheetLayout | null,
  openSteps: ReadonlySet<string>,
): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const recordById = (id: string) => records.get(id);
  const decided = new Map<string, boolean>();

  const shapeStreamed = (id: string, depth: number): boolean => {
    const known = decided.get(id);
    if (known !== undefined) return known;
    const shape = asRecord(records.get(id));
    let streamed = false;
    if (shape && shape.typeName === 'shape' && !FILE_SHAPES.has(String(shape.type)) && depth < 50 && layout) {
      const centre = shapeCentre(shape, recordById);
      const sheet = centre ? sheetAt(layout, centre) : null;
      const parentId = typeof shape.parentId === 'string' ? shape.parentId : '';
      const parentOk = parentId.startsWith('page:')
        ? asRecord(records.get(parentId))?.typeName === 'page'
        : shapeStreamed(parentId, depth + 1);
      streamed = sheet !== null && openSteps.has(sheet.stepId) && parentOk;
    }
    decided.set(id, streamed);
    return streamed;
  };

  for (const [id, value] of records) {
    const record = asRecord(value);
    if (!record) continue;
    switch (record.typeName) {
      case 'document':
      case 'page':
        out.set(id, value);
        break;
      case 'shape':
        if (shapeStreamed(id, 0)) out.set(id, withoutAuthor(record));
        break;
      case 'binding': {
        const ends = [record.fromId, record.toId];
        if (ends.every((end) => typeof end === 'string' && shapeStreamed(end, 0))) out.set(id, value);
        break;
      }
    }
  }
  return out;
}
