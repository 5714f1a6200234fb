import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Agenda } from '@empiria/shared';
import type { SqlDatabase } from '../storage/sql/sql-database';
import type { StoreFixture } from '../storage/sql/store-fixture';
import { cityKey, NetworkStore, type MeetingRecord, type NetworkRecord } from './network-store';

const AT = '2026-11-30T08:00:00.000Z';
const agenda: Agenda = [
  { kind: 'step', format: 'format-0', stepId: 'welcome', minutes: 20 },
  { kind: 'break', title: '', minutes: 30 },
];
const zielona: NetworkRecord = {
  id: 'net-zielona',
  name: 'Zielona',
  theme: 'Zieleń',
  description: '',
  createdAt: AT,
};

/** What NetworkStore promises on every engine; run by network-store.test.ts and on PostgreSQL. */
export function networkStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`NetworkStore contract: ${name}`, () => {
    let db: SqlDatabase;
    let cleanup: () => Promise<void>;
    let store: NetworkStore;

    const board = (id: string) =>
      db.run('INSERT INTO boards (id, title, format, created_at) VALUES (?, ?, ?, ?)', [
        id,
        'Tablica',
        'format-0',
        AT,
      ]);
    const meeting = (
      overrides: Partial<MeetingRecord> = {},
    ): Omit<MeetingRecord, 'hostCity' | 'sequence'> => ({
      id: 'm1',
      networkId: zielona.id,
      boardId: 'b1',
      title: 'Spotkanie 1',
      startsAt: '2027-03-15T10:00',
      mode: 'in-person',
      hostCityId: null,
      venue: 'Urząd Miasta',
      room: '',
      cateringNotes: '',
      agenda,
      createdAt: AT,
      ...overrides,
    });
    /** Zielona with Łódź (a laureate) and Gdańsk (an observer), and Ala of Łódź as a representative. */
    const seed = async () => {
      await store.insertNetwork(zielona);
      await store.insertCity({ id: 'c-lodz', name: 'Łódź' }, AT);
      await store.insertCity({ id: 'c-gdansk', name: 'Gdańsk' }, AT);
      await store.insertMember(zielona.id, 'c-lodz', 'programme-laureate', '2026-11-30T08:00:01.000Z');
      await store.insertMember(zielona.id, 'c-gdansk', 'observer', '2026-11-30T08:00:02.000Z');
      await store.insertPerson({ id: 'p-ala', name: 'Ala', email: 'ala@lodz.pl', cityId: 'c-lodz' }, AT);
      await store.insertNetworkPerson(zielona.id, 'p-ala', 'representative', AT);
    };

    beforeEach(async () => {
      ({ db, cleanup } = await open());
      store = new NetworkStore(db);
    });
    afterEach(() => cleanup());

    it('stores a network, reads it back, lists ids by creation, and changes its name and theme', async () => {
      expect(await store.network(zielona.id)).toBeNull();
      expect(await store.networkIds()).toEqual([]);
      await store.insertNetwork({ ...zielona, id: 'net-b', createdAt: '2026-11-30T09:00:00.000Z' });
      await store.insertNetwork(zielona);
      expect(await store.network(zielona.id)).toEqual(zielona);
      expect(await store.networkIds()).toEqual([zielona.id, 'net-b']);
      await store.updateNetwork({ ...zielona, name: 'Zielona sieć', theme: 'Drzewa' });
      expect(await store.network(zielona.id)).toMatchObject({ name: 'Zielona sieć', theme: 'Drzewa' });
      await expect(store.insertNetwork(zielona)).rejects.toThrow();
    });

    it('finds a city by its folded name: case, spaces and Polish letters (Ł too) are one city', async () => {
      await store.insertCity({ id: 'c-lodz', name: 'Łódź' }, AT);
      expect(await store.cityByName('  ŁÓDŹ ')).toEqual({ id: 'c-lodz', name: 'Łódź' });
      expect(await store.cityByName('łódź')).toEqual({ id: 'c-lodz', name: 'Łódź' });
      // A decomposed "ó" (o + combining acute) is the same letter.
      expect(await store.cityByName('Ło\u0301dź')).toEqual({ id: 'c-lodz', name: 'Łódź' });
      expect(await store.cityByName('Lodz')).toBeNull();
      expect(cityKey(' Gdańsk   Wrzeszcz ')).toBe('gdańsk wrzeszcz');
      // Uniqueness is the folded name's: another spelling of one city is refused.
      await expect(store.insertCity({ id: 'c-lodz-2', name: 'ŁÓDŹ' }, AT)).rejects.toThrow();
    });

    it('counts members with their representatives and substitutes, in the order they joined', async () => {
      await seed();
      await store.insertPerson({ id: 'p-zyta', name: 'Zyta', email: null, cityId: 'c-lodz' }, AT);
      await store.insertNetworkPerson(zielona.id, 'p-zyta', 'substitute', AT);
      expect(await store.members(zielona.id)).toEqual([
        {
          networkId: zielona.id,
          cityId: 'c-lodz',
          city: 'Łódź',
          membership: 'programme-laureate',
          joinedAt: '2026-11-30T08:00:01.000Z',
          representatives: 1,
          substitutes: 1,
        },
        {
          networkId: zielona.id,
          cityId: 'c-gdansk',
          city: 'Gdańsk',
          membership: 'observer',
          joinedAt: '2026-11-30T08:00:02.000Z',
          representatives: 0,
          substitutes: 0,
        },
      ]);
      expect(await store.member(zielona.id, 'c-gdansk')).toMatchObject({
        city: 'Gdańsk',
        membership: 'observer',
      });
      expect(await store.member(zielona.id, 'c-nowhere')).toBeNull();
      expect(await store.counts(zielona.id)).toEqual({ members: 2, people: 2, meetings: 0 });
      expect(await store.counts('net-none')).toEqual({ members: 0, people: 0, meetings: 0 });
    });

    it('breaks a tie of joining times by the order of insertion, not by id', async () => {
      await store.insertNetwork(zielona);
      for (const [id, city] of [
        ['c-z', 'Zabrze'],
        ['c-a', 'Augustów'],
        ['c-m', 'Malbork'],
      ] as const) {
        await store.insertCity({ id, name: city }, AT);
        await store.insertMember(zielona.id, id, 'observer', AT);
      }
      expect((await store.members(zielona.id)).map((m) => m.city)).toEqual(['Zabrze', 'Augustów', 'Malbork']);
      for (const [id, name] of [
        ['p-z', 'Zenon'],
        ['p-a', 'Adam'],
      ] as const) {
        await store.insertPerson({ id, name, email: null, cityId: null }, AT);
        await store.insertNetworkPerson(zielona.id, id, 'expert', AT);
      }
      expect((await store.networkPeople(zielona.id)).map((p) => p.name)).toEqual(['Zenon', 'Adam']);
    });

    it('a city is a member once; its membership changes; it leaves', async () => {
      await seed();
      await expect(store.insertMember(zielona.id, 'c-lodz', 'observer', AT)).rejects.toThrow();
      await store.updateMembership(zielona.id, 'c-gdansk', 'leader-of-change');
      expect(await store.member(zielona.id, 'c-gdansk')).toMatchObject({ membership: 'leader-of-change' });
      await store.deleteMember(zielona.id, 'c-gdansk');
      expect((await store.members(zielona.id)).map((m) => m.cityId)).toEqual(['c-lodz']);
    });

    it('a person is found by e-mail, with their city; an e-mail belongs to one person', async () => {
      await seed();
      expect(await store.personByEmail('ala@lodz.pl')).toEqual({
        id: 'p-ala',
        name: 'Ala',
        email: 'ala@lodz.pl',
        cityId: 'c-lodz',
        city: 'Łódź',
      });
      expect(await store.personByEmail('nobody@lodz.pl')).toBeNull();
      await expect(
        store.insertPerson({ id: 'p-other', name: 'Inna', email: 'ala@lodz.pl', cityId: null }, AT),
      ).rejects.toThrow();
      // Several people without an e-mail are fine.
      await store.insertPerson({ id: 'p-x', name: 'X', email: null, cityId: null }, AT);
      await store.insertPerson({ id: 'p-y', name: 'Y', email: null, cityId: null }, AT);
      await store.updatePerson({ id: 'p-x', name: 'Ksenia', email: 'ksenia@gdansk.pl', cityId: 'c-gdansk' });
      expect(await store.personByEmail('ksenia@gdansk.pl')).toMatchObject({ id: 'p-x', city: 'Gdańsk' });
    });

    it("a person's role per network, the networks they are in, and their leaving", async () => {
      await seed();
      await store.insertNetwork({ ...zielona, id: 'net-b' });
      await store.insertNetworkPerson('net-b', 'p-ala', 'expert', AT);
      expect(await store.networkPerson(zielona.id, 'p-ala')).toEqual({
        id: 'p-ala',
        name: 'Ala',
        email: 'ala@lodz.pl',
        cityId: 'c-lodz',
        city: 'Łódź',
        networkId: zielona.id,
        role: 'representative',
        addedAt: AT,
      });
      expect(await store.rolesOf('p-ala')).toEqual([
        { networkId: 'net-b', role: 'expert' },
        { networkId: zielona.id, role: 'representative' },
      ]);
      await expect(store.insertNetworkPerson(zielona.id, 'p-ala', 'substitute', AT)).rejects.toThrow();
      await store.updateRole(zielona.id, 'p-ala', 'substitute');
      expect((await store.networkPerson(zielona.id, 'p-ala'))?.role).toBe('substitute');
      await store.deleteNetworkPerson(zielona.id, 'p-ala');
      expect(await store.networkPerson(zielona.id, 'p-ala')).toBeNull();
      expect(await store.rolesOf('p-ala')).toEqual([{ networkId: 'net-b', role: 'expert' }]);
    });

    it('one active personal link per person and network; a revoked one, or its leaving person, ends it', async () => {
      await seed();
      expect(await store.activeLinkId(zielona.id, 'p-ala')).toBeNull();
      await store.insertLink('link-1', zielona.id, 'p-ala', AT);
      expect(await store.activeLinkId(zielona.id, 'p-ala')).toBe('link-1');
      expect(await store.isLinkActive('link-1', zielona.id, 'p-ala')).toBe(true);
      // Another network's id, or another person's, never makes the link count.
      expect(await store.isLinkActive('link-1', 'net-b', 'p-ala')).toBe(false);
      expect(await store.isLinkActive('link-1', zielona.id, 'p-other')).toBe(false);
      await expect(store.insertLink('link-2', zielona.id, 'p-ala', AT)).rejects.toThrow();
      await store.revokeLinks(zielona.id, 'p-ala', '2026-11-30T09:00:00.000Z');
      expect(await store.isLinkActive('link-1', zielona.id, 'p-ala')).toBe(false);
      await store.insertLink('link-2', zielona.id, 'p-ala', AT);
      expect(await store.activeLinkId(zielona.id, 'p-ala')).toBe('link-2');
      await store.deleteNetworkPerson(zielona.id, 'p-ala');
      expect(await store.isLinkActive('link-2', zielona.id, 'p-ala')).toBe(false);
    });

    it('stores a meeting with its agenda and host city; a change raises its sequence', async () => {
      await seed();
      await board('b1');
      await store.insertMeeting(meeting({ hostCityId: 'c-lodz' }));
      const stored = await store.meeting(zielona.id, 'm1');
      expect(stored).toEqual({ ...meeting({ hostCityId: 'c-lodz' }), hostCity: 'Łódź', sequence: 0 });
      expect(await store.meeting('net-other', 'm1')).toBeNull();
      await store.updateMeeting({
        ...meeting(),
        title: 'Spotkanie pierwsze',
        mode: 'online',
        hostCityId: null,
        agenda: [{ kind: 'free-discussion', title: 'Rozmowa', minutes: 60 }],
      });
      expect(await store.meeting(zielona.id, 'm1')).toMatchObject({
        title: 'Spotkanie pierwsze',
        mode: 'online',
        hostCity: null,
        sequence: 1,
        agenda: [{ kind: 'free-discussion', title: 'Rozmowa', minutes: 60 }],
      });
      // One meeting per board.
      await expect(store.insertMeeting(meeting({ id: 'm2' }))).rejects.toThrow();
    });

    it('lists meetings by their start; counts and lists the hosts', async () => {
      await seed();
      for (const id of ['b1', 'b2', 'b3']) await board(id);
      await store.insertMeeting(
        meeting({ id: 'm-late', boardId: 'b1', startsAt: '2027-06-01T10:00', hostCityId: 'c-lodz' }),
      );
      await store.insertMeeting(
        meeting({ id: 'm-early', boardId: 'b2', startsAt: '2027-01-01T10:00', hostCityId: 'c-lodz' }),
      );
      await store.insertMeeting(
        meeting({ id: 'm-mid', boardId: 'b3', startsAt: '2027-03-01T10:00', mode: 'online' }),
      );
      expect((await store.meetings(zielona.id)).map((m) => m.id)).toEqual(['m-early', 'm-mid', 'm-late']);
      expect(await store.meetings('net-other')).toEqual([]);
      expect(await store.hostsOf(zielona.id)).toEqual([
        { cityId: 'c-lodz', startsAt: '2027-01-01T10:00' },
        { cityId: 'c-lodz', startsAt: '2027-06-01T10:00' },
      ]);
      expect(await store.hostedMeetings(zielona.id, 'c-lodz')).toBe(2);
      expect(await store.hostedMeetings(zielona.id, 'c-gdansk')).toBe(0);
      expect(await store.counts(zielona.id)).toMatchObject({ meetings: 3 });
    });

    it('invitations: by city then name, with the role now, answered, replaced and withdrawn', async () => {
      await seed();
      await board('b1');
      await store.insertMeeting(meeting());
      await store.insertPerson({ id: 'p-bozena', name: 'Bożena', email: null, cityId: 'c-gdansk' }, AT);
      await store.insertNetworkPerson(zielona.id, 'p-bozena', 'representative', AT);
      await store.insertPerson({ id: 'p-zyta', name: 'Zyta', email: null, cityId: 'c-lodz' }, AT);
      await store.insertNetworkPerson(zielona.id, 'p-zyta', 'substitute', AT);
      await store.insertPerson({ id: 'p-fela', name: 'Fela', email: null, cityId: null }, AT);
      await store.insertNetworkPerson(zielona.id, 'p-fela', 'facilitator', AT);
      for (const id of ['p-zyta', 'p-ala', 'p-bozena', 'p-fela']) await store.insertInvitation('m1', id);
      // No city first, then Gdańsk before Łódź ("gdańsk" < "łódź"), then by name.
      expect((await store.invitations('m1')).map((i) => i.name)).toEqual(['Fela', 'Bożena', 'Ala', 'Zyta']);
      await expect(store.insertInvitation('m1', 'p-ala')).rejects.toThrow();
      expect(await store.invitation('m1', 'p-ala')).toEqual({
        meetingId: 'm1',
        personId: 'p-ala',
        name: 'Ala',
        cityId: 'c-lodz',
        city: 'Łódź',
        role: 'representative',
        substituteFor: null,
        answer: null,
        substituteId: null,
        answeredAt: null,
      });

      await store.deleteInvitation('m1', 'p-zyta');
      await store.answer('m1', 'p-ala', 'cannot-come', 'p-zyta', AT);
      await store.insertInvitation('m1', 'p-zyta', 'p-ala');
      expect(await store.invitation('m1', 'p-ala')).toMatchObject({
        answer: 'cannot-come',
        substituteId: 'p-zyta',
        answeredAt: AT,
      });
      expect(await store.invitation('m1', 'p-zyta')).toMatchObject({ substituteFor: 'p-ala', answer: null });
      // A new answer drops the substitutes named before who have not answered.
      await store.deleteUnansweredSubstitutes('m1', 'p-ala');
      expect(await store.invitation('m1', 'p-zyta')).toBeNull();
      // Someone who left the network keeps their invitation, with no role.
      await store.deleteNetworkPerson(zielona.id, 'p-bozena');
      expect(await store.invitation('m1', 'p-bozena')).toMatchObject({ name: 'Bożena', role: null });
      expect(await store.invitation('m-none', 'p-ala')).toBeNull();
    });

    it("someone who leaves loses only the invitations to their network's meetings still to come", async () => {
      await seed();
      await store.insertNetwork({ ...zielona, id: 'net-b' });
      for (const id of ['b1', 'b2', 'b3']) await board(id);
      await store.insertMeeting(meeting({ id: 'm-past', boardId: 'b1', startsAt: '2026-10-01T10:00' }));
      await store.insertMeeting(meeting({ id: 'm-next', boardId: 'b2', startsAt: '2027-01-01T10:00' }));
      await store.insertMeeting(
        meeting({ id: 'm-other', networkId: 'net-b', boardId: 'b3', startsAt: '2027-01-01T10:00' }),
      );
      for (const id of ['m-past', 'm-next', 'm-other']) await store.insertInvitation(id, 'p-ala');
      await store.deleteUpcomingInvitations(zielona.id, 'p-ala', '2026-11-30T09:00');
      expect(await store.invitation('m-past', 'p-ala')).not.toBeNull();
      expect(await store.invitation('m-next', 'p-ala')).toBeNull();
      expect(await store.invitation('m-other', 'p-ala')).not.toBeNull();
    });

    it('a stored agenda the schema refuses fails loudly when read', async () => {
      await seed();
      await board('b1');
      await store.insertMeeting(meeting());
      await db.run("UPDATE meetings SET agenda = ? WHERE id = 'm1'", ['[{"kind":"nonsense"}]']);
      await expect(store.meeting(zielona.id, 'm1')).rejects.toThrow();
    });

    it("a network's removal takes its members, people, links and meetings with their invitations", async () => {
      await seed();
      await board('b1');
      await store.insertLink('link-1', zielona.id, 'p-ala', AT);
      await store.insertMeeting(meeting());
      await store.insertInvitation('m1', 'p-ala');
      await db.run('DELETE FROM networks WHERE id = ?', [zielona.id]);
      expect(await store.members(zielona.id)).toEqual([]);
      expect(await store.networkPeople(zielona.id)).toEqual([]);
      expect(await store.isLinkActive('link-1', zielona.id, 'p-ala')).toBe(false);
      expect(await store.meetings(zielona.id)).toEqual([]);
      expect(await store.invitations('m1')).toEqual([]);
      // The person and the cities are everyone's: they stay.
      expect(await store.personByEmail('ala@lodz.pl')).not.toBeNull();
      expect(await store.cityByName('Łódź')).not.toBeNull();
    });

    it('a transaction stores all of its work or, when it throws, none of it', async () => {
      await store.transaction(async (tx) => {
        await tx.insertNetwork(zielona);
        await tx.insertCity({ id: 'c-lodz', name: 'Łódź' }, AT);
      });
      await expect(
        store.transaction(async (tx) => {
          await tx.insertCity({ id: 'c-gdansk', name: 'Gdańsk' }, AT);
          await tx.insertMember(zielona.id, 'c-gdansk', 'observer', AT);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await store.cityByName('Gdańsk')).toBeNull();
      expect(await store.members(zielona.id)).toEqual([]);
      expect(await store.network(zielona.id)).toEqual(zielona);
      // A statement that fails inside rolls back what came before it.
      await expect(
        store.transaction(async (tx) => {
          await tx.insertCity({ id: 'c-gdansk', name: 'Gdańsk' }, AT);
          await tx.insertNetwork(zielona);
        }),
      ).rejects.toThrow();
      expect(await store.cityByName('Gdańsk')).toBeNull();
    });

    it("a store bound to a transaction joins it: the caller's transaction decides for both", async () => {
      await expect(
        store.transaction(async (outer) => {
          await outer.transaction(async (inner) => inner.insertNetwork(zielona));
          expect(await outer.network(zielona.id)).toEqual(zielona);
          throw new Error('the outer one refuses');
        }),
      ).rejects.toThrow('the outer one refuses');
      expect(await store.network(zielona.id)).toBeNull();
    });
  });
}
