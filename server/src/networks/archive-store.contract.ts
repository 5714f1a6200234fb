import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foldText, searchWords } from '@empiria/shared';
import type { SqlDatabase } from '../storage/sql/sql-database';
import type { StoreFixture } from '../storage/sql/store-fixture';
import { ArchiveStore, tsPrefixQuery, type SearchEntry } from './archive-store';

const AT = '2026-11-30T08:00:00.000Z';
const entry = (text: string, kind: SearchEntry['kind'] = 'note'): SearchEntry => ({
  kind,
  where: { pl: 'Bariery', en: 'Barriers' },
  text,
  folded: foldText(text),
});

/**
 * What ArchiveStore promises on every engine, search included: the same entries for the same
 * query on SQLite's FTS5 and PostgreSQL's tsvector. Run by archive-store.test.ts and on PostgreSQL.
 */
export function archiveStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`ArchiveStore contract: ${name}`, () => {
    let db: SqlDatabase;
    let cleanup: () => Promise<void>;
    let archive: ArchiveStore;
    /** The texts a query finds on the boards, in any order (each engine ranks its own way). */
    const found = async (query: string, boardIds = ['b1', 'b2'], limit = 50) =>
      (await archive.search(searchWords(query), boardIds, limit)).map((hit) => hit.text).sort();

    beforeEach(async () => {
      ({ db, cleanup } = await open());
      archive = new ArchiveStore(db);
      for (const id of ['b1', 'b2']) {
        await db.run('INSERT INTO boards (id, title, format, created_at) VALUES (?, ?, ?, ?)', [
          id,
          'Tablica',
          'format-2',
          AT,
        ]);
      }
    });
    afterEach(() => cleanup());

    it("counts a board's note versions and photos", async () => {
      expect(await archive.versionsCount('b1')).toBe(0);
      expect(await archive.photosCount('b1')).toBe(0);
      for (const id of ['v1', 'v2']) {
        await db.run(
          `INSERT INTO summary_versions (id, board_id, hash, content, rule, eligible, status, opened_at)
           VALUES (?, 'b1', 'h', '{}', 'consent', '[]', 'open', 1)`,
          [id],
        );
      }
      await db.run(
        `INSERT INTO photos (id, board_id, step_id, mime, width, height, orientation, bytes, author_id,
           author_name, created_at) VALUES ('ph1', 'b1', NULL, 'image/jpeg', 1, 1, 1, 10, 'u1', 'Ala', 1)`,
      );
      expect(await archive.versionsCount('b1')).toBe(2);
      expect(await archive.photosCount('b1')).toBe(1);
      expect(await archive.versionsCount('b2')).toBe(0);
    });

    it("marks a canvas by its highest stored update, its snapshot's included", async () => {
      expect(await archive.canvasMark('b1')).toBe('');
      const update = (key: string) =>
        db.run('INSERT INTO doc_updates (doc_key, data) VALUES (?, ?)', [key, new Uint8Array([0, 0])]);
      await update('b1/canvas');
      await update('b1/canvas');
      await update('b1/control');
      const mark = await archive.canvasMark('b1');
      expect(mark).toMatch(/^\d+$/);
      expect(await archive.canvasMark('b2')).toBe('');
      // Compacted: the updates went into a snapshot that covers them, and the mark stays.
      await db.run("DELETE FROM doc_updates WHERE doc_key = 'b1/canvas'");
      await db.run('INSERT INTO doc_snapshots (doc_key, data, upto_seq, updated_at) VALUES (?, ?, ?, ?)', [
        'b1/canvas',
        new Uint8Array([0]),
        Number(mark),
        AT,
      ]);
      expect(await archive.canvasMark('b1')).toBe(mark);
      await update('b1/canvas');
      expect(Number(await archive.canvasMark('b1'))).toBeGreaterThan(Number(mark));
    });

    it("replaces a board's entries of one source and its mark, never adding to them", async () => {
      expect(await archive.indexedMark('b1', 'note')).toBeNull();
      await archive.replaceEntries('b1', 'note', 'v1', [entry('Źródła finansowania w Łodzi', 'section')]);
      await archive.replaceEntries('b1', 'board', '7', [entry('Brak ścieżek rowerowych')]);
      expect(await archive.indexedMark('b1', 'note')).toBe('v1');
      expect(await archive.indexedMark('b1', 'board')).toBe('7');
      expect(await found('lodz')).toEqual(['Źródła finansowania w Łodzi']);
      await archive.replaceEntries('b1', 'note', 'v2', []);
      expect(await archive.indexedMark('b1', 'note')).toBe('v2');
      expect(await found('lodz')).toEqual([]);
      // The other source is untouched.
      expect(await found('sciezek')).toEqual(['Brak ścieżek rowerowych']);
    });

    it('finds a hit with its board, source, kind and place', async () => {
      await archive.replaceEntries('b2', 'note', 'v1', [entry('Zielone dachy w Gdańsku', 'section')]);
      expect(await archive.search(['gdansk'], ['b1', 'b2'], 10)).toEqual([
        {
          boardId: 'b2',
          source: 'note',
          kind: 'section',
          where: { pl: 'Bariery', en: 'Barriers' },
          text: 'Zielone dachy w Gdańsku',
        },
      ]);
    });

    it('ignores case and Polish diacritics, "ł" included, both ways', async () => {
      await archive.replaceEntries('b1', 'board', '1', [
        entry('Żłobki w Łodzi'),
        entry('ŹRÓDŁA FINANSOWANIA'),
        entry('zrodla bez ogonkow'),
      ]);
      expect(await found('łódź')).toEqual(['Żłobki w Łodzi']);
      expect(await found('LODZI')).toEqual(['Żłobki w Łodzi']);
      expect(await found('zlobki')).toEqual(['Żłobki w Łodzi']);
      expect(await found('źródła')).toEqual(['zrodla bez ogonkow', 'ŹRÓDŁA FINANSOWANIA']);
    });

    it('matches every word as the start of a word, all of them required', async () => {
      await archive.replaceEntries('b1', 'board', '1', [
        entry('Finansowanie zieleni miejskiej'),
        entry('Zieleń w szkołach'),
        entry('Refinansowanie kredytu'),
      ]);
      expect(await found('fin')).toEqual(['Finansowanie zieleni miejskiej']);
      expect(await found('ziel')).toEqual(['Finansowanie zieleni miejskiej', 'Zieleń w szkołach']);
      expect(await found('ziel szk')).toEqual(['Zieleń w szkołach']);
      expect(await found('ziel kredyt')).toEqual([]);
      // A word is not found in the middle of another.
      expect(await found('nansow')).toEqual([]);
    });

    it('searches only the boards it is given, and at most `limit` entries', async () => {
      await archive.replaceEntries('b1', 'board', '1', [entry('Rower miejski'), entry('Rowerem do pracy')]);
      await archive.replaceEntries('b2', 'board', '1', [entry('Rower wodny')]);
      expect(await found('rower', ['b2'])).toEqual(['Rower wodny']);
      expect(await found('rower', ['b-none'])).toEqual([]);
      expect(await found('rower', [])).toEqual([]);
      expect(await archive.search([], ['b1'], 10)).toEqual([]);
      expect(await found('rower', ['b1', 'b2'], 2)).toHaveLength(2);
      expect(await found('rower', ['b1', 'b2'])).toHaveLength(3);
    });

    it('a hostile query is words, never syntax: quotes, operators and stars find only words', async () => {
      await archive.replaceEntries('b1', 'board', '1', [
        entry('Plan OR program: NEAR centrum'),
        entry("Rada miasta's (nie) zebrała się"),
        entry('Budżet obywatelski'),
      ]);
      for (const query of [
        '"',
        "'",
        '*',
        '"budzet" OR *',
        "') ; DROP TABLE search_entries; --",
        'NEAR(plan centrum)',
        'budzet:* | !plan & rada',
        '\\',
        '(((',
        '-budzet',
        'budżet^2',
      ]) {
        const words = searchWords(query);
        const hits = await archive.search(words, ['b1'], 50);
        // Every hit holds every word of the query: a query narrows, never widens.
        for (const hit of hits) {
          for (const word of words) expect(foldText(hit.text)).toContain(word);
        }
      }
      expect(await found('OR NEAR')).toEqual(['Plan OR program: NEAR centrum']);
      expect(await found("miasta's")).toEqual(["Rada miasta's (nie) zebrała się"]);
      expect(await found('budzet:* | !plan')).toEqual([]);
      expect(await found('-budżet')).toEqual(['Budżet obywatelski']);
      // The table is still there.
      expect(await found('budzet')).toEqual(['Budżet obywatelski']);
    });

    it('a stored place the schema refuses fails loudly when found', async () => {
      await archive.replaceEntries('b1', 'board', '1', [entry('Rower')]);
      await db.run("UPDATE search_entries SET place = '{\"pl\":1}' WHERE board_id = 'b1'");
      await expect(archive.search(['rower'], ['b1'], 10)).rejects.toThrow();
    });

    it("PostgreSQL's query is built from words only", () => {
      expect(tsPrefixQuery(['lodz', 'zrodla2026'])).toBe("'lodz':* & 'zrodla2026':*");
      expect(() => tsPrefixQuery(["x':*|'y"])).toThrow(RangeError);
      expect(() => tsPrefixQuery(['dwa slowa'])).toThrow(RangeError);
    });
  });
}
