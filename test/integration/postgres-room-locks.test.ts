import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../server/src/log';
import { openPostgresPool } from '../../server/src/storage/postgres-database';
import { PostgresDocumentStore } from '../../server/src/storage/postgres-document-store';
import { postgresLockConnection, PostgresRoomLocks } from '../../server/src/sync/postgres-room-locks';
import type { TestDatabase } from '../support/postgres-cluster';
import { testDatabase } from '../support/postgres-database';
import { redisAvailable, startRedis, type RedisHandle } from '../support/redis-server';
import { startServer, type ServerHandle } from '../support/server-process';
import { createBoard, join } from '../support/api';
import { connectDoc } from '../support/yjs-client';
import * as Y from 'yjs';
import { cityColor } from '@empiria/shared';
import { MemoryPeer } from '../../server/src/sync/memory-peer.test-support';
import { RedisRelay } from '../../server/src/sync/redis-relay';
import { RoomRegistry } from '../../server/src/sync/room-registry';
import { DEFAULT_ROOM_OPTIONS } from '../../server/src/sync/room';

/**
 * The rooms' locks as PostgreSQL advisory locks (docs/operations.md, "Several server processes";
 * decisions.md): two `PostgresRoomLocks` stand for two processes, on the run's private cluster.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await testDatabase('room_locks');
});
afterAll(() => database?.drop());

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function processLocks() {
  const log = createMemoryLogger();
  const locks = new PostgresRoomLocks(postgresLockConnection(database.url), log);
  cleanups.push(() => locks.close());
  return { locks, log };
}

async function admin<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The sessions holding room locks in this test's database, once there are `count` of them. */
async function lockHolders(count: number): Promise<{ pid: number }[]> {
  const query = () =>
    admin<{ pid: number }>(
      `SELECT l.pid FROM pg_locks l JOIN pg_stat_activity s ON s.pid = l.pid
       WHERE l.locktype = 'advisory' AND s.application_name = 'empiria-locks' AND s.datname = current_database()`,
    );
  const deadline = Date.now() + 15_000;
  let holders = await query();
  while (holders.length !== count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    holders = await query();
  }
  return holders;
}

/** Resolves once `release()` is called: a task that holds its lock until the test says so. */
function heldUntilReleased() {
  let release = () => {};
  const done = new Promise<void>((resolve) => (release = resolve));
  return { task: () => done, release };
}

describe('room locks on PostgreSQL', () => {
  it('[S6] one process at a time holds a name; others are refused at once, then get it once freed', async () => {
    const a = processLocks();
    const b = processLocks();
    const hold = heldUntilReleased();
    const holding = a.locks.tryWith('compact:board-1/canvas', hold.task);
    expect(await lockHolders(1)).toHaveLength(1);
    expect(await b.locks.tryWith('compact:board-1/canvas', async () => 'B')).toEqual({ ran: false });
    // Another room's lock is another lock.
    expect(await b.locks.tryWith('compact:board-2/canvas', async () => 'other')).toEqual({
      ran: true,
      value: 'other',
    });
    // A second room of the same process is refused as well (one session holds them all).
    expect(await a.locks.tryWith('compact:board-1/canvas', async () => 'again')).toEqual({ ran: false });
    hold.release();
    expect(await holding).toEqual({ ran: true, value: undefined });
    expect(await b.locks.tryWith('compact:board-1/canvas', async () => 'B')).toEqual({
      ran: true,
      value: 'B',
    });
  });

  it('a process that dies frees its locks at once, without an expiry to wait out', async () => {
    const a = processLocks();
    const b = processLocks();
    const hold = heldUntilReleased();
    const holding = a.locks.tryWith('open:board-3/canvas', hold.task);
    const holders = await lockHolders(1);
    expect(holders).toHaveLength(1);
    // The holder's connection ends (a kill -9 of its process looks the same to PostgreSQL).
    await admin('SELECT pg_terminate_backend($1)', [holders[0]!.pid]);
    expect(await b.locks.tryWith('open:board-3/canvas', async () => 'B')).toEqual({ ran: true, value: 'B' });
    // A's task finishes; its release finds its session gone, and A locks again on a new one.
    hold.release();
    expect(await holding).toEqual({ ran: true, value: undefined });
    expect(a.log.records.some((r) => String(r.msg).startsWith('lost the postgres connection'))).toBe(true);
    expect(await a.locks.tryWith('open:board-3/canvas', async () => 'A again')).toEqual({
      ran: true,
      value: 'A again',
    });
  });

  it('[S8] withWaiting waits for the holder, and past its wait goes on and says so', async () => {
    const a = processLocks();
    const b = processLocks();
    const hold = heldUntilReleased();
    const holding = a.locks.tryWith('open:board-4/canvas', hold.task);
    expect(await lockHolders(1)).toHaveLength(1);
    const order: string[] = [];
    const waiting = b.locks.withWaiting('open:board-4/canvas', 10_000, async () => order.push('B loaded'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    order.push('A released');
    hold.release();
    await holding;
    await waiting;
    expect(order).toEqual(['A released', 'B loaded']);

    const again = heldUntilReleased();
    const holdingAgain = a.locks.tryWith('open:board-4/canvas', again.task);
    expect(await lockHolders(1)).toHaveLength(1);
    expect(await b.locks.withWaiting('open:board-4/canvas', 200, async () => 'anyway')).toBe('anyway');
    expect(b.log.records.some((r) => r.msg === 'went on without a lock another process holds')).toBe(true);
    again.release();
    await holdingAgain;
  });

  it('never waits on, nor holds up, the store’s per-document append locks', async () => {
    const pool = await openPostgresPool(database.url, createMemoryLogger());
    const store = new PostgresDocumentStore(pool, { ownsPool: true });
    cleanups.push(() => store.close());
    const { locks } = processLocks();
    // Names equal to the document's key: the two kinds of lock live in separate key spaces.
    const outcome = await locks.tryWith('board-5/canvas', () =>
      store.append('board-5/canvas', Uint8Array.of(0, 0)),
    );
    expect(outcome.ran).toBe(true);
  });
});

describe('a server on PostgreSQL and Redis', () => {
  let redis: RedisHandle;
  const servers: ServerHandle[] = [];
  beforeAll(async () => {
    if (!redisAvailable()) throw new Error('redis-server is missing: run scripts/install-redis.sh');
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const server of servers) if (server.exitCode() === undefined) await server.kill();
    await redis?.stop();
  });

  it('takes its rooms’ locks in PostgreSQL when the documents are there', async () => {
    const db = await testDatabase('room_locks_server');
    cleanups.push(() => db.drop());
    const server = await startServer({ env: { DATABASE_URL: db.url, REDIS_URL: redis.url } });
    servers.push(server);
    const board = await createBoard(server, 'Blokady');
    const ala = await join(server, board.id, board.invites.participant, 'Ala', 'Gdynia');
    const connection = await connectDoc(server, board.id, 'canvas', ala.sessionToken);
    connection.destroy();
    // The room's first load took its lock through the lock session, which stays open.
    const sessions = new pg.Client({ connectionString: db.url });
    await sessions.connect();
    try {
      const { rows } = await sessions.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'empiria-locks' AND datname = current_database()",
      );
      expect(Number(rows[0]?.n)).toBe(1);
    } finally {
      await sessions.end();
    }
    expect(await server.stop()).toBe(0);
  });
});

