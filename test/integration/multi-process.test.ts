import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, readControlState, type JoinResponse } from '@empiria/shared';
import { apiRequest, createBoard, join } from '../support/api';
import { canvasRecords, noteRecord } from '../support/canvas-records';
import { redisAvailable, startRedis, type RedisHandle } from '../support/redis-server';
import type { TestDatabase } from '../support/postgres-cluster';
import { testDatabase } from '../support/postgres-database';
import { freePort, startServer, type ServerHandle } from '../support/server-process';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * Several server processes of one installation (docs/operations.md): one database — the same
 * DATA_DIR's SQLite file, or PostgreSQL with every table — one Redis started for the test, real
 * websockets. Any process serves any room;
 * what one accepts is stored before anyone sees it (S3) and reaches the clients of every other.
 */
let redis: RedisHandle;
/** The database every process of the engine under test is given (none: the DATA_DIR's SQLite). */
let databaseEnv: Record<string, string> = {};
const servers: ServerHandle[] = [];
const connections: DocConnection[] = [];

beforeAll(async () => {
  if (!redisAvailable()) throw new Error('redis-server is missing: run scripts/install-redis.sh');
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});
afterEach(async (context) => {
  for (const connection of connections.splice(0)) connection.destroy();
  if (context.task.result?.state === 'fail') for (const server of servers) server.dumpLogs('failed test');
  for (const server of servers.splice(0)) if (server.exitCode() === undefined) await server.kill();
});

/** `count` processes on one data directory and one Redis, started one after another. */
async function startCluster(count: number, extraEnv: Record<string, string> = {}): Promise<ServerHandle[]> {
  const env = { REDIS_URL: redis.url, LOG_LEVEL: 'info', ...databaseEnv, ...extraEnv };
  const first = await startServer({ env });
  servers.push(first);
  const cluster = [first];
  for (let i = 1; i < count; i++) {
    const next = await startServer({ env, dataDir: first.dataDir, adminToken: first.adminToken });
    servers.push(next);
    cluster.push(next);
  }
  return cluster;
}

async function connect(...args: Parameters<typeof connectDoc>): Promise<DocConnection> {
  const connection = await connectDoc(...args);
  connections.push(connection);
  return connection;
}

function noteIds(doc: Y.Doc): string[] {
  return [...canvasRecords(doc).map.keys()].filter((key) => key.startsWith('shape:n-')).sort();
}

async function people(server: ServerHandle, format: 'blank' | 'format-2' = 'blank') {
  const board = await createBoard(server, 'Wiele procesów', format);
  const person = (name: string, city: string, role: 'participant' | 'facilitator' = 'participant') =>
    join(server, board.id, board.invites[role], name, city);
  return { board, person };
}

