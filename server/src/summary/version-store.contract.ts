import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedBoards } from '../storage/sql/store-contract-boards';
import type { StoreFixture } from '../storage/sql/store-fixture';
import { VersionStore, type SummaryVersion } from './version-store';

const version = (
  id: string,
  openedAt: number,
  boardId = 'b1',
): Omit<SummaryVersion, 'status' | 'closedAt'> => ({
  id,
  boardId,
  hash: `hash-${id}`,
  content: {
    record: { meetingTitle: 'Spotkanie w Łodzi' } as SummaryVersion['content']['record'],
    blocks: [],
  },
  rule: 'consent',
  eligible: [{ personId: 'p-ala', name: 'Ala', city: 'Łódź' }],
  openedAt,
});

/** What VersionStore promises on every engine; run by version-store.test.ts and on PostgreSQL. */
export function versionStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`VersionStore contract: ${name}`, () => {
    let fixture: StoreFixture;
    let store: VersionStore;

    beforeEach(async () => {
      fixture = await open();
      store = new VersionStore(fixture.db);
      await seedBoards(fixture.db, 'b1', 'b2');
    });
    afterEach(() => fixture.cleanup());

    it('freezes a version as given; a new one supersedes the round still open on its board only', async () => {
      const first = await store.freeze(version('v1', 1000));
      expect(first).toMatchObject({ status: 'open', closedAt: null });
      expect(await store.get('b1', 'v1')).toEqual(first);
      expect(await store.get('b2', 'v1')).toBeNull();
      await store.freeze(version('w1', 1000, 'b2'));
      await store.freeze(version('v2', 2000));
      expect(await store.get('b1', 'v1')).toMatchObject({ status: 'superseded', closedAt: 2000 });
      expect((await store.openVersion('b1'))?.id).toBe('v2');
      expect((await store.openVersion('b2'))?.id).toBe('w1');
    });

    it('closes an open version once; the latest and the latest approved are found, ties in order', async () => {
      expect(await store.latest('b1')).toBeNull();
      await store.freeze(version('v-z', 1000));
      await store.close('v-z', 'approved', 1500);
      await store.close('v-z', 'not-approved', 1600);
      expect(await store.get('b1', 'v-z')).toMatchObject({ status: 'approved', closedAt: 1500 });
      await store.freeze(version('v-a', 1500));
      expect((await store.latest('b1'))?.id).toBe('v-a');
      expect((await store.latestApproved('b1'))?.id).toBe('v-z');
      await store.close('v-a', 'not-approved', 1700);
      expect((await store.latestApproved('b1'))?.id).toBe('v-z');
      expect(await store.openVersion('b1')).toBeNull();
    });

    it('keeps decisions in the order given and one consent per person, the latest', async () => {
      await store.freeze(version('v1', 1000));
      const decision = (personId: string, d: 'approve' | 'object', at: number) => ({
        personId,
        name: personId,
        city: 'Łódź',
        decision: d,
        reason: d === 'object' ? 'Za wcześnie' : null,
        at,
      });
      await store.decide('v1', decision('p-b', 'object', 2000));
      await store.decide('v1', decision('p-a', 'approve', 2000));
      await store.decide('v1', decision('p-b', 'approve', 3000));
      expect((await store.decisions('v1')).map((d) => [d.personId, d.decision, d.reason])).toEqual([
        ['p-b', 'object', 'Za wcześnie'],
        ['p-a', 'approve', null],
        ['p-b', 'approve', null],
      ]);
      await store.consent('v1', { personId: 'p-a', observers: true, public: false }, 4000);
      await store.consent('v1', { personId: 'p-a', observers: false, public: true }, 5000);
      await store.consent('v1', { personId: 'p-b', observers: true, public: true }, 4500);
      expect(await store.consents('v1')).toEqual([
        { personId: 'p-b', observers: true, public: true },
        { personId: 'p-a', observers: false, public: true },
      ]);
      expect(await store.decisions('nope')).toEqual([]);
    });

    it('a transaction that throws stores no decision', async () => {
      await store.freeze(version('v1', 1000));
      await expect(
        store.transaction(async (tx) => {
          await tx.decide('v1', {
            personId: 'p',
            name: 'p',
            city: 'X',
            decision: 'approve',
            reason: null,
            at: 1,
          });
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await store.decisions('v1')).toEqual([]);
    });
  });
}
