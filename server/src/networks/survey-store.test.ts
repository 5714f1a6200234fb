import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openSqliteDatabase } from '../storage/sqlite-database';
import { SqliteSqlDatabase } from '../storage/sql/sqlite-sql-database';
import { sqliteStoreFixture } from '../storage/sql/store-fixture';
import { SurveyStore } from './survey-store';
import { surveyStoreContract } from './survey-store.contract';

/** The migration that made the surveys' tables: the one whose SQL creates `surveys`. */
const SURVEY_MIGRATION = MIGRATIONS.findIndex((sql) => sql.includes('CREATE TABLE surveys'));

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-survey-store-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('survey storage', () => {
  it('a database of the release before surveys opens with its networks kept and no surveys', async () => {
    expect(SURVEY_MIGRATION).toBeGreaterThan(0);
    const file = path.join(dir, 'empiria.sqlite');
    const old = new Database(file);
    for (const migration of MIGRATIONS.slice(0, SURVEY_MIGRATION)) old.exec(migration);
    old.pragma(`user_version = ${SURVEY_MIGRATION}`);
    old.exec(
      "INSERT INTO networks (id, name, theme, description, created_at) VALUES ('net-1', 'Zielona', 'T', '', 'x')",
    );
    old.close();
    const db = openSqliteDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(db.prepare('SELECT name FROM networks').all()).toEqual([{ name: 'Zielona' }]);
      expect(await new SurveyStore(new SqliteSqlDatabase(db)).ofNetwork('net-1')).toEqual([]);
    } finally {
      db.close();
    }
  });
});

surveyStoreContract('sqlite', sqliteStoreFixture);
