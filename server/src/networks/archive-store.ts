import { ftsMatchExpression } from '@empiria/shared';
import { z } from 'zod';
import { inList, inTransaction, type SqlQueries } from '../storage/sql/sql-database';

/**
 * The archive's own reads of other features' tables (note versions, photos, the canvas's stored
 * updates) and the search index's tables: `search_entries`, over text folded by the code
 * (shared/src/networks/text-folding.ts: lower case, Polish diacritics and "ł" gone), and
 * `search_marks`, what each board's entries were made from. On SQLite `search_entries` is an FTS5
 * table; on PostgreSQL a plain table with a generated `search_vector` (to_tsvector 'simple') under
 * a GIN index (postgres-migrations.ts). Both answer the same words the same way: every word must
 * begin a word of the entry (a prefix), all of them required.
 */

export type IndexedSource = 'note' | 'board';

/** Where an entry is, in both languages: a note's section, or a step and zone of the board. */
export const entryWhereSchema = z.object({ pl: z.string(), en: z.string() });
export type EntryWhere = z.infer<typeof entryWhereSchema>;

export interface SearchEntry {
  kind: 'section' | 'note' | 'cluster';
  where: EntryWhere;
  text: string;
  folded: string;
}

export interface StoredHit {
  boardId: string;
  source: IndexedSource;
  kind: SearchEntry['kind'];
  where: EntryWhere;
  text: string;
}

interface HitRow {
  board_id: string;
  source: IndexedSource;
  kind: SearchEntry['kind'];
  place: string;
  text: string;
}

export class ArchiveStore {
  readonly #sql: SqlQueries;

  constructor(sql: SqlQueries) {
    this.#sql = sql;
  }

  async versionsCount(boardId: string): Promise<number> {
    const row = await this.#sql.get<{ n: number }>(
      'SELECT COUNT(*) AS n FROM summary_versions WHERE board_id = ?',
      [boardId],
    );
    return row?.n ?? 0;
  }

  async photosCount(boardId: string): Promise<number> {
    const row = await this.#sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM photos WHERE board_id = ?', [
      boardId,
    ]);
    return row?.n ?? 0;
  }

  /** The canvas's stored state as a mark ("" for a board never written). */
  async canvasMark(boardId: string): Promise<string> {
    const key = `${boardId}/canvas`;
    // Update sequence numbers only grow: the highest stored for the canvas names its state.
    const row = await this.#sql.get<{ mark: number | null }>(
      `SELECT MAX(mark) AS mark FROM (
         SELECT upto_seq AS mark FROM doc_snapshots WHERE doc_key = ?
         UNION ALL SELECT MAX(seq) AS mark FROM doc_updates WHERE doc_key = ?) AS marks`,
      [key, key],
    );
    const mark = row?.mark;
    return mark === null || mark === undefined ? '' : String(mark);
  }

  /** What the board's entries of `source` were made from; null when never indexed. */
  async indexedMark(boardId: string, source: IndexedSource): Promise<string | null> {
    const row = await this.#sql.get<{ mark: string }>(
      'SELECT mark FROM search_marks WHERE board_id = ? AND source = ?',
      [boardId, source],
    );
    return row?.mark ?? null;
  }

  /** Replaces the board's entries of `source` and its mark, in one transaction. */
  async replaceEntries(
    boardId: string,
    source: IndexedSource,
    mark: string,
    entries: readonly SearchEntry[],
    now = new Date(),
  ): Promise<void> {
    await inTransaction(this.#sql, async (tx) => {
      await tx.run('DELETE FROM search_entries WHERE board_id = ? AND source = ?', [boardId, source]);
      for (const entry of entries) {
        await tx.run(
          'INSERT INTO search_entries (folded, board_id, source, kind, place, text) VALUES (?, ?, ?, ?, ?, ?)',
          [entry.folded, boardId, source, entry.kind, JSON.stringify(entry.where), entry.text],
        );
      }
      await tx.run(
        `INSERT INTO search_marks (board_id, source, mark, indexed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (board_id, source) DO UPDATE SET mark = excluded.mark, indexed_at = excluded.indexed_at`,
        [boardId, source, mark, now.toISOString()],
      );
    });
  }

  /**
   * The best `limit` entries holding every one of `words` (folded words of letters and digits,
   * searchWords in shared) as the start of a word, on the given boards. Ranked by each engine's
   * own measure (FTS5's bm25, PostgreSQL's ts_rank): the same entries, not always in one order.
   */
  async search(words: readonly string[], boardIds: readonly string[], limit: number): Promise<StoredHit[]> {
    if (words.length === 0 || boardIds.length === 0) return [];
    const rows =
      this.#sql.engine === 'sqlite'
        ? await this.#sql.all<HitRow>(
            `SELECT board_id, source, kind, place, text FROM search_entries
             WHERE search_entries MATCH ? AND board_id IN ${inList(boardIds.length)}
             ORDER BY rank LIMIT ?`,
            [ftsMatchExpression(words), ...boardIds, limit],
          )
        : await this.#sql.all<HitRow>(
            `SELECT board_id, source, kind, place, text FROM search_entries
             WHERE search_vector @@ to_tsquery('simple', ?) AND board_id IN ${inList(boardIds.length)}
             ORDER BY ts_rank(search_vector, to_tsquery('simple', ?)) DESC LIMIT ?`,
            [tsPrefixQuery(words), ...boardIds, tsPrefixQuery(words), limit],
          );
    return rows.map((row) => ({
      boardId: row.board_id,
      source: row.source,
      kind: row.kind,
      // Written by this module; parsed again so a hand-edited row fails loudly.
      where: entryWhereSchema.parse(JSON.parse(row.place)),
      text: row.text,
    }));
  }
}

/**
 * PostgreSQL's counterpart of ftsMatchExpression: each word a quoted prefix (`'word':*`), all
 * required. Words hold only letters and digits, so a quote cannot be closed from inside; any
 * other character is refused rather than escaped, as nothing but searchWords' output belongs here.
 */
export function tsPrefixQuery(words: readonly string[]): string {
  return words
    .map((word) => {
      if (!/^[\p{L}\p{N}]+$/u.test(word)) throw new RangeError(`not a search word: ${JSON.stringify(word)}`);
      return `'${word}':*`;
    })
    .join(' & ');
}
