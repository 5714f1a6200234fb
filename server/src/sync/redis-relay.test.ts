import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, cityColor, type Identity } from '@empiria/shared';
import { createMemoryLogger } from '../log';
import { openSqliteDatabase, type SqliteDatabase } from '../storage/sqlite-database';
import { SqliteDocumentStore } from '../storage/sqlite-document-store';
import { encodeAwarenessFrame, encodeAwarenessUpdate } from './frames';
import { MemoryPeer } from './memory-peer.test-support';
import { RedisRelay } from './redis-relay';
import { RoomRegistry } from './room-registry';
import type { SyncObserver } from './sync-observer';

/**
 * Two "processes" in one: two registries, each with its own RedisRelay (its own Redis
 * connections) and its own connection to one SQLite file, against a real redis-server started here
 * (scripts/install-redis.sh installs it). What the integration tests show with real processes,
 * here with the timing a test controls: compaction while messages are in flight, a lost
 * subscription, another installation's messages.
 */
const address = { boardId: 'board-r', doc: 'canvas' as const };
const key = 'board-r/canvas';

let redisProcess: ChildProcess;
let redisUrl: string;
let dir: string;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('redis-server is missing: run scripts/install-redis.sh');
  }
  dir = mkdtempSync(path.join(tmpdir(), 'empiria-relay-'));
  const port = await freePort();
  redisProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  redisUrl = `redis://127.0.0.1:${port}`;
  const probe = new RedisRelay(
    { url: redisUrl, prefix: 'probe', installation: 'probe' },
    createMemoryLogger(),
  );
  await probe.ready(10_000);
  await probe.close();
});
afterAll(() => {
  redisProcess?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function person(name: string): Identity {
  return { id: `id-${name}`, name, city: 'Gdynia', role: 'participant', color: cityColor('Gdynia') };
}

let dbCount = 0;

/** One "process": its relay, its database connection, its registry. */
async function processOn(
  file: string,
  options: {
    installation?: string;
    compactAfterUpdates?: number;
    rules?: boolean;
    observer?: Pick<SyncObserver, 'relayed'>;
  } = {},
) {
  const log = createMemoryLogger();
  const relay = new RedisRelay(
    {
      url: redisUrl,
      prefix: 'test',
      installation: options.installation ?? 'inst-a',
      heartbeatMs: 200,
      ...(options.observer ? { observer: options.observer } : {}),
    },
    log,
  );
  await relay.ready();
  const db: SqliteDatabase = openSqliteDatabase(file);
  const store = new SqliteDocumentStore(db);
  const registry = new RoomRegistry(store, log, {
    relay,
    // Rules that allow every change: the room still checks who writes under which client id [D8].
    ...(options.rules ? { rulesFor: () => ({ refusal: () => null }) } : {}),
    unloadAfterMs: 60_000,
    room: {
      compactAfterUpdates: options.compactAfterUpdates ?? 500,
      compactAfterIdleMs: 60_000,
      sendIntervalMs: 50,
      sendIntervalMaxMs: 100,
      sendBurst: 4,
    },
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await registry.close();
    await relay.close();
    db.close();
  };
  cleanups.push(close);
  const join = async (name: string) => {
    const peer = new MemoryPeer();
    const connection = registry.connect(peer.socket, address, person(name), 'invite-1');
    peer.attach((frame) => connection.receive(frame));
    await registry.room(address).loaded;
    return peer;
  };
  return { registry, relay, log, store, close, join };
}

function databaseFile(): string {
  return path.join(dir, `db-${++dbCount}.sqlite`);
}

/** Delivers the peers' inboxes until `done` holds. */
async function until(peers: MemoryPeer[], done: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const peer of peers) peer.deliver();
    if (done()) return;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const keysOf = (doc: Y.Doc) => [...doc.getMap('m').keys()].sort();

async function storedKeys(file: string): Promise<string[]> {
  const db = openSqliteDatabase(file);
  try {
    const stored = await new SqliteDocumentStore(db).load(key);
    const doc = new Y.Doc();
    for (const part of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates)
      Y.applyUpdate(doc, part);
    return keysOf(doc);
  } finally {
    db.close();
  }
}

describe('rooms shared through Redis', () => {
  it('[S6] [S8] compacting every few updates on both processes while both write loses nothing', async () => {
    const file = databaseFile();
    const a = await processOn(file, { compactAfterUpdates: 3 });
    const b = await processOn(file, { compactAfterUpdates: 3 });
    const pa = await a.join('ala');
    const pb = await b.join('bartek');
    pa.sendSyncStep1();
    pb.sendSyncStep1();
    const expected: string[] = [];
    for (let i = 0; i < 120; i++) {
      const writer = i % 2 === 0 ? pa : pb;
      const name = `k${String(i).padStart(3, '0')}`;
      writer.doc.getMap('m').set(name, i);
      expected.push(name);
      // Let some messages cross while others are still on their way.
      if (i % 7 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    expected.sort();
    await until([pa, pb], () => keysOf(pa.doc).length === 120 && keysOf(pb.doc).length === 120, 'converged');
    const compactions = [...a.log.records, ...b.log.records].filter((r) => r.msg === 'room compacted');
    expect(compactions.length).toBeGreaterThanOrEqual(2);
    // What the store holds now is what a kill -9 of both would leave: no compaction may have
    // dropped an update whose message had not yet reached the compacting process.
    await a.registry.room(address).run(() => undefined);
    await b.registry.room(address).run(() => undefined);
    expect(await storedKeys(file)).toEqual(expected);
    await a.close();
    await b.close();
    expect(await storedKeys(file)).toEqual(expected);
  });

  it('[S6] a compaction never drops an update whose message has not reached the compacting process', async () => {
    const file = databaseFile();
    const a = await processOn(file, { compactAfterUpdates: 3 });
    const b = await processOn(file);
    const pa = await a.join('ala');
    const pb = await b.join('bartek');
    const roomA = a.registry.room(address);
    const roomB = b.registry.room(address);
    // Redis holds every publish (and lock) for a moment: B's update is stored, its message waits.
    await withRedis((redis) => redis.call('CLIENT', 'PAUSE', '700', 'WRITE'));
    pb.doc.getMap('m').set('from-b', 1);
    await roomB.run(() => undefined);
    // A reaches its compaction threshold meanwhile; it compacts as soon as it gets the lock.
    for (let i = 0; i < 3; i++) pa.doc.getMap('m').set(`from-a-${i}`, i);
    await until([], () => a.log.records.some((r) => r.msg === 'room compacted'), 'A compacted');
    await roomA.run(() => undefined);
    expect(await storedKeys(file)).toEqual(['from-a-0', 'from-a-1', 'from-a-2', 'from-b']);
  });

  it('[S8] a process that lost its subscription catches the room up from the store', async () => {
    const file = databaseFile();
    const a = await processOn(file);
    const b = await processOn(file);
    const pa = await a.join('ala');
    const pb = await b.join('bartek');
    pa.sendSyncStep1();
    pb.sendSyncStep1();
    // Redis drops every subscriber; what A writes meanwhile never reaches B's subscription.
    await killPubSubClients();
    for (let i = 0; i < 20; i++) pa.doc.getMap('m').set(`lost-${i}`, i);
    await until([pa, pb], () => keysOf(pb.doc).length === 20, 'B caught up');
    expect(b.log.records.some((r) => String(r.msg).startsWith('reconnected to redis'))).toBe(true);
  });

  it('[S7] ignores messages of another installation and malformed ones, and goes on', async () => {
    const file = databaseFile();
    const a = await processOn(file);
    const pa = await a.join('ala');
    pa.sendSyncStep1();
    const stranger = new RedisRelay(
      { url: redisUrl, prefix: 'test', installation: 'another-installation' },
      createMemoryLogger(),
    );
    cleanups.push(() => stranger.close());
    await stranger.ready();
    const channel = await stranger.join(key, {
      update: async () => {},
      awareness: () => {},
      compacted: () => {},
      missed: () => {},
      processGone: () => {},
      hello: () => {},
    });
    const forged = new Y.Doc();
    forged.getMap('m').set('forged', true);
    channel.publishUpdate(Y.encodeStateAsUpdate(forged), []);
    await publishRaw(`test:room:${key}`, 'not a relay message');
    // A write of A's own afterwards arrives; the stranger's never does.
    const b = await processOn(file);
    const pb = await b.join('bartek');
    pb.sendSyncStep1();
    pa.doc.getMap('m').set('real', true);
    await until([pa, pb], () => pb.doc.getMap('m').has('real'), 'the real write');
    expect(pa.doc.getMap('m').has('forged')).toBe(false);
    expect(pb.doc.getMap('m').has('forged')).toBe(false);
    expect(
      a.log.records.some((r) => String(r.msg).startsWith('ignoring messages of another installation')),
    ).toBe(true);
    expect(a.log.records.some((r) => r.msg === 'dropped a malformed relay message')).toBe(true);
  });

  it('[D8] a person on one process cannot write under a client id someone owns through another', async () => {
    const file = databaseFile();
    const a = await processOn(file, { rules: true });
    const b = await processOn(file, { rules: true });
    const ala = await a.join('ala');
    const mallory = await b.join('mallory');
    for (let i = 0; i < 3; i++) ala.doc.getMap('m').set(`ala-${i}`, i);
    const roomB = b.registry.room(address);
    await until([ala, mallory], () => roomB.doc.getMap('m').size === 3, 'Ala’s notes on B');
    // Mallory writes as Ala's client, past the clocks Ala used: her next edits would be dropped.
    mallory.doc.clientID = ala.doc.clientID;
    for (let i = 0; i < 6; i++) mallory.doc.getMap('m').set(`forged-${i}`, i);
    await until([ala, mallory], () => mallory.closed !== null, 'Mallory refused');
    expect(mallory.closed?.code).toBe(CloseCode.updateRefused);
    await roomB.run(() => undefined);
    expect([...roomB.doc.getMap('m').keys()].filter((k) => k.startsWith('forged'))).toEqual([]);
  });

  it('a room closing while its next copy opens in the same process keeps the channel for the new one', async () => {
    const log = createMemoryLogger();
    const receiver = new RedisRelay({ url: redisUrl, prefix: 'test', installation: 'inst-a' }, log);
    const sender = new RedisRelay({ url: redisUrl, prefix: 'test', installation: 'inst-a' }, log);
    cleanups.push(
      () => receiver.close(),
      () => sender.close(),
    );
    const heard: string[] = [];
    const listener = (name: string) => ({
      update: async () => {
        heard.push(name);
      },
      awareness: () => {},
      compacted: () => {},
      missed: () => {},
      processGone: () => {},
      hello: () => {},
    });
    const closing = await receiver.join('overlap/canvas', listener('old'));
    const next = await receiver.join('overlap/canvas', listener('new'));
    await closing.leave();
    const out = await sender.join('overlap/canvas', listener('sender'));
    const doc = new Y.Doc();
    doc.getMap('m').set('k', 1);
    out.publishUpdate(Y.encodeStateAsUpdate(doc), []);
    const deadline = Date.now() + 5_000;
    while (!heard.includes('new') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(heard).toEqual(['new']);
    await next.leave();
  });

  it('times each relayed update from its publication to its send on the receiving process', async () => {
    const file = databaseFile();
    const timings: { seconds: number; path: string }[] = [];
    const a = await processOn(file);
    const b = await processOn(file, {
      observer: { relayed: (seconds, path) => timings.push({ seconds, path }) },
    });
    const pa = await a.join('ala');
    const pb = await b.join('bartek');
    for (let i = 0; i < 5; i++) pa.doc.getMap('m').set(`k-${i}`, i);
    await until([pa, pb], () => pb.doc.getMap('m').size === 5, 'Ala’s writes on B');
    // One observation per relayed message, taken once B's room applied and sent it; B sent Ala
    // nothing of its own, so A observed nothing.
    expect(timings.length).toBeGreaterThanOrEqual(1);
    expect(timings.length).toBeLessThanOrEqual(5);
    for (const timing of timings) {
      expect(timing.path).toBe('cross_process');
      expect(timing.seconds).toBeGreaterThanOrEqual(0);
      expect(timing.seconds).toBeLessThan(10);
    }
  });

  it('answers a ping while Redis is up and rejects once it is gone', async () => {
    const port = await freePort();
    const dir2 = mkdtempSync(path.join(tmpdir(), 'empiria-relay-ping-'));
    const own = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir2, '--save', ''],
      {
        stdio: 'ignore',
      },
    );
    cleanups.push(() => {
      own.kill('SIGKILL');
      rmSync(dir2, { recursive: true, force: true });
    });
    const relay = new RedisRelay(
      { url: `redis://127.0.0.1:${port}`, prefix: 'ping', installation: 'inst-p', commandTimeoutMs: 500 },
      createMemoryLogger(),
    );
    cleanups.push(() => relay.close());
    await relay.ready();
    await expect(relay.ping()).resolves.toBeUndefined();
    own.kill('SIGKILL');
    await new Promise((resolve) => own.once('exit', resolve));
    await expect(relay.ping()).rejects.toThrow();
  });

  it(
    '[A1] presence of a connection on another process can be taken over by its person only',
    { timeout: 20_000 },
    async () => {
      const file = databaseFile();
      const a = await processOn(file);
      const b = await processOn(file);
      const pa = await a.join('ala');
      const pb = await b.join('bartek');
      const onA = await a.join('cezary');
      pa.sendAwareness({ cursor: { x: 1 } });
      await until([pa, pb], () => pb.remoteStates().has(pa.doc.clientID), 'Ala’s presence on B');
      // Bartek on B claims Ala's client id: refused. Ala herself on B (her tab moved): taken over.
      const presence = (state: Record<string, unknown>, clock: number) =>
        encodeAwarenessFrame(encodeAwarenessUpdate([{ clientId: pa.doc.clientID, clock, state }]));
      pb.send(presence({ cursor: { x: 666 } }, 100));
      const roomOnB = b.registry.room(address);
      await roomOnB.run(() => undefined);
      expect(roomOnB.awareness.getStates().get(pa.doc.clientID)?.cursor).toEqual({ x: 1 });
      const alaOnB = await b.join('ala');
      alaOnB.send(presence({ cursor: { x: 2 } }, 101));
      await until(
        [pa, pb, onA],
        () => (onA.remoteStates().get(pa.doc.clientID)?.cursor as { x: number } | undefined)?.x === 2,
        'Ala’s move on B, seen through A',
      );
      expect((pb.remoteStates().get(pa.doc.clientID)?.user as Identity | undefined)?.id).toBe('id-ala');
    },
  );
});

/** A plain client of the test's Redis, for what no process would do. */
async function withRedis(work: (redis: Redis) => Promise<unknown>): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    await work(redis);
  } finally {
    redis.disconnect();
  }
}

function killPubSubClients(): Promise<void> {
  return withRedis((redis) => redis.call('CLIENT', 'KILL', 'TYPE', 'pubsub'));
}

function publishRaw(channel: string, text: string): Promise<void> {
  return withRedis((redis) => redis.publish(channel, text));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
