import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openSqliteDatabase } from './sqlite-database';

describe('SQLite schema migrations (schema_migrations)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const file = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-migrations-'));
    dirs.push(dir);
    return path.join(dir, 'empiria.sqlite');
  };
  const versions = (db: Database.Database) =>
    db
      .prepare<[], { version: number; applied_at: string | null }>(
        'SELECT version, applied_at FROM schema_migrations ORDER BY version',
      )
      .all();

  it('a new database records every migration, numbered from 1, with when it was applied', () => {
    const db = openSqliteDatabase(file());
    const rows = versions(db);
    expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
    expect(rows.every((row) => row.applied_at !== null && !Number.isNaN(Date.parse(row.applied_at)))).toBe(
      true,
    );
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('a database of the release before schema_migrations keeps its data and gets only what it lacks', () => {
    const target = file();
    const released = MIGRATIONS.length - 2;
    // What that release left: its migrations applied, the version in user_version only.
    const old = new Database(target);
    for (const migration of MIGRATIONS.slice(0, released)) old.exec(migration);
    old.pragma(`user_version = ${released}`);
    old.exec(`INSERT INTO boards (id, title, format, language, created_at)
              VALUES ('old-board', 'Tablica', 'format-1', 'pl', '2026-06-01T08:00:00.000Z')`);
    old.close();

    const db = openSqliteDatabase(target);
    const rows = versions(db);
    expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
    // What the old release applied is recorded without a time (it kept none); the rest with one.
    expect(rows.slice(0, released).every((row) => row.applied_at === null)).toBe(true);
    expect(rows.slice(released).every((row) => row.applied_at !== null)).toBe(true);
    expect(db.prepare('SELECT title FROM boards WHERE id = ?').pluck().get('old-board')).toBe('Tablica');
    db.close();
    // Opening again applies nothing.
    const again = openSqliteDatabase(target);
    expect(versions(again)).toEqual(rows);
    again.close();
  });

  it('refuses a database a newer Empiria migrated, by either record', () => {
    const target = file();
    const db = openSqliteDatabase(target);
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
      MIGRATIONS.length + 1,
      new Date().toISOString(),
    );
    db.close();
    expect(() => openSqliteDatabase(target)).toThrow(
      `The SQLite database was written by a newer Empiria (schema ${MIGRATIONS.length + 1}, this one knows ${MIGRATIONS.length}).`,
    );
  });

  it('a migration that fails leaves the previous schema whole and unrecorded', () => {
    const target = file();
    // The last migration that creates two tables or more: it fails after creating the others.
    const tablesOf = (migration: string) =>
      [...migration.matchAll(/CREATE TABLE (\w+)/g)].map((match) => match[1] as string);
    const index = MIGRATIONS.findLastIndex((migration) => tablesOf(migration).length >= 2);
    if (index < 0) throw new Error('no migration creates two tables');
    const old = new Database(target);
    for (const migration of MIGRATIONS.slice(0, index)) old.exec(migration);
    old.pragma(`user_version = ${index}`);
    const tables = tablesOf(MIGRATIONS[index] as string);
    const [first, last] = [tables[0], tables[tables.length - 1]];
    if (!first || !last || first === last) throw new Error('the migration must create two tables');
    old.exec(`CREATE TABLE ${last} (x)`);
    old.close();
    expect(() => openSqliteDatabase(target)).toThrow(/already exists/);
    const check = new Database(target);
    expect(check.pragma('user_version', { simple: true })).toBe(index);
    expect(check.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(index);
    expect(check.prepare('SELECT count(*) FROM sqlite_master WHERE name = ?').pluck().get(first)).toBe(0);
    check.close();
  });
});
