import { isTemplateRecord } from '@empiria/shared';
import type { SheetLayout } from '../layout/geometry';
import { NOTE_SIZE } from '../layout/geometry';
import { sheetAt } from '../layout/zone-membership';
import { MAX_SHAPE_DEPTH } from './parent-chains';

/**
 * What a participant may change on the canvas, as a rule both sides apply: the client refuses it
 * in the editor, the server undoes it if a client sends it anyway. The facilitator and the expert
 * are exempt (they tidy up, unlock and fix).
 * - [C1] the format's template (sheets, titles, zones) is never changed;
 * - [C2] nothing is created, changed or removed on a sheet the facilitator has locked — judged by
 *   the shape's centre on the page before and after the change, and by the centres of the shapes
 *   it carries with it (its children, theirs…) when it moves.
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
  /**
   * Records by id as they are after the changes, for shapes nested in a frame or group (their
   * position is relative to their parent's).
   */
  recordById(id: string): unknown;
  /** Records by id as they were before the changes. */
  recordBefore(id: string): unknown;
  /** The ids of the shapes whose parent is `id` after the changes (the rules walk a moved shape's). */
  childrenOf(id: string): Iterable<string>;
}

interface ShapeLike {
  typeName?: string;
  type?: string;
  x?: number;
  y?: number;
  rotation?: number;
  parentId?: string;
  props?: { w?: number; h?: number; scale?: number; growY?: number };
}

/**
 * A shape's centre in page coordinates, as tldraw places it: half its size, turned by its
 * rotation, from its position, and so on through its parents (each position is in its parent's
 * frame, turned by the parent's rotation). A chain is followed at most MAX_SHAPE_DEPTH shapes up.
 */
export function shapeCentre(
  record: unknown,
  recordById: (id: string) => unknown,
): { x: number; y: number } | null {
  const shape = record as ShapeLike | undefined;
  if (!shape || shape.typeName !== 'shape') return null;
  const scale = shape.props?.scale ?? 1;
  const w = shape.type === 'note' ? NOTE_SIZE * scale : (shape.props?.w ?? 0);
  const h = shape.type === 'note' ? (NOTE_SIZE + (shape.props?.growY ?? 0)) * scale : (shape.props?.h ?? 0);
  let { x, y } = placedIn(shape, w / 2, h / 2);
  let parent = shape.parentId ? (recordById(shape.parentId) as ShapeLike | undefined) : undefined;
  for (let depth = 1; parent && parent.typeName === 'shape' && depth < MAX_SHAPE_DEPTH; depth++) {
    ({ x, y } = placedIn(parent, x, y));
    parent = parent.parentId ? (recordById(parent.parentId) as ShapeLike | undefined) : undefined;
  }
  return { x, y };
}

/** A point of a shape's own frame in its parent's frame. */
function placedIn(shape: ShapeLike, x: number, y: number): { x: number; y: number } {
  const angle = shape.rotation ?? 0;
  if (angle === 0) return { x: (shape.x ?? 0) + x, y: (shape.y ?? 0) + y };
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return { x: (shape.x ?? 0) + x * cos - y * sin, y: (shape.y ?? 0) + x * sin + y * cos };
}

function lockedAt(centre: { x: number; y: number } | null, context: CanvasRuleContext): boolean {
  const sheet = centre && context.layout ? sheetAt(context.layout, centre) : null;
  return sheet !== null && context.lockedSteps.includes(sheet.stepId);
}

/** Whether a change moves what hangs below the shape: its place, turn or parent changed, or it came or went. */
function carriesChildren(change: RecordChange): boolean {
  const before = change.before as ShapeLike | undefined;
  const after = change.after as ShapeLike | undefined;
  if (before?.typeName !== 'shape' && after?.typeName !== 'shape') return false;
  return (
    before?.typeName !== after?.typeName ||
    before?.x !== after?.x ||
    before?.y !== after?.y ||
    before?.rotation !== after?.rotation ||
    before?.parentId !== after?.parentId
  );
}

/** How many times the rules judge an update again with what they refused put back, at most. */
const MAX_ROUNDS = 8;

