import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../storage/sql/sql-database';
import type { StoreFixture } from '../storage/sql/store-fixture';
import { NetworkRows } from './network-rows.test-support';
import { OfficeHoursStore, type SeriesRecord } from './office-hours-store';

const rule: SeriesRecord['rule'] = {
  weekday: 2,
  startTime: '16:00',
  minutes: 60,
  everyWeeks: 1,
  from: '2026-10-20',
  to: '2026-11-10',
};

const series = (id: string, networkId: string, hostId = 'p-edward'): SeriesRecord => ({
  id,
  networkId,
  hostId,
  rule,
  location: { kind: 'online', url: 'https://meet.example/ekspert' },
  createdAt: '2026-10-01T08:00:00.000Z',
});

const slot = (id: string, startsAt: string) => ({
  id,
  startsAt,
  endsAt: startsAt.replace(/T(\d\d)/, (_, hour: string) => `T${String(Number(hour) + 1).padStart(2, '0')}`),
});

/** What OfficeHoursStore promises on every engine; run by office-hours-store.test.ts and on PostgreSQL. */
export function officeHoursStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`OfficeHoursStore contract: ${name}`, () => {
    let db: SqlDatabase;
    let cleanup: () => Promise<void>;
    let store: OfficeHoursStore;

    beforeEach(async () => {
      ({ db, cleanup } = await open());
      store = new OfficeHoursStore(db);
      const rows = new NetworkRows(db);
      await rows.twoNetworksWithGdyniaAndRadom();
      await rows.person('p-edward', 'Edward', { networkId: 'net-1', role: 'expert' });
      await rows.person('p-ala', 'Ala', { cityId: 'c-gdynia', networkId: 'net-1', role: 'representative' });
      await rows.person('p-rita', 'Rita', { cityId: 'c-radom', networkId: 'net-1', role: 'representative' });
      await rows.person('p-fela', 'Fela', { networkId: 'net-1', role: 'facilitator' });
      await rows.person('p-zenon', 'Zenon', { cityId: 'c-gdynia' });
    });
    afterEach(() => cleanup());

    it('publishes a series with its slots, in time order per network, with the series’ host and place', async () => {
      await store.insertSeries(series('s-1', 'net-1'), [
        slot('sl-b', '2026-10-27T16:00'),
        slot('sl-a', '2026-10-20T16:00'),
      ]);
      await store.insertSeries(series('s-2', 'net-2', 'p-fela'), [slot('sl-c', '2026-10-21T09:00')]);
      expect(await store.seriesRule('s-1')).toEqual(rule);
      expect(await store.seriesRule('nope')).toBeNull();
      const slots = await store.slots('net-1');
      expect(slots.map((s) => s.id)).toEqual(['sl-a', 'sl-b']);
      expect(slots[0]).toEqual({
        id: 'sl-a',
        seriesId: 's-1',
        networkId: 'net-1',
        startsAt: '2026-10-20T16:00',
        endsAt: '2026-10-20T17:00',
        cancelledAt: null,
        hostId: 'p-edward',
        location: { kind: 'online', url: 'https://meet.example/ekspert' },
      });
      expect(await store.slot('sl-c')).toMatchObject({ networkId: 'net-2', hostId: 'p-fela' });
      expect(await store.slot('nope')).toBeNull();
    });

    it('orders slots of two series starting together by id', async () => {
      await store.insertSeries(series('s-1', 'net-1'), [slot('sl-z', '2026-10-20T16:00')]);
      await store.insertSeries(series('s-2', 'net-1', 'p-fela'), [slot('sl-m', '2026-10-20T16:00')]);
      expect((await store.slots('net-1')).map((s) => s.id)).toEqual(['sl-m', 'sl-z']);
    });

    it('writes a series and its slots all or none', async () => {
      // Two slots of one series at the same start: the table's UNIQUE refuses the second.
      await expect(
        store.transaction((tx) =>
          tx.insertSeries(series('s-1', 'net-1'), [
            slot('sl-a', '2026-10-20T16:00'),
            slot('sl-b', '2026-10-20T16:00'),
          ]),
        ),
      ).rejects.toThrow();
      expect(await store.seriesRule('s-1')).toBeNull();
      expect(await store.slots('net-1')).toEqual([]);
    });

    it('cancels a slot once: the first time stays', async () => {
      await store.insertSeries(series('s-1', 'net-1'), [slot('sl-a', '2026-10-20T16:00')]);
      await store.cancelSlot('sl-a', '2026-10-10T10:00:00.000Z');
      await store.cancelSlot('sl-a', '2026-10-11T10:00:00.000Z');
      expect((await store.slot('sl-a'))?.cancelledAt).toBe('2026-10-10T10:00:00.000Z');
    });

    it('takes one booking per slot: the second is told the slot is taken, and the first stays', async () => {
      await store.insertSeries(series('s-1', 'net-1'), [
        slot('sl-a', '2026-10-20T16:00'),
        slot('sl-b', '2026-10-27T16:00'),
      ]);
      expect(
        await store.insertBooking({ slotId: 'sl-a', personId: 'p-ala', question: 'Żłobek?', bookedAt: 't1' }),
      ).toBe('booked');
      expect(
        await store.insertBooking({ slotId: 'sl-a', personId: 'p-rita', question: 'Park?', bookedAt: 't2' }),
      ).toBe('taken');
      expect(await store.booking('sl-a')).toEqual({
        slotId: 'sl-a',
        personId: 'p-ala',
        question: 'Żłobek?',
        bookedAt: 't1',
        answer: null,
        answeredBy: null,
        answeredAt: null,
      });
      expect(await store.booking('sl-b')).toBeNull();
      // Inside a transaction too: the transaction goes on after "taken" and commits what it did.
      const outcome = await store.transaction(async (tx) => {
        const first = await tx.insertBooking({
          slotId: 'sl-b',
          personId: 'p-rita',
          question: 'Q',
          bookedAt: 't3',
        });
        const second = await tx.insertBooking({
          slotId: 'sl-a',
          personId: 'p-rita',
          question: 'Q',
          bookedAt: 't3',
        });
        return [first, second];
      });
      expect(outcome).toEqual(['booked', 'taken']);
      expect([...(await store.bookings('net-1')).keys()].sort()).toEqual(['sl-a', 'sl-b']);
    });

    it('lets only one of two simultaneous bookings of a slot land', async () => {
      await store.insertSeries(series('s-1', 'net-1'), [slot('sl-a', '2026-10-20T16:00')]);
      const book = (personId: string) =>
        store.transaction(async (tx) => {
          if (await tx.booking('sl-a')) return 'taken' as const;
          return tx.insertBooking({ slotId: 'sl-a', personId, question: 'Q', bookedAt: 't' });
        });
      const outcomes = await Promise.all([book('p-ala'), book('p-rita')]);
      expect([...outcomes].sort()).toEqual(['booked', 'taken']);
      expect((await store.bookings('net-1')).size).toBe(1);
    });

    it('answers a booking and frees a slot again', async () => {
      await store.insertSeries(series('s-1', 'net-1'), [
        slot('sl-a', '2026-10-20T16:00'),
        slot('sl-b', '2026-10-27T16:00'),
      ]);
      await store.insertBooking({ slotId: 'sl-a', personId: 'p-ala', question: 'Żłobek?', bookedAt: 't1' });
      await store.insertBooking({ slotId: 'sl-b', personId: 'p-rita', question: 'Park?', bookedAt: 't2' });
      await store.answer('sl-a', 'Tak, z programu Maluch+.', 'p-edward', '2026-10-20T17:00:00.000Z');
      expect(await store.booking('sl-a')).toMatchObject({
        answer: 'Tak, z programu Maluch+.',
        answeredBy: 'p-edward',
        answeredAt: '2026-10-20T17:00:00.000Z',
      });
      await store.deleteBooking('sl-b');
      expect(await store.booking('sl-b')).toBeNull();
      expect([...(await store.bookings('net-1')).keys()]).toEqual(['sl-a']);
      expect((await store.bookings('net-2')).size).toBe(0);
    });

    it('names the hosts, askers and answerers of the network, with their cities', async () => {
      await store.insertSeries(series('s-1', 'net-1'), [
        slot('sl-a', '2026-10-20T16:00'),
        slot('sl-b', '2026-10-27T16:00'),
      ]);
      await store.insertSeries(series('s-2', 'net-2', 'p-zenon'), [slot('sl-c', '2026-10-21T09:00')]);
      await store.insertBooking({ slotId: 'sl-a', personId: 'p-ala', question: 'Q', bookedAt: 't' });
      await store.answer('sl-a', 'A', 'p-fela', 't');
      const people = await store.people('net-1');
      expect([...people.keys()].sort()).toEqual(['p-ala', 'p-edward', 'p-fela']);
      expect(people.get('p-ala')).toEqual({ personId: 'p-ala', name: 'Ala', city: 'Gdynia' });
      expect(people.get('p-edward')).toEqual({ personId: 'p-edward', name: 'Edward', city: null });
      expect([...(await store.people('net-2')).keys()]).toEqual(['p-zenon']);
    });

    it('tells whether a person speaks for an observer city of the network', async () => {
      expect(await store.speaksForObserverCity('net-1', 'p-rita')).toBe(true);
      expect(await store.speaksForObserverCity('net-1', 'p-ala')).toBe(false);
      expect(await store.speaksForObserverCity('net-1', 'p-fela')).toBe(false);
      expect(await store.speaksForObserverCity('net-2', 'p-rita')).toBe(false);
      expect(await store.speaksForObserverCity('net-1', 'nobody')).toBe(false);
    });

    it('refuses an answer without its time, and goes with its network', async () => {
      await store.insertSeries(series('s-1', 'net-1'), [slot('sl-a', '2026-10-20T16:00')]);
      await store.insertBooking({ slotId: 'sl-a', personId: 'p-ala', question: 'Q', bookedAt: 't' });
      await expect(
        db.run("UPDATE office_hours_bookings SET answer = 'Tak' WHERE slot_id = ?", ['sl-a']),
      ).rejects.toThrow();
      await db.run('DELETE FROM networks WHERE id = ?', ['net-1']);
      expect(await store.slots('net-1')).toEqual([]);
      expect(await store.booking('sl-a')).toBeNull();
      expect(await store.seriesRule('s-1')).toBeNull();
    });

    it('undoes a transaction whose work throws, and refuses a transaction inside one', async () => {
      await store.insertSeries(series('s-1', 'net-1'), [slot('sl-a', '2026-10-20T16:00')]);
      await expect(
        store.transaction(async (tx) => {
          await tx.insertBooking({ slotId: 'sl-a', personId: 'p-ala', question: 'Q', bookedAt: 't' });
          await tx.cancelSlot('sl-a', 't');
          throw new Error('slot_past');
        }),
      ).rejects.toThrow('slot_past');
      expect(await store.booking('sl-a')).toBeNull();
      expect((await store.slot('sl-a'))?.cancelledAt).toBeNull();
      await expect(store.transaction((tx) => tx.transaction(async () => 1))).rejects.toThrow(
        'already inside a transaction',
      );
    });
  });
}
