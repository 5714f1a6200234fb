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
    };
  }

  meetingNetwork(meetingId: string): string | null {
    return this.#s.meetingNetwork.get(meetingId)?.network_id ?? null;
  }

  activeInvite(boardId: string, role: Role): string | null {
    return this.#s.activeInvite.get(boardId, role)?.id ?? null;
  }
}
