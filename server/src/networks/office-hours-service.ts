import {
  expandOfficeHoursSeries,
  foldText,
  mayOfficeHours,
  OFFICE_HOURS_ERROR_CODES,
  type NetworkActor,
  type OfficeHoursAct,
  type OfficeHoursActor,
  type OfficeHoursLogEntry,
  type OfficeHoursLogResponse,
  type OfficeHoursPerson,
  type OfficeHoursResponse,
  type OfficeHoursSeries,
  type OfficeHoursSeriesCreated,
  type OfficeHoursSlot,
  type OfficeHoursViewer,
} from '@empiria/shared';
import { newId } from '../ids';
import type { SqlDatabase } from '../storage/sql/sql-database';
import type { NetworkService } from './network-service';
import type { NetworkServices } from './network-services';
import { OfficeHoursStore, type BookingRecord, type SlotRecord } from './office-hours-store';
import { warsawLocalTime } from './warsaw-time';
import { DomainError } from '../domain-error';

const noSuchSlot = () => new DomainError('not_found', 'not_found', 'No such slot.');
const conflict = (code: string, message: string) => new DomainError('conflict', code, message);

/**
 * The expert's office hours (issue #13 item 4; rules OH1–OH5 in docs/permissions.md): series the
 * pair publishes, expanded into Warsaw wall-clock slots; one booking with a question per slot; the
 * answers kept as the network's searchable Q&A log. Every change is one transaction
 * ([N11]); the one booking per slot is the table's primary key, so a race cannot double it.
 */
export class OfficeHoursService {
  readonly #store: OfficeHoursStore;
  readonly #networks: NetworkService;
  readonly #now: () => Date;

  constructor(store: OfficeHoursStore, networks: NetworkService, now: () => Date = () => new Date()) {
    this.#store = store;
    this.#networks = networks;
    this.#now = now;
  }

  /** [OH4] slots not yet over, and past ones with a booking the caller sees (to answer or to read). */
  async list(networkActor: NetworkActor, networkId: string): Promise<OfficeHoursResponse> {
    const actor = await this.#require(networkActor, 'office-hours.read', networkId);
    const network = await this.#networks.get(networkId);
    const now = warsawLocalTime(this.#now());
    const bookings = await this.#store.bookings(networkId);
    const people = await this.#store.people(networkId);
    const seesAll = mayOfficeHours(actor, 'office-hours.see-bookings', networkId);
    const slots = (await this.#store.slots(networkId)).flatMap((slot): OfficeHoursSlot[] => {
      const booking = bookings.get(slot.id) ?? null;
      const mine = booking !== null && actor.kind === 'person' && booking.personId === actor.personId;
      const shown = booking && (seesAll || mine) ? booking : null;
      if (slot.endsAt <= now && shown === null) return [];
      return [
        {
          id: slot.id,
          seriesId: slot.seriesId,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          host: personOf(slot.hostId, people),
          location: slot.location,
          cancelled: slot.cancelledAt !== null,
          started: slot.startsAt <= now,
          taken: booking !== null,
          mine,
          booking: shown && {
            person: personOf(shown.personId, people),
            question: shown.question,
            bookedAt: shown.bookedAt,
            answer: shown.answer,
            answeredAt: shown.answeredAt,
          },
        },
      ];
    });
    return {
      network: { id: network.id, name: network.name, theme: network.theme },
      viewer: this.#viewer(actor, networkId),
      slots,
    };
  }

