import type * as Y from 'yjs';
import { layoutFormat, streamedControl, streamedRecords, type SheetLayout } from '@empiria/formats';
import {
  CANVAS_META_MAP,
  CANVAS_RECORDS_ARRAY,
  controlMap,
  openStepIds,
  readControlKey,
  type BoardInfo,
  type BoardRoomAddress,
} from '@empiria/shared';
import type { RecordEntry } from '../canvas/canvas-records';
import type { Logger } from '../log';
import type { DocumentRules } from '../sync/document-rules';
import type { Room } from '../sync/room';
import type { RoomRegistry } from '../sync/room-registry';
import { formatOfBoard } from '../boards/board-format';

/** Changes on the board are gathered for this long before the stream is brought up to date. */
const STREAM_DELAY_MS = 100;

/**
 * The observers' stream of one board ([P7], docs/observers.md): a `stream-canvas` or
 * `stream-control` room whose document only the server writes — the projection of the board's
 * canvas or control document onto the open steps (formats/src/stream). While the stream room is
 * in memory it keeps its sources loaded and follows their changes; its projection is brought up
 * to date during its own load, before anyone is greeted, so a stored stream that is out of date
 * (a step closed since) never reaches a browser.
 */
export class StreamDocumentRules implements DocumentRules {
  readonly #address: BoardRoomAddress;
  readonly #rooms: RoomRegistry;
  readonly #boardOf: (boardId: string) => Promise<BoardInfo | null>;
  /**
   * The board as last read: the projection runs synchronously (inside the room's load and its
   * transactions), so the board is read before — in `prepare`, and again before each projection.
   */
  #board: BoardInfo | null = null;
  readonly #log: Logger;
  readonly #releases: (() => void)[] = [];
  #watched = new Map<Room, () => void>();
  #timer: NodeJS.Timeout | null = null;
  #disposed = false;
  #layout: {
    key: string;
    layout: SheetLayout | null;
    steps: { id: string; observers?: 'open' | 'closed' }[];
  } | null = null;

  constructor(deps: {
    address: BoardRoomAddress;
    rooms: RoomRegistry;
    boardOf: (boardId: string) => Promise<BoardInfo | null>;
    log: Logger;
  }) {
    this.#address = deps.address;
    this.#rooms = deps.rooms;
    this.#boardOf = deps.boardOf;
    this.#log = deps.log.child({ stream: `${deps.address.boardId}/${deps.address.doc}` });
  }

  refusal(): string {
    return 'the stream is written by the server only';
  }

  /** Keeps the canvas and the control document in memory while the stream is, and waits for them. */
  async prepare(): Promise<void> {
    const sources = this.#sourceAddresses();
    for (const source of sources) this.#releases.push(this.#rooms.hold(source));
    await Promise.all([...sources.map((source) => this.#rooms.room(source).loaded), this.#readBoard()]);
  }

  async #readBoard(): Promise<void> {
    this.#board = await this.#boardOf(this.#address.boardId);
  }

  /** Runs inside the stream room's load: the stored stream is brought up to date at once. */
  repair(doc: Y.Doc): void {
    this.#project(doc);
    this.#watchSources();
  }

  dispose(): void {
    this.#disposed = true;
    if (this.#timer) clearTimeout(this.#timer);
    for (const unwatch of this.#watched.values()) unwatch();
    this.#watched.clear();
    for (const release of this.#releases.splice(0)) release();
  }

  #sourceAddresses(): BoardRoomAddress[] {
    const { boardId } = this.#address;
    // The canvas's projection needs the control document too: it says which steps are open.
    return this.#address.doc === 'stream-canvas'
      ? [
          { boardId, doc: 'canvas' },
          { boardId, doc: 'control' },
        ]
      : [{ boardId, doc: 'control' }];
  }

  /** Follows the sources' documents; a source reloaded after a storage failure is a new room. */
  #watchSources(): void {
    const current = new Set(this.#sourceAddresses().map((address) => this.#rooms.room(address)));
    for (const [room, unwatch] of this.#watched) {
      if (!current.has(room)) {
        unwatch();
        this.#watched.delete(room);
      }
    }
    for (const room of current) {
      if (this.#watched.has(room)) continue;
      const onUpdate = () => this.#schedule();
      room.doc.on('update', onUpdate);
      this.#watched.set(room, () => room.doc.off('update', onUpdate));
    }
  }

  #schedule(): void {
    if (this.#timer || this.#disposed) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.#disposed) return;
      this.#watchSources();
      void this.#readBoard()
        .then(() =>
          this.#disposed ? undefined : this.#rooms.room(this.#address).transact((doc) => this.#project(doc)),
        )
        .catch((err: unknown) => this.#log.error('could not bring the stream up to date', { err }));
    }, STREAM_DELAY_MS);
    this.#timer.unref();
  }

  #format(): { layout: SheetLayout | null; steps: { id: string; observers?: 'open' | 'closed' }[] } {
    const board = this.#board;
    const key = JSON.stringify([board?.format ?? null, board?.formatVersion ?? null, board?.agenda ?? null]);
    if (this.#layout?.key !== key) {
      const format = board ? formatOfBoard(board) : null;
      this.#layout = {
        key,
        layout: format && format.steps.length > 0 ? layoutFormat(format) : null,
        steps: format?.steps ?? [],
      };
    }
    return this.#layout;
  }

  #project(doc: Y.Doc): void {
    const { boardId } = this.#address;
    const control = this.#rooms.room({ boardId, doc: 'control' }).doc;
    const access = readControlKey(control, 'observerAccess') ?? {};
    const { layout, steps } = this.#format();
    const open = openStepIds(steps, access);
    if (this.#address.doc === 'stream-control') {
      const source = new Map(controlMap(control).entries());
      writeMap(controlMap(doc), streamedControl(source, open, access));
      return;
    }
    const canvas = this.#rooms.room({ boardId, doc: 'canvas' }).doc;
    const records = new Map<string, unknown>();
    for (const entry of canvas.getArray<RecordEntry>(CANVAS_RECORDS_ARRAY).toArray())
      records.set(entry.key, entry.val);
    writeRecords(doc, streamedRecords(records, layout, open));
    writeMap(doc.getMap(CANVAS_META_MAP), new Map(canvas.getMap(CANVAS_META_MAP).entries()));
  }
}

