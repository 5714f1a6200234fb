import type { CanvasSync } from '../canvas/canvas-sync';
import { useConnectionStore } from './connection-store';
import { usePresenceStore } from './presence-store';

/** Mirrors the sync's snapshot into the zustand stores the board's components read. */
export function bindSyncToStores(sync: CanvasSync): () => void {
  const push = () => {
    const snapshot = sync.getSnapshot();
    useConnectionStore.setState({
      ready: snapshot.ready,
      status: snapshot.status,
      pending: snapshot.pending,
      brokenRecords: snapshot.brokenRecords,
      newerSchema: snapshot.newerSchema,
      recordCount: snapshot.recordCount,
      terminalCloseCode: snapshot.terminalCloseCode,
    });
    if (usePresenceStore.getState().people !== snapshot.people) {
      usePresenceStore.setState({ people: snapshot.people });
    }
  };
  push();
  const unsubscribe = sync.subscribe(push);
  return () => {
    unsubscribe();
    useConnectionStore.getState().reset();
    usePresenceStore.getState().reset();
  };
}
