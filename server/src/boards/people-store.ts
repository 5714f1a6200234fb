import type { Role } from '@empiria/shared';
import type { SqliteDatabase } from '../storage/sqlite-database';

/** One identity on a board: who joined, through which link, and what the facilitator made of it. */
export interface PersonRecord {
  boardId: string;
  id: string;
  role: Role;
  /** The invite the person last joined through (null for people from before the store). */
  inviteId: string | null;
  name: string;
  city: string;
  createdAt: number;
  lastJoinedAt: number;
  removedAt: number | null;
  /** The person this one is an alias of (the same human on another device). */
  mergedInto: string | null;
}

interface PersonRow {
  board_id: string;
  id: string;
  role: Role;
  invite_id: string | null;
  name: string;
  city: string;
  created_at: number;
  last_joined_at: number;
  removed_at: number | null;
  merged_into: string | null;
}

const toPerson = (row: PersonRow): PersonRecord => ({
  boardId: row.board_id,
  id: row.id,
  role: row.role,
  inviteId: row.invite_id,
  name: row.name,
  city: row.city,
  createdAt: row.created_at,
  lastJoinedAt: row.last_joined_at,
  removedAt: row.removed_at,
  mergedInto: row.merged_into,
});

/**
 * The people of each board in SQLite. A device secret is stored only as its hash, and is looked up
 * per board and role: the same browser through another role's link is another person. Callers run
 * look-up-then-write inside `transaction`.
 */
export class SqlitePeopleStore {
  readonly #db: SqliteDatabase;
  readonly #s;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#s = {
      insert: db.prepare<
        [string, string, string, string | null, string | null, string, string, number, number]
      >(
        `INSERT INTO people (board_id, id, role, invite_id, secret_hash, name, city, created_at, last_joined_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      bySecret: db.prepare<[string, string, string], PersonRow>(
        'SELECT * FROM people WHERE board_id = ? AND role = ? AND secret_hash = ?',
      ),
      get: db.prepare<[string, string], PersonRow>('SELECT * FROM people WHERE board_id = ? AND id = ?'),
      list: db.prepare<[string], PersonRow>(
        'SELECT * FROM people WHERE board_id = ? ORDER BY created_at, rowid',
      ),
      rejoined: db.prepare<[string, string, string, number, string, string]>(
        `UPDATE people SET invite_id = ?, name = ?, city = ?, last_joined_at = ?
         WHERE board_id = ? AND id = ?`,
      ),
      merge: db.prepare<[string, string, string]>(
        'UPDATE people SET merged_into = ? WHERE board_id = ? AND id = ?',
      ),
      repointAliases: db.prepare<[string, string, string]>(
        'UPDATE people SET merged_into = ? WHERE board_id = ? AND merged_into = ?',
      ),
      remove: db.prepare<[number, string, string]>(
        'UPDATE people SET removed_at = ? WHERE board_id = ? AND id = ? AND removed_at IS NULL',
      ),
    };
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  insert(person: Omit<PersonRecord, 'removedAt' | 'mergedInto'>, secretHash: string | null): PersonRecord {
    this.#s.insert.run(
      person.boardId,
      person.id,
      person.role,
      person.inviteId,
      secretHash,
      person.name,
      person.city,
      person.createdAt,
      person.lastJoinedAt,
    );
    return { ...person, removedAt: null, mergedInto: null };
  }

  bySecret(boardId: string, role: Role, secretHash: string): PersonRecord | null {
    const row = this.#s.bySecret.get(boardId, role, secretHash);
    return row ? toPerson(row) : null;
  }

  get(boardId: string, personId: string): PersonRecord | null {
    const row = this.#s.get.get(boardId, personId);
    return row ? toPerson(row) : null;
  }

  /** Everyone who ever joined the board, in the order they first came. */
  list(boardId: string): PersonRecord[] {
    return this.#s.list.all(boardId).map(toPerson);
  }

  /** A known person joined again: through which link, under which name and city, when. */
  rejoined(
    boardId: string,
    personId: string,
    update: { inviteId: string; name: string; city: string; at: number },
  ) {
    this.#s.rejoined.run(update.inviteId, update.name, update.city, update.at, boardId, personId);
  }

  /** `aliasId` (and anyone already merged into it) becomes an alias of `targetId`. */
  merge(boardId: string, aliasId: string, targetId: string): void {
    this.#s.repointAliases.run(targetId, boardId, aliasId);
    this.#s.merge.run(targetId, boardId, aliasId);
  }

  remove(boardId: string, personId: string, at: number): void {
    this.#s.remove.run(at, boardId, personId);
  }
}
