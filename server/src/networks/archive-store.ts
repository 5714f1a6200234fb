import { z } from 'zod';
import type { SqliteDatabase } from '../storage/sqlite-database';

/**
 * The archive's own reads of other features' tables (note versions, photos, the canvas's stored
 * updates) and the search index's tables (the migration "search index"): `search_entries`, an
 * FTS5 table over folded text, and `search_marks`, what each board's entries were made from.
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

export class SqliteArchiveStore {
  readonly #db: SqliteDatabase;
  readonly #s;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#s = {
      versions: db.prepare<[string], { n: number }>(
        'SELECT COUNT(*) AS n FROM summary_versions WHERE board_id = ?',
      ),
      photos: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM photos WHERE board_id = ?'),
      // Update sequence numbers only grow: the highest stored for the canvas names its state.
      canvasMark: db.prepare<[string, string], { mark: number | null }>(
        `SELECT MAX(mark) AS mark FROM (
           SELECT upto_seq AS mark FROM doc_snapshots WHERE doc_key = ?
           UNION ALL SELECT MAX(seq) AS mark FROM doc_updates WHERE doc_key = ?)`,
      ),
      mark: db.prepare<[string, string], { mark: string }>(
        'SELECT mark FROM search_marks WHERE board_id = ? AND source = ?',
      ),
      setMark: db.prepare<[string, string, string, string]>(
        `INSERT INTO search_marks (board_id, source, mark, indexed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(board_id, source) DO UPDATE SET mark = excluded.mark, indexed_at = excluded.indexed_at`,
      ),
      deleteEntries: db.prepare<[string, string]>(
        'DELETE FROM search_entries WHERE board_id = ? AND source = ?',
      ),
      insertEntry: db.prepare<[string, string, string, string, string, string]>(
        'INSERT INTO search_entries (folded, board_id, source, kind, place, text) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      search: db.prepare<[string, string, number], HitRow>(
        `SELECT board_id, source, kind, place, text FROM search_entries
         WHERE search_entries MATCH ? AND board_id IN (SELECT value FROM json_each(?))
         ORDER BY rank LIMIT ?`,
      ),
    };
  }

  versionsCount(boardId: string): number {
    return this.#s.versions.get(boardId)?.n ?? 0;
  }

  photosCount(boardId: string): number {
    return this.#s.photos.get(boardId)?.n ?? 0;
  }

  /** The canvas's stored state as a mark ("" for a board never written). */
  canvasMark(boardId: string): string {
    const key = `${boardId}/canvas`;
    const mark = this.#s.canvasMark.get(key, key)?.mark;
    return mark === null || mark === undefined ? '' : String(mark);
  }

  /** What the board's entries of `source` were made from; null when never indexed. */
  indexedMark(boardId: string, source: IndexedSource): string | null {
    return this.#s.mark.get(boardId, source)?.mark ?? null;
  }

  /** Replaces the board's entries of `source` and its mark, in one transaction. */
  replaceEntries(
    boardId: string,
    source: IndexedSource,
    mark: string,
    entries: readonly SearchEntry[],
    now = new Date(),
  ): void {
    this.#db.transaction(() => {
      this.#s.deleteEntries.run(boardId, source);
      for (const entry of entries) {
        this.#s.insertEntry.run(
          entry.folded,
          boardId,
          source,
          entry.kind,
          JSON.stringify(entry.where),
          entry.text,
        );
      }
      this.#s.setMark.run(boardId, source, mark, now.toISOString());
    })();
  }

  /** The best `limit` entries matching `match` (an FTS5 expression) on the given boards. */
  search(match: string, boardIds: readonly string[], limit: number): StoredHit[] {
    return this.#s.search.all(match, JSON.stringify(boardIds), limit).map((row) => ({
      boardId: row.board_id,
      source: row.source,
      kind: row.kind,
      // Written by this module; parsed again so a hand-edited row fails loudly.
      where: entryWhereSchema.parse(JSON.parse(row.place)),
      text: row.text,
    }));
  }
}
