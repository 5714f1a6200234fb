import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedBoards } from '../storage/sql/store-contract-boards';
import type { StoreFixture } from '../storage/sql/store-fixture';
import { PrivateNoteStore } from './private-note-store';

const ala = { id: 'p-ala', name: 'Ala', city: 'Łódź' };
const ben = { id: 'p-ben', name: 'Bożena', city: 'Gdańsk' };

/** What PrivateNoteStore promises on every engine; run by private-note-store.test.ts and on PostgreSQL. */
export function privateNoteStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`PrivateNoteStore contract: ${name}`, () => {
    let fixture: StoreFixture;
    let store: PrivateNoteStore;

    beforeEach(async () => {
      fixture = await open();
      store = new PrivateNoteStore(fixture.db);
      await seedBoards(fixture.db, 'b1', 'b2');
    });
    afterEach(() => fixture.cleanup());

    it('starts a round, finds it writing on its board only, and reveals it', async () => {
      const round = await store.start({ id: 'r1', boardId: 'b1', stepId: 'challenge', startedAt: 1000 });
      expect(round).toEqual({
        id: 'r1',
        boardId: 'b1',
        stepId: 'challenge',
        status: 'writing',
        startedAt: 1000,
        revealedAt: null,
      });
      expect(await store.activeRound('b1')).toEqual(round);
      expect(await store.activeRound('b2')).toBeNull();
      await store.markRevealed('r1', 2000);
      expect(await store.activeRound('b1')).toBeNull();
    });

    it('keeps each author’s notes apart, edits in place, and counts notes and writers', async () => {
      await store.start({ id: 'r1', boardId: 'b1', stepId: null, startedAt: 1000 });
      await store.upsert('r1', ala, { id: 'n1', text: 'Pierwsza', x: 0.5, y: 10.25 }, 1100);
      await store.upsert('r1', ben, { id: 'n2', text: 'Druga', x: 1, y: 2 }, 1200);
      await store.upsert('r1', ala, { id: 'n3', text: 'Trzecia', x: 3, y: 4 }, 1300);
      await store.upsert('r1', ala, { id: 'n1', text: 'Pierwsza, poprawiona', x: 5, y: 6 }, 1400);
      expect((await store.notesOf('r1', ala.id)).map((n) => [n.id, n.text])).toEqual([
        ['n3', 'Trzecia'],
        ['n1', 'Pierwsza, poprawiona'],
      ]);
      expect(await store.note('r1', 'n2')).toEqual({
        id: 'n2',
        roundId: 'r1',
        text: 'Druga',
        x: 1,
        y: 2,
        updatedAt: 1200,
        author: ben,
      });
      expect((await store.allNotes('r1')).map((n) => n.id)).toEqual(['n2', 'n3', 'n1']);
      expect(await store.countOf('r1', ala.id)).toBe(2);
      expect(await store.counts('r1')).toEqual({ notes: 3, writers: 2 });
      expect(await store.counts('nope')).toEqual({ notes: 0, writers: 0 });
    });

    it('keeps the height the author’s screen measured, replaced by every write (none if none sent)', async () => {
      await store.start({ id: 'r1', boardId: 'b1', stepId: null, startedAt: 1000 });
      await store.upsert(
        'r1',
        ala,
        { id: 'n1', text: 'Długa', x: 0, y: 0, growY: 142.5, fontSizeAdjustment: 0.8 },
        1100,
      );
      expect(await store.note('r1', 'n1')).toMatchObject({ growY: 142.5, fontSizeAdjustment: 0.8 });
      await store.upsert(
        'r1',
        ala,
        { id: 'n1', text: 'Krótka', x: 0, y: 0, growY: 0, fontSizeAdjustment: 1 },
        1200,
      );
      expect(await store.note('r1', 'n1')).toMatchObject({ growY: 0, fontSizeAdjustment: 1 });
      await store.upsert('r1', ala, { id: 'n1', text: 'Ze starej przeglądarki', x: 0, y: 0 }, 1300);
      const sentWithout = await store.note('r1', 'n1');
      expect(sentWithout).not.toHaveProperty('growY');
      expect(sentWithout).not.toHaveProperty('fontSizeAdjustment');
    });

    it('removes only the author’s own note', async () => {
      await store.start({ id: 'r1', boardId: 'b1', stepId: null, startedAt: 1000 });
      await store.upsert('r1', ala, { id: 'n1', text: 'x', x: 0, y: 0 }, 1100);
      expect(await store.remove('r1', 'n1', ben.id)).toBe(false);
      expect(await store.remove('r1', 'n1', ala.id)).toBe(true);
      expect(await store.remove('r1', 'n1', ala.id)).toBe(false);
      expect(await store.note('r1', 'n1')).toBeNull();
    });

    it('a transaction that throws starts no round', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.start({ id: 'r1', boardId: 'b1', stepId: null, startedAt: 1 });
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await store.activeRound('b1')).toBeNull();
    });
  });
}
