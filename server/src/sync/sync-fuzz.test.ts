import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cityColor, type Identity } from '@empiria/shared';
import { createMemoryLogger } from '../log';
import { MemoryDocumentStore } from '../storage/memory-document-store';
import { MemoryPeer } from './memory-peer.test-support';
import { mulberry32 } from './seeded-random';
import { RoomRegistry } from './room-registry';

/**
 * Random clients editing one room, with the server's messages delivered to each client at random
 * moments (so clients see each other's edits late and in different interleavings), clients
 * dropping and reconnecting with offline edits, and the room being reloaded from storage. Every
 * client must end identical to the server, and the server identical to a reload from disk.
 * A seed that ever fails stays below as a named test of its own after the fix, so a later change
 * of the range cannot drop it; none has failed yet, so there is none.
 */

const address = { boardId: 'fuzz-board', doc: 'canvas' as const };
const identity = (i: number): Identity => ({
  id: `p${i}`,
  name: `Osoba ${i}`,
  city: `Miasto ${i}`,
  role: 'participant',
  color: cityColor(`Miasto ${i}`),
});

/** Rooms that compact often and send at once: the fuzz is about order and loss, not pacing. */
const newRegistry = (store: MemoryDocumentStore) =>
  new RoomRegistry(store, createMemoryLogger(), {
    unloadAfterMs: 60_000,
    room: {
      compactAfterUpdates: 7,
      compactAfterIdleMs: 60_000,
      sendIntervalMs: 0,
      sendIntervalMaxMs: 0,
      sendBurst: 1,
    },
  });

async function runSeed(seed: number, steps = 300, clients = 4): Promise<void> {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const store = new MemoryDocumentStore();
  let registry = newRegistry(store);
  type Client = { peer: MemoryPeer; online: boolean; index: number; close?: () => void };
  const all: Client[] = [];

  const connect = (client: Client) => {
    const peer = new MemoryPeer();
    // Keep the offline edits: the new peer starts from the old document's state.
    Y.applyUpdate(peer.doc, Y.encodeStateAsUpdate(client.peer.doc), peer);
    const connection = registry.connect(peer.socket, address, identity(client.index), 'invite');
    peer.attach((frame) => connection.receive(frame));
    client.peer.doc.destroy();
    client.peer = peer;
    client.online = true;
    client.close = () => connection.socketClosed();
    peer.sendSyncStep1();
  };

  for (let i = 0; i < clients; i++) {
    const client: Client = { peer: new MemoryPeer(), online: false, index: i };
    all.push(client);
    connect(client);
  }

  const room = () => registry.room(address);
  for (let step = 0; step < steps; step++) {
    const client = pick(all);
    const action = random();
    if (action < 0.45) {
      if (client.online || random() < 0.5) {
        const text = client.peer.doc.getText('t');
        if (text.length > 0 && random() < 0.3) {
          const at = Math.floor(random() * text.length);
          text.delete(at, Math.min(text.length - at, 1 + Math.floor(random() * 3)));
        } else {
          text.insert(
            Math.floor(random() * (text.length + 1)),
            String.fromCharCode(97 + Math.floor(random() * 26)),
          );
        }
      }
    } else if (action < 0.6) {
      client.peer.doc.getMap('m').set(`k${Math.floor(random() * 5)}`, step);
    } else if (action < 0.85) {
      await room().run(() => undefined);
      if (client.online) client.peer.deliver();
    } else if (action < 0.93) {
      if (client.online) {
        client.close?.();
        client.online = false;
      } else {
        connect(client);
      }
    } else if (action < 0.96) {
      // The server restarts: connections end, the room is reloaded from storage.
      for (const c of all) {
        if (c.online) c.close?.();
        c.online = false;
      }
      // Half the restarts are clean (SIGTERM compacts), half are crashes (the old rooms vanish).
      if (random() < 0.5) await registry.close();
      registry = newRegistry(store);
    }
  }

  for (const client of all) if (!client.online) connect(client);
  for (let round = 0; round < 6; round++) {
    await room().run(() => undefined);
    await room().sent();
    for (const client of all) client.peer.deliver();
  }
  await room().run(() => undefined);

  const server = room().doc;
  const expected = { t: server.getText('t').toString(), m: server.getMap('m').toJSON() };
  // A run that edited nothing would prove nothing.
  expect(expected.t.length + Object.keys(expected.m).length).toBeGreaterThan(5);
  for (const client of all) {
    expect(
      { t: client.peer.doc.getText('t').toString(), m: client.peer.doc.getMap('m').toJSON() },
      `seed ${seed}`,
    ).toEqual(expected);
  }
  // A crash, not a shutdown: no final compaction may paper over an update that never reached disk.
  const reloaded = new RoomRegistry(store, createMemoryLogger());
  const fromDisk = reloaded.room(address);
  await fromDisk.loaded;
  expect(fromDisk.doc.getText('t').toString()).toBe(expected.t);
  await reloaded.close();
  await registry.close();
}

describe('sync fuzz: random delivery, reconnects, restarts', () => {
  it.each(Array.from({ length: 25 }, (_, i) => 1000 + i))('seed %i converges', async (seed) => {
    await runSeed(seed);
  });
});
