import {
  boardAgendaSchema,
  type BoardAgenda,
  type BoardFormat,
  type BoardInfo,
  type Language,
  type Role,
} from '@empiria/shared';
import { inTransaction, type SqlQueries } from './sql/sql-database';

/** An invite link's record: the token names its id, revoking it ends the link and its sessions. */
export interface InviteRecord {
  id: string;
  boardId: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

export interface NewBoard {
  id: string;
  title: string;
  format: BoardFormat;
  /** The version of `format` the board is made with; it never changes (D26). */
  formatVersion: number;
  language: Language;
  createdAt: string;
  /** A meeting's board: the agenda its steps are composed from (D16). */
  agenda?: BoardAgenda;
  invites: { id: string; role: Role }[];
}

interface BoardRow {
  id: string;
  title: string;
  format: BoardFormat;
  format_version: number;
  language: Language;
  created_at: string;
  /** JSON of a `BoardAgenda`; null for a board not made for a meeting. */
  agenda: string | null;
}
interface InviteRow {
  id: string;
  board_id: string;
  role: Role;
  created_at: string;
  revoked_at: string | null;
}

const toBoard = (row: BoardRow): BoardInfo => ({
  id: row.id,
  title: row.title,
  format: row.format,
  formatVersion: row.format_version,
  language: row.language,
  createdAt: row.created_at,
  // Absent rather than null, so a plain board reads exactly as before agendas existed.
  ...(row.agenda !== null ? { agenda: boardAgendaSchema.parse(JSON.parse(row.agenda)) } : {}),
});
const toInvite = (row: InviteRow): InviteRecord => ({
  id: row.id,
  boardId: row.board_id,
  role: row.role,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

/**
 * Boards and their invites (tables `boards`, `invites`), on either engine. One active invite per
 * board and role: `rotateInvite` revokes and replaces in one transaction.
 */
export class BoardRepository {
  readonly #sql: SqlQueries;

  constructor(sql: SqlQueries) {
    this.#sql = sql;
  }

  /** Stores the board and its first invites together: a board never exists without its links. */
  async create(board: NewBoard): Promise<void> {
    const agenda = board.agenda ? JSON.stringify(boardAgendaSchema.parse(board.agenda)) : null;
    await inTransaction(this.#sql, async (tx) => {
      await tx.run(
        'INSERT INTO boards (id, title, format, format_version, language, created_at, agenda) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [board.id, board.title, board.format, board.formatVersion, board.language, board.createdAt, agenda],
      );
      for (const invite of board.invites) {
        await tx.run('INSERT INTO invites (id, board_id, role, created_at) VALUES (?, ?, ?, ?)', [
          invite.id,
          board.id,
          invite.role,
          board.createdAt,
        ]);
      }
    });
  }

  async get(id: string): Promise<BoardInfo | null> {
    const row = await this.#sql.get<BoardRow>('SELECT * FROM boards WHERE id = ?', [id]);
    return row ? toBoard(row) : null;
  }

  /** Every board, newest first. */
  async list(): Promise<BoardInfo[]> {
    return (await this.#sql.all<BoardRow>('SELECT * FROM boards ORDER BY created_at DESC, id')).map(toBoard);
  }

  /** The board's links still in use, oldest first. */
  async activeInvites(boardId: string): Promise<InviteRecord[]> {
    const rows = await this.#sql.all<InviteRow>(
      'SELECT * FROM invites WHERE board_id = ? AND revoked_at IS NULL ORDER BY created_at, rowid',
      [boardId],
    );
    return rows.map(toInvite);
  }

  /** Whether the invite exists, belongs to this board and has not been revoked. */
  async isInviteActive(inviteId: string, boardId: string): Promise<boolean> {
    const row = await this.#sql.get<{ one: number }>(
      'SELECT 1 AS one FROM invites WHERE id = ? AND board_id = ? AND revoked_at IS NULL',
      [inviteId, boardId],
    );
    return row !== undefined;
  }

  /** Replaces a meeting board's agenda (its template is rewritten by the caller). */
  async setAgenda(boardId: string, agenda: BoardAgenda): Promise<void> {
    await this.#sql.run('UPDATE boards SET agenda = ? WHERE id = ?', [
      JSON.stringify(boardAgendaSchema.parse(agenda)),
      boardId,
    ]);
  }

  /** Revokes the active invite of `role` and stores `replacementId` in one transaction. */
  async rotateInvite(boardId: string, role: Role, replacementId: string, now: string): Promise<InviteRecord> {
    return inTransaction(this.#sql, async (tx) => {
      await tx.run(
        'UPDATE invites SET revoked_at = ? WHERE board_id = ? AND role = ? AND revoked_at IS NULL',
        [now, boardId, role],
      );
      await tx.run('INSERT INTO invites (id, board_id, role, created_at) VALUES (?, ?, ?, ?)', [
        replacementId,
        boardId,
        role,
        now,
      ]);
      return { id: replacementId, boardId, role, createdAt: now, revokedAt: null };
    });
  }
}
