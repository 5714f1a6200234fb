import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { RoomLink } from '../sync/room-link';
import type { ConnectionStatus } from '../canvas/connection-status';
import { readSummaryContent, type SummaryContent } from './summary-doc';

export interface SummarySyncOptions {
  boardId: string;
  sessionToken: string;
  /** `ws(s)://host/ws` */
  wsBase: string;
  /** `canWriteDoc(role, 'summary')`: the facilitator/expert pair ([P3]). */
  canWrite: boolean;
}

export interface SummarySnapshot {
  /** The server's copy arrived at least once. */
  synced: boolean;
  status: ConnectionStatus;
  content: SummaryContent;
}

/**
 * The board's `summary` document (the meeting notes): its text, record, comments and approval
 * round, read by everyone joined and written only by the pair. Others never write it and keep
 * no local copy (a refused write must not survive a reload); the pair keeps one, so text typed
 * offline is not lost.
 */
export class SummarySync {
  readonly doc = new Y.Doc();
  private readonly link: RoomLink;
  private readonly listeners = new Set<() => void>();
  private readonly disposers: Array<() => void> = [];
  private destroyed = false;
  private snapshot: SummarySnapshot;

  constructor(private readonly options: SummarySyncOptions) {
    this.link = new RoomLink(this.doc, {
      boardId: options.boardId,
      doc: 'summary',
      sessionToken: options.sessionToken,
      wsBase: options.wsBase,
      persist: options.canWrite,
    });
    this.snapshot = { synced: false, status: 'connecting', content: readSummaryContent(this.doc) };
  }

  get canWrite(): boolean {
    return this.options.canWrite;
  }

  /** The websocket provider, once open (its awareness carries the editors' carets). */
  get provider(): WebsocketProvider | null {
    return this.link.provider;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getSnapshot(): SummarySnapshot {
    return this.snapshot;
  }

  async start(): Promise<void> {
    const onUpdate = () => this.update({ content: readSummaryContent(this.doc) });
    this.doc.on('update', onUpdate);
    this.disposers.push(() => this.doc.off('update', onUpdate));
    this.disposers.push(
      this.link.subscribe((state) => {
        this.update({ synced: this.snapshot.synced || state.everSynced, status: state.status });
      }),
    );
    const provider = await this.link.open();
    if (this.destroyed || !provider) return;
    // Only the pair's carets are shown; everyone else publishes nothing here.
    if (!this.options.canWrite) provider.awareness.setLocalState(null);
    this.update({ status: this.link.getState().status });
  }

  destroy(): void {
    this.destroyed = true;
    for (const dispose of this.disposers.splice(0)) dispose();
    this.link.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private update(patch: Partial<SummarySnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
