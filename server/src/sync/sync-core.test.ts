import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, cityColor, type Identity, type Role, type RoomAddress } from '@empiria/shared';
import { createMemoryLogger } from '../log';
import type { DocumentStore, StoredDocument } from '../storage/document-store';
import { MemoryDocumentStore } from '../storage/memory-document-store';
import { MemoryPeer } from './memory-peer.test-support';
import type { Room } from './room';
import { RoomRegistry } from './room-registry';

const board = 'board-123';
const canvas = { boardId: board, doc: 'canvas' as const };
const control = { boardId: board, doc: 'control' as const };

function person(name: string, role: Role, city = 'Gdynia'): Identity {
  return { id: `id-${name}`, name, city, role, color: cityColor(city) };
}

function setup(store: DocumentStore = new MemoryDocumentStore()) {
  const log = createMemoryLogger();
  const registry = new RoomRegistry(store, log, {
    unloadAfterMs: 60_000,
    room: {
      compactAfterUpdates: 10,
      compactAfterIdleMs: 60_000,
      sendIntervalMs: 0,
      sendIntervalMaxMs: 0,
      sendBurst: 1,
    },
  });
  const join = (identity: Identity, address: RoomAddress = canvas) => {
    const peer = new MemoryPeer();
    const connection = registry.connect(peer.socket, address, identity, 'invite-1');
    peer.attach((frame) => connection.receive(frame));
    return { peer, connection };
  };
  return { registry, join, log, store };
}

/** Waits until everything queued on the room so far has run, and what it sent has gone. */
/** A store like `inner` but for its appends, which go through `append` (a gate, a failure). */
function storeAround(inner: MemoryDocumentStore, append: DocumentStore['append']): DocumentStore {
  return {
    load: (k) => inner.load(k),
    append,
    compact: (k, s, n) => inner.compact(k, s, n),
    pendingUpdates: (k) => inner.pendingUpdates(k),
    close: () => inner.close(),
  };
}

async function settle(room: Room): Promise<void> {
  await room.run(() => undefined);
  await room.sent();
}

async function exchange(room: Room, peers: MemoryPeer[], rounds = 3) {
  for (let i = 0; i < rounds; i++) {
    await settle(room);
    for (const peer of peers) peer.deliver();
  }
  await settle(room);
}

function text(peer: MemoryPeer): string {
  return peer.doc.getText('t').toString();
}

