import pg from 'pg';
import type { Logger } from '../log';
import { POSTGRES_MIGRATIONS } from './postgres-migrations';
import { pendingMigrations } from './schema-migrations';

/**
 * The PostgreSQL engine (DATABASE_URL): one connection pool per process, the schema migrated when
 * it opens. A commit is durable when PostgreSQL reports it (synchronous_commit, set on for every
 * connection of ours), so a store's promise resolves only once its write survives a crash of
 * either process.
 */
export type PostgresPool = pg.Pool;

/** Any constant will do, as long as every Empiria process uses the same one. */
const MIGRATION_LOCK = 0x656d7069; // 'empi'

export interface PostgresOptions {
  /** Connections this process may hold (default 10). */
  maxConnections?: number;
}

const INT8 = 20;
const NUMERIC = 1700;

/**
 * BIGINT (COUNT(*) included) and NUMERIC (SUM, AVG) come back as numbers, as SQLite returns them,
 * so a store reads the same row on both engines (storage/sql/sql-database.ts). Empiria's integers
 * are counts, sequence numbers and milliseconds, far inside a double's exact range; one outside it
 * is an error, not a silently rounded value.
 */
function numbersAsNumbers(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === INT8 || oid === NUMERIC) {
    return (value: string) => {
      const number = Number(value);
      if (oid === INT8 && !Number.isSafeInteger(number)) {
        throw new RangeError(`a BIGINT beyond 2^53 cannot be read exactly: ${value}`);
      }
      return number;
    };
  }
  return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
}

export async function openPostgresPool(
  url: string,
  log: Logger,
  options: PostgresOptions = {},
): Promise<PostgresPool> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    application_name: 'empiria',
    connectionTimeoutMillis: 10_000,
    types: { getTypeParser: numbersAsNumbers },
    // The stores' promise (document-store.ts: an append resolves once durable) is PostgreSQL's
    // synchronous commit; a server or database set to `off` must not weaken it for Empiria.
    options: '-c synchronous_commit=on',
  });
  // An idle connection that breaks (PostgreSQL restarted) is reported here; without a listener
  // the process would exit. The pool replaces it on the next query.
  pool.on('error', (err) => log.warn('postgres connection lost', { err }));
  try {
    await migratePostgres(pool, log);
  } catch (err) {
    await pool.end();
    throw err;
  }
  return pool;
}

/**
 * Applies the pending migrations in one transaction, under an advisory lock: several processes
 * starting at once on one database migrate it once, and the others wait and find nothing to do.
 */
export async function migratePostgres(pool: PostgresPool, log: Logger): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const pending = pendingMigrations(
      'PostgreSQL',
      POSTGRES_MIGRATIONS,
      rows.map((row) => row.version),
    );
    for (const migration of pending) {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
    }
    await client.query('COMMIT');
    if (pending.length > 0) {
      log.info('postgres schema migrated', { from: rows.length, to: rows.length + pending.length });
    }
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
