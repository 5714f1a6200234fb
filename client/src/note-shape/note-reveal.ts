/**
 * Which notes have been on screen. A note the camera has not yet shown is not mounted: on a board
 * of thousands of notes, most are outside the view when it opens, and tldraw would otherwise
 * render every one of them (and hide the culled ones). Once a note has been on screen it stays
 * mounted, as tldraw keeps it: panning back costs nothing.
 *
 * Plain TypeScript over two functions from the editor, so that it can be tested without one:
 * `isCulled` answers for one note now, `watchCulled` calls back with the set of culled shapes
 * whenever it changes (a tldraw reactor) and returns its stop function.
 */
export interface NoteRevealSource<Id extends string> {
  isCulled(id: Id): boolean;
  watchCulled(onChange: (culled: ReadonlySet<Id>) => void): () => void;
}

export class NoteReveal<Id extends string> {
  private readonly shown = new Set<Id>();
  /** Notes mounted as placeholders, with the function that re-renders each. */
  private readonly waiting = new Map<Id, () => void>();
  private stopWatching: (() => void) | null = null;

  constructor(private readonly source: NoteRevealSource<Id>) {}

  /** Whether the note has been on screen (checked now, and remembered once true). */
  isShown(id: Id): boolean {
    if (this.shown.has(id)) return true;
    if (this.source.isCulled(id)) return false;
    this.shown.add(id);
    return true;
  }

  /**
   * Calls `listener` once, when the note first comes on screen. One listener per note (its one
   * mounted element); returns the unsubscribe function.
   */
  subscribe(id: Id, listener: () => void): () => void {
    if (this.shown.has(id)) return () => {};
    this.waiting.set(id, listener);
    const unsubscribe = () => {
      if (this.waiting.get(id) === listener) this.waiting.delete(id);
    };
    if (this.stopWatching === null) {
      // One reactor for all waiting notes, not one per note: 5,000 notes, one subscription. Its
      // first run reveals whatever is on screen already.
      this.stopWatching = this.source.watchCulled((culled) => this.reveal(culled));
    } else if (!this.source.isCulled(id)) {
      // On screen since the note was rendered: the reactor runs only when the culled set changes
      // again, which, with a camera at rest, may be never.
      this.shown.add(id);
      this.waiting.delete(id);
      listener();
    }
    return unsubscribe;
  }

  /** How many notes wait as placeholders (for tests and the benchmark). */
  get waitingCount(): number {
    return this.waiting.size;
  }

  /** Stops watching the camera (the editor is going). */
  dispose(): void {
    this.stopWatching?.();
    this.stopWatching = null;
    this.waiting.clear();
  }

  private reveal(culled: ReadonlySet<Id>): void {
    const now: Array<() => void> = [];
    for (const [id, listener] of this.waiting) {
      if (culled.has(id)) continue;
      this.shown.add(id);
      this.waiting.delete(id);
      now.push(listener);
    }
    for (const listener of now) listener();
  }
}
