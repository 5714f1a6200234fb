import type { NoteAuthor, PrivateNote, PrivateNoteInput } from '@empiria/shared';
import { inTransaction, type SqlQueries } from '../storage/sql/sql-database';

export interface PrivateRound {
  id: string;
  boardId: string;
  stepId: string | null;
  status: 'writing' | 'revealed';
  startedAt: number;
  revealedAt: number | null;
}

export type AuthoredNote = PrivateNote & { author: NoteAuthor };

interface RoundRow {
  id: string;
  board_id: string;
  step_id: string | null;
  status: 'writing' | 'revealed';
  started_at: number;
  revealed_at: number | null;
}
interface NoteRow {
  id: string;
  round_id: string;
  author_id: string;
  author_name: string;
  author_city: string;
  text: string;
  x: number;
  y: number;
  updated_at: number;
  /** Null for a note sent without its measured height (D54). */
  grow_y: number | null;
  font_size_adjustment: number | null;
}

const toRound = (row: RoundRow): PrivateRound => ({
  id: row.id,
  boardId: row.board_id,
  stepId: row.step_id,
  status: row.status,
  startedAt: row.started_at,
  revealedAt: row.revealed_at,
});
const toNote = (row: NoteRow): AuthoredNote => ({
  id: row.id,
  roundId: row.round_id,
  text: row.text,
  x: row.x,
  y: row.y,
  updatedAt: row.updated_at,
  ...(row.grow_y !== null ? { growY: row.grow_y } : {}),
  ...(row.font_size_adjustment !== null ? { fontSizeAdjustment: row.font_size_adjustment } : {}),
  author: { id: row.author_id, name: row.author_name, city: row.author_city },
});

/**
 * Private writing rounds and their notes (tables `private_rounds`, `private_notes`), on either
 * engine: on the server only, until the reveal. Callers run check-then-write inside
 * `transaction`, whose work gets the store bound to that transaction.
 */
export class PrivateNoteStore {
  readonly #sql: SqlQueries;

  constructor(sql: SqlQueries) {
    this.#sql = sql;
  }

  transaction<T>(work: (store: PrivateNoteStore) => Promise<T>): Promise<T> {
    return inTransaction(this.#sql, (tx) => work(new PrivateNoteStore(tx)));
  }

  async start(round: {
    id: string;
    boardId: string;
    stepId: string | null;
    startedAt: number;
  }): Promise<PrivateRound> {
    await this.#sql.run(
      "INSERT INTO private_rounds (id, board_id, step_id, status, started_at) VALUES (?, ?, ?, 'writing', ?)",
      [round.id, round.boardId, round.stepId, round.startedAt],
    );
    return { ...round, status: 'writing', revealedAt: null };
  }

  /** The board's round still being written, the latest if (against the rules) there were two. */
  async activeRound(boardId: string): Promise<PrivateRound | null> {
    const row = await this.#sql.get<RoundRow>(
      "SELECT * FROM private_rounds WHERE board_id = ? AND status = 'writing' ORDER BY started_at DESC LIMIT 1",
      [boardId],
    );
    return row ? toRound(row) : null;
  }

  async markRevealed(roundId: string, at: number): Promise<void> {
    await this.#sql.run("UPDATE private_rounds SET status = 'revealed', revealed_at = ? WHERE id = ?", [
      at,
      roundId,
    ]);
  }

  async note(roundId: string, noteId: string): Promise<AuthoredNote | null> {
    const row = await this.#sql.get<NoteRow>('SELECT * FROM private_notes WHERE round_id = ? AND id = ?', [
      roundId,
      noteId,
    ]);
    return row ? toNote(row) : null;
  }

  /** One author's notes of the round, the least recently changed first. */
  async notesOf(roundId: string, authorId: string): Promise<AuthoredNote[]> {
    const rows = await this.#sql.all<NoteRow>(
      'SELECT * FROM private_notes WHERE round_id = ? AND author_id = ? ORDER BY updated_at, id',
      [roundId, authorId],
    );
    return rows.map(toNote);
  }

  /** Every note of the round, the least recently changed first. */
  async allNotes(roundId: string): Promise<AuthoredNote[]> {
    const rows = await this.#sql.all<NoteRow>(
      'SELECT * FROM private_notes WHERE round_id = ? ORDER BY updated_at, id',
      [roundId],
    );
    return rows.map(toNote);
  }

  async countOf(roundId: string, authorId: string): Promise<number> {
    const row = await this.#sql.get<{ n: number }>(
      'SELECT COUNT(*) AS n FROM private_notes WHERE round_id = ? AND author_id = ?',
      [roundId, authorId],
    );
    return row?.n ?? 0;
  }

  async counts(roundId: string): Promise<{ notes: number; writers: number }> {
    const row = await this.#sql.get<{ notes: number; writers: number }>(
      'SELECT COUNT(*) AS notes, COUNT(DISTINCT author_id) AS writers FROM private_notes WHERE round_id = ?',
      [roundId],
    );
    return row ?? { notes: 0, writers: 0 };
  }

  /**
   * Stores a note, or changes its text, place and measured height (what was sent, none if nothing
   * was); the author stays the one who first wrote it.
   */
  async upsert(roundId: string, author: NoteAuthor, note: PrivateNoteInput, at: number): Promise<void> {
    await this.#sql.run(
      `INSERT INTO private_notes
         (id, round_id, author_id, author_name, author_city, text, x, y, updated_at, grow_y, font_size_adjustment)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (round_id, id) DO UPDATE SET text = excluded.text, x = excluded.x, y = excluded.y,
         updated_at = excluded.updated_at, grow_y = excluded.grow_y,
         font_size_adjustment = excluded.font_size_adjustment`,
      [
        note.id,
        roundId,
        author.id,
        author.name,
        author.city,
        note.text,
        note.x,
        note.y,
        at,
        note.growY ?? null,
        note.fontSizeAdjustment ?? null,
      ],
    );
  }

  /** Deletes the author's note; false when there is no such note of theirs. */
  async remove(roundId: string, noteId: string, authorId: string): Promise<boolean> {
    const { changes } = await this.#sql.run(
      'DELETE FROM private_notes WHERE round_id = ? AND id = ? AND author_id = ?',
      [roundId, noteId, authorId],
    );
    return changes > 0;
  }
}
