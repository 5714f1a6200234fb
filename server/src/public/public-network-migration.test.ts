import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openSqliteDatabase } from '../storage/sqlite-database';
import { SqliteSqlDatabase } from '../storage/sql/sqlite-sql-database';
import { PublicNetworkStore } from './public-network-store';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-public-migration-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration to public pages', () => {
  it('a database from before it keeps its networks, every page closed; opening and closing one works', async () => {
    const before = MIGRATIONS.findIndex((sql) => sql.includes('CREATE TABLE public_networks'));
    expect(before).toBeGreaterThan(0);
    const file = path.join(dir, 'empiria.sqlite');
    const old = new Database(file);
    for (const migration of MIGRATIONS.slice(0, before)) old.exec(migration);
    old.pragma(`user_version = ${before}`);
    old
      .prepare(
        "INSERT INTO networks (id, name, theme, description, created_at) VALUES ('net-old-1', 'Sieć', 'Temat', '', '2026-01-01T00:00:00.000Z')",
      )
      .run();
    old.close();

    const db = openSqliteDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      const pages = new PublicNetworkStore(new SqliteSqlDatabase(db));
      // [PUB1] nothing is public until the pair opens it.
      expect(await pages.get('net-old-1')).toBeNull();
      await pages.open('net-old-1', 'person-1', '2026-02-01T00:00:00.000Z');
      // Opening an open page keeps its first opening.
      await pages.open('net-old-1', 'person-2', '2026-03-01T00:00:00.000Z');
      expect(await pages.get('net-old-1')).toEqual({
        networkId: 'net-old-1',
        openedBy: 'person-1',
        openedAt: '2026-02-01T00:00:00.000Z',
      });
      await pages.close('net-old-1');
      expect(await pages.get('net-old-1')).toBeNull();
      // A page of a network that does not exist cannot be opened.
      await expect(pages.open('net-none-1', 'office', '2026-02-01T00:00:00.000Z')).rejects.toThrow(
        /FOREIGN KEY/,
      );
    } finally {
      db.close();
    }
  });
});
