import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardInfo, Identity } from '@empiria/shared';
import { DomainError } from '../domain-error';
import { seedBoards } from '../storage/sql/store-contract-boards';
import { sqliteStoreFixture, type StoreFixture } from '../storage/sql/store-fixture';
import type { RoomRegistry } from '../sync/room-registry';
import type { ImageCleaner } from './image-cleaner';
import { PhotoService } from './photo-service';
import { PhotoStore } from './photo-store';
import { png } from './sample-images';

const board: BoardInfo = {
  id: 'b1',
  title: 'Tablica',
  format: 'format-2',
  formatVersion: 1,
  language: 'pl',
  createdAt: '2026-11-30T08:00:00.000Z',
};
const ala: Identity = { id: 'p-ala', name: 'Ala', city: 'Gdynia', role: 'participant', color: '#1f6feb' };

/** Cleans at once (the worker's work is image-cleaner.test.ts's): every upload reaches the quota together. */
const instantCleaner = {
  refuseIfFull: () => undefined,
  clean: (bytes: Uint8Array) =>
    Promise.resolve({ bytes, info: { type: 'image/png' as const, width: 40, height: 30, orientation: 1 } }),
} as unknown as ImageCleaner;

/** One canvas document for every room: what the service writes to the canvas is not tested here. */
function registry(): RoomRegistry {
  const doc = new Y.Doc();
  return {
    room: () => ({
      transact: (change: (doc: Y.Doc) => void) => {
        change(doc);
        return Promise.resolve();
      },
    }),
  } as unknown as RoomRegistry;
}

describe('[U9] PhotoService keeps a board’s photos within its quota', () => {
  let fixture: StoreFixture;
  let dataDir: string;
  let store: PhotoStore;

  beforeEach(async () => {
    fixture = await sqliteStoreFixture();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-photo-service-'));
    store = new PhotoStore(fixture.db, dataDir);
    await seedBoards(fixture.db, 'b1');
  });
  afterEach(async () => {
    await fixture.cleanup();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('five uploads at once to a board with room for three: three are stored, two refused with 409', async () => {
    const photos = new PhotoService(
      store,
      registry(),
      { maxCount: 3, maxBytes: 1024 * 1024 },
      instantCleaner,
    );
    const file = new Uint8Array(png(40, 30));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () => photos.upload(board, ala, null, file)),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(refused).toHaveLength(2);
    for (const err of refused) {
      expect(err).toBeInstanceOf(DomainError);
      expect(err).toMatchObject({ kind: 'conflict', code: 'photo_quota_exceeded' });
    }
    expect(await store.usageOf('b1')).toEqual({ count: 3, bytes: 3 * file.length });
    expect(fs.readdirSync(path.join(dataDir, 'photos'))).toHaveLength(3);
    await expect(photos.refuseIfBoardFull('b1')).rejects.toMatchObject({ code: 'photo_quota_exceeded' });
  });

  it('counts the bytes of what it stores: photos fit until the next would pass the total', async () => {
    const file = new Uint8Array(png(40, 30));
    const photos = new PhotoService(
      store,
      registry(),
      { maxCount: 100, maxBytes: 2 * file.length + 10 },
      instantCleaner,
    );
    await photos.upload(board, ala, null, file);
    await photos.refuseIfBoardFull('b1');
    await photos.upload(board, ala, null, file);
    // Not full (10 bytes left), but no photo of this size fits.
    await photos.refuseIfBoardFull('b1');
    await expect(photos.upload(board, ala, null, file)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'photo_quota_exceeded',
      details: { count: 2, bytes: 2 * file.length, maxCount: 100, maxBytes: 2 * file.length + 10 },
    });
  });
});
