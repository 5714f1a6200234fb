import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedBoards } from '../storage/sql/store-contract-boards';
import type { StoreFixture } from '../storage/sql/store-fixture';
import { AttendanceStore } from './attendance-store';
import { PeopleStore } from './people-store';

/** What AttendanceStore promises on every engine; run by attendance-store.test.ts and on PostgreSQL. */
export function attendanceStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`AttendanceStore contract: ${name}`, () => {
    let fixture: StoreFixture;
    let store: AttendanceStore;
    const person = (id: string, name: string, city: string, where: 'room' | 'online' | null = 'room') => ({
      id,
      name,
      city,
      role: 'participant' as const,
      where,
    });

    beforeEach(async () => {
      fixture = await open();
      store = new AttendanceStore(fixture.db);
      await seedBoards(fixture.db, 'b1', 'b2');
    });
    afterEach(() => fixture.cleanup());

    it('lists who joined in the order they first came, per board', async () => {
      await store.record('b1', person('p-2', 'Bożena', 'Gdańsk'), 2000);
      await store.record('b1', person('p-1', 'Anna', 'Łódź', 'online'), 1000);
      await store.record('b2', person('p-3', 'Celina', 'Sopot'), 500);
      expect(await store.list('b1')).toEqual([
        { personId: 'p-1', name: 'Anna', city: 'Łódź', role: 'participant', where: 'online' },
        { personId: 'p-2', name: 'Bożena', city: 'Gdańsk', role: 'participant', where: 'room' },
      ]);
    });

    it('a person joining again updates name, city and place, not when they came', async () => {
      await store.record('b1', person('p-1', 'Anna', 'Łódź'), 1000);
      await store.record('b1', person('p-2', 'Bożena', 'Gdańsk'), 2000);
      await store.record('b1', person('p-1', 'Anna K.', 'Łódź', 'online'), 3000);
      expect((await store.list('b1')).map((a) => [a.personId, a.name, a.where])).toEqual([
        ['p-1', 'Anna K.', 'online'],
        ['p-2', 'Bożena', 'room'],
      ]);
    });

    it('counts one human once: the same name and city (any case, Polish letters too) on two devices', async () => {
      await store.record('b1', person('p-laptop', 'Łucja Żak', 'ŁÓDŹ', 'room'), 1000);
      await store.record('b1', person('p-phone', ' łucja żak ', 'łódź', null), 2000);
      expect(await store.list('b1')).toEqual([
        { personId: 'p-laptop', name: ' łucja żak ', city: 'łódź', role: 'participant', where: 'room' },
      ]);
    });

    it('leaves out people the facilitator removed or merged into someone else', async () => {
      const people = new PeopleStore(fixture.db);
      for (const id of ['p-1', 'p-2', 'p-3']) {
        await people.insert(
          {
            boardId: 'b1',
            id,
            role: 'participant',
            inviteId: null,
            name: id,
            city: 'X',
            createdAt: 1,
            lastJoinedAt: 1,
          },
          null,
        );
        await store.record('b1', person(id, id, 'X'), 1000);
      }
      await people.merge('b1', 'p-2', 'p-1');
      await people.remove('b1', 'p-3', 5000);
      expect((await store.list('b1')).map((a) => a.personId)).toEqual(['p-1']);
    });
  });
}
