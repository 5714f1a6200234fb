import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../storage/sql/sql-database';
import type { StoreFixture } from '../storage/sql/store-fixture';
import { NetworkDocumentsStore, type FileRecord, type FolderRecord } from './network-documents-store';
import { NetworkRows } from './network-rows.test-support';

const folder = (id: string, name: string, networkId = 'net-1'): FolderRecord => ({
  id,
  networkId,
  name,
  sharedWithObservers: false,
  createdBy: 'p-fela',
  createdAt: '2026-11-02T10:00:00.000Z',
});

const file = (
  id: string,
  name: string,
  folderId: string | null,
  createdAt = '2026-11-02T10:00:00.000Z',
): FileRecord => ({
  id,
  networkId: 'net-1',
  folderId,
  name,
  kind: 'pdf',
  sharedWithObservers: false,
  createdAt,
  deletedAt: null,
});

const version = (fileId: string, n: number, bytes: number, uploadedBy: string | null = 'p-ala') => ({
  fileId,
  version: n,
  storageKey: `net-1/${fileId}-${n}`,
  bytes,
  uploadedBy,
  uploadedAt: `2026-11-0${n}T10:00:00.000Z`,
});

/** What NetworkDocumentsStore promises on every engine; run by network-documents-store.test.ts and on PostgreSQL. */
export function networkDocumentsStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`NetworkDocumentsStore contract: ${name}`, () => {
    let db: SqlDatabase;
    let cleanup: () => Promise<void>;
    let store: NetworkDocumentsStore;

    beforeEach(async () => {
      ({ db, cleanup } = await open());
      store = new NetworkDocumentsStore(db);
      const rows = new NetworkRows(db);
      await rows.twoNetworksWithGdyniaAndRadom();
      await rows.person('p-fela', 'Fela', { networkId: 'net-1', role: 'facilitator' });
      await rows.person('p-ala', 'Ala', { cityId: 'c-gdynia', networkId: 'net-1', role: 'representative' });
      await rows.person('p-rita', 'Rita', { cityId: 'c-radom', networkId: 'net-1', role: 'substitute' });
      await rows.person('p-olga', 'Olga', { cityId: 'c-radom', networkId: 'net-1', role: 'organiser' });
      await rows.person('p-gone', 'Gustaw', { cityId: 'c-gdynia' });
    });
    afterEach(() => cleanup());

    it('keeps folders per network by their folded names, and finds one by its folded name', async () => {
      await store.insertFolder(folder('f-b', 'Łąki'), 'laki');
      await store.insertFolder(folder('f-a', 'Archiwum'), 'archiwum');
      await store.insertFolder(folder('f-c', 'Inne', 'net-2'), 'inne');
      expect((await store.folders('net-1')).map((f) => f.id)).toEqual(['f-a', 'f-b']);
      expect(await store.folder('f-b')).toEqual(folder('f-b', 'Łąki'));
      expect(await store.folder('nope')).toBeNull();
      expect((await store.folderByName('net-1', 'laki'))?.id).toBe('f-b');
      expect(await store.folderByName('net-2', 'laki')).toBeNull();
    });

    it('lists folders in Polish alphabetical order on every engine, whatever its collation', async () => {
      for (const [id, name] of [
        ['f-1', 'zima'],
        ['f-2', 'ósemka'],
        ['f-3', 'łąki'],
        ['f-4', 'lato'],
        ['f-5', 'osiedla'],
        ['f-6', 'Mapy'],
      ] as const)
        await store.insertFolder(folder(id, name), name.toLocaleLowerCase('pl'));
      // Bytes would put ł and ó after z; a locale blind to diacritics would put ósemka among the o's.
      expect((await store.folders('net-1')).map((f) => f.name)).toEqual([
        'lato',
        'łąki',
        'Mapy',
        'osiedla',
        'ósemka',
        'zima',
      ]);
    });

    it('refuses a second folder of the same folded name in a network, not in another', async () => {
      await store.insertFolder(folder('f-a', 'Archiwum'), 'archiwum');
      await expect(store.insertFolder(folder('f-b', 'ARCHIWUM'), 'archiwum')).rejects.toThrow();
      await store.insertFolder(folder('f-c', 'Archiwum', 'net-2'), 'archiwum');
      expect((await store.folders('net-2')).map((f) => f.id)).toEqual(['f-c']);
    });

    it('renames and shares a folder', async () => {
      await store.insertFolder(folder('f-a', 'Archiwum'), 'archiwum');
      await store.updateFolder({ ...folder('f-a', 'Stare'), sharedWithObservers: true }, 'stare');
      expect(await store.folder('f-a')).toMatchObject({ name: 'Stare', sharedWithObservers: true });
      expect(await store.folderByName('net-1', 'archiwum')).toBeNull();
    });

    it('finds a live file by name in a folder or at the top; a deleted file frees its name', async () => {
      await store.insertFolder(folder('f-a', 'Archiwum'), 'archiwum');
      await store.insertFile(file('x-top', 'Plan.pdf', null), 'plan.pdf');
      await store.insertFile(file('x-in', 'Plan.pdf', 'f-a'), 'plan.pdf');
      expect((await store.liveFileByName('net-1', null, 'plan.pdf'))?.id).toBe('x-top');
      expect((await store.liveFileByName('net-1', 'f-a', 'plan.pdf'))?.id).toBe('x-in');
      expect(await store.liveFileByName('net-2', null, 'plan.pdf')).toBeNull();
      // Two live files of one name in one place: the unique index refuses, at the top level too.
      await expect(store.insertFile(file('x-dup', 'PLAN.pdf', null), 'plan.pdf')).rejects.toThrow();
      await store.markDeleted('x-top', '2026-11-03T10:00:00.000Z', 'p-fela');
      expect(await store.liveFileByName('net-1', null, 'plan.pdf')).toBeNull();
      await store.insertFile(file('x-new', 'Plan.pdf', null, '2026-11-04T10:00:00.000Z'), 'plan.pdf');
      expect((await store.liveFileByName('net-1', null, 'plan.pdf'))?.id).toBe('x-new');
      expect(await store.file('x-top')).toMatchObject({ deletedAt: '2026-11-03T10:00:00.000Z' });
      // Listed by name, then by when each was made, then by id.
      expect((await store.files('net-1')).map((f) => f.id)).toEqual(['x-in', 'x-top', 'x-new']);
    });

    it('deletes a file once: the first deletion stays', async () => {
      await store.insertFile(file('x-1', 'a.pdf', null), 'a.pdf');
      await store.markDeleted('x-1', 'first', 'p-fela');
      await store.markDeleted('x-1', 'second', null);
      expect((await store.file('x-1'))?.deletedAt).toBe('first');
    });

    it('moves, renames and shares a file', async () => {
      await store.insertFolder(folder('f-a', 'Archiwum'), 'archiwum');
      await store.insertFile(file('x-1', 'a.pdf', null), 'a.pdf');
      await store.updateFile({ ...file('x-1', 'B.pdf', 'f-a'), sharedWithObservers: true }, 'b.pdf');
      expect(await store.file('x-1')).toEqual({ ...file('x-1', 'B.pdf', 'f-a'), sharedWithObservers: true });
      expect((await store.liveFileByName('net-1', 'f-a', 'b.pdf'))?.id).toBe('x-1');
    });

    it('keeps every version, newest first, and counts the bytes of all of them, deleted files too', async () => {
      expect(await store.usage('net-1')).toBe(0);
      await store.insertFile(file('x-1', 'a.pdf', null), 'a.pdf');
      await store.insertFile(file('x-2', 'b.pdf', null), 'b.pdf');
      await store.insertVersion(version('x-1', 1, 1000));
      await store.insertVersion(version('x-1', 2, 2500, null));
      await store.insertVersion(version('x-2', 1, 4_000_000_000));
      expect((await store.fileVersions('x-1')).map((v) => [v.version, v.bytes, v.uploadedBy])).toEqual([
        [2, 2500, null],
        [1, 1000, 'p-ala'],
      ]);
      expect(await store.fileVersions('x-2')).toEqual([version('x-2', 1, 4_000_000_000)]);
      const all = await store.versions('net-1');
      expect([...all.keys()]).toEqual(['x-1', 'x-2']);
      expect(all.get('x-1')?.map((v) => v.version)).toEqual([2, 1]);
      // A number, past 32 bits, on both engines.
      expect(await store.usage('net-1')).toBe(4_000_003_500);
      await store.markDeleted('x-2', 'x', 'p-fela');
      expect(await store.usage('net-1')).toBe(4_000_003_500);
      expect(await store.usage('net-2')).toBe(0);
      // One version number per file; one storage key per version.
      await expect(store.insertVersion({ ...version('x-1', 2, 1), storageKey: 'other' })).rejects.toThrow();
      await expect(
        store.insertVersion({ ...version('x-2', 2, 1), storageKey: 'net-1/x-1-1' }),
      ).rejects.toThrow();
    });

    it('names the network’s people and every uploader, with role and observer city', async () => {
      await store.insertFile(file('x-1', 'a.pdf', null), 'a.pdf');
      await store.insertVersion(version('x-1', 1, 10, 'p-gone'));
      const people = await store.people('net-1');
      expect([...people.keys()].sort()).toEqual(['p-ala', 'p-fela', 'p-gone', 'p-olga', 'p-rita']);
      expect(people.get('p-ala')).toEqual({
        personId: 'p-ala',
        name: 'Ala',
        city: 'Gdynia',
        role: 'representative',
        observer: false,
      });
      expect(people.get('p-rita')).toMatchObject({ role: 'substitute', observer: true });
      // Only a city's representative or substitute speaks for it.
      expect(people.get('p-olga')).toMatchObject({ role: 'organiser', observer: false });
      expect(people.get('p-gone')).toMatchObject({ city: 'Gdynia', role: null, observer: false });
      expect([...(await store.people('net-2')).keys()]).toEqual([]);
    });

    it('a folder takes its files and their versions along, and a network its whole space', async () => {
      await store.insertFolder(folder('f-a', 'Archiwum'), 'archiwum');
      await store.insertFile(file('x-in', 'a.pdf', 'f-a'), 'a.pdf');
      await store.insertFile(file('x-top', 'b.pdf', null), 'b.pdf');
      await store.insertVersion(version('x-in', 1, 10));
      await store.insertVersion(version('x-top', 1, 20));
      await db.run('DELETE FROM network_folders WHERE id = ?', ['f-a']);
      expect(await store.file('x-in')).toBeNull();
      expect(await store.fileVersions('x-in')).toEqual([]);
      expect(await store.usage('net-1')).toBe(20);
      await db.run('DELETE FROM networks WHERE id = ?', ['net-1']);
      expect(await store.files('net-1')).toEqual([]);
      expect(await store.fileVersions('x-top')).toEqual([]);
    });

    it('undoes a transaction whose work throws, and refuses a transaction inside one', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.insertFile(file('x-1', 'a.pdf', null), 'a.pdf');
          await tx.insertVersion(version('x-1', 1, 10));
          if ((await tx.usage('net-1')) > 5) throw new Error('quota_exceeded');
        }),
      ).rejects.toThrow('quota_exceeded');
      expect(await store.file('x-1')).toBeNull();
      expect(await store.usage('net-1')).toBe(0);
      await expect(store.transaction((tx) => tx.transaction(async () => 1))).rejects.toThrow(
        'already inside a transaction',
      );
    });
  });
}
