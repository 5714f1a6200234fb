import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentStoreContract } from '../../server/src/storage/document-store.contract';
import { createMemoryLogger } from '../../server/src/log';
import { openPostgresPool, type PostgresPool } from '../../server/src/storage/postgres-database';
import { PostgresDocumentStore } from '../../server/src/storage/postgres-document-store';
import { POSTGRES_MIGRATIONS } from '../../server/src/storage/postgres-migrations';
import { startPostgresCluster, type TestDatabase } from '../support/postgres-cluster';
import { testDatabase } from '../support/postgres-database';

/**
 * The document store on a real PostgreSQL (the run's private cluster): the same contract as SQLite
 * and memory (document-store.contract.ts), the schema's migrations, and what only several
 * connections can show — appends racing to one document from two pools (two processes).
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await testDatabase('document_store');
});
afterAll(() => database?.drop());

const open = () => openPostgresPool(database.url, createMemoryLogger());

documentStoreContract('postgres', async () => {
  // Each test starts from empty tables, as the other engines' tests do with a new file.
  const pool = await open();
  await pool.query('TRUNCATE doc_updates, doc_snapshots');
  return {
    store: new PostgresDocumentStore(pool, { ownsPool: true }),
    reopen: async () => new PostgresDocumentStore(await open(), { ownsPool: true }),
  };
});

describe('PostgreSQL schema migrations', () => {
  let scratch: TestDatabase;
  beforeAll(async () => {
    scratch = await testDatabase('migrations');
  });
  afterAll(() => scratch?.drop());

  const query = async <T extends pg.QueryResultRow>(sql: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  };

  it('an empty database gets every migration once, even from processes starting together', async () => {
    const pools = await Promise.all([1, 2, 3].map(() => openPostgresPool(scratch.url, createMemoryLogger())));
    await Promise.all(pools.map((pool) => pool.end()));
    const rows = await query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => row.version)).toEqual(POSTGRES_MIGRATIONS.map((_, index) => index + 1));
    // Opening again applies nothing and keeps the data.
    const pool = await openPostgresPool(scratch.url, createMemoryLogger());
    const store = new PostgresDocumentStore(pool, { ownsPool: true });
    await store.append('b/canvas', new Uint8Array([1, 2, 3]));
    await store.close();
    const again = new PostgresDocumentStore(await openPostgresPool(scratch.url, createMemoryLogger()), {
      ownsPool: true,
    });
    expect((await again.load('b/canvas')).updates).toEqual([new Uint8Array([1, 2, 3])]);
    await again.close();
  });

  it('a database made by the release before (documents only, migration 1) gets the rest and keeps its documents', async () => {
    // What the release before left: its one migration applied, a document's update and snapshot.
    const previous = await testDatabase('migrations_previous');
    const client = new pg.Client({ connectionString: previous.url });
    await client.connect();
    try {
      await client.query(
        'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
      );
      await client.query(POSTGRES_MIGRATIONS[0]!);
      await client.query('INSERT INTO schema_migrations (version) VALUES (1)');
      const doc = new Y.Doc();
      doc.getMap('m').set('z dawnej wersji', 1);
      await client.query(
        'INSERT INTO doc_snapshots (doc_key, data, upto_seq, updated_at) VALUES ($1, $2, 0, now())',
        ['b/canvas', Buffer.from(Y.encodeStateAsUpdate(doc))],
      );
      const pool = await openPostgresPool(previous.url, createMemoryLogger());
      const store = new PostgresDocumentStore(pool, { ownsPool: true });
      try {
        const versions = await pool.query<{ version: number }>(
          'SELECT version FROM schema_migrations ORDER BY version',
        );
        expect(versions.rows.map((row) => row.version)).toEqual(POSTGRES_MIGRATIONS.map((_, i) => i + 1));
        // The tables the release before kept in SQLite are there now, empty, for `empiria import`.
        const boards = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM boards');
        expect(boards.rows[0]?.n).toBe(0);
        const stored = await store.load('b/canvas');
        const loaded = new Y.Doc();
        if (stored.snapshot) Y.applyUpdate(loaded, stored.snapshot);
        expect(loaded.getMap('m').get('z dawnej wersji')).toBe(1);
      } finally {
        await store.close();
      }
    } finally {
      await client.end();
      await previous.drop();
    }
  });

  it('refuses a database migrated by a newer Empiria, and leaves it untouched', async () => {
    const newer = POSTGRES_MIGRATIONS.length + 1;
    await query(`INSERT INTO schema_migrations (version) VALUES (${newer})`);
    await expect(openPostgresPool(scratch.url, createMemoryLogger())).rejects.toThrow(
      `The PostgreSQL database was written by a newer Empiria (schema ${newer}, this one knows ${POSTGRES_MIGRATIONS.length}).`,
    );
    const rows = await query<{ version: number }>('SELECT max(version) AS version FROM schema_migrations');
    expect(rows[0]?.version).toBe(newer);
  });
});

describe('PostgreSQL document store across processes', () => {
  let pools: PostgresPool[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
  });

  it('appends racing to one document from two pools commit in sequence order, so no load skips one', async () => {
    pools = [await open(), await open()];
    const stores = pools.map((pool) => new PostgresDocumentStore(pool));
    const key = `race-${Date.now()}/canvas`;
    const writers = [0, 1].map((w) => {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      for (let i = 0; i < 60; i++) doc.getArray<string>('a').push([`${w}:${i}`]);
      return updates;
    });
    // Loads run while the appends race; each must see a prefix of the log: its update count equals
    // the number of sequence numbers handed out up to its lastSeq.
    const seqs: number[] = [];
    const loads: { lastSeq: number; count: number }[] = [];
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const loaded = await (stores[0] as PostgresDocumentStore).load(key);
        loads.push({ lastSeq: loaded.lastSeq, count: loaded.updates.length });
      }
    })();
    await Promise.all(
      writers.map(async (updates, w) => {
        const store = stores[w] as PostgresDocumentStore;
        // Several appends in flight per writer, as several rooms' processes would have.
        await Promise.all(updates.map(async (update) => seqs.push(await store.append(key, update))));
      }),
    );
    writing = false;
    await reader;
    const sorted = [...seqs].sort((a, b) => a - b);
    expect(loads.length).toBeGreaterThan(0);
    for (const load of loads) {
      expect(load.count).toBe(sorted.filter((seq) => seq <= load.lastSeq).length);
    }
    const final = await (stores[1] as PostgresDocumentStore).load(key);
    const doc = new Y.Doc();
    for (const update of final.updates) Y.applyUpdate(doc, update);
    expect(doc.getArray('a').length).toBe(120);
  });
});

describe('PostgreSQL document store durability', () => {
  it('commits synchronously even where the database is set to asynchronous commits', async () => {
    const scratch = await testDatabase('sync_commit');
    try {
      const admin = new pg.Client({ connectionString: scratch.url });
      await admin.connect();
      await admin.query(`ALTER DATABASE "${scratch.name}" SET synchronous_commit = off`);
      const plain = (await admin.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0];
      await admin.end();
      const pool = await openPostgresPool(scratch.url, createMemoryLogger());
      try {
        const ours = (await pool.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0];
        // A new plain session gets the database's setting; ours keep theirs.
        const check = new pg.Client({ connectionString: scratch.url });
        await check.connect();
        const others = (await check.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0];
        await check.end();
        expect([plain?.synchronous_commit, others?.synchronous_commit, ours?.synchronous_commit]).toEqual([
          'on',
          'off',
          'on',
        ]);
      } finally {
        await pool.end();
      }
    } finally {
      await scratch.drop();
    }
  });

  it('every append that resolved survives PostgreSQL crashing right after', async () => {
    // A cluster of this test's own, crashed (immediate stop: no checkpoint, nothing flushed).
    const own = await startPostgresCluster();
    try {
      const db = await own.createDatabase('crash');
      const pool = await openPostgresPool(db.url, createMemoryLogger());
      const store = new PostgresDocumentStore(pool, { ownsPool: true });
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      for (let i = 0; i < 200; i++) doc.getArray<number>('a').push([i]);
      // Appends still in flight when the crash comes may or may not be there; the resolved ones must.
      let resolved = 0;
      for (const update of updates) {
        await store.append('b/canvas', update);
        resolved++;
      }
      await own.halt('immediate');
      await store.close().catch(() => undefined);
      await own.resume();
      const after = new PostgresDocumentStore(await openPostgresPool(db.url, createMemoryLogger()), {
        ownsPool: true,
      });
      const loaded = await after.load('b/canvas');
      await after.close();
      expect(loaded.updates).toHaveLength(resolved);
      const rebuilt = new Y.Doc();
      for (const update of loaded.updates) Y.applyUpdate(rebuilt, update);
      expect(rebuilt.getArray('a').toJSON()).toEqual(doc.getArray('a').toJSON());
    } finally {
      await own.stop();
    }
  });
});
