import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '@empiria/shared';
import { encodeAwarenessFrame } from './frames';
import { RoomOutbox, sendIntervalFor, type EmittedUpdate } from './room-outbox';
import type { RoomMember } from './room-member';

/** A member that records each write to its socket (one sendAll is one write). */
function member(id: string): RoomMember & { writes: Uint8Array[][]; lists: (readonly Uint8Array[])[] } {
  const writes: Uint8Array[][] = [];
  /** The lists handed over, as objects: the socket frames a list once for everyone handed it. */
  const lists: (readonly Uint8Array[])[] = [];
  return {
    id,
    role: 'participant',
    personId: `person-${id}`,
    writes,
    lists,
    send: (frame) => writes.push([frame]),
    sendAll: (frames) => {
      lists.push(frames);
      writes.push([...frames]);
    },
  };
}

/** A change as a client makes it: one map key in a document of its own. */
function change(key: string, value: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

/** What a sync-update frame holds, applied to a fresh document. */
function keysOf(frames: Uint8Array[]): Record<string, unknown> {
  const doc = new Y.Doc();
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MessageType.sync) continue;
    expect(decoding.readVarUint(decoder)).toBe(SyncMessageType.update);
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
  }
  return doc.getMap('m').toJSON();
}

/** Every send here must succeed. */
const fail = (err: unknown) => {
  throw err;
};

const AWARENESS = (ids: number[]) => encodeAwarenessFrame(Uint8Array.from(ids));

