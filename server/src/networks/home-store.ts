import type { Role } from '@empiria/shared';
import type { SqlQueries } from '../storage/sql/sql-database';

/**
 * The two reads a person's home needs beyond the networks' store: which network a meeting is of
 * (to tell "another network's meeting", 403, from "no such meeting", 404 — [N5]), and the board's
 * active invite of a role (a session names the invite it stands on, so replacing the board's link
 * for that role ends sessions made from a personal link too). On either engine: `invites` has a
 * `rowid` column on PostgreSQL standing in for SQLite's (postgres-migrations.ts).
 */
export class HomeStore {
  readonly #sql: SqlQueries;

  constructor(sql: SqlQueries) {
    this.#sql = sql;
  }

  async meetingNetwork(meetingId: string): Promise<string | null> {
    const row = await this.#sql.get<{ network_id: string }>('SELECT network_id FROM meetings WHERE id = ?', [
      meetingId,
    ]);
    return row?.network_id ?? null;
  }

  /** The newest active invite of the role (two made in one millisecond: the one made last). */
  async activeInvite(boardId: string, role: Role): Promise<string | null> {
    const row = await this.#sql.get<{ id: string }>(
      `SELECT id FROM invites WHERE board_id = ? AND role = ? AND revoked_at IS NULL
       ORDER BY created_at DESC, rowid DESC LIMIT 1`,
      [boardId, role],
    );
    return row?.id ?? null;
  }

  /** The boards of a network's meetings. */
  async meetingBoards(networkId: string): Promise<string[]> {
    const rows = await this.#sql.all<{ board_id: string }>(
      'SELECT board_id FROM meetings WHERE network_id = ? ORDER BY starts_at, id',
      [networkId],
    );
    return rows.map((row) => row.board_id);
  }

  /** The board people (one per board role) a device secret's hash stands for on a board. */
  async peopleBySecret(boardId: string, secretHash: string): Promise<string[]> {
    const rows = await this.#sql.all<{ id: string }>(
      'SELECT id FROM people WHERE board_id = ? AND secret_hash = ? ORDER BY id',
      [boardId, secretHash],
    );
    return rows.map((row) => row.id);
  }
}
