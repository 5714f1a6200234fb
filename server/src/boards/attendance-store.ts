import type { Attendee, Location, Role } from '@empiria/shared';
import type { SqlQueries } from '../storage/sql/sql-database';

interface AttendanceRow {
  person_id: string;
  name: string;
  city: string;
  role: Role;
  location: Location | null;
  joined_at: number;
}

/**
 * Who joined each board, in the room or online (table `attendance`), on either engine: the
 * meeting record's attendance is drafted from it.
 */
export class AttendanceStore {
  readonly #sql: SqlQueries;

  constructor(sql: SqlQueries) {
    this.#sql = sql;
  }

  /** One row per person and board: joining again updates the name, city and place, not the time. */
  async record(
    boardId: string,
    person: { id: string; name: string; city: string; role: Role; where: Location | null },
    at = Date.now(),
  ): Promise<void> {
    await this.#sql.run(
      `INSERT INTO attendance (board_id, person_id, name, city, role, location, joined_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (board_id, person_id) DO UPDATE SET name = excluded.name, city = excluded.city,
         location = excluded.location`,
      [boardId, person.id, person.name, person.city, person.role, person.where, at],
    );
  }

  /** One entry per person: someone who joined again (another device, a new link) counts once. */
  async list(boardId: string): Promise<(Attendee & { personId: string })[]> {
    // People the facilitator removed or merged into someone else are not separate attendees.
    const rows = await this.#sql.all<AttendanceRow>(
      `SELECT a.* FROM attendance a WHERE a.board_id = ? AND NOT EXISTS (
         SELECT 1 FROM people p WHERE p.board_id = a.board_id AND p.id = a.person_id
           AND (p.removed_at IS NOT NULL OR p.merged_into IS NOT NULL))
       ORDER BY a.joined_at, a.name`,
      [boardId],
    );
    const people = new Map<string, Attendee & { personId: string }>();
    for (const row of rows) {
      const key = `${row.name.trim().toLocaleLowerCase('pl')}|${row.city.trim().toLocaleLowerCase('pl')}`;
      const earlier = people.get(key);
      people.set(key, {
        personId: earlier?.personId ?? row.person_id,
        name: row.name,
        city: row.city,
        role: row.role,
        where: row.location ?? earlier?.where ?? null,
      });
    }
    return [...people.values()];
  }
}
