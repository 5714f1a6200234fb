/**
 * Counts the local changes made while the connection was not in sync, so the status badge can
 * say honestly how many are waiting. The count resets when the provider reports that it synced
 * with the server again (the exchange of sync messages carries everything the server lacks).
 */
export class PendingChanges {
  private pending = 0;
  private inSync = false;

  get count(): number {
    return this.pending;
  }

  /** A local Yjs update was made. Returns true when the count changed. */
  localUpdate(): boolean {
    if (this.inSync) return false;
    this.pending++;
    return true;
  }

  /** The provider's sync state changed. Returns true when the count changed. */
  syncChanged(synced: boolean): boolean {
    this.inSync = synced;
    if (!synced || this.pending === 0) return false;
    this.pending = 0;
    return true;
  }
}
