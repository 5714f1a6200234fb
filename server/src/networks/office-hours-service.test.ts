import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOfficeHoursSeriesRequestSchema, type NetworkActor } from '@empiria/shared';
import { TokenCodec } from '../auth/tokens';
import { openSqliteDatabase, type SqliteDatabase } from '../storage/sqlite-database';
import { NetworkService } from './network-service';
import { SqliteSqlDatabase } from '../storage/sql/sqlite-sql-database';
import { NetworkStore } from './network-store';
import { DomainError } from '../domain-error';
import { OfficeHoursService } from './office-hours-service';
import { OfficeHoursStore } from './office-hours-store';
import { PersonalLinks } from './personal-links';

/**
 * The office hours' service on a real (in-memory) database with a fixed clock: the day of the
 * October change of clocks, so slots before and after it are compared with "now" in Warsaw time.
 */
let db: SqliteDatabase;
let service: OfficeHoursService;
let networkId: string;
const actors: Record<string, NetworkActor> = {};
/** 2026-10-25 is the Sunday the clocks go back; 09:30 UTC is 10:30 in Warsaw (CET again). */
let now = new Date('2026-10-25T09:30:00Z');

beforeEach(async () => {
  db = openSqliteDatabase(':memory:');
  const networks = new NetworkService(
    new NetworkStore(new SqliteSqlDatabase(db)),
    new PersonalLinks(new TokenCodec(randomBytes(32)), () => 'http://empiria.test'),
  );
  service = new OfficeHoursService(new OfficeHoursStore(new SqliteSqlDatabase(db)), networks, () => now);
  networkId = (
    await networks.create({
      name: 'Zielona',
      theme: 'Zieleń',
      description: '',
      facilitator: { name: 'Fela' },
      experts: [{ name: 'Edward' }],
    })
  ).id;
  await networks.addMember(networkId, 'Gdynia', 'programme-laureate');
  await networks.addMember(networkId, 'Radom', 'observer');
  await networks.addPerson(networkId, { name: 'Ala', city: 'Gdynia', role: 'representative' });
  await networks.addPerson(networkId, { name: 'Rita', city: 'Radom', role: 'representative' });
  for (const person of await networks.people(networkId, false)) {
    const actor = await networks.actorOf(networkId, person.id);
    if (actor) actors[person.name] = actor;
  }
});
afterEach(() => {
  db.close();
  now = new Date('2026-10-25T09:30:00Z');
});

const actor = (name: string): NetworkActor => {
  const found = actors[name];
  if (!found) throw new Error(`no actor ${name}`);
  return found;
};

async function publishSundays(): Promise<void> {
  await service.publish(
    actor('Edward'),
    networkId,
    createOfficeHoursSeriesRequestSchema.parse({
      weekday: 7,
      startTime: '10:00',
      everyWeeks: 1,
      from: '2026-10-18',
      to: '2026-11-01',
      location: { kind: 'in-person', place: 'Gdynia, sala 2' },
    }),
  );
}

describe('office hours service', () => {
  it('lists what is not over: this morning’s slot has started, next week’s is open', async () => {
    await publishSundays();
    const { slots, viewer } = await service.list(actor('Ala'), networkId);
    // 2026-10-18 is over and unbooked: gone. Today's 10:00–11:00 (Warsaw) is under way at 10:30: started.
    expect(slots.map((s) => [s.startsAt, s.started])).toEqual([
      ['2026-10-25T10:00', true],
      ['2026-11-01T10:00', false],
    ]);
    expect(slots[0]?.host.name).toBe('Edward');
    expect(viewer).toMatchObject({ canBook: true, canPublish: false, canAnswer: false });
  });

  it('books, refuses a second booking, and keeps a past booking in the lists of those who see it', async () => {
    await publishSundays();
    const next = (await service.list(actor('Ala'), networkId)).slots[1];
    if (!next) throw new Error('no slot');
    await service.book(actor('Ala'), networkId, next.id, 'Jak założyć żłobek?');
    await expect(service.book(actor('Ala'), networkId, next.id, 'Znowu')).rejects.toThrow(
      expect.objectContaining({ code: 'slot_taken' }) as unknown as Error,
    );
    // A week later the slot is over; its booking still shows, to the expert and to Ala.
    now = new Date('2026-11-08T12:00:00Z');
    expect((await service.list(actor('Edward'), networkId)).slots.map((s) => s.booking?.question)).toEqual([
      'Jak założyć żłobek?',
    ]);
    expect((await service.list(actor('Ala'), networkId)).slots.map((s) => s.mine)).toEqual([true]);
    await expect(service.cancelBooking(actor('Ala'), networkId, next.id)).rejects.toThrow(
      expect.objectContaining({ code: 'slot_past' }) as unknown as Error,
    );
  });

  it('refuses an observer city’s representative everything', async () => {
    await publishSundays();
    await expect(service.list(actor('Rita'), networkId)).rejects.toThrow(DomainError);
    await expect(service.log(actor('Rita'), networkId, '')).rejects.toThrow(DomainError);
  });
});
