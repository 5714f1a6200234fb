import { z } from 'zod';
import {
  officeHoursLocationSchema,
  type OfficeHoursLocation,
  type OfficeHoursPerson,
  type OfficeHoursSeries,
} from '@empiria/shared';
import { inTransaction, type SqlQueries } from '../storage/sql/sql-database';

/**
 * The office hours' tables (migration "office hours" in storage/sqlite-database.ts; PostgreSQL's
 * migration 2): series, their slots (Warsaw wall-clock times) and one booking per slot, answered
 * or not.
 */

/** The series' rule as stored (JSON): what the request gave, bar the location kept apart. */
const storedRuleSchema = z.object({
  weekday: z.literal([1, 2, 3, 4, 5, 6, 7]),
  startTime: z.string(),
  minutes: z.number().int(),
  everyWeeks: z.number().int(),
  from: z.string(),
  to: z.string(),
});

export interface SeriesRecord {
  id: string;
  networkId: string;
  hostId: string;
  rule: Omit<OfficeHoursSeries, 'location'>;
  location: OfficeHoursLocation;
  createdAt: string;
}

export interface SlotRecord {
  id: string;
  seriesId: string;
  networkId: string;
  startsAt: string;
  endsAt: string;
  cancelledAt: string | null;
  hostId: string;
  location: OfficeHoursLocation;
}

export interface BookingRecord {
  slotId: string;
  personId: string;
  question: string;
  bookedAt: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
}

interface SlotRow {
  id: string;
  series_id: string;
  network_id: string;
  starts_at: string;
  ends_at: string;
  cancelled_at: string | null;
  host_id: string;
  location: string;
}

interface BookingRow {
  slot_id: string;
  person_id: string;
  question: string;
  booked_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
}

const toSlot = (row: SlotRow): SlotRecord => ({
  id: row.id,
  seriesId: row.series_id,
  networkId: row.network_id,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  cancelledAt: row.cancelled_at,
  hostId: row.host_id,
  // Written from the request's parsed location; parsing keeps a bad row from passing silently.
  location: officeHoursLocationSchema.parse(JSON.parse(row.location)),
});

const toBooking = (row: BookingRow): BookingRecord => ({
  slotId: row.slot_id,
  personId: row.person_id,
  question: row.question,
  bookedAt: row.booked_at,
  answer: row.answer,
  answeredBy: row.answered_by,
  answeredAt: row.answered_at,
});

const SLOT_COLUMNS = `s.id, s.series_id, s.network_id, s.starts_at, s.ends_at, s.cancelled_at,
  r.host_id, r.location`;

// People as they are now (name and city): the network's hosts, askers and answerers.
const PEOPLE_SQL = `SELECT p.id, p.name, c.name AS city FROM persons p LEFT JOIN cities c ON c.id = p.city_id
  WHERE p.id IN (SELECT host_id FROM office_hours_series WHERE network_id = ?
                 UNION SELECT b.person_id FROM office_hours_bookings b
                       JOIN office_hours_slots s ON s.id = b.slot_id WHERE s.network_id = ?
                 UNION SELECT b.answered_by FROM office_hours_bookings b
                       JOIN office_hours_slots s ON s.id = b.slot_id WHERE s.network_id = ?)`;

/**
 * The office hours' rows, on either engine. Callers run check-then-write inside `transaction`,
 * whose work gets the store bound to that transaction.
 */
export class OfficeHoursStore {
  readonly #sql: SqlQueries;

  constructor(sql: SqlQueries) {
    this.#sql = sql;
  }

