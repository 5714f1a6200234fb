import * as Y from 'yjs';
import {
  layoutFormat,
  refusedChanges,
  type CanvasRuleContext,
  type RecordChange,
  type SheetLayout,
} from '@empiria/formats';
import {
  CANVAS_RECORDS_ARRAY,
  isLeadRole,
  readControlKey,
  type BoardInfo,
  type BoardRoomAddress,
} from '@empiria/shared';
import type { RoomRegistry } from '../sync/room-registry';
import type { RoomMember } from '../sync/room-member';
import type { RecordEntry } from './canvas-records';
import { CanvasRecordIndex, type RecordIndexChange } from './canvas-record-index';
import { ShapeTree } from './shape-tree';
import { formatOfBoard } from '../boards/board-format';

/**
 * The canvas rules ([C1] template, [C2] locked sheets) on the server: a participant's update is
 * applied, the record changes it made are read off the board's record index as it integrates, and
 * those the rules refuse are undone at once in a server transaction — the entries the update
 * inserted for the record taken out, the record as it was put back. Everyone, the sender included,
 * ends on the undone state, so a client that bypassed its own editor's checks changes nothing for
 * the room. A shape that moves is judged with the shapes it carries (its children, theirs…), by
 * where they stand on the page before and after. What it costs per update grows with the update
 * (and what the shapes it moves carry), not with the board (issue #16).
 */
export class CanvasGuard {
  readonly #context: () => Omit<CanvasRuleContext, 'recordById' | 'recordBefore' | 'childrenOf'>;

  constructor(context: () => Omit<CanvasRuleContext, 'recordById' | 'recordBefore' | 'childrenOf'>) {
    this.#context = context;
  }

  apply(doc: Y.Doc, update: Uint8Array, member: RoomMember): ((doc: Y.Doc) => void) | null {
    if (isLeadRole(member.role)) {
      Y.applyUpdate(doc, update, member);
      return null;
    }
    const index = CanvasRecordIndex.of(doc);
    const tree = ShapeTree.of(doc);
    // Applying an update is one transaction; should anything observing the document write in
    // reply (a transaction of its own), a key's change still runs from before the first to after
    // the last.
    const changed = new Map<string, RecordIndexChange>();
    const stop = index.listen((changes) => {
      for (const change of changes) {
        const earlier = changed.get(change.key);
        changed.set(
          change.key,
          earlier
            ? { ...change, before: earlier.before, inserted: [...earlier.inserted, ...change.inserted] }
            : change,
        );
      }
    });
    try {
      Y.applyUpdate(doc, update, member);
    } finally {
      stop();
    }
    if (changed.size === 0) return null;

    const changes: (RecordChange & { entries: RecordIndexChange })[] = [];
    for (const change of changed.values()) {
      if (change.before === change.after) continue;
      changes.push({
        key: change.key,
        before: change.before?.val,
        after: change.after?.val,
        entries: change,
      });
    }
    const refused = refusedChanges(changes, {
      ...this.#context(),
      recordById: (id) => index.current(id)?.val,
      recordBefore: (id) => {
        const change = changed.get(id);
        return change ? change.before?.val : index.current(id)?.val;
      },
      childrenOf: (id) => tree.childrenOf(id),
    }) as typeof changes;
    if (refused.length === 0) return null;

    return (target) => {
      const array = target.getArray<RecordEntry>(CANVAS_RECORDS_ARRAY);
      const targetIndex = CanvasRecordIndex.of(target);
      for (const { key, entries } of refused) {
        for (const entry of entries.inserted) {
          const at = positionOf(array, entry);
          if (at >= 0) array.delete(at, 1);
        }
        // The record as it was stands again by itself if its entry survived the update (the new one
        // was pushed beside it); otherwise it is written again.
        const was = entries.before;
        if (was !== undefined && !targetIndex.holds(was)) array.push([{ key, val: was.val }]);
      }
    };
  }
}

/**
 * Where `entry` is in the array, or -1: a walk over its items without copying them out. Only for
 * undoing a refused change, which a client that follows the rules never causes.
 */
function positionOf(array: Y.Array<RecordEntry>, entry: RecordEntry): number {
  let position = 0;
  for (let item = array._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    const at = (item.content.getContent() as unknown[]).indexOf(entry);
    if (at >= 0) return position + at;
    position += item.length;
  }
  return -1;
}

/**
 * The guard of a board's canvas room: its format's sheets, and the locks in its control document.
 * `ready` resolves when what the guard reads is there: the control room loaded, the board read.
 */
export function canvasGuardFor(
  address: BoardRoomAddress,
  rooms: RoomRegistry,
  boardOf: (boardId: string) => Promise<BoardInfo | null>,
): { guard: CanvasGuard; ready: () => Promise<void> } | null {
  if (address.doc !== 'canvas') return null;
  // The guard judges an update synchronously, so the board is read before (in `ready`, which the
  // rules await before each update they guard). Read until found — a new board's canvas room opens
  // before the board is stored — and then kept: the guard judges only a non-lead member's update,
  // and once anyone has joined a board its agenda no longer changes (D16), so neither does the layout.
  let layout: SheetLayout | null | undefined;
  const ready = async () => {
    const control = rooms.room({ boardId: address.boardId, doc: 'control' }).loaded;
    if (layout === undefined) {
      const board = await boardOf(address.boardId);
      if (board !== null && layout === undefined) {
        const format = formatOfBoard(board);
        layout = format.steps.length > 0 ? layoutFormat(format) : null;
      }
    }
    await control;
  };
  const guard = new CanvasGuard(() => ({
    layout: layout ?? null,
    // The control room loads alongside; until it has, no sheet reads as locked. Without sheets
    // nothing can be on a locked one, and the locks are not read (a parse per update saved).
    lockedSteps: layout
      ? (readControlKey(rooms.room({ boardId: address.boardId, doc: 'control' }).doc, 'lockedSteps') ?? [])
      : [],
  }));
  return { guard, ready };
}