/** Each engine an installation's processes may share: the same DATA_DIR's SQLite file, or PostgreSQL. */
describe.each(['SQLite', 'PostgreSQL'] as const)('on %s', (engine) => {
  let database: TestDatabase | null = null;
  beforeAll(async () => {
    database = engine === 'PostgreSQL' ? await testDatabase('multi_process') : null;
    databaseEnv = database ? { DATABASE_URL: database.url } : {};
  });
  afterAll(async () => {
    databaseEnv = {};
    await database?.drop();
  });

  describe('several server processes on one database and one Redis', () => {
    it('clients on three processes converge, and a late joiner on any of them gets everything', async () => {
      const cluster = await startCluster(3);
      const { board, person } = await people(cluster[0]!);
      const writers: { who: JoinResponse; connection: DocConnection }[] = [];
      for (const [i, server] of cluster.entries()) {
        const who = await person(`Osoba ${i}`, 'Gdynia');
        writers.push({ who, connection: await connect(server, board.id, 'canvas', who.sessionToken) });
      }
      for (const [i, { connection }] of writers.entries()) {
        for (let j = 0; j < 5; j++) {
          const id = `shape:n-${i}-${j}`;
          canvasRecords(connection.doc).set(id, noteRecord(id, { text: `z procesu ${i}` }));
        }
      }
      const expected = writers
        .flatMap((_, i) => Array.from({ length: 5 }, (__, j) => `shape:n-${i}-${j}`))
        .sort();
      for (const { connection } of writers) {
        await connection.waitFor((doc) => noteIds(doc).length === expected.length, 15_000, 'all notes');
        expect(noteIds(connection.doc)).toEqual(expected);
      }
      // Someone opening the board later, on each process, loads the same document.
      for (const server of cluster) {
        const late = await person('Spóźniona', 'Lublin');
        const reader = await connect(server, board.id, 'canvas', late.sessionToken);
        expect(noteIds(reader.doc)).toEqual(expected);
      }
    });

    it('kill -9 of one process while five writers write through all three loses nothing any client received', async () => {
      const cluster = await startCluster(3);
      const { board, person } = await people(cluster[0]!);
      // A reader on every process: what it holds is what the servers sent to clients.
      const readers: DocConnection[] = [];
      for (const server of cluster) {
        const who = await person('Czytelniczka', 'Toruń');
        readers.push(
          await connect(server, board.id, 'canvas', who.sessionToken, { maxBackoffTimeMs: 60_000 }),
        );
      }
      const writers: DocConnection[] = [];
      for (let i = 0; i < 5; i++) {
        const who = await person(`Pisarz ${i}`, 'Płock');
        writers.push(await connect(cluster[i % 3]!, board.id, 'canvas', who.sessionToken));
      }
      let writing = true;
      const loops = writers.map(async (writer, i) => {
        for (let j = 0; writing; j++) {
          const id = `shape:n-${i}-${String(j).padStart(4, '0')}`;
          canvasRecords(writer.doc).set(id, noteRecord(id, { text: `notatka ${j}` }));
          await new Promise((resolve) => setTimeout(resolve, 15));
        }
      });
      const received = new Set<string>();
      const collect = (doc: Y.Doc) => {
        for (const id of noteIds(doc)) received.add(id);
      };
      for (const reader of readers) reader.doc.on('update', () => collect(reader.doc));

      await readers[1]!.waitFor((doc) => noteIds(doc).length >= 60, 20_000, 'writing under way');
      await cluster[1]!.kill();
      const killedAt = received.size;
      // The survivors go on serving the writers connected to them.
      await readers[0]!.waitFor(
        (doc) => noteIds(doc).length >= killedAt + 60,
        20_000,
        'writing after the kill',
      );
      writing = false;
      await Promise.all(loops);
      for (const reader of readers) collect(reader.doc);

      // The two survivors' readers ended with the same document.
      const same = () => noteIds(readers[0]!.doc).join() === noteIds(readers[2]!.doc).join();
      await until(same, 10_000, 'the survivors’ readers converge');
      // Every process down, then one alone on the same database: everything any client received is there.
      for (const server of [cluster[0]!, cluster[2]!]) await server.kill();
      const alone = await startServer({
        dataDir: cluster[0]!.dataDir,
        adminToken: cluster[0]!.adminToken,
        env: databaseEnv,
      });
      servers.push(alone);
      const check = await join(alone, board.id, board.invites.participant, 'Sprawdzająca', 'Kalisz');
      const reloaded = await connect(alone, board.id, 'canvas', check.sessionToken);
      const stored = new Set(noteIds(reloaded.doc));
      const missing = [...received].filter((id) => !stored.has(id));
      expect(received.size).toBeGreaterThan(killedAt);
      expect(missing).toEqual([]);
    });

    it('[C1] a participant moving a template sheet through one process is undone for everyone on every process', async () => {
      const cluster = await startCluster(3);
      const { board, person } = await people(cluster[0]!, 'format-2');
      const sheetId = 'shape:tpl--format-2--barriers--sheet';
      const ala = await person('Ala', 'Gdynia');
      const fela = await person('Fela', 'Lublin', 'facilitator');
      const others = [
        await connect(cluster[0]!, board.id, 'canvas', fela.sessionToken),
        await connect(cluster[2]!, board.id, 'canvas', (await person('Ola', 'Opole')).sessionToken),
      ];
      const participant = await connect(cluster[1]!, board.id, 'canvas', ala.sessionToken);
      const original = canvasRecords(participant.doc).get(sheetId)!;
      expect(original).toBeDefined();
      // Nobody on another process ever holds the moved sheet: the correction travels with the move.
      const sawMoved: number[] = [];
      for (const [i, other] of others.entries()) {
        other.doc.on('update', () => {
          if (canvasRecords(other.doc).get(sheetId)?.x === 99_999) sawMoved.push(i);
        });
      }
      canvasRecords(participant.doc).set(sheetId, { ...original, x: 99_999 });
      await participant.waitFor(
        () => canvasRecords(participant.doc).get(sheetId)?.x === original.x,
        10_000,
        'put back',
      );
      // A note written after the try reaches everyone, so everything before it has too.
      canvasRecords(participant.doc).set('shape:n-after', noteRecord('shape:n-after'));
      for (const other of others) {
        await other.waitFor((doc) => canvasRecords(doc).has('shape:n-after'), 10_000, 'later note');
        expect(canvasRecords(other.doc).get(sheetId)?.x).toBe(original.x);
      }
      expect(sawMoved).toEqual([]);
      // The facilitator, on another process, may change the template; the participant sees it.
      const lead = canvasRecords(others[0]!.doc);
      lead.set(sheetId, { ...original, x: (original.x as number) + 10 });
      await participant.waitFor(
        () => canvasRecords(participant.doc).get(sheetId)?.x === (original.x as number) + 10,
        10_000,
        'the facilitator’s move',
      );
    });

    it('presence from one process is seen on another, with the server’s identity, and goes when that process dies', async () => {
      // Heartbeats every 300 ms: a process silent for three is gone.
      const cluster = await startCluster(2, { REDIS_HEARTBEAT_MS: '300' });
      const { board, person } = await people(cluster[0]!);
      const ala = await person('Ala', 'Gdynia');
      const ola = await person('Ola', 'Opole');
      const onA = await connect(cluster[0]!, board.id, 'canvas', ala.sessionToken, {
        maxBackoffTimeMs: 60_000,
      });
      const onB = await connect(cluster[1]!, board.id, 'canvas', ola.sessionToken);
      const alaId = onA.doc.clientID;
      onA.provider.awareness.setLocalStateField('cursor', { x: 12, y: 34 });
      const stateOf = () =>
        onB.provider.awareness.getStates().get(alaId) as
          { cursor?: { x: number }; user?: { name?: string; id?: string } } | undefined;
      await until(() => stateOf()?.cursor?.x === 12, 10_000, 'Ala’s cursor on process B');
      expect(stateOf()?.user).toMatchObject({ id: ala.identity.id, name: 'Ala' });

      // Ola's presence reaches Ala the other way round.
      onB.provider.awareness.setLocalStateField('cursor', { x: 56, y: 78 });
      await until(() => onA.provider.awareness.getStates().has(onB.doc.clientID), 10_000, 'Ola on process A');

      // Process A dies without a word: its heartbeat stops, and Ala's cursor leaves B's screen long
      // before presence's own 30 s timeout (and the 15 s in which her tab would have renewed it).
      await cluster[0]!.kill();
      await until(() => stateOf() === undefined, 5_000, 'Ala’s presence gone from process B');
    });
  });

  describe('who is here, across processes', () => {
    it('a room opened on a second process shows at once who is there through the first, and the people list counts both', async () => {
      const cluster = await startCluster(2, { REDIS_HEARTBEAT_MS: '60000' });
      const { board, person } = await people(cluster[0]!);
      const ala = await person('Ala', 'Gdynia');
      const ola = await person('Ola', 'Opole');
      const ewa = await person('Ewa', 'Łódź', 'facilitator');
      const onA = await connect(cluster[0]!, board.id, 'canvas', ala.sessionToken);
      onA.provider.awareness.setLocalStateField('cursor', { x: 12, y: 34 });
      // The heartbeat is a minute away and Ala's tab renews her presence only every 15 s: what
      // reaches Ola now comes from process B asking A when it opened the room.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const onB = await connect(cluster[1]!, board.id, 'canvas', ola.sessionToken);
      await until(
        () =>
          (onB.provider.awareness.getStates().get(onA.doc.clientID) as { cursor?: { x: number } } | undefined)
            ?.cursor?.x === 12,
        5_000,
        'Ala’s presence on process B as soon as it opened the room',
      );

      // The facilitator's people list, asked of either process, shows both as here.
      const online = async (server: ServerHandle) => {
        const response = await apiRequest(server, 'GET', `/api/boards/${board.id}/people`, {
          token: ewa.sessionToken,
        });
        const list = (response.body as { people: { name: string; online: boolean }[] }).people;
        return list
          .filter((p) => p.online)
          .map((p) => p.name)
          .sort();
      };
      for (const server of cluster) {
        await until(
          async () => (await online(server)).join() === 'Ala,Ola',
          5_000,
          'both online on every process',
        );
      }
      // Ola leaves process B: process A's list drops her soon after, not at the next heartbeat.
      onB.destroy();
      await until(
        async () => (await online(cluster[0]!)).join() === 'Ala',
        5_000,
        'Ola gone from process A’s list',
      );
    });
  });

  describe('server-side acts on several processes', () => {
    it('a revoked invite ends its connections on every process, not only the one that revoked it', async () => {
      const cluster = await startCluster(2);
      const { board, person } = await people(cluster[0]!);
      const ala = await person('Ala', 'Gdynia');
      const onB = await connect(cluster[1]!, board.id, 'canvas', ala.sessionToken);
      const closed = onB.nextClose(10_000);
      const revoked = await apiRequest(
        cluster[0]!,
        'POST',
        `/api/boards/${board.id}/invites/participant/revoke`,
        {
          token: cluster[0]!.adminToken,
        },
      );
      expect(revoked.status).toBe(200);
      expect((await closed).code).toBe(CloseCode.unauthorized);
    });

    it('a vote limit holds when one voter’s ballots go to two processes at once', async () => {
      const cluster = await startCluster(2);
      const { board, person } = await people(cluster[0]!, 'format-2');
      const fela = await person('Fela', 'Lublin', 'facilitator');
      const ala = await person('Ala', 'Gdynia');
      const call = (server: ServerHandle, path: string, who: JoinResponse, body?: unknown) =>
        apiRequest(server, 'POST', `/api/boards/${board.id}${path}`, { token: who.sessionToken, body });
      const targets = Array.from({ length: 8 }, (_, i) => `shape:barrier-${i}`);
      const opened = await call(cluster[0]!, '/votes', fela, { targets, votesPerPerson: 3 });
      expect(opened.status).toBe(201);
      const sessionId = (opened.body as { voting: { sessionId: string } }).voting.sessionId;
      const answers = await Promise.all(
        targets.map((targetId, i) => call(cluster[i % 2]!, `/votes/${sessionId}/ballots`, ala, { targetId })),
      );
      const statuses = answers.map((answer) => answer.status).sort();
      // Three dots, and a clear refusal for each of the others: never a fourth, never a failure.
      expect(statuses).toEqual([200, 200, 200, 409, 409, 409, 409, 409]);
      for (const answer of answers.filter((a) => a.status === 409)) {
        expect((answer.body as { error: { code: string } }).error.code).toBe('no_votes_left');
      }
    });

    it('the timer started through one process is written once and reaches the control document on every process', async () => {
      const cluster = await startCluster(2);
      const { board, person } = await people(cluster[0]!, 'format-2');
      const fela = await person('Fela', 'Lublin', 'facilitator');
      const ala = await person('Ala', 'Gdynia');
      const controls = [
        await connect(cluster[0]!, board.id, 'control', ala.sessionToken),
        await connect(cluster[1]!, board.id, 'control', fela.sessionToken),
      ];
      const before = controls.map((control) => Y.encodeStateVector(control.doc));
      const started = await apiRequest(cluster[1]!, 'POST', `/api/boards/${board.id}/timer`, {
        token: fela.sessionToken,
        body: { action: 'start', seconds: 300 },
      });
      expect(started.status).toBe(200);
      for (const control of controls) {
        await control.waitFor(
          (doc) => readControlState(doc).timer.status === 'running',
          10_000,
          'timer running',
        );
      }
      const [onA, onB] = controls.map((control) => readControlState(control.doc).timer);
      expect(onA).toEqual(onB);
      // Process A applied B's write; it did not write one of its own: what changed on both
      // screens was written by one Yjs client, the server of process B.
      const writers = controls.map((control, i) => {
        const change = Y.decodeUpdate(Y.encodeStateAsUpdate(control.doc, before[i]));
        return [...new Set(change.structs.map((struct) => struct.id.client))];
      });
      expect(writers[0]).toHaveLength(1);
      expect(writers[1]).toEqual(writers[0]);
    });
  });
});

describe('a process without its Redis', () => {
  it('does not start, and says which Redis it could not reach (without its password)', async () => {
    const port = await freePort();
    const start = startServer({
      env: { REDIS_URL: `redis://:tajne@127.0.0.1:${port}` },
      startTimeoutMs: 30_000,
    });
    const error = (await start.then(
      () => null,
      (err: unknown) => err,
    )) as Error | null;
    expect(error?.message).toMatch(
      /Empiria could not start: .*redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\/? did not answer/,
    );
    expect(error?.message).not.toContain('tajne');
  });
});

async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
