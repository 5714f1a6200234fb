import type { DocumentStore, StoredDocument } from './document-store';
import type { SqliteDatabase } from './sqlite-database';

/** The embedded default store (see the contract in document-store.ts). */
export class SqliteDocumentStore implements DocumentStore {
  readonly #db: SqliteDatabase;
  readonly #statements;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#statements = {
      snapshot: db.prepare<[string], { data: Buffer; upto_seq: number }>(
        'SELECT data, upto_seq FROM doc_snapshots WHERE doc_key = ?',
      ),
      updatesAfter: db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM doc_updates WHERE doc_key = ? AND seq > ? ORDER BY seq',
      ),
      append: db.prepare<[string, Buffer]>('INSERT INTO doc_updates (doc_key, data) VALUES (?, ?)'),
      upsertSnapshot: db.prepare<[string, Buffer, number, string]>(
        `INSERT INTO doc_snapshots (doc_key, data, upto_seq, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(doc_key) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq,
           updated_at = excluded.updated_at
         WHERE excluded.upto_seq >= doc_snapshots.upto_seq`,
      ),
      deleteUpTo: db.prepare<[string, number]>('DELETE FROM doc_updates WHERE doc_key = ? AND seq <= ?'),
      countAfter: db.prepare<[string, number], { n: number }>(
        'SELECT COUNT(*) AS n FROM doc_updates WHERE doc_key = ? AND seq > ?',
      ),
    };
  }

  async load(key: string): Promise<StoredDocument> {
    return this.#db.transaction(() => {
      const snapshot = this.#statements.snapshot.get(key);
      const after = snapshot?.upto_seq ?? 0;
      const rows = this.#statements.updatesAfter.all(key, after);
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
        updates: rows.map((row) => new Uint8Array(row.data)),
        lastSeq: rows.length > 0 ? (rows[rows.length - 1] as { seq: number }).seq : after,
      };
    })();
  }

  async append(key: string, update: Uint8Array): Promise<number> {
    const result = this.#statements.append.run(
      key,
      Buffer.from(update.buffer, update.byteOffset, update.byteLength),
    );
    return Number(result.lastInsertRowid);
  }

  async compact(key: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.#db.transaction(() => {
      const data = Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength);
      this.#statements.upsertSnapshot.run(key, data, uptoSeq, new Date().toISOString());
      this.#statements.deleteUpTo.run(key, uptoSeq);
    })();
  }

  async pendingUpdates(key: string): Promise<number> {
    const after = this.#statements.snapshot.get(key)?.upto_seq ?? 0;
    return this.#statements.countAfter.get(key, after)?.n ?? 0;
  }

  async close(): Promise<void> {
    // The database is owned by whoever opened it; nothing of ours to release.
  }
}
