import { describe, expect, it } from 'vitest';
import { CloseCode, cityColor, type Identity, type Role } from '@empiria/shared';
import { createMemoryLogger } from '../log';
import { MemoryDocumentStore } from '../storage/memory-document-store';
import { MemoryPeer } from './memory-peer.test-support';
import type { Room } from './room';
import { RoomRegistry } from './room-registry';

/** [A1] presence is bound to its person across reconnects; [A2] it is bounded in size and rate. */

const canvas = { boardId: 'board-presence', doc: 'canvas' as const };
const person = (name: string, role: Role = 'participant'): Identity => ({
  id: `id-${name}`,
  name,
  city: 'Gdynia',
  role,
  color: cityColor('Gdynia'),
});

function setup() {
  const registry = new RoomRegistry(new MemoryDocumentStore(), createMemoryLogger(), {
    unloadAfterMs: 60_000,
  });
  const join = (identity: Identity) => {
    const peer = new MemoryPeer();
    const connection = registry.connect(peer.socket, canvas, identity, 'invite');
    peer.attach((frame) => connection.receive(frame));
    return { peer, connection };
  };
  return { registry, join };
}

async function exchange(room: Room, peers: MemoryPeer[]) {
  for (let i = 0; i < 3; i++) {
    await room.run(() => undefined);
    await room.sent();
    for (const peer of peers) peer.deliver();
  }
}

describe('presence', () => {
  it('[A1] nobody can take over a presence id in the gap before its person reconnects', async () => {
    const { join, registry } = setup();
    const ala = join(person('Ala'));
    const eve = join(person('Ewa'));
    const room = ala.connection.room;
    ala.peer.sendAwareness({ cursor: { x: 1, y: 1 } });
    await exchange(room, [ala.peer, eve.peer]);
    const alasId = ala.peer.doc.clientID;
    ala.connection.socketClosed();
    // In the gap: Ewa claims Ala's client id.
    eve.peer.sendAwareness({ cursor: { x: 666, y: 666 } }, alasId);
    await exchange(room, [eve.peer]);
    expect(room.awareness.getStates().has(alasId)).toBe(false);
    // Ala's tab comes back with the same client id and gets it.
    const again = registry.connect(ala.peer.socket, canvas, person('Ala'), 'invite');
    ala.peer.attach((frame) => again.receive(frame));
    ala.peer.sendAwareness({ cursor: { x: 2, y: 2 } });
    await exchange(room, [eve.peer]);
    expect(room.awareness.getStates().get(alasId)).toMatchObject({
      cursor: { x: 2, y: 2 },
      user: { name: 'Ala' },
    });
  });

  it('[A2] a presence state larger than the limit reaches nobody', async () => {
    const { join } = setup();
    const eve = join(person('Ewa'));
    const bob = join(person('Bob'));
    const room = eve.connection.room;
    eve.peer.sendAwareness({ junk: 'x'.repeat(200_000) });
    await exchange(room, [eve.peer, bob.peer]);
    expect(bob.peer.remoteStates().size).toBe(0);
    expect(room.awareness.getStates().size).toBe(0);
  });

  it('[A2] a presence flood is cut to the rate, and its sender closed', async () => {
    const { join } = setup();
    const eve = join(person('Ewa'));
    const bob = join(person('Bob'));
    const room = eve.connection.room;
    await exchange(room, [eve.peer, bob.peer]);
    bob.peer.inbox.length = 0;
    for (let i = 0; i < 2000 && !eve.peer.closed; i++) eve.peer.sendAwareness({ cursor: { x: i, y: i } });
    await room.run(() => undefined);
    // The burst passes, the rest is dropped: far fewer than 2,000 frames reached Bob.
    expect(bob.peer.inbox.length).toBeLessThan(200);
    expect(eve.peer.closed?.code).toBe(CloseCode.overloaded);
  });
});
