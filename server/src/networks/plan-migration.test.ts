import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openSqliteDatabase } from '../storage/sqlite-database';
import { SqliteSqlDatabase } from '../storage/sql/sqlite-sql-database';
import { PlanStore } from './plan-store';

/** The migration that made the work plan's tables: the one whose SQL creates `plan_sections`. */
const PLAN_MIGRATION = MIGRATIONS.findIndex((sql) => sql.includes('CREATE TABLE plan_sections'));

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-plan-migration-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration to the work plan', () => {
  it('a database of the release before the plan opens with its networks kept and an empty plan', async () => {
    expect(PLAN_MIGRATION).toBeGreaterThan(0);
    const file = path.join(dir, 'empiria.sqlite');
    const old = new Database(file);
    for (const migration of MIGRATIONS.slice(0, PLAN_MIGRATION)) old.exec(migration);
    old.pragma(`user_version = ${PLAN_MIGRATION}`);
    old
      .prepare(
        "INSERT INTO networks (id, name, theme, description, created_at) VALUES ('net-zielona', 'Zielona', 'Zieleń', '', '2026-05-01T08:00:00.000Z')",
      )
      .run();
    old.close();

    const db = openSqliteDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(db.prepare('SELECT name FROM networks').all()).toEqual([{ name: 'Zielona' }]);
      const store = new PlanStore(new SqliteSqlDatabase(db));
      expect(await store.sections('net-zielona')).toEqual([]);
      expect(await store.actions('net-zielona')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('the tables refuse what the plan never writes: an unknown section or status, a revision 0; a network takes its plan with it', () => {
    const db = openSqliteDatabase(':memory:');
    try {
      db.exec(`
        INSERT INTO networks (id, name, theme, description, created_at) VALUES ('n1', 'N', 'T', '', 'x');
        INSERT INTO cities (id, name, name_key, created_at) VALUES ('c1', 'Płock', 'płock', 'x');
      `);
      expect(() => db.exec("INSERT INTO plan_sections VALUES ('n1', 'budget', 't', 1, 'x', 'Fela')")).toThrow(
        /CHECK/,
      );
      expect(() => db.exec("INSERT INTO plan_sections VALUES ('n1', 'goals', 't', 0, 'x', 'Fela')")).toThrow(
        /CHECK/,
      );
      expect(() =>
        db.exec("INSERT INTO plan_actions VALUES ('a1', 'n1', 'c1', 'Mapa', NULL, 'paused', '', NULL, 'x')"),
      ).toThrow(/CHECK/);
      db.exec("INSERT INTO plan_sections VALUES ('n1', 'goals', 't', 1, 'x', 'Fela')");
      db.exec("INSERT INTO plan_actions VALUES ('a1', 'n1', 'c1', 'Mapa', NULL, 'planned', '', NULL, 'x')");
      db.exec(
        "INSERT INTO plan_action_changes (action_id, at, by_name, from_status, to_status) VALUES ('a1', 'x', 'Fela', NULL, 'planned')",
      );
      db.exec("DELETE FROM networks WHERE id = 'n1'");
      expect(db.prepare('SELECT COUNT(*) AS n FROM plan_sections').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT COUNT(*) AS n FROM plan_action_changes').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
