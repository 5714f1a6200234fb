import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStore } from './document-store';

/**
 * The storage contract (document-store.ts), run against every implementation so that they can
 * replace each other. Each implementation's test file calls this with a factory.
 */
export function documentStoreContract(
  name: string,
  open: () => Promise<{ store: DocumentStore; reopen?: () => Promise<DocumentStore>; cleanup?: () => void }>,
): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let store: DocumentStore;
    let reopen: (() => Promise<DocumentStore>) | undefined;
    let cleanup: (() => void) | undefined;

    beforeEach(async () => {
      ({ store, reopen, cleanup } = await open());
    });
    afterEach(async () => {
      await store.close();
      cleanup?.();
    });

    const rebuild = (stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }) => {
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      return doc;
    };

    const edits = (count: number, from = 0) => {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      for (let i = from; i < from + count; i++) doc.getArray<number>('a').push([i]);
      return { doc, updates };
    };

    it('an unknown document loads empty', async () => {
      expect(await store.load('nobody/canvas')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
    });

    it('loads appended updates in order, with increasing sequence numbers', async () => {
      const { doc, updates } = edits(5);
      const seqs: number[] = [];
      for (const update of updates) seqs.push(await store.append('b/canvas', update));
      expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
      const loaded = await store.load('b/canvas');
      expect(loaded.updates).toHaveLength(5);
      expect(loaded.lastSeq).toBe(seqs[4]);
      expect(rebuild(loaded).getArray('a').toJSON()).toEqual(doc.getArray('a').toJSON());
    });

    it('keeps documents apart', async () => {
      await store.append('b/canvas', edits(1).updates[0] as Uint8Array);
      expect((await store.load('b/control')).updates).toEqual([]);
    });

    it('compaction replaces the log up to a sequence number and keeps later updates', async () => {
      const { doc, updates } = edits(6);
      const seqs: number[] = [];
      for (const update of updates.slice(0, 4)) seqs.push(await store.append('b/canvas', update));
      const partial = new Y.Doc();
      for (const u of updates.slice(0, 4)) Y.applyUpdate(partial, u);
      for (const update of updates.slice(4)) await store.append('b/canvas', update);
      await store.compact('b/canvas', Y.encodeStateAsUpdate(partial), seqs[3] as number);
      expect(await store.pendingUpdates('b/canvas')).toBe(2);
      const loaded = await store.load('b/canvas');
      expect(loaded.snapshot).not.toBeNull();
      expect(loaded.updates).toHaveLength(2);
      expect(rebuild(loaded).getArray('a').toJSON()).toEqual(doc.getArray('a').toJSON());
    });

    it('an older compaction never replaces a newer snapshot', async () => {
      const { updates } = edits(3);
      const seqs: number[] = [];
      for (const update of updates) seqs.push(await store.append('b/canvas', update));
      const full = new Y.Doc();
      for (const u of updates) Y.applyUpdate(full, u);
      await store.compact('b/canvas', Y.encodeStateAsUpdate(full), seqs[2] as number);
      await store.compact('b/canvas', new Uint8Array([0, 0]), seqs[0] as number);
      const loaded = await store.load('b/canvas');
      expect(rebuild(loaded).getArray('a').length).toBe(3);
    });

    it('what was appended survives reopening the store', async () => {
      if (!reopen) return;
      const { doc, updates } = edits(3);
      for (const update of updates) await store.append('b/canvas', update);
      await store.close();
      store = await reopen();
      expect(
        rebuild(await store.load('b/canvas'))
          .getArray('a')
          .toJSON(),
      ).toEqual(doc.getArray('a').toJSON());
    });
  });
}
