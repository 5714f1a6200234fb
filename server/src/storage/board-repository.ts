import {
  boardAgendaSchema,
  type BoardAgenda,
  type BoardFormat,
  type BoardInfo,
  type Language,
  type Role,
} from '@empiria/shared';
import type { SqliteDatabase } from './sqlite-database';

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

/** Boards and their invites. One active invite per board and role. */
export interface BoardRepository {
  create(board: NewBoard): void;
  get(id: string): BoardInfo | null;
  list(): BoardInfo[];
  activeInvites(boardId: string): InviteRecord[];
  isInviteActive(inviteId: string, boardId: string): boolean;
  /** Revokes the active invite of `role` and stores `replacement` in one transaction. */
  rotateInvite(boardId: string, role: Role, replacementId: string, now: string): InviteRecord;
  /** Replaces a meeting board's agenda (its template is rewritten by the caller). */
  setAgenda(boardId: string, agenda: BoardAgenda): void;
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

export class SqliteBoardRepository implements BoardRepository {
  readonly #db: SqliteDatabase;
  readonly #s;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#s = {
      insertBoard: db.prepare<[string, string, string, number, string, string, string | null]>(
        'INSERT INTO boards (id, title, format, format_version, language, created_at, agenda) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      setAgenda: db.prepare<[string, string]>('UPDATE boards SET agenda = ? WHERE id = ?'),
      insertInvite: db.prepare<[string, string, string, string]>(
        'INSERT INTO invites (id, board_id, role, created_at) VALUES (?, ?, ?, ?)',
      ),
      getBoard: db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?'),
      listBoards: db.prepare<[], BoardRow>('SELECT * FROM boards ORDER BY created_at DESC, id'),
      activeInvites: db.prepare<[string], InviteRow>(
        'SELECT * FROM invites WHERE board_id = ? AND revoked_at IS NULL ORDER BY created_at',
      ),
      inviteActive: db.prepare<[string, string], { one: number }>(
        'SELECT 1 AS one FROM invites WHERE id = ? AND board_id = ? AND revoked_at IS NULL',
      ),
      revokeRole: db.prepare<[string, string, string]>(
        'UPDATE invites SET revoked_at = ? WHERE board_id = ? AND role = ? AND revoked_at IS NULL',
      ),
      getInvite: db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE id = ?'),
    };
  }

  create(board: NewBoard): void {
    this.#db.transaction(() => {
      this.#s.insertBoard.run(
        board.id,
        board.title,
        board.format,
        board.formatVersion,
        board.language,
        board.createdAt,
        board.agenda ? JSON.stringify(boardAgendaSchema.parse(board.agenda)) : null,
      );
      for (const invite of board.invites) {
        this.#s.insertInvite.run(invite.id, board.id, invite.role, board.createdAt);
      }
    })();
  }

  get(id: string): BoardInfo | null {
    const row = this.#s.getBoard.get(id);
    return row ? toBoard(row) : null;
  }

  list(): BoardInfo[] {
    return this.#s.listBoards.all().map(toBoard);
  }

  activeInvites(boardId: string): InviteRecord[] {
    return this.#s.activeInvites.all(boardId).map(toInvite);
  }

  isInviteActive(inviteId: string, boardId: string): boolean {
    return this.#s.inviteActive.get(inviteId, boardId) !== undefined;
  }

  setAgenda(boardId: string, agenda: BoardAgenda): void {
    this.#s.setAgenda.run(JSON.stringify(boardAgendaSchema.parse(agenda)), boardId);
  }

  rotateInvite(boardId: string, role: Role, replacementId: string, now: string): InviteRecord {
    return this.#db.transaction(() => {
      this.#s.revokeRole.run(now, boardId, role);
      this.#s.insertInvite.run(replacementId, boardId, role, now);
      return toInvite(this.#s.getInvite.get(replacementId) as InviteRow);
    })();
  }
}