/**
 * Values found equal, by identity: a value in a Yjs document is never changed in place, so two
 * found equal once stay equal, and the next refresh of the stream skips comparing them (a board of
 * 5,000 records is otherwise serialised twice over at every refresh).
 */
const foundEqual = new WeakMap<object, object>();

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const objects = typeof a === 'object' && a !== null && typeof b === 'object' && b !== null;
  if (objects && foundEqual.get(a) === b) return true;
  const equal = JSON.stringify(a) === JSON.stringify(b);
  if (equal && objects) foundEqual.set(a, b);
  return equal;
}

/** Makes `map` hold exactly `target`, touching only what differs. */
function writeMap(map: Y.Map<unknown>, target: ReadonlyMap<string, unknown>): void {
  for (const key of [...map.keys()]) if (!target.has(key)) map.delete(key);
  for (const [key, value] of target) if (!map.has(key) || !same(map.get(key), value)) map.set(key, value);
}

/** Makes the stream's records (YKeyValue's storage format) exactly `target`, touching only what differs. */
function writeRecords(doc: Y.Doc, target: ReadonlyMap<string, unknown>): void {
  const array = doc.getArray<RecordEntry>(CANVAS_RECORDS_ARRAY);
  const entries = array.toArray();
  const kept = new Set<string>();
  const doomed: number[] = [];
  // The last entry of a key is the one that counts; earlier ones (none, as the server writes) go.
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i] as RecordEntry;
    const wanted = target.get(entry.key);
    if (kept.has(entry.key) || wanted === undefined || !same(entry.val, wanted)) doomed.push(i);
    else kept.add(entry.key);
  }
  // Highest index first, so the ones still to delete keep their places.
  for (const index of doomed) array.delete(index, 1);
  const fresh: RecordEntry[] = [];
  for (const [key, val] of target) if (!kept.has(key)) fresh.push({ key, val });
  if (fresh.length > 0) array.push(fresh);
}
