import { z } from 'zod';
import {
  officeHoursLocationSchema,
  type OfficeHoursLocation,
  type OfficeHoursPerson,
  type OfficeHoursSeries,
} from '@empiria/shared';
import type { SqliteDatabase } from '../storage/sqlite-database';

/**
 * The office hours' tables (migration "office hours" in storage/sqlite-database.ts): series,
 * their slots (Warsaw wall-clock times) and one booking per slot, answered or not.
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

export class SqliteOfficeHoursStore {
  readonly #db: SqliteDatabase;
  readonly #s;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#s = {
      insertSeries: db.prepare<[string, string, string, string, string, string]>(
        `INSERT INTO office_hours_series (id, network_id, host_id, rule, location, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      series: db.prepare<[string], { rule: string }>('SELECT rule FROM office_hours_series WHERE id = ?'),
      insertSlot: db.prepare<[string, string, string, string, string]>(
        `INSERT INTO office_hours_slots (id, series_id, network_id, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)`,
      ),
      slots: db.prepare<[string], SlotRow>(
        `SELECT ${SLOT_COLUMNS} FROM office_hours_slots s JOIN office_hours_series r ON r.id = s.series_id
         WHERE s.network_id = ? ORDER BY s.starts_at, s.id`,
      ),
      slot: db.prepare<[string], SlotRow>(
        `SELECT ${SLOT_COLUMNS} FROM office_hours_slots s JOIN office_hours_series r ON r.id = s.series_id
         WHERE s.id = ?`,
      ),
      cancelSlot: db.prepare<[string, string]>(
        'UPDATE office_hours_slots SET cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL',
      ),
      bookings: db.prepare<[string], BookingRow>(
        `SELECT b.* FROM office_hours_bookings b JOIN office_hours_slots s ON s.id = b.slot_id
         WHERE s.network_id = ?`,
      ),
      booking: db.prepare<[string], BookingRow>('SELECT * FROM office_hours_bookings WHERE slot_id = ?'),
      insertBooking: db.prepare<[string, string, string, string]>(
        `INSERT INTO office_hours_bookings (slot_id, person_id, question, booked_at) VALUES (?, ?, ?, ?)`,
      ),
      deleteBooking: db.prepare<[string]>('DELETE FROM office_hours_bookings WHERE slot_id = ?'),
      answer: db.prepare<[string, string, string, string]>(
        'UPDATE office_hours_bookings SET answer = ?, answered_by = ?, answered_at = ? WHERE slot_id = ?',
      ),
      // People as they are now: name and city; whether they speak for an observer city of the network.
      people: db.prepare<[{ network: string }], { id: string; name: string; city: string | null }>(
        `SELECT p.id, p.name, c.name AS city FROM persons p LEFT JOIN cities c ON c.id = p.city_id
         WHERE p.id IN (SELECT host_id FROM office_hours_series WHERE network_id = @network
                        UNION SELECT b.person_id FROM office_hours_bookings b
                              JOIN office_hours_slots s ON s.id = b.slot_id WHERE s.network_id = @network
                        UNION SELECT b.answered_by FROM office_hours_bookings b
                              JOIN office_hours_slots s ON s.id = b.slot_id WHERE s.network_id = @network)`,
      ),
      membership: db.prepare<[string, string], { membership: string | null }>(
        `SELECT m.membership FROM persons p
         LEFT JOIN network_members m ON m.city_id = p.city_id AND m.network_id = ?
         WHERE p.id = ?`,
      ),
    };
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  insertSeries(
    series: SeriesRecord,
    slots: readonly { id: string; startsAt: string; endsAt: string }[],
  ): void {
    this.#s.insertSeries.run(
      series.id,
      series.networkId,
      series.hostId,
      JSON.stringify(series.rule),
      JSON.stringify(series.location),
      series.createdAt,
    );
    for (const slot of slots) {
      this.#s.insertSlot.run(slot.id, series.id, series.networkId, slot.startsAt, slot.endsAt);
    }
  }

  /** A series' rule, as published. */
  seriesRule(seriesId: string): SeriesRecord['rule'] | null {
    const row = this.#s.series.get(seriesId);
    return row ? storedRuleSchema.parse(JSON.parse(row.rule)) : null;
  }

  slots(networkId: string): SlotRecord[] {
    return this.#s.slots.all(networkId).map(toSlot);
  }

  slot(slotId: string): SlotRecord | null {
    const row = this.#s.slot.get(slotId);
    return row ? toSlot(row) : null;
  }

  cancelSlot(slotId: string, at: string): void {
    this.#s.cancelSlot.run(at, slotId);
  }

  /** The network's bookings by slot id. */
  bookings(networkId: string): Map<string, BookingRecord> {
    return new Map(this.#s.bookings.all(networkId).map((row) => [row.slot_id, toBooking(row)]));
  }

  booking(slotId: string): BookingRecord | null {
    const row = this.#s.booking.get(slotId);
    return row ? toBooking(row) : null;
  }

  /**
   * Books the slot, or says it was taken: the primary key on `slot_id` decides between two
   * simultaneous bookings (the second INSERT fails), whatever the service checked before.
   */
  insertBooking(
    booking: Pick<BookingRecord, 'slotId' | 'personId' | 'question' | 'bookedAt'>,
  ): 'booked' | 'taken' {
    try {
      this.#s.insertBooking.run(booking.slotId, booking.personId, booking.question, booking.bookedAt);
      return 'booked';
    } catch (error) {
      if (isPrimaryKeyViolation(error)) return 'taken';
      throw error;
    }
  }

  deleteBooking(slotId: string): void {
    this.#s.deleteBooking.run(slotId);
  }

  answer(slotId: string, answer: string, by: string, at: string): void {
    this.#s.answer.run(answer, by, at, slotId);
  }

  /** Hosts, askers and answerers of the network's office hours, by person id. */
  people(networkId: string): Map<string, OfficeHoursPerson> {
    return new Map(
      this.#s.people
        .all({ network: networkId })
        .map((row) => [row.id, { personId: row.id, name: row.name, city: row.city }]),
    );
  }

  /** Whether the person's city is an observer city of the network. */
  speaksForObserverCity(networkId: string, personId: string): boolean {
    return this.#s.membership.get(networkId, personId)?.membership === 'observer';
  }
}

function isPrimaryKeyViolation(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    (error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || error.code === 'SQLITE_CONSTRAINT_UNIQUE')
  );
}
