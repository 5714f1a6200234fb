import * as Y from 'yjs';
import { controlMap, moveToStep, readControlState } from '@empiria/shared';
import type { ControlState, ControlStep } from '@empiria/shared';
import { RoomLink } from '../sync/room-link';

export interface ControlSyncOptions {
  boardId: string;
  sessionToken: string;
  /** `ws(s)://host/ws` */
  wsBase: string;
  /** `canWriteDoc(role, 'control')`: only the facilitator/expert pair ([P2]). */
  canWrite: boolean;
}

export interface ControlSnapshot {
  /** The server's copy arrived at least once (until then the state may be empty or stale). */
  synced: boolean;
  state: ControlState;
}

/**
 * The board's `control` document: the format and the current step, read by everyone and written
 * only by the facilitator/expert pair. A write from anyone else would be dropped by the server
 * but would still show on this screen, so for other roles this class never writes, and keeps no
 * local copy that a stray write could survive in.
 */
export class ControlSync {
  readonly doc = new Y.Doc();
  private readonly link: RoomLink;
  private readonly listeners = new Set<() => void>();
  private readonly disposers: Array<() => void> = [];
  private destroyed = false;
  private snapshot: ControlSnapshot;

  constructor(private readonly options: ControlSyncOptions) {
    this.link = new RoomLink(this.doc, {
      boardId: options.boardId,
      doc: 'control',
      sessionToken: options.sessionToken,
      wsBase: options.wsBase,
      persist: options.canWrite,
    });
    this.snapshot = { synced: false, state: readControlState(this.doc) };
  }

  get canWrite(): boolean {
    return this.options.canWrite;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getSnapshot(): ControlSnapshot {
    return this.snapshot;
  }

  async start(): Promise<void> {
    const onChange = () => this.update({ state: readControlState(this.doc) });
    const map = controlMap(this.doc);
    map.observe(onChange);
    this.disposers.push(() => map.unobserve(onChange));
    this.disposers.push(
      this.link.subscribe((state) => {
        if (state.everSynced && !this.snapshot.synced) this.update({ synced: true });
      }),
    );
    const provider = await this.link.open();
    if (this.destroyed || !provider) return;
    // The control room carries no presence of ours: the canvas room already does.
    provider.awareness.setLocalState(null);
    onChange();
  }

  /** Moves the group to a step. Refused (returns false) for roles that may not write control. */
  moveToStep(step: Omit<ControlStep, 'startedAt'>): boolean {
    if (!this.options.canWrite || this.destroyed) return false;
    moveToStep(this.doc, { ...step, startedAt: Date.now() });
    return true;
  }

  destroy(): void {
    this.destroyed = true;
    for (const dispose of this.disposers.splice(0)) dispose();
    this.link.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private update(patch: Partial<ControlSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
