import type { Editor, TLShape, TLShapeId } from 'tldraw';
import { NOTE_SIZE } from '@empiria/formats';
import { isTemplateRecord } from '@empiria/shared';
import { changeAllowed, lockedSheetAt } from './sheet-locks';
import type { Point, SheetRect } from './sheet-locks';

/** The shapes a lock protects: sticky notes and clusters (frames). */
function guarded(shape: TLShape): boolean {
  return shape.type === 'note' || (shape.type === 'frame' && !isTemplateRecord(shape));
}

/** A note's or a frame's centre in page coordinates, from the record itself (it may be new). */
export function pageCentre(editor: Editor, shape: TLShape): Point | null {
  let w: number;
  let h: number;
  if (shape.type === 'note') {
    const props = shape.props as { scale: number; growY: number };
    w = NOTE_SIZE * props.scale;
    h = (NOTE_SIZE + props.growY) * props.scale;
  } else if (shape.type === 'frame') {
    const props = shape.props as { w: number; h: number };
    w = props.w;
    h = props.h;
  } else {
    return null;
  }
  const cos = Math.cos(shape.rotation);
  const sin = Math.sin(shape.rotation);
  const local = { x: shape.x + (cos * w) / 2 - (sin * h) / 2, y: shape.y + (sin * w) / 2 + (cos * h) / 2 };
  if (!shape.parentId.startsWith('shape:')) return local;
  const parent = editor.getShape(shape.parentId as TLShapeId);
  if (!parent) return null;
  return editor.getShapePageTransform(parent).applyToPoint(local);
}

export interface LockGuardOptions {
  sheets: () => readonly SheetRect[];
  lockedSteps: () => readonly string[];
  /** The facilitator and the expert are never stopped by a lock. */
  exempt: () => boolean;
  onRefused: () => void;
}

/**
 * Locked sheets for this person's tldraw: no new note on them, no move into or out of them, no
 * edit, no deletion. The sheet is found from the shape's centre. The server applies the same rule
 * ([C2], formats/src/rules/canvas-rules.ts) and undoes a change that skipped this guard.
 */
export function bindLockGuard(editor: Editor, options: LockGuardOptions): () => void {
  let removing = false;
  const locked = () => (options.exempt() ? [] : options.lockedSteps());
  const at = (shape: TLShape | null) => (shape ? pageCentre(editor, shape) : null);
  const refuse = (): false => {
    options.onRefused();
    return false;
  };
  const offs = [
    editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
      if (source !== 'user' || !guarded(shape)) return;
      if (changeAllowed(options.sheets(), locked(), null, at(shape))) return;
      options.onRefused();
      removing = true;
      try {
        editor.run(() => editor.deleteShapes([shape.id]), { ignoreShapeLock: true, history: 'ignore' });
      } finally {
        removing = false;
      }
    }),
    editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
      if (source !== 'user' || !guarded(prev)) return next;
      const steps = locked();
      if (steps.length === 0) return next;
      if (changeAllowed(options.sheets(), steps, at(prev), at(next))) return next;
      options.onRefused();
      return prev;
    }),
    editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
      if (removing || source !== 'user' || !guarded(shape)) return;
      if (changeAllowed(options.sheets(), locked(), at(shape), null)) return;
      return refuse();
    }),
    editor.sideEffects.registerBeforeChangeHandler('instance_page_state', (prev, next, source) => {
      if (source !== 'user' || !next.editingShapeId || next.editingShapeId === prev.editingShapeId)
        return next;
      const shape = editor.getShape(next.editingShapeId);
      if (!shape || !guarded(shape)) return next;
      const centre = at(shape);
      if (!centre || !lockedSheetAt(options.sheets(), locked(), centre)) return next;
      options.onRefused();
      return { ...next, editingShapeId: null };
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
