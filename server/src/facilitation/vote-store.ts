import { voteSettingsSchema, type Ballot, type VoteSettings, type Voter } from '@empiria/shared';
import { inList, inTransaction, type SqlQueries } from '../storage/sql/sql-database';

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

/**
 * Vote sessions and ballots (tables `vote_sessions`, `ballots`), on either engine. Callers run
 * check-then-write inside `transaction`, whose work gets the store bound to that transaction.
 */
export class VoteStore {
  readonly #sql: SqlQueries;

  constructor(sql: SqlQueries) {
    this.#sql = sql;
  }

  transaction<T>(work: (store: VoteStore) => Promise<T>): Promise<T> {
    return inTransaction(this.#sql, (tx) => work(new VoteStore(tx)));
  }

  async open(session: Omit<VoteSession, 'status' | 'closedAt'>): Promise<VoteSession> {
    await this.#sql.run(
      "INSERT INTO vote_sessions (id, board_id, settings, status, opened_at) VALUES (?, ?, ?, 'open', ?)",
      [session.id, session.boardId, JSON.stringify(session.settings), session.openedAt],
    );
    return { ...session, status: 'open', closedAt: null };
  }

  async get(boardId: string, sessionId: string): Promise<VoteSession | null> {
    const row = await this.#sql.get<SessionRow>('SELECT * FROM vote_sessions WHERE id = ? AND board_id = ?', [
      sessionId,
      boardId,
    ]);
    return row ? toSession(row) : null;
  }

  async openSession(boardId: string): Promise<VoteSession | null> {
    const row = await this.#sql.get<SessionRow>(
      "SELECT * FROM vote_sessions WHERE board_id = ? AND status = 'open' ORDER BY opened_at DESC LIMIT 1",
      [boardId],
    );
    return row ? toSession(row) : null;
  }

  async close(sessionId: string, at: number): Promise<void> {
    await this.#sql.run("UPDATE vote_sessions SET status = 'closed', closed_at = ? WHERE id = ?", [
      at,
      sessionId,
    ]);
  }

  async ballots(sessionId: string): Promise<StoredBallot[]> {
    const rows = await this.#sql.all<BallotRow>(
      'SELECT voter_id, voter_name, voter_city, target_id FROM ballots WHERE session_id = ? ORDER BY id',
      [sessionId],
    );
    return rows.map((row) => ({
      voterId: row.voter_id,
      targetId: row.target_id,
      voter: { id: row.voter_id, name: row.voter_name, city: row.voter_city },
    }));
  }

  async cast(sessionId: string, voter: Voter, targetId: string, at: number): Promise<void> {
    await this.#sql.run(
      'INSERT INTO ballots (session_id, voter_id, voter_name, voter_city, target_id, cast_at) VALUES (?, ?, ?, ?, ?, ?)',
      [sessionId, voter.id, voter.name, voter.city, targetId, at],
    );
  }

  /**
   * Removes the latest dot on the target cast by any of `voterIds` (a person and their aliases);
   * false when there was none.
   */
  async withdraw(sessionId: string, voterIds: readonly string[], targetId: string): Promise<boolean> {
    if (voterIds.length === 0) return false;
    const { changes } = await this.#sql.run(
      `DELETE FROM ballots WHERE id = (
         SELECT id FROM ballots WHERE session_id = ? AND voter_id IN ${inList(voterIds.length)} AND target_id = ?
         ORDER BY id DESC LIMIT 1)`,
      [sessionId, ...voterIds, targetId],
    );
    return changes > 0;
  }

  /** The board's current or last vote: the one the control document shows. */
  async latest(boardId: string): Promise<VoteSession | null> {
    // Two sessions opened in the same millisecond (one closed at once, the next opened): one is
    // open at a time, so the open one, else the one closed last, is the later.
    const row = await this.#sql.get<SessionRow>(
      `SELECT * FROM vote_sessions WHERE board_id = ?
       ORDER BY opened_at DESC, CASE WHEN closed_at IS NULL THEN 1 ELSE 0 END DESC, closed_at DESC LIMIT 1`,
      [boardId],
    );
    return row ? toSession(row) : null;
  }
}