  transaction<T>(work: (store: OfficeHoursStore) => Promise<T>): Promise<T> {
    return inTransaction(this.#sql, (tx) => work(new OfficeHoursStore(tx)));
  }

  /** The series and its slots, all or none (a transaction the caller opens). */
  async insertSeries(
    series: SeriesRecord,
    slots: readonly { id: string; startsAt: string; endsAt: string }[],
  ): Promise<void> {
    await this.#sql.run(
      `INSERT INTO office_hours_series (id, network_id, host_id, rule, location, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [
        series.id,
        series.networkId,
        series.hostId,
        JSON.stringify(series.rule),
        JSON.stringify(series.location),
        series.createdAt,
      ],
    );
    for (const slot of slots) {
      await this.#sql.run(
        'INSERT INTO office_hours_slots (id, series_id, network_id, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)',
        [slot.id, series.id, series.networkId, slot.startsAt, slot.endsAt],
      );
    }
  }

  /** A series' rule, as published. */
  async seriesRule(seriesId: string): Promise<SeriesRecord['rule'] | null> {
    const row = await this.#sql.get<{ rule: string }>('SELECT rule FROM office_hours_series WHERE id = ?', [
      seriesId,
    ]);
    return row ? storedRuleSchema.parse(JSON.parse(row.rule)) : null;
  }

  /** The network's slots in time order. */
  async slots(networkId: string): Promise<SlotRecord[]> {
    const rows = await this.#sql.all<SlotRow>(
      `SELECT ${SLOT_COLUMNS} FROM office_hours_slots s JOIN office_hours_series r ON r.id = s.series_id
       WHERE s.network_id = ? ORDER BY s.starts_at, s.id`,
      [networkId],
    );
    return rows.map(toSlot);
  }

  async slot(slotId: string): Promise<SlotRecord | null> {
    const row = await this.#sql.get<SlotRow>(
      `SELECT ${SLOT_COLUMNS} FROM office_hours_slots s JOIN office_hours_series r ON r.id = s.series_id
       WHERE s.id = ?`,
      [slotId],
    );
    return row ? toSlot(row) : null;
  }

  /** Cancels a slot; one already cancelled keeps its first time. */
  async cancelSlot(slotId: string, at: string): Promise<void> {
    await this.#sql.run(
      'UPDATE office_hours_slots SET cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL',
      [at, slotId],
    );
  }

  /** The network's bookings by slot id. */
  async bookings(networkId: string): Promise<Map<string, BookingRecord>> {
    const rows = await this.#sql.all<BookingRow>(
      `SELECT b.* FROM office_hours_bookings b JOIN office_hours_slots s ON s.id = b.slot_id
       WHERE s.network_id = ?`,
      [networkId],
    );
    return new Map(rows.map((row) => [row.slot_id, toBooking(row)]));
  }

  async booking(slotId: string): Promise<BookingRecord | null> {
    const row = await this.#sql.get<BookingRow>('SELECT * FROM office_hours_bookings WHERE slot_id = ?', [
      slotId,
    ]);
    return row ? toBooking(row) : null;
  }

  /**
   * Books the slot, or says it was taken: the primary key on `slot_id` decides between two
   * simultaneous bookings, whatever the service checked before. ON CONFLICT rather than a caught
   * error: on PostgreSQL a failed statement ends the transaction it ran in. (There, two
   * transactions booking at once: the later one is retried, sees the booking and says taken.)
   */
  async insertBooking(
    booking: Pick<BookingRecord, 'slotId' | 'personId' | 'question' | 'bookedAt'>,
  ): Promise<'booked' | 'taken'> {
    const { changes } = await this.#sql.run(
      `INSERT INTO office_hours_bookings (slot_id, person_id, question, booked_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (slot_id) DO NOTHING`,
      [booking.slotId, booking.personId, booking.question, booking.bookedAt],
    );
    return changes === 1 ? 'booked' : 'taken';
  }

  async deleteBooking(slotId: string): Promise<void> {
    await this.#sql.run('DELETE FROM office_hours_bookings WHERE slot_id = ?', [slotId]);
  }

  async answer(slotId: string, answer: string, by: string, at: string): Promise<void> {
    await this.#sql.run(
      'UPDATE office_hours_bookings SET answer = ?, answered_by = ?, answered_at = ? WHERE slot_id = ?',
      [answer, by, at, slotId],
    );
  }

  /** Hosts, askers and answerers of the network's office hours, by person id. */
  async people(networkId: string): Promise<Map<string, OfficeHoursPerson>> {
    const rows = await this.#sql.all<{ id: string; name: string; city: string | null }>(PEOPLE_SQL, [
      networkId,
      networkId,
      networkId,
    ]);
    return new Map(rows.map((row) => [row.id, { personId: row.id, name: row.name, city: row.city }]));
  }

  /** Whether the person's city is an observer city of the network. */
  async speaksForObserverCity(networkId: string, personId: string): Promise<boolean> {
    const row = await this.#sql.get<{ membership: string | null }>(
      `SELECT m.membership FROM persons p
       LEFT JOIN network_members m ON m.city_id = p.city_id AND m.network_id = ?
       WHERE p.id = ?`,
      [networkId, personId],
    );
    return row?.membership === 'observer';
  }
}
