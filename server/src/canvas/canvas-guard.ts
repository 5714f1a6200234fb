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
import { formatOfBoard } from '../boards/board-format';

/**
 * The canvas rules ([C1] template, [C2] locked sheets) on the server: a participant's update is
 * applied, the record changes it made are read off the records array as it integrates, and those
 * the rules refuse are undone at once in a server transaction — the template entry put back, the
 * new entry taken out. Everyone, the sender included, ends on the undone state, so a client that
 * bypassed its own editor's checks changes nothing for the room.
 */
export class CanvasGuard {
  readonly #context: () => Omit<CanvasRuleContext, 'recordById'>;

  constructor(context: () => Omit<CanvasRuleContext, 'recordById'>) {
    this.#context = context;
  }

  apply(doc: Y.Doc, update: Uint8Array, member: RoomMember): ((doc: Y.Doc) => void) | null {
    if (isLeadRole(member.role)) {
      Y.applyUpdate(doc, update, member);
      return null;
    }
    const records = doc.getArray<RecordEntry>(CANVAS_RECORDS_ARRAY);
    const added: RecordEntry[] = [];
    const removed: RecordEntry[] = [];
    const observer = (event: Y.YArrayEvent<RecordEntry>) => {
      for (const item of event.changes.added) added.push(...(item.content.getContent() as RecordEntry[]));
      for (const item of event.changes.deleted) removed.push(...(item.content.getContent() as RecordEntry[]));
    };
    records.observe(observer);
    try {
      Y.applyUpdate(doc, update, member);
    } finally {
      records.unobserve(observer);
    }
    if (added.length === 0 && removed.length === 0) return null;

    const current = new Map<string, RecordEntry>();
    for (const entry of records.toArray()) current.set(entry.key, entry);
    const changes = new Map<string, RecordChange & { addedEntry?: RecordEntry }>();
    for (const entry of removed)
      changes.set(entry.key, { key: entry.key, before: entry.val, after: undefined });
    for (const entry of added) {
      const change = changes.get(entry.key) ?? { key: entry.key, before: undefined, after: undefined };
      // Only the entry that now stands for the key counts (YKeyValue: the last one wins).
      if (current.get(entry.key) === entry)
        changes.set(entry.key, { ...change, after: entry.val, addedEntry: entry });
    }
    const refused = refusedChanges([...changes.values()], {
      ...this.#context(),
      recordById: (id) => current.get(id)?.val,
    }) as (RecordChange & { addedEntry?: RecordEntry })[];
    if (refused.length === 0) return null;

    return (target) => {
      const array = target.getArray<RecordEntry>(CANVAS_RECORDS_ARRAY);
      for (const change of refused) {
        if (change.addedEntry) {
          const index = array.toArray().indexOf(change.addedEntry);
          if (index >= 0) array.delete(index, 1);
        }
        if (change.before !== undefined) array.push([{ key: change.key, val: change.before }]);
      }
    };
  }
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
    // The control room loads alongside; until it has, no sheet reads as locked.
    lockedSteps:
      readControlKey(rooms.room({ boardId: address.boardId, doc: 'control' }).doc, 'lockedSteps') ?? [],
  }));
  return { guard, ready };
}
