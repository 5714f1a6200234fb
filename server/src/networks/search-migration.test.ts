import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foldText } from '@empiria/shared';
import { MIGRATIONS, openSqliteDatabase } from '../storage/sqlite-database';
import { SqliteSqlDatabase } from '../storage/sql/sqlite-sql-database';
import { ArchiveStore } from './archive-store';

const SEARCH_MIGRATION = MIGRATIONS.findIndex((sql) => sql.includes('CREATE VIRTUAL TABLE search_entries'));

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-search-migration-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration to the search index', () => {
  it('a database from before it opens with an empty index that finds folded text', async () => {
    expect(SEARCH_MIGRATION).toBeGreaterThan(0);
    const file = path.join(dir, 'empiria.sqlite');
    const old = new Database(file);
    for (const migration of MIGRATIONS.slice(0, SEARCH_MIGRATION)) old.exec(migration);
    old.pragma(`user_version = ${SEARCH_MIGRATION}`);
    old.close();

    const db = openSqliteDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      const store = new ArchiveStore(new SqliteSqlDatabase(db));
      expect(await store.indexedMark('b1', 'note')).toBeNull();
      const text = 'Źródła finansowania w Łodzi';
      await store.replaceEntries('b1', 'note', 'v1', [
        { kind: 'section', where: { pl: 'Ustalenia', en: 'Ustalenia' }, text, folded: foldText(text) },
      ]);
      expect(await store.indexedMark('b1', 'note')).toBe('v1');
      expect((await store.search(['lodz', 'zrodla'], ['b1'], 10)).map((hit) => hit.text)).toEqual([text]);
      // Scoped: another board's search does not see it.
      expect(await store.search(['lodz'], ['b2'], 10)).toEqual([]);
      // Why the text is folded by hand: FTS5's own diacritic removal keeps "ł".
      db.exec("CREATE VIRTUAL TABLE probe USING fts5(t, tokenize = 'unicode61 remove_diacritics 2')");
      db.prepare('INSERT INTO probe (t) VALUES (?)').run('Łódź');
      expect(db.prepare("SELECT COUNT(*) AS n FROM probe WHERE probe MATCH 'lodz'").get()).toEqual({ n: 0 });
      // Replacing entries replaces, never adds.
      await store.replaceEntries('b1', 'note', 'v2', []);
      expect(await store.search(['lodz'], ['b1'], 10)).toEqual([]);
    } finally {
      db.close();
    }
  });
});
