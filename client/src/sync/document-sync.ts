import * as Y from 'yjs';
import { isStreamDoc, type DocKind } from '@empiria/shared';
import { RoomLink, type RoomLinkState } from './room-link';

export interface DocumentSyncOptions {
  boardId: string;
  sessionToken: string;
  /** `ws(s)://host/ws` */
  wsBase: string;
  /** Whether this person may write the document (`canWriteDoc`). */
  canWrite: boolean;
}

/**
 * One board document kept in sync, with an immutable snapshot for React (`useSyncExternalStore`)
 * that changes whenever the document or the connection does. Roles that may not write keep no
 * local copy: a write the server refused must not survive a reload. Subclasses say what the
 * snapshot holds (`read`) and what they publish in awareness (`onOpen`).
 */
export abstract class DocumentSync<TSnapshot extends object> {
  readonly doc = new Y.Doc();
  protected readonly link: RoomLink;
  protected destroyed = false;
  readonly #listeners = new Set<() => void>();
  readonly #disposers: Array<() => void> = [];
  #snapshot: TSnapshot;

  protected constructor(
    protected readonly options: DocumentSyncOptions,
    doc: DocKind,
    initial: (doc: Y.Doc) => TSnapshot,
  ) {
    this.link = new RoomLink(this.doc, {
      room: { boardId: options.boardId, doc },
      sessionToken: options.sessionToken,
      wsBase: options.wsBase,
      persist: options.canWrite && !isStreamDoc(doc),
    });
    this.#snapshot = initial(this.doc);
  }

  get canWrite(): boolean {
    return this.options.canWrite;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  getSnapshot(): TSnapshot {
    return this.#snapshot;
  }

  /** What the document says now, as the snapshot's part that comes from the document. */
  protected abstract read(): Partial<TSnapshot>;

  /** The connection's part of the snapshot. */
  protected abstract fromLink(state: RoomLinkState, previous: TSnapshot): Partial<TSnapshot>;

  /** Once the websocket is open: set (or clear) this person's presence in the room. */
  protected abstract onOpen(awareness: NonNullable<RoomLink['provider']>['awareness']): void;

  async start(): Promise<void> {
    const onUpdate = () => this.update(this.read());
    this.doc.on('update', onUpdate);
    this.#disposers.push(() => this.doc.off('update', onUpdate));
    this.#disposers.push(this.link.subscribe((state) => this.update(this.fromLink(state, this.#snapshot))));
    const provider = await this.link.open();
    if (this.destroyed || !provider) return;
    this.onOpen(provider.awareness);
    this.update({ ...this.read(), ...this.fromLink(this.link.getState(), this.#snapshot) });
  }

  destroy(): void {
    this.destroyed = true;
    for (const dispose of this.#disposers.splice(0)) dispose();
    this.link.destroy();
    this.doc.destroy();
    this.#listeners.clear();
  }

  protected update(patch: Partial<TSnapshot>): void {
    const current = this.#snapshot as Record<string, unknown>;
    if (Object.entries(patch).every(([key, value]) => current[key] === value)) return;
    this.#snapshot = { ...this.#snapshot, ...patch };
    for (const listener of this.#listeners) listener();
  }
}
