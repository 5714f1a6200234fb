import {
  CameraRecordType,
  DocumentRecordType,
  InstancePageStateRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  TLINSTANCE_ID,
  TLPOINTER_ID,
  atom,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  react,
} from 'tldraw';
import type { TLPageId, TLRecord, TLStore, TLUser } from 'tldraw';
import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import type { WebsocketProvider } from 'y-websocket';
import { checkCanvasEntry } from '@empiria/formats';
import { CANVAS_META_MAP, CANVAS_RECORDS_ARRAY, CANVAS_SCHEMA_KEY, type Identity } from '@empiria/shared';
import { afterPaint } from '../sync/after-paint';
import { RoomLink } from '../sync/room-link';
import type { RoomLinkState } from '../sync/room-link';
import type { ConnectionStatus } from '../sync/connection-status';
import { AwarenessPublisher, UNCHANGED } from './awareness-publisher';
import { PendingChanges } from './pending-changes';
import { peopleFromAwareness, peopleKey, presenceChanges } from './presence';
import type { AwarenessChange, Person } from './presence';
import { presenceFrom, presenceWorthSending, trackCursor } from './presence-state';
import type { CursorTrack, PublishedPresence } from './presence-state';
import { RecordPreparer, isNewerSchema, readPersistedSchema } from './record-preparer';
import {
  applyRemotePlan,
  isEmptyDiff,
  planRemoteChanges,
  withoutLocalOnly,
  withoutBrokenParentChains,
  withoutUnstorable,
  writeLocalDiff,
} from './record-sync';
import type { BrokenRecord, KeyValueChange, RemotePlan } from './record-sync';

export interface CanvasSyncOptions {
  boardId: string;
  sessionToken: string;
  identity: Identity;
  /** False for read-only roles: nothing is written to the document and no presence is sent. */
  canWrite: boolean;
  /** `ws(s)://host/ws` */
  wsBase: string;
  /** The name of the first page when this client creates an empty board's first page. */
  defaultPageName: string;
  /**
   * `stream-canvas` for observers: the server's projection of the open parts ([P7]). Never kept
   * on the device: what a closed step showed must not outlive the stream's own copy.
   */
  doc?: 'canvas' | 'stream-canvas';
  /**
   * Records that stay on this device, never sent (a private note until its round is revealed):
   * the feature that makes them knows them, not the sync.
   */
  isLocalOnly?: (record: TLRecord) => boolean;
}

const NOTHING_LOCAL_ONLY = () => false;

export interface CanvasSyncSnapshot {
  ready: boolean;
  status: ConnectionStatus;
  pending: number;
  brokenRecords: number;
  /** The board was written by a newer client: records we cannot read need a reload, not a fix. */
  newerSchema: boolean;
  recordCount: number;
  people: Person[];
  /** A close code the server sent to say reconnecting is pointless (e.g. 4401 revoked). */
  terminalCloseCode: number | null;
  /** Local changes taken back because the server would refuse them (too large, invalid). */
  unstorableChanges: number;
}

/** The origin of this client's own transactions, to tell them from remote ones. */
const LOCAL_ORIGIN = Symbol('empiria-local');
/** Fixed so that two clients creating an empty board's first page at once write the same record. */
const FIRST_PAGE_ID = 'page:page' as TLPageId;
const WAIT_FOR_SERVER_MS = 8000;

/**
 * Binds a tldraw store to the board's `canvas` Yjs document: records in a YKeyValue on
 * `records`, the tldraw schema in `meta.schema`, a websocket provider to the server and an
 * IndexedDB copy so that offline edits survive a reload and are sent on reconnect.
 */
export class CanvasSync {
  readonly doc = new Y.Doc();
  readonly records: YKeyValue<unknown>;
  readonly meta: Y.Map<unknown>;
  readonly store: TLStore;

  private readonly link: RoomLink;
  private readonly preparer: RecordPreparer;
  private readonly pending = new PendingChanges();
  private readonly broken = new Set<string>();
  private readonly disposers: Array<() => void> = [];
  private readonly listeners = new Set<() => void>();
  private publisher: AwarenessPublisher | null = null;
  private destroyed = false;
  private snapshot: CanvasSyncSnapshot;

