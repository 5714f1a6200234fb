import { inTransaction, type SqlQueries } from './sql/sql-database';

/** A record the server took out of a document on load because no client could read it ([D6]). */
export interface SetAsideRecord {
  boardId: string;
  doc: string;
  /** The record's key in the document, when it had a readable one. */
  key: string | null;
  reason: string;
  /** What was stored, as text (BigInts and bytes written out), at most MAX_DATA_CHARS. */
  data: string;
  at: number;
}

/** Enough to see what a record was; a poisoned one may be megabytes. */
const MAX_DATA_CHARS = 64 * 1024;

interface SetAsideRow {
  board_id: string;
  doc: string;
  record_key: string | null;
  reason: string;
  data: string;
  set_aside_at: number;
}

/** Set-aside records (table `set_aside_records`), on either engine: written once, read by the facilitator through the API. */
export class SetAsideStore {
  readonly #sql: SqlQueries;

  constructor(sql: SqlQueries) {
    this.#sql = sql;
  }

  /** Stores the records of one load together: all of them or, on an error, none. */
  async add(records: readonly SetAsideRecord[]): Promise<void> {
    if (records.length === 0) return;
    await inTransaction(this.#sql, async (tx) => {
      for (const r of records)
        await tx.run(
          `INSERT INTO set_aside_records (board_id, doc, record_key, reason, data, set_aside_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
          [r.boardId, r.doc, r.key, r.reason, r.data.slice(0, MAX_DATA_CHARS), r.at],
        );
    });
  }

  /** The board's records, the latest set aside first, at most `limit`. */
  async list(boardId: string, limit = 500): Promise<SetAsideRecord[]> {
    const rows = await this.#sql.all<SetAsideRow>(
      `SELECT board_id, doc, record_key, reason, data, set_aside_at FROM set_aside_records
       WHERE board_id = ? ORDER BY id DESC LIMIT ?`,
      [boardId, limit],
    );
    return rows.map((row) => ({
      boardId: row.board_id,
      doc: row.doc,
      key: row.record_key,
      reason: row.reason,
      data: row.data,
      at: row.set_aside_at,
    }));
  }
}

/** Any stored value as readable text: JSON where it can be, with what JSON cannot hold spelled out. */
export function describeStoredValue(value: unknown): string {
  try {
    return (
      JSON.stringify(value, (_key, item: unknown) => {
        if (typeof item === 'bigint') return `${item.toString()}n`;
        if (item instanceof Uint8Array) return `<${item.byteLength} bytes>`;
        if (item === undefined) return '<undefined>';
        if (typeof item === 'number' && !Number.isFinite(item)) return String(item);
        return item;
      }) ?? String(value)
    );
  } catch (err) {
    return `<unreadable: ${(err as Error).message}>`;
  }
}
