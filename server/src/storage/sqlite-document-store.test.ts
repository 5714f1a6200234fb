import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentStoreContract } from './document-store.contract';
import { openSqliteDatabase, type SqliteDatabase } from './sqlite-database';
import { SqliteDocumentStore } from './sqlite-document-store';

documentStoreContract('sqlite file', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-store-'));
  const file = path.join(dir, 'empiria.sqlite');
  let db: SqliteDatabase = openSqliteDatabase(file);
  const wrap = (database: SqliteDatabase) => {
    const store = new SqliteDocumentStore(database);
    // The test owns the database, so closing the store closes it too.
    const close = store.close.bind(store);
    store.close = async () => {
      await close();
      if (database.open) database.close();
    };
    return store;
  };
  return {
    store: wrap(db),
    reopen: async () => {
      db = openSqliteDatabase(file);
      return wrap(db);
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
});

describe('SQLite database', () => {
  it('uses WAL and refuses a database from a newer version', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-db-'));
    const file = path.join(dir, 'empiria.sqlite');
    const db = openSqliteDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.pragma('user_version = 99');
    db.close();
    expect(() => openSqliteDatabase(file)).toThrow(/newer Empiria/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
