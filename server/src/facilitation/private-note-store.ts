import type { NoteAuthor, PrivateNote, PrivateNoteInput } from '@empiria/shared';
import type { SqliteDatabase } from '../storage/sqlite-database';

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
  author: { id: row.author_id, name: row.author_name, city: row.author_city },
});

/** Private writing rounds and their notes: on the server's disk only, until the reveal. */
export class SqlitePrivateNoteStore {
  readonly #db: SqliteDatabase;
  readonly #s;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#s = {
      insertRound: db.prepare<[string, string, string | null, number]>(
        "INSERT INTO private_rounds (id, board_id, step_id, status, started_at) VALUES (?, ?, ?, 'writing', ?)",
      ),
      activeRound: db.prepare<[string], RoundRow>(
        "SELECT * FROM private_rounds WHERE board_id = ? AND status = 'writing' ORDER BY started_at DESC LIMIT 1",
      ),
      reveal: db.prepare<[number, string]>(
        "UPDATE private_rounds SET status = 'revealed', revealed_at = ? WHERE id = ?",
      ),
      note: db.prepare<[string, string], NoteRow>(
        'SELECT * FROM private_notes WHERE round_id = ? AND id = ?',
      ),
      notesOf: db.prepare<[string, string], NoteRow>(
        'SELECT * FROM private_notes WHERE round_id = ? AND author_id = ? ORDER BY updated_at, id',
      ),
      allNotes: db.prepare<[string], NoteRow>(
        'SELECT * FROM private_notes WHERE round_id = ? ORDER BY updated_at, id',
      ),
      countOf: db.prepare<[string, string], { n: number }>(
        'SELECT COUNT(*) AS n FROM private_notes WHERE round_id = ? AND author_id = ?',
      ),
      counts: db.prepare<[string], { notes: number; writers: number }>(
        'SELECT COUNT(*) AS notes, COUNT(DISTINCT author_id) AS writers FROM private_notes WHERE round_id = ?',
      ),
      upsert: db.prepare<[string, string, string, string, string, string, number, number, number]>(
        `INSERT INTO private_notes (id, round_id, author_id, author_name, author_city, text, x, y, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(round_id, id) DO UPDATE SET text = excluded.text, x = excluded.x, y = excluded.y,
           updated_at = excluded.updated_at`,
      ),
      remove: db.prepare<[string, string, string]>(
        'DELETE FROM private_notes WHERE round_id = ? AND id = ? AND author_id = ?',
      ),
    };
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  start(round: { id: string; boardId: string; stepId: string | null; startedAt: number }): PrivateRound {
    this.#s.insertRound.run(round.id, round.boardId, round.stepId, round.startedAt);
    return { ...round, status: 'writing', revealedAt: null };
  }

  activeRound(boardId: string): PrivateRound | null {
    const row = this.#s.activeRound.get(boardId);
    return row ? toRound(row) : null;
  }

  markRevealed(roundId: string, at: number): void {
    this.#s.reveal.run(at, roundId);
  }

  note(roundId: string, noteId: string): AuthoredNote | null {
    const row = this.#s.note.get(roundId, noteId);
    return row ? toNote(row) : null;
  }

  notesOf(roundId: string, authorId: string): AuthoredNote[] {
    return this.#s.notesOf.all(roundId, authorId).map(toNote);
  }

  allNotes(roundId: string): AuthoredNote[] {
    return this.#s.allNotes.all(roundId).map(toNote);
  }

  countOf(roundId: string, authorId: string): number {
    return this.#s.countOf.get(roundId, authorId)?.n ?? 0;
  }

  counts(roundId: string): { notes: number; writers: number } {
    return this.#s.counts.get(roundId) ?? { notes: 0, writers: 0 };
  }

  upsert(roundId: string, author: NoteAuthor, note: PrivateNoteInput, at: number): void {
    this.#s.upsert.run(note.id, roundId, author.id, author.name, author.city, note.text, note.x, note.y, at);
  }

  remove(roundId: string, noteId: string, authorId: string): boolean {
    return this.#s.remove.run(roundId, noteId, authorId).changes > 0;
  }
}
