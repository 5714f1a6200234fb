import type { Awareness } from 'y-protocols/awareness';
import { Throttle, browserTimers } from './throttle';
import type { Timers } from './throttle';

/** At most 15 awareness updates a second: a cursor stays smooth, a room of 200 stays quiet. */
export const AWARENESS_INTERVAL_MS = 1000 / 15;

/** What a field's reader returns to leave the field as it is (nothing worth sending changed). */
export const UNCHANGED: unique symbol = Symbol('unchanged');
export type FieldReader = () => unknown;

/**
 * This tab's writes into its awareness state in the canvas room, merged: every field changed
 * since the last update goes out in one update, at most `AWARENESS_INTERVAL_MS` apart. y-websocket
 * sends a frame for every `setLocalState`, even an unchanged one, and the server drops (then
 * closes) a connection over its presence rate ([A2], 30/s): fields written each frame by
 * separate features cost one frame each. A field may be read lazily, when the update goes out
 * (the presence reads tldraw's records once they have settled, and says UNCHANGED when nothing a
 * peer would see changed). Nothing is written while the local state is null (read-only roles,
 * after the provider went).
 */
export class AwarenessPublisher {
  private readonly pending = new Map<string, FieldReader>();
  private readonly throttle: Throttle;

  constructor(
    private readonly awareness: Awareness,
    timers: Timers = browserTimers,
    intervalMs: number = AWARENESS_INTERVAL_MS,
  ) {
    this.throttle = new Throttle(() => this.flush(), intervalMs, timers);
  }

  /** Sets `field` to `value` with the next update (no update when it already holds it). */
  set(field: string, value: unknown): void {
    this.pending.set(field, () =>
      Object.is(this.awareness.getLocalState()?.[field], value) ? UNCHANGED : value,
    );
    this.throttle.request();
  }

  /** `field` may have changed: `read` gives its value (or UNCHANGED) when the update goes out. */
  setLazily(field: string, read: FieldReader): void {
    this.pending.set(field, read);
    this.throttle.request();
  }

  stop(): void {
    this.throttle.stop();
    this.pending.clear();
  }

  private flush(): void {
    const local = this.awareness.getLocalState();
    const readers = [...this.pending];
    this.pending.clear();
    if (local === null) return;
    const changes: Record<string, unknown> = {};
    let changed = false;
    for (const [field, read] of readers) {
      const value = read();
      if (value === UNCHANGED) continue;
      changes[field] = value;
      changed = true;
    }
    if (changed) this.awareness.setLocalState({ ...local, ...changes });
  }
}