  /** [OH1] a member of the pair publishes a series, as its host; every slot is written or none. */
  async publish(
    networkActor: NetworkActor,
    networkId: string,
    series: OfficeHoursSeries,
  ): Promise<OfficeHoursSeriesCreated> {
    const actor = await this.#require(networkActor, 'office-hours.publish', networkId);
    if (actor.kind !== 'person') throw new Error('unreachable: the office publishes no series');
    await this.#networks.get(networkId);
    const { location, ...rule } = series;
    const slots = expandOfficeHoursSeries(rule).map((slot) => ({ id: newId(9), ...slot }));
    const seriesId = newId(9);
    const createdAt = this.#now().toISOString();
    await this.#store.transaction((store) =>
      store.insertSeries(
        { id: seriesId, networkId, hostId: actor.personId, rule, location, createdAt },
        slots,
      ),
    );
    return { seriesId, slots };
  }

  /** [OH1] the pair or the office cancels a slot that has not started; its booking, if any, stays to be seen. */
  async cancelSlot(networkActor: NetworkActor, networkId: string, slotId: string): Promise<void> {
    await this.#require(networkActor, 'office-hours.cancel-slot', networkId);
    const now = this.#now();
    await this.#store.transaction(async (store) => {
      const slot = await slotOf(store, networkId, slotId);
      if (slot.cancelledAt !== null) return;
      refuseStarted(slot, now, 'A slot that has started is not cancelled.');
      await store.cancelSlot(slot.id, now.toISOString());
    });
  }

  /** [OH2] a core city's representative or substitute books a free slot that has not started. */
  async book(networkActor: NetworkActor, networkId: string, slotId: string, question: string): Promise<void> {
    const actor = await this.#require(networkActor, 'office-hours.book', networkId);
    if (actor.kind !== 'person') throw new Error('unreachable: the office books nothing');
    const now = this.#now();
    await this.#store.transaction(async (store) => {
      const slot = await slotOf(store, networkId, slotId);
      if (slot.cancelledAt !== null) {
        throw conflict(OFFICE_HOURS_ERROR_CODES.slotCancelled, 'This slot was cancelled: choose another.');
      }
      refuseStarted(slot, now, 'This slot has started or is over: choose a later one.');
      const outcome = await store.insertBooking({
        slotId: slot.id,
        personId: actor.personId,
        question,
        bookedAt: now.toISOString(),
      });
      if (outcome === 'taken') {
        throw conflict(OFFICE_HOURS_ERROR_CODES.slotTaken, 'Someone has booked this slot: choose another.');
      }
    });
  }

  /** [OH3] the person who booked frees the slot again, before it starts and while unanswered. */
  async cancelBooking(networkActor: NetworkActor, networkId: string, slotId: string): Promise<void> {
    const actor = await this.#require(networkActor, 'office-hours.read', networkId);
    const now = this.#now();
    await this.#store.transaction(async (store) => {
      const slot = await slotOf(store, networkId, slotId);
      const booking = await store.booking(slot.id);
      if (!booking) throw new DomainError('not_found', 'not_found', 'This slot has no booking.');
      if (actor.kind !== 'person' || booking.personId !== actor.personId) {
        throw new DomainError(
          'forbidden',
          OFFICE_HOURS_ERROR_CODES.notBooker,
          'Only the person who booked a slot cancels the booking.',
        );
      }
      if (booking.answer !== null) {
        throw conflict(
          OFFICE_HOURS_ERROR_CODES.bookingAnswered,
          'This question is answered: it stays in the log.',
        );
      }
      refuseStarted(slot, now, 'The slot has started: the booking stays.');
      await store.deleteBooking(slot.id);
    });
  }

  /**
   * [OH4] the pair writes (or rewrites) the answer to a booked question; it enters the log. The
   * answer usually follows the hour; written ahead of it (a cancelled slot answered in writing),
   * it is just as valid.
   */
  async answer(networkActor: NetworkActor, networkId: string, slotId: string, answer: string): Promise<void> {
    const actor = await this.#require(networkActor, 'office-hours.answer', networkId);
    if (actor.kind !== 'person') throw new Error('unreachable: the office answers nothing');
    const at = this.#now().toISOString();
    await this.#store.transaction(async (store) => {
      const slot = await slotOf(store, networkId, slotId);
      if (!(await store.booking(slot.id))) {
        throw conflict(
          OFFICE_HOURS_ERROR_CODES.notBooked,
          'Nobody booked this slot: there is no question to answer.',
        );
      }
      await store.answer(slot.id, answer, actor.personId, at);
    });
  }

  /**
   * [OH5] the answered questions, newest slot first; `query` keeps the entries that hold every
   * word of it in their question, answer, asker, city or host, with case and Polish diacritics
   * folded ("zlobek" finds "żłobek").
   */
  async log(networkActor: NetworkActor, networkId: string, query: string): Promise<OfficeHoursLogResponse> {
    await this.#require(networkActor, 'office-hours.read', networkId);
    const network = await this.#networks.get(networkId);
    const people = await this.#store.people(networkId);
    const bookings = await this.#store.bookings(networkId);
    const words = foldText(query).split(/\s+/).filter(Boolean);
    const entries = (await this.#store.slots(networkId))
      .flatMap((slot): OfficeHoursLogEntry[] => {
        const booking = bookings.get(slot.id);
        if (!booking || !isAnswered(booking)) return [];
        const entry: OfficeHoursLogEntry = {
          slotId: slot.id,
          startsAt: slot.startsAt,
          host: personOf(slot.hostId, people),
          asker: personOf(booking.personId, people),
          question: booking.question,
          answer: booking.answer,
          answeredBy: personOf(booking.answeredBy, people),
          answeredAt: booking.answeredAt,
        };
        const haystack = foldText(
          [entry.question, entry.answer, entry.asker.name, entry.asker.city ?? '', entry.host.name].join(
            '\n',
          ),
        );
        return words.every((word) => haystack.includes(word)) ? [entry] : [];
      })
      .reverse();
    return { network: { id: network.id, name: network.name, theme: network.theme }, query, entries };
  }

  async #require(actor: NetworkActor, act: OfficeHoursAct, networkId: string): Promise<OfficeHoursActor> {
    const withCity = await this.#withCity(actor, networkId);
    if (mayOfficeHours(withCity, act, networkId)) return withCity;
    let message = 'Your role in this network does not allow that.';
    if (withCity.kind === 'office')
      message = 'The office reads office hours; the network’s people book and answer.';
    else if (withCity.networkId !== networkId) message = 'This personal link belongs to another network.';
    else if (withCity.observer)
      message = 'Office hours are for the network’s core cities, not observer cities.';
    throw new DomainError('forbidden', 'forbidden', message);
  }

  /** [OH5] a representative or substitute of an observer city is told apart. */
  async #withCity(actor: NetworkActor, networkId: string): Promise<OfficeHoursActor> {
    if (actor.kind === 'office') return { ...actor, observer: false };
    const speaksForCity = actor.role === 'representative' || actor.role === 'substitute';
    const observer =
      speaksForCity &&
      actor.networkId === networkId &&
      (await this.#store.speaksForObserverCity(networkId, actor.personId));
    return { ...actor, observer };
  }

  #viewer(actor: OfficeHoursActor, networkId: string): OfficeHoursViewer {
    return {
      personId: actor.kind === 'person' ? actor.personId : null,
      canPublish: mayOfficeHours(actor, 'office-hours.publish', networkId),
      canCancelSlots: mayOfficeHours(actor, 'office-hours.cancel-slot', networkId),
      canBook: mayOfficeHours(actor, 'office-hours.book', networkId),
      canAnswer: mayOfficeHours(actor, 'office-hours.answer', networkId),
    };
  }
}

