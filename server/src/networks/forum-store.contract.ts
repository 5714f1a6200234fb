import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../storage/sql/sql-database';
import type { StoreFixture } from '../storage/sql/store-fixture';
import { ForumStore, type ThreadRecord } from './forum-store';
import { NetworkRows } from './network-rows.test-support';

const thread = (
  id: string,
  networkId: string,
  at: string,
  kind: ThreadRecord['kind'] = 'need',
): ThreadRecord => ({
  id,
  networkId,
  kind,
  title: `Wątek ${id}`,
  authorId: 'p-ala',
  createdAt: at,
  lastPostAt: at,
});

/** What ForumStore promises on every engine; run by forum-store.test.ts and on PostgreSQL. */
export function forumStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`ForumStore contract: ${name}`, () => {
    let db: SqlDatabase;
    let cleanup: () => Promise<void>;
    let store: ForumStore;

    beforeEach(async () => {
      ({ db, cleanup } = await open());
      store = new ForumStore(db);
      const rows = new NetworkRows(db);
      await rows.twoNetworksWithGdyniaAndRadom();
      await rows.person('p-ala', 'Ala', { cityId: 'c-gdynia', networkId: 'net-1', role: 'representative' });
      await rows.person('p-rita', 'Rita', { cityId: 'c-radom', networkId: 'net-1', role: 'substitute' });
      await rows.person('p-fela', 'Fela', { networkId: 'net-1', role: 'facilitator' });
      await rows.person('p-out', 'Olek', { cityId: 'c-gdynia' });
      await rows.meeting('m-1', 'net-1');
    });
    afterEach(() => cleanup());

    it('keeps threads per network, most recently active first, and moves a thread up when touched', async () => {
      await store.insertThread(thread('t-a', 'net-1', '2026-11-02T10:00:00.000Z', 'material'));
      await store.insertThread(thread('t-b', 'net-1', '2026-11-03T10:00:00.000Z', 'question'));
      await store.insertThread(thread('t-c', 'net-2', '2026-11-04T10:00:00.000Z'));
      expect((await store.threads('net-1')).map((t) => t.id)).toEqual(['t-b', 't-a']);
      expect(await store.thread('t-a')).toEqual(
        thread('t-a', 'net-1', '2026-11-02T10:00:00.000Z', 'material'),
      );
      expect(await store.thread('nope')).toBeNull();
      await store.touchThread('t-a', '2026-11-05T10:00:00.000Z');
      expect((await store.threads('net-1')).map((t) => [t.id, t.lastPostAt])).toEqual([
        ['t-a', '2026-11-05T10:00:00.000Z'],
        ['t-b', '2026-11-03T10:00:00.000Z'],
      ]);
    });

    it('breaks a tie in activity by id', async () => {
      await store.insertThread(thread('t-z', 'net-1', '2026-11-02T10:00:00.000Z'));
      await store.insertThread(thread('t-m', 'net-1', '2026-11-02T10:00:00.000Z'));
      expect((await store.threads('net-1')).map((t) => t.id)).toEqual(['t-m', 't-z']);
    });

    it('numbers posts in the order they were written across threads, and keeps each thread’s in that order', async () => {
      await store.insertThread(thread('t-a', 'net-1', '2026-11-02T10:00:00.000Z'));
      await store.insertThread(thread('t-b', 'net-1', '2026-11-02T10:00:00.000Z'));
      const at = '2026-11-02T10:00:00.000Z';
      await store.insertPost({
        id: 'po-1',
        threadId: 't-a',
        authorId: 'p-ala',
        body: 'Pierwszy',
        createdAt: at,
      });
      await store.insertPost({
        id: 'po-2',
        threadId: 't-b',
        authorId: 'p-rita',
        body: 'Drugi',
        createdAt: at,
      });
      await store.insertPost({
        id: 'po-3',
        threadId: 't-a',
        authorId: 'p-rita',
        body: 'Trzeci',
        createdAt: at,
      });
      const all = await store.postsOfNetwork('net-1');
      expect(all.map((p) => p.id)).toEqual(['po-1', 'po-2', 'po-3']);
      const seqs = all.map((p) => p.seq);
      expect(seqs.every((seq) => Number.isInteger(seq))).toBe(true);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(3);
      expect((await store.posts('t-a')).map((p) => p.id)).toEqual(['po-1', 'po-3']);
      expect(await store.post('po-2')).toEqual({
        id: 'po-2',
        seq: seqs[1],
        threadId: 't-b',
        authorId: 'p-rita',
        body: 'Drugi',
        createdAt: at,
        editedAt: null,
        hidden: false,
      });
      expect(await store.post('nope')).toBeNull();
      expect(await store.postsOfNetwork('net-2')).toEqual([]);
    });

    it('edits, hides, shows and deletes a post', async () => {
      await store.insertThread(thread('t-a', 'net-1', '2026-11-02T10:00:00.000Z'));
      await store.insertPost({
        id: 'po-1',
        threadId: 't-a',
        authorId: 'p-ala',
        body: 'Tekst',
        createdAt: 'x',
      });
      await store.editPost('po-1', 'Poprawiony tekst — ąęłńóśźż', '2026-11-02T11:00:00.000Z');
      await store.setHidden('po-1', { at: '2026-11-02T12:00:00.000Z', by: 'p-fela' });
      expect(await store.post('po-1')).toMatchObject({
        body: 'Poprawiony tekst — ąęłńóśźż',
        editedAt: '2026-11-02T11:00:00.000Z',
        hidden: true,
      });
      await store.setHidden('po-1', null);
      expect((await store.post('po-1'))?.hidden).toBe(false);
      await store.deletePost('po-1');
      expect(await store.post('po-1')).toBeNull();
      expect(await store.thread('t-a')).not.toBeNull();
    });

    it('refuses a second post with the same id', async () => {
      await store.insertThread(thread('t-a', 'net-1', 'x'));
      await store.insertPost({ id: 'po-1', threadId: 't-a', authorId: 'p-ala', body: 'a', createdAt: 'x' });
      await expect(
        store.insertPost({ id: 'po-1', threadId: 't-a', authorId: 'p-ala', body: 'b', createdAt: 'x' }),
      ).rejects.toThrow();
      expect((await store.posts('t-a')).map((p) => p.body)).toEqual(['a']);
    });

    it('moves a read mark up, never down, per person and thread of the network', async () => {
      await store.insertThread(thread('t-a', 'net-1', 'x'));
      await store.insertThread(thread('t-b', 'net-1', 'x'));
      await store.insertThread(thread('t-c', 'net-2', 'x'));
      await store.markRead('t-a', 'p-ala', 5);
      await store.markRead('t-a', 'p-ala', 3);
      await store.markRead('t-b', 'p-ala', 2);
      await store.markRead('t-b', 'p-ala', 7);
      await store.markRead('t-a', 'p-rita', 1);
      await store.markRead('t-c', 'p-ala', 9);
      expect(await store.readMarks('net-1', 'p-ala')).toEqual(
        new Map([
          ['t-a', 5],
          ['t-b', 7],
        ]),
      );
      expect(await store.readMarks('net-1', 'p-rita')).toEqual(new Map([['t-a', 1]]));
      expect(await store.readMarks('net-1', 'p-fela')).toEqual(new Map());
    });

    it('records what a thread became, oldest first, once per kind', async () => {
      await store.insertThread(thread('t-a', 'net-1', 'x'));
      await store.insertThread(thread('t-b', 'net-1', 'x'));
      await store.insertConversion(
        { threadId: 't-b', kind: 'agenda-item', meetingId: 'm-1', addedAt: '2026-11-02T10:00:00.000Z' },
        'p-fela',
      );
      await store.insertConversion(
        { threadId: 't-a', kind: 'agenda-item', meetingId: 'm-1', addedAt: '2026-11-03T10:00:00.000Z' },
        'office',
      );
      expect(await store.conversions('net-1')).toEqual([
        { threadId: 't-b', kind: 'agenda-item', meetingId: 'm-1', addedAt: '2026-11-02T10:00:00.000Z' },
        { threadId: 't-a', kind: 'agenda-item', meetingId: 'm-1', addedAt: '2026-11-03T10:00:00.000Z' },
      ]);
      await expect(
        store.insertConversion(
          { threadId: 't-a', kind: 'agenda-item', meetingId: 'm-1', addedAt: 'y' },
          'p-fela',
        ),
      ).rejects.toThrow();
      expect(await store.conversions('net-2')).toEqual([]);
    });

    it('names the authors as they are now: city, role in this network, observer city', async () => {
      await store.insertThread(thread('t-a', 'net-1', 'x'));
      await store.insertThread(thread('t-b', 'net-2', 'x'));
      for (const [id, author] of [
        ['po-1', 'p-ala'],
        ['po-2', 'p-rita'],
        ['po-3', 'p-fela'],
        ['po-4', 'p-out'],
      ] as const) {
        await store.insertPost({ id, threadId: 't-a', authorId: author, body: 'b', createdAt: 'x' });
      }
      await store.insertPost({ id: 'po-5', threadId: 't-b', authorId: 'p-fela', body: 'b', createdAt: 'x' });
      const authors = await store.authors('net-1');
      expect([...authors.keys()].sort()).toEqual(['p-ala', 'p-fela', 'p-out', 'p-rita']);
      expect(authors.get('p-ala')).toEqual({
        personId: 'p-ala',
        name: 'Ala',
        city: 'Gdynia',
        role: 'representative',
        observer: false,
      });
      expect(authors.get('p-rita')).toMatchObject({ city: 'Radom', role: 'substitute', observer: true });
      expect(authors.get('p-fela')).toMatchObject({ city: null, role: 'facilitator', observer: false });
      // Left the network (or never in it): no role, and no observer flag without one.
      expect(authors.get('p-out')).toMatchObject({ city: 'Gdynia', role: null, observer: false });
      // In the other network, Fela's role there is none.
      expect((await store.authors('net-2')).get('p-fela')).toMatchObject({ role: null });
    });

    it('deletes a thread with its posts, read marks and conversions; a network takes its forum along', async () => {
      await store.insertThread(thread('t-a', 'net-1', 'x'));
      await store.insertThread(thread('t-b', 'net-1', 'x'));
      await store.insertPost({ id: 'po-1', threadId: 't-a', authorId: 'p-ala', body: 'b', createdAt: 'x' });
      await store.insertPost({ id: 'po-2', threadId: 't-b', authorId: 'p-ala', body: 'b', createdAt: 'x' });
      await store.markRead('t-a', 'p-ala', 1);
      await store.insertConversion(
        { threadId: 't-a', kind: 'agenda-item', meetingId: 'm-1', addedAt: 'x' },
        'p-fela',
      );
      await store.deleteThread('t-a');
      expect(await store.thread('t-a')).toBeNull();
      expect(await store.post('po-1')).toBeNull();
      expect(await store.readMarks('net-1', 'p-ala')).toEqual(new Map());
      expect(await store.conversions('net-1')).toEqual([]);
      expect((await store.posts('t-b')).map((p) => p.id)).toEqual(['po-2']);
      await db.run('DELETE FROM networks WHERE id = ?', ['net-1']);
      expect(await store.threads('net-1')).toEqual([]);
      expect(await store.post('po-2')).toBeNull();
    });

    it('refuses what the tables never hold: an unknown kind, a post in no thread', async () => {
      await expect(
        db.run(
          "INSERT INTO forum_threads (id, network_id, kind, title, author_id, created_at, last_post_at) VALUES ('t-x', 'net-1', 'poll', 'A', 'p-ala', 'x', 'x')",
        ),
      ).rejects.toThrow();
      await expect(
        store.insertPost({ id: 'po-x', threadId: 'no-thread', authorId: 'p-ala', body: 'b', createdAt: 'x' }),
      ).rejects.toThrow();
    });

    it('undoes a transaction whose work throws, and refuses a transaction inside one', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.insertThread(thread('t-a', 'net-1', 'x'));
          await tx.insertPost({ id: 'po-1', threadId: 't-a', authorId: 'p-ala', body: 'b', createdAt: 'x' });
          expect((await tx.posts('t-a')).length).toBe(1);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await store.threads('net-1')).toEqual([]);
      expect(await store.post('po-1')).toBeNull();
      await expect(store.transaction((tx) => tx.transaction(async () => 1))).rejects.toThrow(
        'already inside a transaction',
      );
      expect(await store.transaction(async (tx) => (await tx.threads('net-1')).length)).toBe(0);
    });
  });
}
