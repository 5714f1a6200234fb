import { voteSettingsSchema, type Ballot, type VoteSettings, type Voter } from '@empiria/shared';
import type { SqliteDatabase } from '../storage/sqlite-database';

export interface VoteSession {
  id: string;
  boardId: string;
  settings: VoteSettings;
  status: 'open' | 'closed';
  openedAt: number;
  closedAt: number | null;
}

export type StoredBallot = Ballot & { voter: Voter };

interface SessionRow {
  id: string;
  board_id: string;
  settings: string;
  status: 'open' | 'closed';
  opened_at: number;
  closed_at: number | null;
}
interface BallotRow {
  voter_id: string;
  voter_name: string;
  voter_city: string;
  target_id: string;
}

const toSession = (row: SessionRow): VoteSession => ({
  id: row.id,
  boardId: row.board_id,
  settings: voteSettingsSchema.parse(JSON.parse(row.settings)),
  status: row.status,
  openedAt: row.opened_at,
  closedAt: row.closed_at,
});

/** Vote sessions and ballots in SQLite. Callers run check-then-write inside `transaction`. */
export class SqliteVoteStore {
  readonly #db: SqliteDatabase;
  readonly #s;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#s = {
      insertSession: db.prepare<[string, string, string, number]>(
        "INSERT INTO vote_sessions (id, board_id, settings, status, opened_at) VALUES (?, ?, ?, 'open', ?)",
      ),
      session: db.prepare<[string, string], SessionRow>(
        'SELECT * FROM vote_sessions WHERE id = ? AND board_id = ?',
      ),
      openSession: db.prepare<[string], SessionRow>(
        "SELECT * FROM vote_sessions WHERE board_id = ? AND status = 'open' ORDER BY opened_at DESC LIMIT 1",
      ),
      close: db.prepare<[number, string]>(
        "UPDATE vote_sessions SET status = 'closed', closed_at = ? WHERE id = ?",
      ),
      ballots: db.prepare<[string], BallotRow>(
        'SELECT voter_id, voter_name, voter_city, target_id FROM ballots WHERE session_id = ? ORDER BY id',
      ),
      insertBallot: db.prepare<[string, string, string, string, string, number]>(
        'INSERT INTO ballots (session_id, voter_id, voter_name, voter_city, target_id, cast_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      removeBallot: db.prepare<[string, string, string]>(
        `DELETE FROM ballots WHERE id = (
           SELECT id FROM ballots WHERE session_id = ? AND voter_id IN (SELECT value FROM json_each(?))
             AND target_id = ?
           ORDER BY id DESC LIMIT 1)`,
      ),
      latestSession: db.prepare<[string], SessionRow>(
        'SELECT * FROM vote_sessions WHERE board_id = ? ORDER BY opened_at DESC, rowid DESC LIMIT 1',
      ),
    };
  }

  transaction<T>(work: () => T): T {
    // IMMEDIATE: the check and the write hold the write lock together, also against another
    // server process on the same database (docs/operations.md).
    return this.#db.transaction(work).immediate();
  }

  open(session: Omit<VoteSession, 'status' | 'closedAt'>): VoteSession {
    this.#s.insertSession.run(
      session.id,
      session.boardId,
      JSON.stringify(session.settings),
      session.openedAt,
    );
    return { ...session, status: 'open', closedAt: null };
  }

  get(boardId: string, sessionId: string): VoteSession | null {
    const row = this.#s.session.get(sessionId, boardId);
    return row ? toSession(row) : null;
  }

  openSession(boardId: string): VoteSession | null {
    const row = this.#s.openSession.get(boardId);
    return row ? toSession(row) : null;
  }

  close(sessionId: string, at: number): void {
    this.#s.close.run(at, sessionId);
  }

  ballots(sessionId: string): StoredBallot[] {
    return this.#s.ballots.all(sessionId).map((row) => ({
      voterId: row.voter_id,
      targetId: row.target_id,
      voter: { id: row.voter_id, name: row.voter_name, city: row.voter_city },
    }));
  }

  cast(sessionId: string, voter: Voter, targetId: string, at: number): void {
    this.#s.insertBallot.run(sessionId, voter.id, voter.name, voter.city, targetId, at);
  }

  /**
   * Removes the latest dot on the target cast by any of `voterIds` (a person and their aliases);
   * false when there was none.
   */
  withdraw(sessionId: string, voterIds: readonly string[], targetId: string): boolean {
    return this.#s.removeBallot.run(sessionId, JSON.stringify(voterIds), targetId).changes > 0;
  }

  /** The board's current or last vote: the one the control document shows. */
  latest(boardId: string): VoteSession | null {
    const row = this.#s.latestSession.get(boardId);
    return row ? toSession(row) : null;
  }
}
