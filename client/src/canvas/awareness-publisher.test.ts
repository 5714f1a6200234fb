import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { AWARENESS_INTERVAL_MS, AwarenessPublisher, UNCHANGED } from './awareness-publisher';
import type { Timers } from './throttle';

const fakeTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

let awareness: Awareness;
/** Every awareness update this client would send (y-websocket sends one frame per 'update'). */
let updates: Array<Record<string, unknown>>;

beforeEach(() => {
  vi.useFakeTimers({ now: 5_000_000 });
  awareness = new Awareness(new Y.Doc());
  awareness.setLocalState({ user: { id: 'u1' } });
  updates = [];
  awareness.on('update', () => updates.push({ ...awareness.getLocalState() }));
});
afterEach(() => {
  awareness.destroy();
  vi.useRealTimers();
});

describe('AwarenessPublisher', () => {
  it('sends all fields written since the last update in one update', () => {
    const publisher = new AwarenessPublisher(awareness, fakeTimers);
    publisher.set('viewport', { x: 1, y: 2, w: 3, h: 4 });
    publisher.set('place', 'room');
    publisher.setLazily('presence', () => ({ cursor: { x: 5, y: 6 } }));
    expect(updates).toHaveLength(0);
    vi.advanceTimersByTime(0);
    expect(updates).toEqual([
      {
        user: { id: 'u1' },
        viewport: { x: 1, y: 2, w: 3, h: 4 },
        place: 'room',
        presence: { cursor: { x: 5, y: 6 } },
      },
    ]);
    publisher.stop();
  });

  it('sends at most 15 updates a second under writes every frame', () => {
    const publisher = new AwarenessPublisher(awareness, fakeTimers);
    for (let frame = 0; frame < 60; frame++) {
      publisher.setLazily('presence', () => ({ cursor: { x: frame, y: 0 } }));
      vi.advanceTimersByTime(1000 / 60);
    }
    vi.advanceTimersByTime(AWARENESS_INTERVAL_MS);
    expect(updates.length).toBeLessThanOrEqual(16);
    expect(updates.length).toBeGreaterThanOrEqual(12);
    // The last cursor was sent.
    expect(updates.at(-1)!.presence).toEqual({ cursor: { x: 59, y: 0 } });
    publisher.stop();
  });

  it('sends nothing when every field is unchanged', () => {
    const publisher = new AwarenessPublisher(awareness, fakeTimers);
    publisher.set('place', 'room');
    vi.advanceTimersByTime(AWARENESS_INTERVAL_MS);
    expect(updates).toHaveLength(1);
    publisher.set('place', 'room');
    publisher.setLazily('presence', () => UNCHANGED);
    vi.advanceTimersByTime(AWARENESS_INTERVAL_MS * 3);
    expect(updates).toHaveLength(1);
    publisher.stop();
  });

  it('writes nothing while the local state is null (a read-only role), nor once stopped', () => {
    const publisher = new AwarenessPublisher(awareness, fakeTimers);
    awareness.setLocalState(null);
    updates.length = 0;
    publisher.set('place', 'room');
    vi.advanceTimersByTime(AWARENESS_INTERVAL_MS);
    expect(updates).toHaveLength(0);
    expect(awareness.getLocalState()).toBeNull();
    awareness.setLocalState({ user: { id: 'u1' } });
    updates.length = 0;
    publisher.set('place', 'online');
    publisher.stop();
    vi.advanceTimersByTime(AWARENESS_INTERVAL_MS);
    expect(updates).toHaveLength(0);
  });
});
