import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreFixture } from './sql/store-fixture';
import { SetAsideStore, type SetAsideRecord } from './set-aside-store';

const record = (boardId: string, key: string, at: number, data = '{"x":1}'): SetAsideRecord => ({
  boardId,
  doc: 'canvas',
  key,
  reason: 'not a tldraw record',
  data,
  at,
});

/** What SetAsideStore promises on every engine; run by set-aside-store.test.ts and on PostgreSQL. */
export function setAsideStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`SetAsideStore contract: ${name}`, () => {
    let fixture: StoreFixture;
    let store: SetAsideStore;

    beforeEach(async () => {
      fixture = await open();
      store = new SetAsideStore(fixture.db);
    });
    afterEach(() => fixture.cleanup());

    it('lists a board’s records, the latest set aside first, up to the limit', async () => {
      await store.add([record('b1', 'shape:a', 1000), record('b1', 'shape:b', 1000)]);
      await store.add([
        record('b2', 'shape:c', 1500),
        { ...record('b1', 'x', 2000), key: null, doc: 'summary' },
      ]);
      expect((await store.list('b1')).map((r) => r.key)).toEqual([null, 'shape:b', 'shape:a']);
      expect(await store.list('b1', 1)).toEqual([{ ...record('b1', 'x', 2000), key: null, doc: 'summary' }]);
      expect((await store.list('b2')).map((r) => r.key)).toEqual(['shape:c']);
      expect(await store.list('nope')).toEqual([]);
      await store.add([]);
    });

    it('keeps at most 64 KiB of a record’s data', async () => {
      await store.add([record('b1', 'big', 1, 'ż'.repeat(100_000))]);
      const [stored] = await store.list('b1');
      expect(stored?.data).toBe('ż'.repeat(64 * 1024));
    });
  });
}