describe('two processes compacting one room on PostgreSQL under its advisory lock', () => {
  let redis: RedisHandle;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis?.stop());

  const address = { boardId: 'board-c', doc: 'canvas' as const };
  const key = 'board-c/canvas';

  async function processOn(url: string) {
    const log = createMemoryLogger();
    const locks = new PostgresRoomLocks(postgresLockConnection(url), log);
    const relay = new RedisRelay(
      { url: redis.url, prefix: 'locks', installation: 'inst-l', heartbeatMs: 200, locks },
      log,
    );
    await relay.ready();
    const pool = await openPostgresPool(url, log);
    const store = new PostgresDocumentStore(pool, { ownsPool: true });
    const registry = new RoomRegistry(store, log, {
      relay,
      unloadAfterMs: 60_000,
      room: { ...DEFAULT_ROOM_OPTIONS, compactAfterUpdates: 3, compactAfterIdleMs: 60_000 },
    });
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await registry.close();
      await relay.close();
      await locks.close();
      await store.close();
    };
    cleanups.push(close);
    const joinAs = async (name: string) => {
      const peer = new MemoryPeer();
      const identity = {
        id: `id-${name}`,
        name,
        city: 'Gdynia',
        role: 'participant' as const,
        color: cityColor('Gdynia'),
      };
      const connection = registry.connect(peer.socket, address, identity, 'invite-1');
      peer.attach((frame) => connection.receive(frame));
      await registry.room(address).loaded;
      peer.sendSyncStep1();
      return peer;
    };
    return { log, store, registry, close, joinAs };
  }

  const keysOf = (doc: Y.Doc) => [...doc.getMap('m').keys()].sort();

  it('[S6] both write and compact every few updates; the database ends with every update', async () => {
    const db = await testDatabase('room_locks_compact');
    cleanups.push(() => db.drop());
    const a = await processOn(db.url);
    const b = await processOn(db.url);
    const pa = await a.joinAs('ala');
    const pb = await b.joinAs('bartek');
    const expected: string[] = [];
    for (let i = 0; i < 90; i++) {
      const name = `k${String(i).padStart(3, '0')}`;
      (i % 2 === 0 ? pa : pb).doc.getMap('m').set(name, i);
      expected.push(name);
      if (i % 7 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    expected.sort();
    const deadline = Date.now() + 30_000;
    while (!(keysOf(pa.doc).length === 90 && keysOf(pb.doc).length === 90)) {
      if (Date.now() > deadline) throw new Error('the two processes did not converge within 30 s');
      pa.deliver();
      pb.deliver();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await a.registry.room(address).run(() => undefined);
    await b.registry.room(address).run(() => undefined);
    const compactions = [...a.log.records, ...b.log.records].filter((r) => r.msg === 'room compacted');
    expect(compactions.length).toBeGreaterThanOrEqual(2);
    const stored = async () => {
      const doc = new Y.Doc();
      const { snapshot, updates } = await a.store.load(key);
      for (const part of snapshot ? [snapshot, ...updates] : updates) Y.applyUpdate(doc, part);
      return keysOf(doc);
    };
    expect(await stored()).toEqual(expected);
    await b.close();
    expect(await stored()).toEqual(expected);
  });
});
