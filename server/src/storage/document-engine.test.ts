import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { createMemoryLogger } from '../log';
import { openDocumentStore } from './document-engine';
import { openSqliteDatabase, type SqliteDatabase } from './sqlite-database';
import { SqliteDocumentStore } from './sqlite-document-store';

/** The engine choice's refusals; opening PostgreSQL itself is tested against a real one (test/integration). */
describe('openDocumentStore', () => {
  let dataDir: string;
  let db: SqliteDatabase;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-engine-'));
    db = openSqliteDatabase(path.join(dataDir, 'empiria.sqlite'));
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  // Nothing listens there: a refusal must come before any connection attempt.
  const nowhere = 'postgres://empiria@127.0.0.1:1/empiria';

  it('without DATABASE_URL the documents are in SQLite', async () => {
    const { engine, store } = await openDocumentStore(
      { dataDir, databaseUrl: null },
      db,
      createMemoryLogger(),
    );
    expect(engine).toBe('sqlite');
    expect(store).toBeInstanceOf(SqliteDocumentStore);
  });

  it('refuses to start on PostgreSQL over documents already in SQLite', async () => {
    await new SqliteDocumentStore(db).append('b/canvas', new Uint8Array([1]));
    const opening = openDocumentStore({ dataDir, databaseUrl: nowhere }, db, createMemoryLogger());
    await expect(opening).rejects.toThrow(ConfigError);
    await expect(opening).rejects.toThrow(/documents of this installation are in SQLite/);
    expect(fs.existsSync(path.join(dataDir, 'documents-engine'))).toBe(false);
  });

  it('refuses to start without DATABASE_URL once the documents moved to PostgreSQL', async () => {
    fs.writeFileSync(path.join(dataDir, 'documents-engine'), 'postgresql\n');
    await expect(openDocumentStore({ dataDir, databaseUrl: null }, db, createMemoryLogger())).rejects.toThrow(
      /are in PostgreSQL .*; set DATABASE_URL/,
    );
  });

  it('an unreachable PostgreSQL stops the start with its address and no password', async () => {
    const opening = openDocumentStore(
      { dataDir, databaseUrl: 'postgres://empiria:hunter2@127.0.0.1:1/empiria' },
      db,
      createMemoryLogger(),
    );
    await expect(opening).rejects.toThrow(/could not open the PostgreSQL database 127\.0\.0\.1:1\/empiria: /);
    await expect(opening).rejects.not.toThrow(/hunter2/);
  });
});
