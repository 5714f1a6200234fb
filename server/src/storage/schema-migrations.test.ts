import { describe, expect, it } from 'vitest';
import { BrokenMigrationRecordError, NewerSchemaError, pendingMigrations } from './schema-migrations';

const KNOWN = ['CREATE TABLE a (x)', 'CREATE TABLE b (x)', 'CREATE TABLE c (x)'];

describe('pendingMigrations', () => {
  it('an empty database gets every migration, numbered from 1', () => {
    expect(pendingMigrations('SQLite', KNOWN, [])).toEqual([
      { version: 1, sql: KNOWN[0] },
      { version: 2, sql: KNOWN[1] },
      { version: 3, sql: KNOWN[2] },
    ]);
  });

  it('a database of an older release gets the ones after its newest', () => {
    expect(pendingMigrations('SQLite', KNOWN, [2, 1])).toEqual([{ version: 3, sql: KNOWN[2] }]);
  });

  it('an up-to-date database gets none', () => {
    expect(pendingMigrations('PostgreSQL', KNOWN, [1, 2, 3])).toEqual([]);
  });

  it('refuses a database written by a newer release, naming the engine and both versions', () => {
    expect(() => pendingMigrations('PostgreSQL', KNOWN, [1, 2, 3, 4])).toThrow(NewerSchemaError);
    expect(() => pendingMigrations('PostgreSQL', KNOWN, [1, 2, 3, 4])).toThrow(
      'The PostgreSQL database was written by a newer Empiria (schema 4, this one knows 3).',
    );
  });

  it('refuses a record with a hole or a duplicate', () => {
    expect(() => pendingMigrations('SQLite', KNOWN, [1, 3])).toThrow(BrokenMigrationRecordError);
    expect(() => pendingMigrations('SQLite', KNOWN, [1, 1, 2])).toThrow(BrokenMigrationRecordError);
  });
});
