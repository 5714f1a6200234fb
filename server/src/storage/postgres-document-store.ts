import type { DocumentStore, StoredDocument } from './document-store';
import type { PostgresPool } from './postgres-database';

/**
 * The documents on PostgreSQL (see the contract in document-store.ts; tables in
 * postgres-migrations.ts).
 *
 * Sequence numbers come from an identity column, which hands out numbers when a row is inserted,
 * not when it commits: two appends to one document racing from two connections could commit in
 * the other order, and a `load` between the commits would see update 8 without update 7 and report
 * 8 as `lastSeq` — a compaction up to 8 would then delete 7 unseen. So each append takes a
 * transaction-scoped advisory lock on its document before drawing its number, and appends to one
 * document commit in sequence order, from any number of processes. Different documents do not
 * wait for each other (beyond a hash collision of their keys, which only costs a wait).
 */
export class PostgresDocumentStore implements DocumentStore {
  readonly #pool: PostgresPool;
  readonly #ownsPool: boolean;

  /** `ownsPool`: `close()` ends the pool too (otherwise whoever opened it does). */
  constructor(pool: PostgresPool, { ownsPool = false }: { ownsPool?: boolean } = {}) {
    this.#pool = pool;
    this.#ownsPool = ownsPool;
  }

  async load(key: string): Promise<StoredDocument> {
    const client = await this.#pool.connect();
    try {
      // One snapshot of the database for both reads, so a compaction committing in between cannot
      // remove updates the old snapshot does not cover.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const snapshot = await client.query<{ data: Buffer; upto_seq: string }>(
        'SELECT data, upto_seq FROM doc_snapshots WHERE doc_key = $1',
        [key],
      );
      const after = Number(snapshot.rows[0]?.upto_seq ?? 0);
      const updates = await client.query<{ seq: string; data: Buffer }>(
        'SELECT seq, data FROM doc_updates WHERE doc_key = $1 AND seq > $2 ORDER BY seq',
        [key, after],
      );
      await client.query('COMMIT');
      const last = updates.rows[updates.rows.length - 1];
      return {
        snapshot: snapshot.rows[0] ? new Uint8Array(snapshot.rows[0].data) : null,
        updates: updates.rows.map((row) => new Uint8Array(row.data)),
        lastSeq: last ? Number(last.seq) : after,
      };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async append(key: string, update: Uint8Array): Promise<number> {
    // One statement, so one implicit transaction: the lock is taken before the row (and its
    // number) exists and held until the commit, after which PostgreSQL has made it durable.
    const { rows } = await this.#pool.query<{ seq: string }>(
      `WITH document_lock AS (SELECT pg_advisory_xact_lock(hashtextextended($1, 0)))
       INSERT INTO doc_updates (doc_key, data) SELECT $1, $2 FROM document_lock RETURNING seq`,
      [key, Buffer.from(update.buffer, update.byteOffset, update.byteLength)],
    );
    const row = rows[0];
    if (!row) throw new Error(`append to ${key} stored no row`);
    return Number(row.seq);
  }

  async compact(key: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const data = Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength);
      await client.query(
        `INSERT INTO doc_snapshots (doc_key, data, upto_seq, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (doc_key) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq,
           updated_at = excluded.updated_at
         WHERE excluded.upto_seq >= doc_snapshots.upto_seq`,
        [key, data, uptoSeq],
      );
      await client.query('DELETE FROM doc_updates WHERE doc_key = $1 AND seq <= $2', [key, uptoSeq]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async pendingUpdates(key: string): Promise<number> {
    const { rows } = await this.#pool.query<{ n: string }>(
      `SELECT COUNT(*) AS n FROM doc_updates
       WHERE doc_key = $1
         AND seq > COALESCE((SELECT upto_seq FROM doc_snapshots WHERE doc_key = $1), 0)`,
      [key],
    );
    return Number(rows[0]?.n ?? 0);
  }

  async close(): Promise<void> {
    if (this.#ownsPool) await this.#pool.end();
  }
}
