import type { Role } from '@empiria/shared';
import { inTransaction, type SqlQueries } from '../storage/sql/sql-database';

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

/** A `people` row as a record. */
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
 * The people of each board (table `people`), on either engine. A device secret is stored only as
 * its hash, and is looked up per board and role: the same browser through another role's link is
 * another person. Callers run look-up-then-write inside `transaction`, whose work gets the store
 * bound to that transaction.
 */
export class PeopleStore {
  readonly #sql: SqlQueries;

  constructor(sql: SqlQueries) {
    this.#sql = sql;
  }

  transaction<T>(work: (store: PeopleStore) => Promise<T>): Promise<T> {
    return inTransaction(this.#sql, (tx) => work(new PeopleStore(tx)));
  }

  async insert(
    person: Omit<PersonRecord, 'removedAt' | 'mergedInto'>,
    secretHash: string | null,
  ): Promise<PersonRecord> {
    await this.#sql.run(
      `INSERT INTO people (board_id, id, role, invite_id, secret_hash, name, city, created_at, last_joined_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        person.boardId,
        person.id,
        person.role,
        person.inviteId,
        secretHash,
        person.name,
        person.city,
        person.createdAt,
        person.lastJoinedAt,
      ],
    );
    return { ...person, removedAt: null, mergedInto: null };
  }

  async bySecret(boardId: string, role: Role, secretHash: string): Promise<PersonRecord | null> {
    const row = await this.#sql.get<PersonRow>(
      'SELECT * FROM people WHERE board_id = ? AND role = ? AND secret_hash = ?',
      [boardId, role, secretHash],
    );
    return row ? toPerson(row) : null;
  }

  async get(boardId: string, personId: string): Promise<PersonRecord | null> {
    const row = await this.#sql.get<PersonRow>('SELECT * FROM people WHERE board_id = ? AND id = ?', [
      boardId,
      personId,
    ]);
    return row ? toPerson(row) : null;
  }

  /** Everyone who ever joined the board, in the order they first came. */
  async list(boardId: string): Promise<PersonRecord[]> {
    // `rowid` breaks ties within a millisecond: SQLite's own, a column of the same name on PostgreSQL.
    const rows = await this.#sql.all<PersonRow>(
      'SELECT * FROM people WHERE board_id = ? ORDER BY created_at, rowid',
      [boardId],
    );
    return rows.map(toPerson);
  }

  /** A known person joined again: through which link, under which name and city, when. */
  async rejoined(
    boardId: string,
    personId: string,
    update: { inviteId: string; name: string; city: string; at: number },
  ): Promise<void> {
    await this.#sql.run(
      'UPDATE people SET invite_id = ?, name = ?, city = ?, last_joined_at = ? WHERE board_id = ? AND id = ?',
      [update.inviteId, update.name, update.city, update.at, boardId, personId],
    );
  }

  /** `aliasId` (and anyone already merged into it) becomes an alias of `targetId`. */
  async merge(boardId: string, aliasId: string, targetId: string): Promise<void> {
    await this.#sql.run('UPDATE people SET merged_into = ? WHERE board_id = ? AND merged_into = ?', [
      targetId,
      boardId,
      aliasId,
    ]);
    await this.#sql.run('UPDATE people SET merged_into = ? WHERE board_id = ? AND id = ?', [
      targetId,
      boardId,
      aliasId,
    ]);
  }

  /** Marks the person removed; one removed already keeps the time it was first removed. */
  async remove(boardId: string, personId: string, at: number): Promise<void> {
    await this.#sql.run(
      'UPDATE people SET removed_at = ? WHERE board_id = ? AND id = ? AND removed_at IS NULL',
      [at, boardId, personId],
    );
  }
}
