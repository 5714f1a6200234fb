import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { voteSettingsSchema } from '@empiria/shared';
import type { SqlDatabase } from '../storage/sql/sql-database';
import type { StoreFixture } from '../storage/sql/store-fixture';
import { VoteStore } from './vote-store';

const settings = voteSettingsSchema.parse({ targets: ['shape:note-a', 'shape:note-b'], votesPerPerson: 3 });

/** What VoteStore promises on every engine; run by vote-store.test.ts and on PostgreSQL. */
export function voteStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`VoteStore contract: ${name}`, () => {
    let db: SqlDatabase;
    let cleanup: () => Promise<void>;
    let store: VoteStore;
    const ana = { id: 'p-ana', name: 'Anna', city: 'Łódź' };
    const ben = { id: 'p-ben', name: 'Bożena', city: 'Gdańsk' };

    beforeEach(async () => {
      ({ db, cleanup } = await open());
      store = new VoteStore(db);
      for (const id of ['b1', 'b2']) {
        await db.run('INSERT INTO boards (id, title, format, created_at) VALUES (?, ?, ?, ?)', [
          id,
          'Tablica',
          'format-2',
          '2026-11-30T08:00:00.000Z',
        ]);
      }
    });
    afterEach(() => cleanup());

    it('opens a session, finds it open on its board only, and closes it', async () => {
      const opened = await store.open({ id: 'v1', boardId: 'b1', settings, openedAt: 1000 });
      expect(opened).toMatchObject({ status: 'open', closedAt: null });
      expect(await store.get('b1', 'v1')).toEqual(opened);
      expect(await store.get('b2', 'v1')).toBeNull();
      expect((await store.openSession('b1'))?.id).toBe('v1');
      expect(await store.openSession('b2')).toBeNull();
      await store.close('v1', 2000);
      expect(await store.openSession('b1')).toBeNull();
      expect(await store.get('b1', 'v1')).toMatchObject({ status: 'closed', closedAt: 2000, settings });
    });

    it('keeps ballots in the order they were cast, with who cast them', async () => {
      await store.open({ id: 'v1', boardId: 'b1', settings, openedAt: 1000 });
      await store.cast('v1', ana, 'note-a', 1001);
      await store.cast('v1', ben, 'note-b', 1002);
      await store.cast('v1', ana, 'note-b', 1003);
      expect(await store.ballots('v1')).toEqual([
        { voterId: 'p-ana', targetId: 'note-a', voter: ana },
        { voterId: 'p-ben', targetId: 'note-b', voter: ben },
        { voterId: 'p-ana', targetId: 'note-b', voter: ana },
      ]);
      expect(await store.ballots('unknown')).toEqual([]);
    });

    it('withdraws the latest dot on a target by the person or an alias, one at a time', async () => {
      await store.open({ id: 'v1', boardId: 'b1', settings, openedAt: 1000 });
      await store.cast('v1', { ...ana, id: 'p-ana-phone' }, 'note-a', 1001);
      await store.cast('v1', ana, 'note-a', 1002);
      await store.cast('v1', ben, 'note-a', 1003);
      expect(await store.withdraw('v1', ['p-ana', 'p-ana-phone'], 'note-a')).toBe(true);
      expect((await store.ballots('v1')).map((b) => b.voterId)).toEqual(['p-ana-phone', 'p-ben']);
      expect(await store.withdraw('v1', ['p-ana', 'p-ana-phone'], 'note-a')).toBe(true);
      expect(await store.withdraw('v1', ['p-ana', 'p-ana-phone'], 'note-a')).toBe(false);
      expect(await store.withdraw('v1', [], 'note-a')).toBe(false);
      expect((await store.ballots('v1')).map((b) => b.voterId)).toEqual(['p-ben']);
    });

    it('names the latest session: the open one, else the one closed last, even within one millisecond', async () => {
      expect(await store.latest('b1')).toBeNull();
      await store.open({ id: 'zz-first', boardId: 'b1', settings, openedAt: 5000 });
      await store.close('zz-first', 5000);
      await store.open({ id: 'aa-second', boardId: 'b1', settings, openedAt: 5000 });
      expect((await store.latest('b1'))?.id).toBe('aa-second');
      await store.close('aa-second', 5001);
      expect((await store.latest('b1'))?.id).toBe('aa-second');
      await store.open({ id: 'mm-third', boardId: 'b1', settings, openedAt: 6000 });
      expect((await store.latest('b1'))?.id).toBe('mm-third');
    });

    it('undoes a transaction whose check fails, and refuses a transaction inside one', async () => {
      await store.open({ id: 'v1', boardId: 'b1', settings, openedAt: 1000 });
      await expect(
        store.transaction(async (tx) => {
          await tx.cast('v1', ana, 'note-a', 1001);
          if ((await tx.ballots('v1')).length > 0) throw new Error('limit reached');
        }),
      ).rejects.toThrow('limit reached');
      expect(await store.ballots('v1')).toEqual([]);
      await expect(store.transaction((tx) => tx.transaction(async () => 1))).rejects.toThrow(
        'already inside a transaction',
      );
    });

    it('goes with its board', async () => {
      await store.open({ id: 'v1', boardId: 'b1', settings, openedAt: 1000 });
      await store.cast('v1', ana, 'note-a', 1001);
      await db.run('DELETE FROM boards WHERE id = ?', ['b1']);
      expect(await store.get('b1', 'v1')).toBeNull();
      expect(await store.ballots('v1')).toEqual([]);
    });
  });
}