describe('sync core', () => {
  it('[S1] answers nobody before the document is loaded', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const inner = new MemoryDocumentStore();
    const seed = new Y.Doc();
    seed.getText('t').insert(0, 'stored');
    await inner.append('board-123/canvas', Y.encodeStateAsUpdate(seed));
    const slow: DocumentStore = {
      ...inner,
      load: async (key): Promise<StoredDocument> => {
        await gate;
        return inner.load(key);
      },
      append: (k, u) => inner.append(k, u),
      compact: (k, s, n) => inner.compact(k, s, n),
      pendingUpdates: (k) => inner.pendingUpdates(k),
      close: () => inner.close(),
    };
    const { join } = setup(slow);
    const { peer, connection } = join(person('Ala', 'participant'));
    peer.sendSyncStep1();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(peer.inbox).toHaveLength(0);
    open();
    await exchange(connection.room, [peer]);
    expect(text(peer)).toBe('stored');
  });

  it('[S2] two writers converge and a late joiner gets everything', async () => {
    const { join } = setup();
    const a = join(person('Ala', 'participant'));
    const b = join(person('Bartek', 'facilitator', 'Poznań'));
    a.peer.sendSyncStep1();
    b.peer.sendSyncStep1();
    await exchange(a.connection.room, [a.peer, b.peer]);
    a.peer.doc.getText('t').insert(0, 'hello ');
    b.peer.doc.getText('t').insert(0, 'world ');
    await exchange(a.connection.room, [a.peer, b.peer]);
    expect(text(a.peer)).toBe(text(b.peer));
    expect(text(a.peer)).toHaveLength(12);

    const late = join(person('Celina', 'participant', 'Kraków'));
    late.peer.sendSyncStep1();
    await exchange(late.connection.room, [late.peer]);
    expect(text(late.peer)).toBe(text(a.peer));
  });

  it('[S3] an update is stored before anyone else receives it', async () => {
    const inner = new MemoryDocumentStore();
    let release!: () => void;
    let gated = false;
    const store = storeAround(inner, async (k, u) => {
      if (gated) await new Promise<void>((resolve) => (release = resolve));
      return inner.append(k, u);
    });
    const { join } = setup(store);
    const a = join(person('Ala', 'participant'));
    const b = join(person('Bartek', 'participant'));
    await exchange(a.connection.room, [a.peer, b.peer]);
    b.peer.inbox.length = 0;
    gated = true;
    a.peer.doc.getText('t').insert(0, 'note');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(b.peer.inbox).toHaveLength(0);
    expect(await inner.pendingUpdates('board-123/canvas')).toBe(0);
    release();
    await settle(a.connection.room);
    expect(await inner.pendingUpdates('board-123/canvas')).toBe(1);
    b.peer.deliver();
    expect(text(b.peer)).toBe('note');
  });

  it('[S3] while an append waits, the room applies the next updates, stores them in one append, and answers a joiner only with what is stored', async () => {
    const inner = new MemoryDocumentStore();
    const releases: (() => void)[] = [];
    let gated = false;
    let appends = 0;
    const store = storeAround(inner, async (k, u) => {
      appends++;
      if (gated) await new Promise<void>((resolve) => releases.push(resolve));
      return inner.append(k, u);
    });
    const { join } = setup(store);
    const a = join(person('Ala', 'participant'));
    const b = join(person('Bartek', 'participant'));
    const c = join(person('Celina', 'participant', 'Kraków'));
    await exchange(a.connection.room, [a.peer, b.peer, c.peer]);
    const room = a.connection.room;
    const before = appends;
    gated = true;
    a.peer.doc.getText('t').insert(0, 'a');
    await new Promise((resolve) => setTimeout(resolve, 10));
    b.peer.doc.getText('t').insert(0, 'b');
    c.peer.doc.getText('t').insert(0, 'c');
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Both later updates are judged and in memory already; only a's append has begun.
    expect(room.doc.getText('t').toString()).toHaveLength(3);
    expect(appends - before).toBe(1);
    // Presence waits for no commit: c's cursor reaches b now, though nothing stored has yet.
    c.peer.sendAwareness({ cursor: { x: 3, y: 4 } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    b.peer.deliver();
    expect([...b.peer.remoteStates().values()]).toEqual([
      expect.objectContaining({ cursor: { x: 3, y: 4 } }),
    ]);
    expect(text(b.peer)).toBe('b'); // its own, and nothing of the others' yet
    // A joiner now waits: the room holds more than the store.
    const late = join(person('Dorota', 'participant', 'Gdynia'));
    late.peer.sendSyncStep1();
    await new Promise((resolve) => setTimeout(resolve, 10));
    late.peer.deliver();
    expect(text(late.peer)).toBe('');
    releases.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 10));
    // b's and c's updates went in one append, after a's was stored.
    expect(appends - before).toBe(2);
    expect(await inner.pendingUpdates('board-123/canvas')).toBeGreaterThanOrEqual(1);
    releases.shift()?.();
    gated = false;
    await exchange(room, [a.peer, b.peer, c.peer, late.peer]);
    for (const peer of [a.peer, b.peer, c.peer, late.peer])
      expect([...text(peer)].sort().join('')).toBe('abc');
    const stored = await inner.load('board-123/canvas');
    const reloaded = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(reloaded, update);
    expect([...reloaded.getText('t').toString()].sort().join('')).toBe('abc');
  });

  it("[P1] an observer's writes reach nobody and no disk", async () => {
    const { join, store } = setup();
    const writer = join(person('Ala', 'participant'));
    const observer = join(person('Olga', 'observer'));
    await exchange(writer.connection.room, [writer.peer, observer.peer]);
    observer.peer.doc.getText('t').insert(0, 'forged');
    await exchange(writer.connection.room, [writer.peer, observer.peer]);
    expect(text(writer.peer)).toBe('');
    expect(writer.connection.room.doc.getText('t').toString()).toBe('');
    expect(await store.pendingUpdates('board-123/canvas')).toBe(0);
    expect(observer.connection.droppedWrites).toBeGreaterThan(0);
    // …but the observer still reads what others write.
    writer.peer.doc.getText('t').insert(0, 'real');
    await exchange(writer.connection.room, [writer.peer, observer.peer]);
    expect(text(observer.peer)).toContain('real');
  });

  it('[P2] only the facilitator and the expert write the control document', async () => {
    const { join } = setup();
    const lead = join(person('Fela', 'facilitator'), control);
    const expert = join(person('Edek', 'expert'), control);
    const participant = join(person('Piotr', 'participant'), control);
    const room = lead.connection.room;
    const peers = [lead.peer, expert.peer, participant.peer];
    await exchange(room, peers);
    participant.peer.doc.getMap('control').set('step', 5);
    lead.peer.doc.getMap('control').set('timer', 300);
    expert.peer.doc.getMap('control').set('vote', 'open');
    await exchange(room, peers);
    expect(room.doc.getMap('control').toJSON()).toEqual({ timer: 300, vote: 'open' });
    expect(participant.peer.doc.getMap('control').get('timer')).toBe(300);
  });

  it("[P4] the server stamps each connection's identity into its awareness", async () => {
    const { join } = setup();
    const ala = join(person('Ala', 'participant', 'Gdynia'));
    const bartek = join(person('Bartek', 'participant', 'Poznań'));
    const room = ala.connection.room;
    await exchange(room, [ala.peer, bartek.peer]);
    ala.peer.sendAwareness({ user: { name: 'The Mayor', role: 'facilitator' }, cursor: { x: 1, y: 2 } });
    await exchange(room, [ala.peer, bartek.peer]);
    const seen = [...bartek.peer.remoteStates().values()];
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ user: person('Ala', 'participant', 'Gdynia'), cursor: { x: 1, y: 2 } });
  });

  it('[P4] a connection cannot speak for another client id; read-only roles carry no presence', async () => {
    const { join } = setup();
    const ala = join(person('Ala', 'participant'));
    const eve = join(person('Ewa', 'participant'));
    // The room display (read-only) sends presence anyway: nobody receives it.
    const olga = join(person('Olga', 'room'));
    const room = ala.connection.room;
    const peers = [ala.peer, eve.peer, olga.peer];
    await exchange(room, peers);
    ala.peer.sendAwareness({ cursor: { x: 1, y: 1 } });
    await exchange(room, peers);
    eve.peer.sendAwareness({ cursor: { x: 666, y: 666 } }, ala.peer.doc.clientID);
    olga.peer.sendAwareness({ cursor: { x: 5, y: 5 } });
    await exchange(room, peers);
    const states = new Map(eve.peer.remoteStates());
    expect([...states.keys()]).toEqual([ala.peer.doc.clientID]);
    expect(states.get(ala.peer.doc.clientID)).toMatchObject({
      cursor: { x: 1, y: 1 },
      user: { name: 'Ala' },
    });
  });

  it('presence of a connection that leaves is removed for everyone', async () => {
    const { join } = setup();
    const ala = join(person('Ala', 'participant'));
    const bartek = join(person('Bartek', 'participant'));
    const room = ala.connection.room;
    ala.peer.sendAwareness({ cursor: { x: 1, y: 1 } });
    await exchange(room, [ala.peer, bartek.peer]);
    expect(bartek.peer.remoteStates().size).toBe(1);
    ala.connection.socketClosed();
    await exchange(room, [bartek.peer]);
    expect(bartek.peer.remoteStates().size).toBe(0);
  });

  it('[S4] a malformed frame or an update Yjs rejects closes that socket only', async () => {
    const { join, log } = setup();
    const good = join(person('Ala', 'participant'));
    const bad = join(person('Zbyszek', 'participant'));
    const room = good.connection.room;
    await exchange(room, [good.peer, bad.peer]);
    bad.peer.send(new Uint8Array([0, 2, 5, 1, 2, 3])); // an update frame whose payload is garbage
    await settle(room);
    expect(bad.peer.closed?.code).toBe(CloseCode.malformedFrame);
    expect(good.peer.closed).toBeNull();
    const another = join(person('Zosia', 'participant'));
    another.peer.send(new Uint8Array([99])); // unknown message type
    expect(another.peer.closed?.code).toBe(CloseCode.malformedFrame);
    const third = join(person('Tomek', 'participant'));
    third.peer.send(new Uint8Array([1, 3, 1, 1, 1])); // awareness that is not JSON
    await settle(room);
    expect(third.peer.closed?.code).toBe(CloseCode.malformedFrame);
    good.peer.doc.getText('t').insert(0, 'still fine');
    await exchange(room, [good.peer]);
    expect(room.doc.getText('t').toString()).toBe('still fine');
    expect(log.records.some((r) => r.msg === 'malformed frame; closing this connection')).toBe(true);
  });

  it('[S5] a storage failure closes the room so clients resend on reconnect', async () => {
    const inner = new MemoryDocumentStore();
    let failing = false;
    const store = storeAround(inner, async (k, u) => {
      if (failing) throw new Error('disk full');
      return inner.append(k, u);
    });
    const { join, registry } = setup(store);
    const a = join(person('Ala', 'participant'));
    const b = join(person('Bartek', 'participant'));
    await exchange(a.connection.room, [a.peer, b.peer]);
    failing = true;
    a.peer.doc.getText('t').insert(0, 'unsaved');
    // Memory is ahead of the disk: the room serves nothing more, and is dropped.
    await expect(a.connection.room.run(() => undefined)).rejects.toThrow('disk full');
    expect(a.peer.closed?.code).toBe(CloseCode.storageFailure);
    expect(b.peer.closed?.code).toBe(CloseCode.storageFailure);
    b.peer.deliver();
    expect(text(b.peer)).toBe(''); // nobody received what could not be stored
    // The client still holds its edit: a reconnect to a fresh room stores it.
    failing = false;
    const again = new MemoryPeer();
    Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(a.peer.doc), again);
    const conn = registry.connect(again.socket, canvas, person('Ala', 'participant'), 'invite-1');
    again.attach((frame) => conn.receive(frame));
    again.sendSyncStep1();
    await exchange(conn.room, [again]);
    expect(conn.room.doc.getText('t').toString()).toBe('unsaved');
  });

  it('[S5] a room that cannot load serves nobody and loads again on the next connection', async () => {
    // The database was unreachable when the room opened (PostgreSQL restarting).
    const inner = new MemoryDocumentStore();
    const seed = new Y.Doc();
    seed.getText('t').insert(0, 'stored');
    await inner.append(canvas.boardId + '/canvas', Y.encodeStateAsUpdate(seed));
    let unreachable = true;
    const store: DocumentStore = {
      load: async (k) => {
        if (unreachable) throw new Error('connect ECONNREFUSED');
        return inner.load(k);
      },
      append: (k, u) => inner.append(k, u),
      compact: (k, s, n) => inner.compact(k, s, n),
      pendingUpdates: (k) => inner.pendingUpdates(k),
      close: () => inner.close(),
    };
    const { join, registry, log } = setup(store);
    const a = join(person('Ala', 'participant'));
    a.peer.doc.getText('t').insert(0, 'mine ');
    await a.connection.room.loaded.catch(() => undefined);
    await a.connection.room.run(() => undefined).catch(() => undefined);
    a.peer.deliver();
    // No greeting from an empty document, nothing applied to it, and told to reconnect.
    expect(a.peer.closed?.code).toBe(CloseCode.storageFailure);
    expect(a.connection.room.doc.getText('t').toString()).toBe('');
    await expect(a.connection.room.run(() => 'ran')).rejects.toThrow(
      /could not be loaded: connect ECONNREFUSED/,
    );
    expect(log.records.some((record) => record.msg === 'room could not be loaded')).toBe(true);
    expect(await inner.pendingUpdates(canvas.boardId + '/canvas')).toBe(1);

    unreachable = false;
    const again = new MemoryPeer();
    Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(a.peer.doc), again);
    const conn = registry.connect(again.socket, canvas, person('Ala', 'participant'), 'invite-1');
    expect(conn.room).not.toBe(a.connection.room);
    again.attach((frame) => conn.receive(frame));
    again.sendSyncStep1();
    await exchange(conn.room, [again]);
    expect(conn.room.doc.getText('t').toString()).toContain('stored');
    expect(conn.room.doc.getText('t').toString()).toContain('mine');
  });

  it('[S6] compaction folds the log into a snapshot and a reload gives the same document', async () => {
    const { join, registry, store } = setup();
    const a = join(person('Ala', 'participant'));
    const room = a.connection.room;
    await exchange(room, [a.peer]);
    for (let i = 0; i < 25; i++) {
      a.peer.doc.getArray<number>('n').push([i]);
      await settle(room);
    }
    await settle(room);
    expect(await store.pendingUpdates('board-123/canvas')).toBeLessThan(10);
    await registry.close();
    const reloaded = setup(store);
    const b = reloaded.join(person('Bartek', 'participant'));
    b.peer.sendSyncStep1();
    await exchange(b.connection.room, [b.peer]);
    expect(b.peer.doc.getArray<number>('n').toArray()).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(await store.pendingUpdates('board-123/canvas')).toBe(0);
  });

  it('revoking an invite ends its connections', async () => {
    const { join, registry } = setup();
    const a = join(person('Ala', 'participant'));
    expect(registry.closeInvite('invite-1')).toBe(1);
    expect(a.peer.closed?.code).toBe(CloseCode.unauthorized);
    expect(registry.connectionCount).toBe(0);
  });
});
