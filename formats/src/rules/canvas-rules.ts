import { isTemplateRecord } from '@empiria/shared';
import type { SheetLayout } from '../layout/geometry';
import { NOTE_SIZE } from '../layout/geometry';
import { sheetAt } from '../layout/zone-membership';

/**
 * What a participant may change on the canvas, as a rule both sides apply: the client refuses it
 * in the editor, the server undoes it if a client sends it anyway. The facilitator and the expert
 * are exempt (they tidy up, unlock and fix).
 * - [C1] the format's template (sheets, titles, zones) is never changed;
 * - [C2] nothing is created, changed or removed on a sheet the facilitator has locked — judged by
 *   the shape's centre before and after the change.
 */
export interface RecordChange {
  key: string;
  /** The record before the change; undefined when it is new. */
  before: unknown;
  /** The record after the change; undefined when it was removed. */
  after: unknown;
}

export interface CanvasRuleContext {
  lockedSteps: readonly string[];
  layout: SheetLayout | null;
  /** Other records by id, for shapes nested in a frame or group (their position is relative). */
  recordById(id: string): unknown;
}

interface ShapeLike {
  typeName?: string;
  type?: string;
  x?: number;
  y?: number;
  parentId?: string;
  props?: { w?: number; h?: number; scale?: number; growY?: number };
}

/** A shape's centre in page coordinates: its position through its parents, plus half its size. */
export function shapeCentre(
  record: unknown,
  recordById: (id: string) => unknown,
): { x: number; y: number } | null {
  const shape = record as ShapeLike | undefined;
  if (!shape || shape.typeName !== 'shape') return null;
  const scale = shape.props?.scale ?? 1;
  const w = shape.type === 'note' ? NOTE_SIZE * scale : (shape.props?.w ?? 0);
  const h = shape.type === 'note' ? (NOTE_SIZE + (shape.props?.growY ?? 0)) * scale : (shape.props?.h ?? 0);
  let x = (shape.x ?? 0) + w / 2;
  let y = (shape.y ?? 0) + h / 2;
  let parent = shape.parentId ? (recordById(shape.parentId) as ShapeLike | undefined) : undefined;
  for (let depth = 0; parent && parent.typeName === 'shape' && depth < 50; depth++) {
    x += parent.x ?? 0;
    y += parent.y ?? 0;
    parent = parent.parentId ? (recordById(parent.parentId) as ShapeLike | undefined) : undefined;
  }
  return { x, y };
}

function onLockedSheet(record: unknown, context: CanvasRuleContext): boolean {
  if (context.lockedSteps.length === 0 || !context.layout || record === undefined) return false;
  const centre = shapeCentre(record, context.recordById);
  const sheet = centre ? sheetAt(context.layout, centre) : null;
  return sheet !== null && context.lockedSteps.includes(sheet.stepId);
}

/** The changes a participant (or the organiser) may not make; the rest stand. */
export function refusedChanges(changes: readonly RecordChange[], context: CanvasRuleContext): RecordChange[] {
  return changes.filter((change) => {
    if (JSON.stringify(change.before) === JSON.stringify(change.after)) return false;
    if (isTemplateRecord(change.before) || isTemplateRecord(change.after)) return true; // [C1]
    return onLockedSheet(change.before, context) || onLockedSheet(change.after, context); // [C2]
  });
}
