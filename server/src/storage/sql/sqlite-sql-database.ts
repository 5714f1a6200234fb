import { AsyncLocalStorage } from 'node:async_hooks';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../sqlite-database';
import type { SqlDatabase, SqlQueries, SqlRunResult, SqlValue } from './sql-database';

/** Statements kept prepared; SQL text is mostly constant, `inList` adds a few shapes per query. */
const STATEMENT_CACHE = 512;

/**
 * SqlDatabase over the embedded SQLite connection. better-sqlite3 answers synchronously, so a
 * query outside a transaction runs at once. A transaction holds the one connection across the
 * awaits of its `work`: other queries wait until it ends, and transactions run one after another.
 */
export class SqliteSqlDatabase implements SqlDatabase {
  readonly engine = 'sqlite' as const;
  readonly #db: SqliteDatabase;
  readonly #statements = new Map<string, Statement<unknown[]>>();
  /** Set inside a transaction's `work`: an outer query there would wait for itself. */
  readonly #inside = new AsyncLocalStorage<true>();
  /** Settles when the last transaction queued so far has ended. */
  #tail: Promise<void> = Promise.resolve();
  #queued = 0;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  async all<Row>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    await this.#outsideTransactions();
    return this.#statement(sql).all(...bind(params)) as Row[];
  }

  async get<Row>(sql: string, params: readonly SqlValue[] = []): Promise<Row | undefined> {
    await this.#outsideTransactions();
    return this.#statement(sql).get(...bind(params)) as Row | undefined;
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<SqlRunResult> {
    await this.#outsideTransactions();
    return { changes: this.#statement(sql).run(...bind(params)).changes };
  }

  transaction<T>(work: (tx: SqlQueries) => Promise<T>): Promise<T> {
    if (this.#inside.getStore()) {
      return Promise.reject(new Error('a transaction cannot open another one: use its own handle'));
    }
    this.#queued += 1;
    const result = this.#tail.then(() => this.#runTransaction(work));
    this.#tail = result.then(
      () => this.#dequeue(),
      () => this.#dequeue(),
    );
    return result;
  }

  async close(): Promise<void> {
    await this.#tail;
    this.#statements.clear();
  }

  #dequeue(): void {
    this.#queued -= 1;
  }

  async #runTransaction<T>(work: (tx: SqlQueries) => Promise<T>): Promise<T> {
    let open = true;
    const guard = () => {
      if (!open) throw new Error('this transaction has ended; its handle cannot be used any more');
    };
    const tx: SqlQueries = {
      engine: 'sqlite',
      all: async <Row>(sql: string, params: readonly SqlValue[] = []) => {
        guard();
        return this.#statement(sql).all(...bind(params)) as Row[];
      },
      get: async <Row>(sql: string, params: readonly SqlValue[] = []) => {
        guard();
        return this.#statement(sql).get(...bind(params)) as Row | undefined;
      },
      run: async (sql: string, params: readonly SqlValue[] = []) => {
        guard();
        return { changes: this.#statement(sql).run(...bind(params)).changes };
      },
    };
    // IMMEDIATE takes the write lock at once: the check and the write hold it together, also
    // against another process on the same file (busy_timeout waits for it).
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const result = await this.#inside.run(true, () => work(tx));
      this.#db.exec('COMMIT');
      return result;
    } catch (err) {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
      throw err;
    } finally {
      open = false;
    }
  }

  async #outsideTransactions(): Promise<void> {
    if (this.#inside.getStore()) {
      throw new Error('inside a transaction, query through its handle (tx), not the database');
    }
    while (this.#queued > 0) await this.#tail;
  }

  #statement(sql: string): Statement<unknown[]> {
    let statement = this.#statements.get(sql);
    if (statement) {
      // Most recently used last, so the oldest is the first to go.
      this.#statements.delete(sql);
    } else {
      statement = this.#db.prepare<unknown[]>(sql);
      if (this.#statements.size >= STATEMENT_CACHE) {
        const oldest = this.#statements.keys().next().value;
        if (oldest !== undefined) this.#statements.delete(oldest);
      }
    }
    this.#statements.set(sql, statement);
    return statement;
  }
}

/** better-sqlite3 binds Buffers, not plain Uint8Arrays. */
function bind(params: readonly SqlValue[]): unknown[] {
  return params.map((value) =>
    value instanceof Uint8Array && !Buffer.isBuffer(value)
      ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
      : value,
  );
}