async function slotOf(store: OfficeHoursStore, networkId: string, slotId: string): Promise<SlotRecord> {
  const slot = await store.slot(slotId);
  if (!slot || slot.networkId !== networkId) throw noSuchSlot();
  return slot;
}

function refuseStarted(slot: SlotRecord, now: Date, message: string): void {
  if (slot.startsAt <= warsawLocalTime(now)) throw conflict(OFFICE_HOURS_ERROR_CODES.slotPast, message);
}

function isAnswered(
  booking: BookingRecord,
): booking is BookingRecord & { answer: string; answeredBy: string; answeredAt: string } {
  return booking.answer !== null && booking.answeredBy !== null && booking.answeredAt !== null;
}

function personOf(personId: string | null, people: Map<string, OfficeHoursPerson>): OfficeHoursPerson {
  // Persons are never deleted, so everyone is found; the fallback keeps a page from failing.
  const id = personId ?? 'unknown';
  return people.get(id) ?? { personId: id.length >= 6 ? id : 'unknown', name: '—', city: null };
}

/** The office hours on the stores' database, over the network's people. */
export function createOfficeHoursService(sql: SqlDatabase, networks: NetworkServices): OfficeHoursService {
  return new OfficeHoursService(new OfficeHoursStore(sql), networks.networks);
}
