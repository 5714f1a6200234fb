import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedBoards } from '../storage/sql/store-contract-boards';
import type { StoreFixture } from '../storage/sql/store-fixture';
import { PeopleStore } from './people-store';

const ala = {
  boardId: 'b1',
  id: 'p-ala',
  role: 'participant' as const,
  inviteId: 'inv-1',
  name: 'Ala Wiśniewska',
  city: 'Łódź',
  createdAt: 1000,
  lastJoinedAt: 1000,
};

/** What PeopleStore promises on every engine; run by people-store.test.ts and on PostgreSQL. */
export function peopleStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`PeopleStore contract: ${name}`, () => {
    let fixture: StoreFixture;
    let store: PeopleStore;

    beforeEach(async () => {
      fixture = await open();
      store = new PeopleStore(fixture.db);
      await seedBoards(fixture.db, 'b1', 'b2');
    });
    afterEach(() => fixture.cleanup());

    it('finds a person by id, and by secret hash per board and role', async () => {
      const stored = await store.insert(ala, 'hash-1');
      expect(stored).toEqual({ ...ala, removedAt: null, mergedInto: null });
      expect(await store.get('b1', 'p-ala')).toEqual(stored);
      expect(await store.get('b2', 'p-ala')).toBeNull();
      expect(await store.bySecret('b1', 'participant', 'hash-1')).toEqual(stored);
      expect(await store.bySecret('b1', 'facilitator', 'hash-1')).toBeNull();
      expect(await store.bySecret('b2', 'participant', 'hash-1')).toBeNull();
    });

    it('refuses a second person with the same secret on one board and role, not without a secret', async () => {
      await store.insert(ala, 'hash-1');
      await expect(store.insert({ ...ala, id: 'p-other' }, 'hash-1')).rejects.toThrow();
      await store.insert({ ...ala, id: 'p-no-secret-1' }, null);
      await store.insert({ ...ala, id: 'p-no-secret-2' }, null);
      await store.insert({ ...ala, id: 'p-fac', role: 'facilitator' }, 'hash-1');
      expect((await store.list('b1')).map((p) => p.id)).toEqual([
        'p-ala',
        'p-no-secret-1',
        'p-no-secret-2',
        'p-fac',
      ]);
    });

    it('lists the board’s people in the order they came, within one millisecond too', async () => {
      for (const id of ['p-z', 'p-a', 'p-m']) await store.insert({ ...ala, id, createdAt: 5000 }, null);
      await store.insert({ ...ala, id: 'p-first', createdAt: 10 }, null);
      expect((await store.list('b1')).map((p) => p.id)).toEqual(['p-first', 'p-z', 'p-a', 'p-m']);
      expect(await store.list('b2')).toEqual([]);
    });

    it('records a rejoin: link, name, city and time change, the first arrival stays', async () => {
      await store.insert(ala, 'hash-1');
      await store.rejoined('b1', 'p-ala', { inviteId: 'inv-2', name: 'Alicja', city: 'Gdańsk', at: 9000 });
      expect(await store.get('b1', 'p-ala')).toMatchObject({
        inviteId: 'inv-2',
        name: 'Alicja',
        city: 'Gdańsk',
        createdAt: 1000,
        lastJoinedAt: 9000,
      });
    });

    it('merges an alias and its own aliases into the target, keeping chains at one link', async () => {
      for (const id of ['p-a', 'p-b', 'p-c']) await store.insert({ ...ala, id }, null);
      await store.merge('b1', 'p-c', 'p-b');
      await store.merge('b1', 'p-b', 'p-a');
      expect((await store.list('b1')).map((p) => [p.id, p.mergedInto])).toEqual([
        ['p-a', null],
        ['p-b', 'p-a'],
        ['p-c', 'p-a'],
      ]);
    });

    it('removes once: a second removal keeps the first time', async () => {
      await store.insert(ala, null);
      await store.remove('b1', 'p-ala', 2000);
      await store.remove('b1', 'p-ala', 3000);
      expect((await store.get('b1', 'p-ala'))?.removedAt).toBe(2000);
    });

    it('a transaction that throws leaves nothing behind', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.insert(ala, 'hash-1');
          expect(await tx.bySecret('b1', 'participant', 'hash-1')).not.toBeNull();
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await store.list('b1')).toEqual([]);
    });
  });
}