  constructor(private readonly options: CanvasSyncOptions) {
    this.records = new YKeyValue(this.doc.getArray<{ key: string; val: unknown }>(CANVAS_RECORDS_ARRAY));
    this.meta = this.doc.getMap(CANVAS_META_MAP);
    this.store = createTLStore({
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
      collaboration: {
        status: null,
        mode: atom('collaboration mode', options.canWrite ? 'readwrite' : 'readonly'),
      },
      // No tldraw user: its `user:` record would be written into the shared board on every visit
      // (canvas-record-check.ts, isPersonalRecord). Authors are in the notes' own metadata.
      users: { currentUser: atom<TLUser | null>('no tldraw user', null) },
    });
    this.preparer = new RecordPreparer(this.store);
    this.link = new RoomLink(this.doc, {
      room: { boardId: options.boardId, doc: options.doc ?? 'canvas' },
      sessionToken: options.sessionToken,
      wsBase: options.wsBase,
      // A read-only copy only ever holds what the server sent: keeping it lets a board already
      // seen on this device open at once. The stream's is not kept (see `doc`).
      persist: (options.doc ?? 'canvas') === 'canvas',
    });
    this.snapshot = {
      ready: false,
      status: 'connecting',
      pending: 0,
      brokenRecords: 0,
      newerSchema: false,
      recordCount: 0,
      people: [{ identity: options.identity, isSelf: true }],
      terminalCloseCode: null,
      unstorableChanges: 0,
    };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getSnapshot(): CanvasSyncSnapshot {
    return this.snapshot;
  }

  /**
   * Sets a field of this client's awareness state (a viewport, a place), sent with the next
   * update: at most 15 a second, all changed fields in one. Read-only roles publish nothing.
   */
  setAwarenessField(field: string, value: unknown): void {
    this.publisher?.set(field, value);
  }

  /** Every peer's awareness state, for reading (observers included). */
  awarenessStates(): Map<number, unknown> {
    return (this.link.provider?.awareness.getStates() as Map<number, unknown> | undefined) ?? new Map();
  }

  /** Called on every awareness change in the canvas room; returns the unsubscribe function. */
  onAwarenessChange(listener: () => void): () => void {
    const provider = this.link.provider;
    if (!provider) return () => {};
    provider.awareness.on('change', listener);
    return () => provider.awareness.off('change', listener);
  }

  async start(): Promise<void> {
    const provider = await this.link.open();
    if (this.destroyed || !provider) return;
    // [P4] Read-only roles publish no presence: the room display is not a person, and observers
    // watch the stream, where nobody has presence ([P7]; the group sees them as `watchers`).
    if (!this.options.canWrite) provider.awareness.setLocalState(null);
    this.watchConnection();

    // A board already on this device opens at once; a new one waits for the server's copy.
    if (this.records.map.size === 0) await this.link.whenSynced(WAIT_FOR_SERVER_MS);
    // The badge already says "connected": let it show before the editor takes the main thread
    // for the records (seconds on a board of thousands of notes, #16).
    await afterPaint();
    if (this.destroyed) return;

    this.loadDocumentIntoStore();
    this.listenToRemoteChanges();
    if (this.options.canWrite) {
      this.listenToLocalChanges();
      this.ensureFirstPage();
      const publisher = new AwarenessPublisher(provider.awareness);
      this.publisher = publisher;
      this.disposers.push(() => publisher.stop());
      this.publishPresence(publisher);
    }
    this.listenToAwareness(provider);
    this.update({ ready: true });
  }

  destroy(): void {
    this.destroyed = true;
    for (const dispose of this.disposers.splice(0)) dispose();
    this.link.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private update(patch: Partial<CanvasSyncSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  private persistedSchema() {
    return readPersistedSchema(this.meta.get(CANVAS_SCHEMA_KEY));
  }

  /** Takes back a change the server would refuse, and says so. */
  private undoUnstorable(undo: { remove: TLRecord['id'][]; restore: TLRecord[] }): void {
    queueMicrotask(() => {
      this.store.mergeRemoteChanges(() => {
        if (undo.remove.length > 0) this.store.remove(undo.remove);
        if (undo.restore.length > 0) this.store.put(undo.restore);
      });
      this.update({ unstorableChanges: this.snapshot.unstorableChanges + 1 });
    });
  }

  private reportBroken(broken: BrokenRecord[]): void {
    if (broken.length === 0) return;
    for (const { id, reason } of broken) {
      console.warn(`[empiria] skipped a broken canvas record ${id}: ${reason}`);
      this.broken.add(id);
    }
    this.update({
      brokenRecords: this.broken.size,
      newerSchema: isNewerSchema(this.persistedSchema(), this.store.schema.serialize()),
    });
  }

  private withWholeParentChains(plan: RemotePlan): RemotePlan {
    return withoutBrokenParentChains(plan, (id) => this.store.get(id as TLRecord['id']));
  }

  private loadDocumentIntoStore(): void {
    const schema = this.persistedSchema();
    const changes: Array<[string, KeyValueChange]> = [];
    for (const [key, entry] of this.records.map) changes.push([key, { action: 'add', newValue: entry.val }]);
    const plan = this.withWholeParentChains(
      planRemoteChanges(changes, (raw) => this.preparer.prepare(raw, schema)),
    );
    this.reportBroken(plan.broken);
    this.reportBroken(applyRemotePlan(this.store, plan));
    this.update({ recordCount: this.records.map.size });
  }

  private listenToRemoteChanges(): void {
    const onChange = (changes: Map<string, KeyValueChange>, transaction: Y.Transaction) => {
      this.update({ recordCount: this.records.map.size });
      if (transaction.origin === LOCAL_ORIGIN) return;
      const schema = this.persistedSchema();
      const plan = this.withWholeParentChains(
        planRemoteChanges(changes, (raw) => this.preparer.prepare(raw, schema)),
      );
      // A record that now arrives intact is no longer broken.
      for (const record of plan.put) this.broken.delete(record.id);
      this.reportBroken(plan.broken);
      this.reportBroken(applyRemotePlan(this.store, plan));
    };
    this.records.on('change', onChange);
    this.disposers.push(() => this.records.off('change', onChange));
  }

  private listenToLocalChanges(): void {
    const stop = this.store.listen(
      ({ changes: all }) => {
        const { diff: changes, undo } = withoutUnstorable(
          withoutLocalOnly(all, this.options.isLocalOnly ?? NOTHING_LOCAL_ONLY),
          (record) => checkCanvasEntry({ key: record.id, val: record }).ok,
        );
        if (undo.remove.length > 0 || undo.restore.length > 0) this.undoUnstorable(undo);
        if (isEmptyDiff(changes)) return;
        // `meta.schema` is the server's to write ([D4]): it migrates a stored board on load.
        this.doc.transact(() => writeLocalDiff(this.records, changes), LOCAL_ORIGIN);
        const ids = [
          ...Object.keys(changes.added),
          ...Object.keys(changes.updated),
          ...Object.keys(changes.removed),
        ];
        if (this.pending.localChange(ids)) this.update({ pending: this.pending.count });
      },
      { source: 'user', scope: 'document' },
    );
    this.disposers.push(stop);
  }

  private ensureFirstPage(): void {
    const hasPage = this.store.query.records('page').get().length > 0;
    const hasDocument = this.store.has(TLDOCUMENT_ID);
    if (hasPage && hasDocument) return;
    // As a user change, so the listener writes it to the document for everyone.
    this.store.put([
      ...(hasDocument ? [] : [DocumentRecordType.create({ id: TLDOCUMENT_ID })]),
      ...(hasPage
        ? []
        : [
            PageRecordType.create({
              id: FIRST_PAGE_ID,
              name: this.options.defaultPageName,
              index: 'a1' as never,
            }),
          ]),
    ] as TLRecord[]);
  }

  private watchConnection(): void {
    const refresh = (state: RoomLinkState) => {
      const patch: Partial<CanvasSyncSnapshot> = {};
      if (this.pending.syncChanged(state.synced)) patch.pending = this.pending.count;
      if (state.status !== this.snapshot.status) patch.status = state.status;
      if (state.terminalCloseCode !== this.snapshot.terminalCloseCode) {
        patch.terminalCloseCode = state.terminalCloseCode;
      }
      if (Object.keys(patch).length > 0) this.update(patch);
    };
    refresh(this.link.getState());
    this.disposers.push(this.link.subscribe(refresh));
  }

  /**
   * tldraw's presence (cursor, selection, brush) in awareness, through the publisher: woken by the
   * records a peer sees — never by the camera, which is read only to tell a moved pointer from a
   * moved camera (presence-state.ts) — and read when the update goes out, at most 15 a second.
   */
  private publishPresence(publisher: AwarenessPublisher): void {
    const store = this.store;
    let cursor: CursorTrack | null = null;
    let sent: PublishedPresence | null = null;
    const read = () => {
      const instance = store.get(TLINSTANCE_ID);
      if (!instance) return UNCHANGED;
      const pageState = store.get(InstancePageStateRecordType.createId(instance.currentPageId));
      const camera = store.get(CameraRecordType.createId(instance.currentPageId));
      const pointer = store.get(TLPOINTER_ID);
      if (!pageState || !camera || !pointer) return UNCHANGED;
      cursor = trackCursor(cursor, pointer, camera);
      const next = presenceFrom(instance, pageState, pointer, cursor);
      if (!presenceWorthSending(sent, next)) return UNCHANGED;
      sent = next;
      return next;
    };
    const stop = react('empiria presence inputs', () => {
      const instance = store.get(TLINSTANCE_ID);
      if (instance) store.get(InstancePageStateRecordType.createId(instance.currentPageId));
      store.get(TLPOINTER_ID);
      publisher.setLazily('presence', read);
    });
    this.disposers.push(stop);
  }

  private listenToAwareness(provider: WebsocketProvider): void {
    const awareness = provider.awareness;
    let lastPeople = peopleKey(this.snapshot.people);
    const onChange = (change: AwarenessChange) => {
      const states = awareness.getStates() as Map<number, unknown>;
      const { put, remove } = presenceChanges(states, change, awareness.clientID);
      const present = remove.filter((id) => this.store.has(id));
      if (put.length || present.length) {
        this.store.mergeRemoteChanges(() => {
          if (present.length) this.store.remove(present);
          if (put.length) this.store.put(put);
        });
      }
      const people = peopleFromAwareness(states, awareness.clientID, this.options.identity);
      const key = peopleKey(people);
      if (key !== lastPeople) {
        lastPeople = key;
        this.update({ people });
      }
    };
    awareness.on('change', onChange);
    this.disposers.push(() => awareness.off('change', onChange));
    // States that arrived before this listener (the server's greeting) count as just added.
    onChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] });
  }
}
