import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import type { PostgresPool } from '../postgres-database';
import { numberPlaceholders } from './postgres-placeholders';
import type { SqlDatabase, SqlQueries, SqlRunResult, SqlValue } from './sql-database';

/** SQLSTATEs after which PostgreSQL asks the transaction to be tried again. */
const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected
const ATTEMPTS = 8;

/** Portable SQL numbered once per text: the stores' statements are a small fixed set. */
const numbered = new Map<string, string>();
function toPostgres(sql: string): string {
  let text = numbered.get(sql);
  if (text === undefined) {
    text = numberPlaceholders(sql);
    if (numbered.size < 2048) numbered.set(sql, text);
  }
  return text;
}

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/** `allowed` throws when the query must not run (see the callers). */
function queries(target: Queryable, allowed: () => true): SqlQueries {
  const query = async <Row>(sql: string, params: readonly SqlValue[]) => {
    allowed();
    // pg's row type is constrained to objects; the stores name theirs.
    return target.query(toPostgres(sql), params as unknown[]) as unknown as Promise<
      pg.QueryResult<Row & pg.QueryResultRow>
    >;
  };
  return {
    engine: 'postgresql',
    all: async <Row>(sql: string, params: readonly SqlValue[] = []) => (await query<Row>(sql, params)).rows,
    get: async <Row>(sql: string, params: readonly SqlValue[] = []) =>
      (await query<Row>(sql, params)).rows[0],
    run: async (sql: string, params: readonly SqlValue[] = []): Promise<SqlRunResult> => ({
      changes: (await query(sql, params)).rowCount ?? 0,
    }),
  };
}

/**
 * SqlDatabase over a PostgreSQL pool (postgres-database.ts parses BIGINT and NUMERIC as numbers,
 * as SQLite returns them). Transactions are SERIALIZABLE: PostgreSQL then guarantees the outcome
 * of some serial order, and reports a conflict (40001) rather than let two processes' check-then-
 * write interleave; the transaction is then run again, a few times, with a short random pause.
 */
export class PostgresSqlDatabase implements SqlDatabase {
  readonly engine = 'postgresql' as const;
  readonly #pool: PostgresPool;
  readonly #ownsPool: boolean;
  readonly #direct: SqlQueries;
  /** Set inside a transaction's `work`, where the pool's other connections are out of bounds. */
  readonly #inside = new AsyncLocalStorage<true>();

  constructor(pool: PostgresPool, options: { ownsPool?: boolean } = {}) {
    this.#pool = pool;
    this.#ownsPool = options.ownsPool ?? false;
    this.#direct = queries(pool, () => {
      // On another connection the query would not see the transaction's writes, nor be undone
      // with it; SQLite would wait for itself. Both engines refuse it the same way.
      if (this.#inside.getStore()) {
        throw new Error('inside a transaction, query through its handle (tx), not the database');
      }
      return true;
    });
  }

  all<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]> {
    return this.#direct.all<Row>(sql, params);
  }

  get<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined> {
    return this.#direct.get<Row>(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<SqlRunResult> {
    return this.#direct.run(sql, params);
  }

  async transaction<T>(work: (tx: SqlQueries) => Promise<T>): Promise<T> {
    if (this.#inside.getStore()) throw new Error('a transaction cannot open another one: use its own handle');
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#attempt(work);
      } catch (err) {
        if (attempt >= ATTEMPTS || !RETRYABLE.has((err as { code?: string }).code ?? '')) throw err;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  }

  async close(): Promise<void> {
    if (this.#ownsPool) await this.#pool.end();
  }

  async #attempt<T>(work: (tx: SqlQueries) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let open = true;
    let broken = false;
    try {
      await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
      const tx = queries(client, () => {
        if (!open) throw new Error('this transaction has ended; its handle cannot be used any more');
        return true;
      });
      const result = await this.#inside.run(true, () => work(tx));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {
        // The connection itself failed: do not hand it to the next caller.
        broken = true;
      });
      throw err;
    } finally {
      open = false;
      client.release(broken);
    }
  }
}