/**
 * The changes a participant (or the organiser) may not make; the rest stand.
 *
 * [C2] A refused change is put back as it was, and that moves what hangs below it again (a note
 * refused its move stays in the frame that did move): so the rules judge the changes that stand
 * against the board as it will be — the changes that stand applied, the refused ones put back —
 * until nothing more is refused. Each round judges each shape at most once. Should an update keep
 * them going past MAX_ROUNDS (only a client that sends a tangle of moves on purpose), all of its
 * changes are refused.
 */
export function refusedChanges(changes: readonly RecordChange[], context: CanvasRuleContext): RecordChange[] {
  const real = changes.filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after));
  const refused = new Set(real.filter((c) => isTemplateRecord(c.before) || isTemplateRecord(c.after))); // [C1]
  const locks = context.lockedSteps.length > 0 && context.layout !== null;
  if (locks) {
    let rounds = 0;
    for (let more = true; more; rounds++) {
      if (rounds === MAX_ROUNDS) {
        for (const change of real) refused.add(change);
        break;
      }
      const board = new FinalBoard(real, refused, context);
      const judged = new Set<string>();
      more = false;
      for (const change of real) {
        if (refused.has(change) || !board.movesOnOrOffLockedSheet(change, judged)) continue;
        refused.add(change);
        more = true;
      }
    }
  }
  return changes.filter((change) => refused.has(change as RecordChange));
}

/**
 * The board as an update leaves it when `refused` is put back: each record as the update wrote
 * it, or as it was when its change is refused; the children of each shape likewise.
 */
class FinalBoard {
  readonly #context: CanvasRuleContext;
  readonly #putBack = new Map<string, RecordChange>();
  /** The shapes a refused change puts back under each parent. */
  readonly #returning = new Map<string, string[]>();

  constructor(
    changes: readonly RecordChange[],
    refused: ReadonlySet<RecordChange>,
    context: CanvasRuleContext,
  ) {
    this.#context = context;
    for (const change of changes) {
      if (!refused.has(change)) continue;
      this.#putBack.set(change.key, change);
      const parent = (change.before as ShapeLike | undefined)?.parentId;
      if (typeof parent !== 'string') continue;
      const list = this.#returning.get(parent);
      if (list) list.push(change.key);
      else this.#returning.set(parent, [change.key]);
    }
  }

  readonly before = (id: string): unknown => this.#context.recordBefore(id);

  readonly final = (id: string): unknown => {
    const putBack = this.#putBack.get(id);
    return putBack ? putBack.before : this.#context.recordById(id);
  };

  *childrenOf(id: string): Iterable<string> {
    for (const child of this.#context.childrenOf(id)) {
      const putBack = this.#putBack.get(child);
      if (!putBack || (putBack.before as ShapeLike | undefined)?.parentId === id) yield child;
    }
    for (const child of this.#returning.get(id) ?? []) {
      // Listed above already when the update left it under the same parent.
      if ((this.#putBack.get(child)?.after as ShapeLike | undefined)?.parentId !== id) yield child;
    }
  }

  /** Whether a shape's centre moves, and is on a locked sheet before or after. */
  #lockedMove(before: unknown, after: unknown): boolean {
    const was = shapeCentre(before, this.before);
    const is = shapeCentre(after, this.final);
    if (was?.x === is?.x && was?.y === is?.y) return false;
    return lockedAt(was, this.#context) || lockedAt(is, this.#context);
  }

  /**
   * Whether `change` (standing) moves a shape on or off a locked sheet: itself, or what it carries
   * when it moves (its children, theirs…, judged once per round through `judged`).
   */
  movesOnOrOffLockedSheet(change: RecordChange, judged: Set<string>): boolean {
    const context = this.#context;
    const was = shapeCentre(change.before, this.before);
    const is = shapeCentre(change.after, this.final);
    if (lockedAt(was, context) || lockedAt(is, context)) return true;
    if (!carriesChildren(change)) return false;
    const stack = [...this.childrenOf(change.key)];
    const seen = new Set<string>([change.key]);
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const child of this.childrenOf(id)) stack.push(child);
      if (judged.has(id)) continue;
      judged.add(id);
      if (this.#lockedMove(this.before(id), this.final(id))) return true;
    }
    return false;
  }
}
