import type { CanvasSync } from '../canvas/canvas-sync';
import { UPDATE_REFUSED_FLAG } from '../sync/room-link';
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
      unstorableChanges: snapshot.unstorableChanges,
    });
    if (usePresenceStore.getState().people !== snapshot.people) {
      usePresenceStore.setState({ people: snapshot.people });
    }
  };
  push();
  useConnectionStore.setState({ updateRefused: takeUpdateRefusedFlag() });
  const unsubscribe = sync.subscribe(push);
  return () => {
    unsubscribe();
    useConnectionStore.getState().reset();
    usePresenceStore.getState().reset();
  };
}

/** Whether the last load ended in a refused update (RoomLink's startOver); read once. */
function takeUpdateRefusedFlag(): boolean {
  try {
    const flagged = sessionStorage.getItem(UPDATE_REFUSED_FLAG) !== null;
    sessionStorage.removeItem(UPDATE_REFUSED_FLAG);
    return flagged;
  } catch {
    return false;
  }
}
