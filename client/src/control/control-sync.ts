import type { Awareness } from 'y-protocols/awareness';
import { moveToStep, readControlState } from '@empiria/shared';
import type { ControlState, ControlStep } from '@empiria/shared';
import { DocumentSync, type DocumentSyncOptions } from '../sync/document-sync';
import type { RoomLinkState } from '../sync/room-link';

export type ControlSyncOptions = DocumentSyncOptions & {
  /** `stream-control` for observers: what the server lets them see of the meeting's state ([P7]). */
  doc?: 'control' | 'stream-control';
};

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
export class ControlSync extends DocumentSync<ControlSnapshot> {
  constructor(options: ControlSyncOptions) {
    super(options, options.doc ?? 'control', (doc) => ({ synced: false, state: readControlState(doc) }));
  }

  protected read(): Partial<ControlSnapshot> {
    return { state: readControlState(this.doc) };
  }

  protected fromLink(state: RoomLinkState, previous: ControlSnapshot): Partial<ControlSnapshot> {
    return { synced: previous.synced || state.everSynced };
  }

  protected onOpen(awareness: Awareness): void {
    // The control room carries no presence of ours: the canvas room already does.
    awareness.setLocalState(null);
  }

  /** Moves the group to a step. Refused (returns false) for roles that may not write control. */
  moveToStep(step: Omit<ControlStep, 'startedAt'>): boolean {
    if (!this.options.canWrite || this.destroyed) return false;
    moveToStep(this.doc, { ...step, startedAt: Date.now() });
    return true;
  }
}
