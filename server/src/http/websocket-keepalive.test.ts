import { afterEach, describe, expect, it } from 'vitest';
import { WebsocketKeepalive, type KeptSocket } from './websocket-keepalive';

class FakeSocket implements KeptSocket {
  lastWriteAt = 0;
  keepalives = 0;
  pings = 0;
  terminated = false;
  sendKeepalive() {
    this.keepalives++;
  }
  ping() {
    this.pings++;
  }
  terminate() {
    this.terminated = true;
  }
}

describe('WebsocketKeepalive', () => {
  let clock = 0;
  const keepalives: WebsocketKeepalive[] = [];
  const make = (deadAfterTicks = 3) => {
    const keepalive = new WebsocketKeepalive({ quietMs: 1000, deadAfterTicks, now: () => clock });
    keepalives.push(keepalive);
    return keepalive;
  };
  afterEach(() => {
    for (const keepalive of keepalives.splice(0)) keepalive.close();
    clock = 0;
  });

  it('writes the do-nothing message only to a socket written nothing for the quiet time', () => {
    const keepalive = make();
    const quiet = new FakeSocket();
    const busy = new FakeSocket();
    keepalive.add(quiet);
    keepalive.add(busy);
    clock = 1500;
    busy.lastWriteAt = 1200;
    keepalive.tick();
    expect(quiet.keepalives).toBe(1);
    expect(busy.keepalives).toBe(0);
    clock = 2300;
    keepalive.tick();
    expect(busy.keepalives).toBe(1);
  });

  it('pings only a socket it has not heard from for a tick', () => {
    const keepalive = make();
    const silent = new FakeSocket();
    const talking = new FakeSocket();
    keepalive.add(silent);
    keepalive.add(talking);
    keepalive.tick();
    expect([silent.pings, talking.pings]).toEqual([0, 0]);
    keepalive.heard(talking);
    keepalive.tick();
    expect([silent.pings, talking.pings]).toEqual([1, 0]);
  });

  it('terminates a socket silent for the dead ticks, and not one that answers', () => {
    const keepalive = make(3);
    const gone = new FakeSocket();
    const answering = new FakeSocket();
    keepalive.add(gone);
    keepalive.add(answering);
    for (let tick = 0; tick < 3; tick++) {
      keepalive.tick();
      keepalive.heard(answering);
    }
    expect(gone.terminated).toBe(false);
    keepalive.tick();
    expect(gone.terminated).toBe(true);
    expect(answering.terminated).toBe(false);
    expect(keepalive.size).toBe(1);
    // Terminated once, then forgotten.
    keepalive.tick();
    expect(gone.pings).toBe(2);
  });

  it('forgets a closed socket', () => {
    const keepalive = make();
    const socket = new FakeSocket();
    keepalive.add(socket);
    keepalive.delete(socket);
    for (let tick = 0; tick < 5; tick++) keepalive.tick();
    expect(socket).toMatchObject({ pings: 0, keepalives: 0, terminated: false });
    expect(keepalive.size).toBe(0);
  });
});
