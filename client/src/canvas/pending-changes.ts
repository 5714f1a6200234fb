/**
 * Counts the records (sticky notes, arrows, bindings…) changed locally since the last confirmed
 * sync, so the status badge can say honestly how many changes wait to be sent. A record counts
 * once however many edits it took: a note typed offline is one change, not one per keystroke.
 * The count resets when the provider reports that it synced with the server again (the exchange
 * of sync messages carries everything the server lacks).
 */
export class PendingChanges {
  private readonly changed = new Set<string>();
  private inSync = false;

  get count(): number {
    return this.changed.size;
  }

  /** Records were changed locally. Returns true when the count changed. */
  localChange(ids: Iterable<string>): boolean {
    if (this.inSync) return false;
    const before = this.changed.size;
    for (const id of ids) if (countsAsChange(id)) this.changed.add(id);
    return this.changed.size !== before;
  }

  /** The provider's sync state changed. Returns true when the count changed. */
  syncChanged(synced: boolean): boolean {
    this.inSync = synced;
    if (!synced || this.changed.size === 0) return false;
    this.changed.clear();
    return true;
  }
}

/**
 * What people make on the board: shapes and the bindings between them. The document and page
 * records a client writes by itself, e.g. an empty board's first page, are not their changes.
 */
export function countsAsChange(id: string): boolean {
  return id.startsWith('shape:') || id.startsWith('binding:');
}
