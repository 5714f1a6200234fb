import type { Awareness } from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import { DocumentSync, type DocumentSyncOptions } from '../sync/document-sync';
import type { RoomLinkState } from '../sync/room-link';
import type { ConnectionStatus } from '../sync/connection-status';
import { readSummaryContent, type SummaryContent } from './summary-doc';

export type SummarySyncOptions = DocumentSyncOptions;

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
export class SummarySync extends DocumentSync<SummarySnapshot> {
  constructor(options: SummarySyncOptions) {
    super(options, 'summary', (doc) => ({
      synced: false,
      status: 'connecting',
      content: readSummaryContent(doc),
    }));
  }

  /** The websocket provider, once open (its awareness carries the editors' carets). */
  get provider(): WebsocketProvider | null {
    return this.link.provider;
  }

  protected read(): Partial<SummarySnapshot> {
    return { content: readSummaryContent(this.doc) };
  }

  protected fromLink(state: RoomLinkState, previous: SummarySnapshot): Partial<SummarySnapshot> {
    return { synced: previous.synced || state.everSynced, status: state.status };
  }

  protected onOpen(awareness: Awareness): void {
    // Only the pair's carets are shown; everyone else publishes nothing here.
    if (!this.options.canWrite) awareness.setLocalState(null);
  }
}
