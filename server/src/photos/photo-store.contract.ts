import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedBoards } from '../storage/sql/store-contract-boards';
import type { StoreFixture } from '../storage/sql/store-fixture';
import { PhotoStore } from './photo-store';

const info = { type: 'image/png' as const, width: 40, height: 30, orientation: 1 };

/** What PhotoStore promises on every engine; run by photo-store.test.ts and on PostgreSQL. */
export function photoStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`PhotoStore contract: ${name}`, () => {
    let fixture: StoreFixture;
    let dataDir: string;
    let store: PhotoStore;
    const photo = (id: string, stepId: string | null, boardId = 'b1') => ({
      id,
      boardId,
      stepId,
      authorId: 'p-ala',
      authorName: 'Ala',
      createdAt: 1000,
    });

    beforeEach(async () => {
      fixture = await open();
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-photos-'));
      store = new PhotoStore(fixture.db, dataDir);
      await seedBoards(fixture.db, 'b1', 'b2');
    });
    afterEach(async () => {
      await fixture.cleanup();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('writes the whole file, then its facts; reads them back by id', async () => {
      const bytes = new Uint8Array([1, 2, 3, 4, 5]);
      const saved = await store.save(photo('ph1', 'challenge'), info, bytes);
      expect(saved).toMatchObject({ id: 'ph1', type: 'image/png', width: 40, height: 30, bytes: 5 });
      expect(await store.get('ph1')).toEqual(saved);
      expect(await store.get('nope')).toBeNull();
      expect(fs.readFileSync(store.file('ph1', 'image/png'))).toEqual(Buffer.from(bytes));
      expect(fs.readdirSync(path.join(dataDir, 'photos'))).toEqual(['ph1.png']);
    });

    it('counts a board’s photos per sheet, and those of no sheet apart', async () => {
      await store.save(photo('ph1', 'challenge'), info, new Uint8Array([1]));
      await store.save(photo('ph2', 'challenge'), info, new Uint8Array([1]));
      await store.save(photo('ph3', null), info, new Uint8Array([1]));
      await store.save(photo('ph4', 'challenge', 'b2'), info, new Uint8Array([1]));
      expect(await store.countFor('b1', 'challenge')).toBe(2);
      expect(await store.countFor('b1', null)).toBe(1);
      expect(await store.countFor('b1', 'barriers')).toBe(0);
      expect(await store.countFor('b2', null)).toBe(0);
    });

    it('[U9] sums a board’s photos, every sheet’s and none’s, and no other board’s', async () => {
      expect(await store.usageOf('b1')).toEqual({ count: 0, bytes: 0 });
      await store.save(photo('ph1', 'challenge'), info, new Uint8Array(300));
      await store.save(photo('ph2', null), info, new Uint8Array(45));
      await store.save(photo('ph3', 'challenge', 'b2'), info, new Uint8Array(1000));
      expect(await store.usageOf('b1')).toEqual({ count: 2, bytes: 345 });
      expect(await store.usageOf('b2')).toEqual({ count: 1, bytes: 1000 });
    });

    it('refuses a photo of a board that does not exist, and stores no facts of it', async () => {
      await expect(store.save(photo('ph1', null, 'ghost'), info, new Uint8Array([1]))).rejects.toThrow();
      expect(await store.get('ph1')).toBeNull();
    });
  });
}
