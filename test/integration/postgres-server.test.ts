import { healthResponseSchema } from '@empiria/shared';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBoard, join } from '../support/api';
import { canvasRecords, noteRecord, noteText } from '../support/canvas-records';
import { startPostgresCluster, type TestDatabase } from '../support/postgres-cluster';
import { testDatabase } from '../support/postgres-database';
import { startServer, type ServerHandle } from '../support/server-process';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * A server process with DATABASE_URL on the run's private PostgreSQL: the board's documents live
 * there, two people's clients converge, a SIGKILL in the middle of their writing loses nothing any
 * of them had received, and the installation refuses to start on SQLite once its documents are on
 * PostgreSQL.
 */
let database: TestDatabase;
const servers: ServerHandle[] = [];
const connections: DocConnection[] = [];

beforeAll(async () => {
  database = await testDatabase('server');
});
afterAll(() => database?.drop());
afterEach(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
  for (const server of servers.splice(0)) if (server.exitCode() === undefined) await server.kill();
});

async function connect(...args: Parameters<typeof connectDoc>) {
  const connection = await connectDoc(...args);
  connections.push(connection);
  return connection;
}

async function queryDatabase<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe('the installation on PostgreSQL (DATABASE_URL)', () => {
  it('two clients converge; kill -9 mid-edit loses nothing either had received', async () => {
    const server = await startServer({ env: { DATABASE_URL: database.url } });
    servers.push(server);
    await server.waitForLog((record) => record.msg === 'database on postgresql');
    const board = await createBoard(server, 'Na PostgreSQL');
    const ala = await join(server, board.id, board.invites.participant, 'Ala', 'Gdynia');
    const bartek = await join(server, board.id, board.invites.facilitator, 'Bartek', 'Poznań');
    const a = await connect(server, board.id, 'canvas', ala.sessionToken, { maxBackoffTimeMs: 60_000 });
    const b = await connect(server, board.id, 'canvas', bartek.sessionToken, { maxBackoffTimeMs: 60_000 });

    // Both write at once, each seeing the other's notes arrive: 40 notes a second each, a fast
    // pace for people yet within what one room appends to PostgreSQL per second on a slow disk
    // (each append waits for its commit's fsync; docs/operations.md).
    const shapes = (connection: DocConnection, prefix: string) =>
      [...canvasRecords(connection.doc).map.keys()].filter((key) => key.startsWith(`shape:${prefix}`));
    let next = 0;
    const pump = setInterval(() => {
      canvasRecords(a.doc).set(`shape:a${next}`, noteRecord(`shape:a${next}`, { text: `Ala ${next}` }));
      canvasRecords(b.doc).set(`shape:b${next}`, noteRecord(`shape:b${next}`, { text: `Bartek ${next}` }));
      next++;
    }, 25);
    try {
      await b.waitFor(() => shapes(b, 'a').length >= 100, 30_000, 'Bartek received 100 of Ala’s notes');
      await a.waitFor(() => shapes(a, 'b').length >= 100, 30_000, 'Ala received 100 of Bartek’s notes');
    } catch (err) {
      server.dumpLogs('writing on PostgreSQL');
      throw err;
    } finally {
      // Killed while both are still writing.
      await server.kill();
      clearInterval(pump);
    }
    expect(
      server.logRecords().filter((record) => record.level === 'warn' || record.level === 'error'),
    ).toEqual([]);
    const receivedByBartek = shapes(b, 'a');
    const receivedByAla = shapes(a, 'b');
    a.destroy();
    b.destroy();

    // The updates are in PostgreSQL, and the board beside them; DATA_DIR has no SQLite file at all.
    const [stored] = await queryDatabase<{ n: string }>(
      'SELECT count(*) AS n FROM doc_updates WHERE doc_key = $1',
      [`${board.id}/canvas`],
    );
    expect(Number(stored?.n)).toBeGreaterThan(0);
    const [boardRow] = await queryDatabase<{ title: string }>('SELECT title FROM boards WHERE id = $1', [
      board.id,
    ]);
    expect(boardRow?.title).toBeTruthy();
    expect(existsSync(path.join(server.dataDir, 'database-engine'))).toBe(true);
    expect(existsSync(path.join(server.dataDir, 'empiria.sqlite'))).toBe(false);

    const restarted = await server.restart();
    servers.push(restarted);
    const check = await connect(restarted, board.id, 'canvas', ala.sessionToken);
    const after = new Set(canvasRecords(check.doc).map.keys());
    expect(receivedByBartek.filter((key) => !after.has(key))).toEqual([]);
    expect(receivedByAla.filter((key) => !after.has(key))).toEqual([]);
    // Whole notes, not only their keys.
    expect(noteText(canvasRecords(check.doc).get('shape:a0'))).toBe('Ala 0');
    expect(noteText(canvasRecords(check.doc).get('shape:b0'))).toBe('Bartek 0');
    check.destroy();

    // SIGTERM folds each room's log into its snapshot in PostgreSQL and exits cleanly.
    expect(await restarted.stop()).toBe(0);
    const [snapshot] = await queryDatabase<{ upto_seq: string }>(
      'SELECT upto_seq FROM doc_snapshots WHERE doc_key = $1',
      [`${board.id}/canvas`],
    );
    expect(Number(snapshot?.upto_seq)).toBeGreaterThan(0);
    const [left] = await queryDatabase<{ n: string }>(
      'SELECT count(*) AS n FROM doc_updates WHERE doc_key = $1',
      [`${board.id}/canvas`],
    );
    expect(Number(left?.n)).toBe(0);

    // Without DATABASE_URL the same DATA_DIR would open every board empty: refused, with the reason.
    await expect(restarted.restart({ env: { DATABASE_URL: undefined } })).rejects.toThrow(
      /data of this installation is in PostgreSQL .*set DATABASE_URL/,
    );
  });

  it('PostgreSQL going away refuses edits instead of relaying them; when it is back, nothing is lost', async () => {
    // A cluster of this test's own: stopping the run's shared one would pull it from the others.
    const own = await startPostgresCluster();
    try {
      const db = await own.createDatabase('outage');
      const server = await startServer({ env: { DATABASE_URL: db.url } });
      servers.push(server);
      const board = await createBoard(server, 'Awaria bazy');
      const ala = await join(server, board.id, board.invites.participant, 'Ala', 'Gdynia');
      const bartek = await join(server, board.id, board.invites.facilitator, 'Bartek', 'Poznań');
      const a = await connect(server, board.id, 'canvas', ala.sessionToken, { maxBackoffTimeMs: 500 });
      const b = await connect(server, board.id, 'canvas', bartek.sessionToken, { maxBackoffTimeMs: 500 });
      canvasRecords(a.doc).set('shape:before', noteRecord('shape:before', { text: 'przed awarią' }));
      await b.waitFor((doc) => canvasRecords(doc).has('shape:before'), 10_000, 'Bartek sees the first note');

      const health = async () => {
        const res = await fetch(`${server.baseUrl}/healthz`);
        return { status: res.status, body: healthResponseSchema.parse(await res.json()) };
      };
      const before = await health();
      expect(before.status).toBe(200);
      // Every table is on PostgreSQL: SQLite is not one of this process's engines at all.
      expect(before.body.engines.map((e) => [e.name, e.status])).toEqual([['postgresql', 'up']]);

      await own.halt();
      // Readiness names PostgreSQL as the engine down (refused, or no answer within 1 s).
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const during = await health();
      expect(during.status).toBe(503);
      expect(during.body.engines).toContainEqual(
        expect.objectContaining({ name: 'postgresql', status: 'down' }),
      );
      canvasRecords(a.doc).set('shape:during', noteRecord('shape:during', { text: 'w czasie awarii' }));
      await server.waitForLog(
        (record) => record.msg === 'storage failure; dropping the room so it reloads from disk',
      );
      // Not stored, so relayed to nobody ([S3]); Ala keeps it in her own copy.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(canvasRecords(b.doc).has('shape:during')).toBe(false);
      expect(canvasRecords(a.doc).has('shape:during')).toBe(true);

      await own.resume();
      // The clients reconnect on their own; Ala's copy brings her note to the reloaded room.
      await b.waitFor(
        (doc) => canvasRecords(doc).has('shape:during'),
        30_000,
        'Bartek gets the note after the outage',
      );
      canvasRecords(b.doc).set('shape:after', noteRecord('shape:after', { text: 'po awarii' }));
      await a.waitFor(
        (doc) => canvasRecords(doc).has('shape:after'),
        10_000,
        'Ala sees the note after the outage',
      );

      await server.kill();
      const restarted = await server.restart();
      servers.push(restarted);
      const check = await connect(restarted, board.id, 'canvas', ala.sessionToken);
      expect(
        ['shape:before', 'shape:during', 'shape:after'].map((key) =>
          noteText(canvasRecords(check.doc).get(key)),
        ),
      ).toEqual(['przed awarią', 'w czasie awarii', 'po awarii']);
    } finally {
      for (const connection of connections.splice(0)) connection.destroy();
      for (const server of servers.splice(0)) if (server.exitCode() === undefined) await server.kill();
      await own.stop();
    }
  });
});