describe('the room outbox [S9]', () => {
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'],
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the changes of one tick as one frame, the same list to every member, in one write each', async () => {
    const [a, b, c] = [member('a'), member('b'), member('c')];
    const outbox = new RoomOutbox(
      new Set([a, b, c]),
      { intervalMs: 50, maxIntervalMs: 50, burst: 1 },
      () => null,
      fail,
    );
    const server = Symbol('server');
    outbox.queueUpdates([{ update: change('k1', 'one'), origin: server }]);
    outbox.queueUpdates([{ update: change('k2', 'two'), origin: server }]);
    outbox.queueUpdates([{ update: change('k3', 'three'), origin: server }]);
    expect(a.writes).toHaveLength(0);

    const sent = outbox.sent();
    await vi.advanceTimersToNextTimerAsync();
    await sent;
    for (const m of [a, b, c]) {
      expect(m.writes).toHaveLength(1);
      expect(m.writes[0]).toHaveLength(1);
    }
    // Encoded once: every member is handed the very same list of the very same frames.
    expect(b.lists[0]).toBe(a.lists[0]);
    expect(c.lists[0]).toBe(a.lists[0]);
    expect(keysOf(a.writes[0] ?? [])).toEqual({ k1: 'one', k2: 'two', k3: 'three' });
  });

  it('gives a member back nothing of its own, and a correction together with the rest of its task', async () => {
    const [a, b, c] = [member('a'), member('b'), member('c')];
    const outbox = new RoomOutbox(
      new Set([a, b, c]),
      { intervalMs: 50, maxIntervalMs: 50, burst: 1 },
      () => null,
      fail,
    );
    const room = Symbol('room');
    const tasks: EmittedUpdate[][] = [
      // a's update and the room's correction of it: one task.
      [
        { update: change('a', 'from a'), origin: a },
        { update: change('fix', 'correction'), origin: room },
      ],
      [{ update: change('b', 'from b'), origin: b }],
    ];
    for (const task of tasks) outbox.queueUpdates(task);
    await vi.advanceTimersToNextTimerAsync();

    expect(keysOf(c.writes[0] ?? [])).toEqual({ a: 'from a', fix: 'correction', b: 'from b' });
    expect(c.writes[0]).toHaveLength(1);
    // a gets the correction of its own task and b's task, not its own update; in one write.
    expect(a.writes).toHaveLength(1);
    expect(keysOf(a.writes[0] ?? [])).toEqual({ fix: 'correction', b: 'from b' });
    expect(b.writes).toHaveLength(1);
    expect(keysOf(b.writes[0] ?? [])).toEqual({ a: 'from a', fix: 'correction' });
  });

  it('sends at once after a quiet spell, and at most once per interval while busy', async () => {
    const a = member('a');
    const outbox = new RoomOutbox(
      new Set([a]),
      { intervalMs: 50, maxIntervalMs: 50, burst: 1 },
      () => null,
      fail,
    );
    const other = Symbol('other');
    outbox.queueUpdates([{ update: change('k1', '1'), origin: other }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(a.writes).toHaveLength(1);

    vi.advanceTimersByTime(10);
    outbox.queueUpdates([{ update: change('k2', '2'), origin: other }]);
    vi.advanceTimersByTime(20);
    outbox.queueUpdates([{ update: change('k3', '3'), origin: other }]);
    await vi.advanceTimersByTimeAsync(19);
    expect(a.writes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(a.writes).toHaveLength(2);
    expect(keysOf(a.writes[1] ?? [])).toEqual({ k2: '2', k3: '3' });

    // Quiet again for longer than the interval: the next change leaves at the end of its tick.
    vi.advanceTimersByTime(200);
    outbox.queueUpdates([{ update: change('k4', '4'), origin: other }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(a.writes).toHaveLength(3);
  });

  it('lets a burst of sends leave at once, then holds a busy room to one per interval', async () => {
    const a = member('a');
    const outbox = new RoomOutbox(
      new Set([a]),
      { intervalMs: 50, maxIntervalMs: 50, burst: 3 },
      () => null,
      fail,
    );
    const other = Symbol('other');
    const queue = (key: string) => outbox.queueUpdates([{ update: change(key, key), origin: other }]);
    // Three changes 5 ms apart: each leaves at the end of its tick.
    for (const key of ['k1', 'k2', 'k3']) {
      queue(key);
      await vi.advanceTimersByTimeAsync(0);
      vi.advanceTimersByTime(5);
    }
    expect(a.writes).toHaveLength(3);
    // The bucket is empty (15 ms earned back 0.3 of a send): the fourth waits for its share.
    queue('k4');
    queue('k5');
    await vi.advanceTimersByTimeAsync(34);
    expect(a.writes).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(a.writes).toHaveLength(4);
    expect(keysOf(a.writes[3] ?? [])).toEqual({ k4: 'k4', k5: 'k5' });
    // Busy: one send per interval.
    queue('k6');
    await vi.advanceTimersByTimeAsync(49);
    expect(a.writes).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(1);
    expect(a.writes).toHaveLength(5);
    // Quiet for three intervals: the whole burst is back.
    vi.advanceTimersByTime(150);
    for (const key of ['k7', 'k8', 'k9']) {
      queue(key);
      await vi.advanceTimersByTimeAsync(0);
    }
    expect(a.writes).toHaveLength(8);
  });

  it('sends each changed presence once, after the document changes of the same send', async () => {
    const a = member('a');
    const asked: number[][] = [];
    const outbox = new RoomOutbox(
      new Set([a]),
      { intervalMs: 50, maxIntervalMs: 50, burst: 1 },
      (ids) => {
        asked.push(ids);
        return AWARENESS(ids);
      },
      fail,
    );
    outbox.queueAwareness([7]);
    outbox.queueAwareness([7, 9]);
    outbox.queueUpdates([{ update: change('k', 'v'), origin: null }]);
    outbox.queueAwareness([7]);
    await vi.advanceTimersToNextTimerAsync();

    expect(asked).toEqual([[7, 9]]);
    expect(a.writes).toHaveLength(1);
    const [doc, presence] = a.writes[0] ?? [];
    expect(keysOf([doc as Uint8Array])).toEqual({ k: 'v' });
    expect(presence).toEqual(AWARENESS([7, 9]));
  });

  it('drops what is queued once closed, and whoever waits for the send is let go', async () => {
    const a = member('a');
    const outbox = new RoomOutbox(
      new Set([a]),
      { intervalMs: 50, maxIntervalMs: 50, burst: 1 },
      () => null,
      fail,
    );
    outbox.queueUpdates([{ update: change('k', 'v'), origin: null }]);
    const sent = outbox.sent();
    outbox.close();
    await sent;
    outbox.queueUpdates([{ update: change('k2', 'v'), origin: null }]);
    await vi.runAllTimersAsync();
    expect(a.writes).toHaveLength(0);
  });

  it('reports a send that failed instead of throwing from its timer, and goes on', async () => {
    const a = member('a');
    const errors: unknown[] = [];
    let broken = true;
    const outbox = new RoomOutbox(
      new Set([a]),
      { intervalMs: 0, maxIntervalMs: 0, burst: 1 },
      (ids) => {
        if (broken) throw new Error('cannot encode');
        return AWARENESS(ids);
      },
      (err) => errors.push(err),
    );
    outbox.queueAwareness([1]);
    await vi.advanceTimersToNextTimerAsync();
    expect(errors).toHaveLength(1);
    broken = false;
    outbox.queueAwareness([2]);
    await vi.advanceTimersToNextTimerAsync();
    expect(a.writes).toEqual([[AWARENESS([2])]]);
  });

  it('holds a large room longer between sends, 0.2 ms a member, up to the longest interval', async () => {
    const members = Array.from({ length: 400 }, (_, i) => member(`m${i}`));
    const first = members[0] as ReturnType<typeof member>;
    // 400 members: 80 ms, between the 50 of a workshop and the 100 of the largest rooms.
    const outbox = new RoomOutbox(
      new Set(members),
      { intervalMs: 50, maxIntervalMs: 100, burst: 1 },
      () => null,
      fail,
    );
    const other = Symbol('other');
    outbox.queueUpdates([{ update: change('k1', '1'), origin: other }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(first.writes).toHaveLength(1);
    outbox.queueUpdates([{ update: change('k2', '2'), origin: other }]);
    await vi.advanceTimersByTimeAsync(79);
    expect(first.writes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(first.writes).toHaveLength(2);
    expect(members.every((m) => m.writes.length === 2)).toBe(true);
  });
});

describe('sendIntervalFor', () => {
  const defaults = { intervalMs: 50, maxIntervalMs: 100 };

  it('keeps a workshop-sized room at the shortest interval', () => {
    expect(sendIntervalFor(0, defaults)).toBe(50);
    expect(sendIntervalFor(30, defaults)).toBe(50);
    expect(sendIntervalFor(250, defaults)).toBe(50);
  });

  it('grows with the members past that, and stops at the longest', () => {
    expect(sendIntervalFor(300, defaults)).toBeCloseTo(60);
    expect(sendIntervalFor(500, defaults)).toBe(100);
    expect(sendIntervalFor(1500, defaults)).toBe(100);
  });

  it('never goes below the shortest, whatever the longest says', () => {
    expect(sendIntervalFor(1500, { intervalMs: 200, maxIntervalMs: 100 })).toBe(200);
    expect(sendIntervalFor(10, { intervalMs: 0, maxIntervalMs: 0 })).toBe(0);
  });
});
