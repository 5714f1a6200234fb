import type { Role } from '@empiria/shared';
import type { SqliteDatabase } from '../storage/sqlite-database';

/**
 * The two reads a person's home needs beyond the networks' store: which network a meeting is of
 * (to tell "another network's meeting", 403, from "no such meeting", 404 — [N5]), and the board's
 * active invite of a role (a session names the invite it stands on, so replacing the board's link
 * for that role ends sessions made from a personal link too).
 */
export class SqliteHomeStore {
  readonly #s;

  constructor(db: SqliteDatabase) {
    this.#s = {
      meetingNetwork: db.prepare<[string], { network_id: string }>(
        'SELECT network_id FROM meetings WHERE id = ?',
      ),
      activeInvite: db.prepare<[string, string], { id: string }>(
        `SELECT id FROM invites WHERE board_id = ? AND role = ? AND revoked_at IS NULL
         ORDER BY created_at DESC, rowid DESC LIMIT 1`,
      ),
      meetingBoards: db.prepare<[string], { board_id: string }>(
        'SELECT board_id FROM meetings WHERE network_id = ?',
      ),
      peopleBySecret: db.prepare<[string, string], { id: string }>(
        'SELECT id FROM people WHERE board_id = ? AND secret_hash = ?',
      ),
    };
  }

  meetingNetwork(meetingId: string): string | null {
    return this.#s.meetingNetwork.get(meetingId)?.network_id ?? null;
  }

  activeInvite(boardId: string, role: Role): string | null {
    return this.#s.activeInvite.get(boardId, role)?.id ?? null;
  }

  /** The boards of a network's meetings. */
  meetingBoards(networkId: string): string[] {
    return this.#s.meetingBoards.all(networkId).map((row) => row.board_id);
  }

  /** The board people (one per board role) a device secret's hash stands for on a board. */
  peopleBySecret(boardId: string, secretHash: string): string[] {
    return this.#s.peopleBySecret.all(boardId, secretHash).map((row) => row.id);
  }
}
