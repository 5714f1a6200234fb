import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteDatabase } from '../sqlite-database';
import type { SqlDatabase } from './sql-database';
import { SqliteSqlDatabase } from './sqlite-sql-database';

/**
 * An empty, fully migrated database for a store's contract suite (`<store>.contract.ts`). A
 * contract takes `open: () => Promise<StoreFixture>` and calls it before each test:
 *
 *   // beside the store, run by the unit project
 *   voteStoreContract('sqlite', sqliteStoreFixture);
 *   // test/integration/postgres-stores-*.test.ts, on the run's private cluster
 *   const postgres = postgresStoreFixtures('boards'); // test/support/store-fixtures.ts
 *   voteStoreContract('postgres', postgres.open);
 *
 * Tests only: nothing in the server imports it.
 */
export interface StoreFixture {
  db: SqlDatabase;
  cleanup: () => Promise<void>;
}

/** A new SQLite file under the system's temporary folder, removed by `cleanup`. */
export async function sqliteStoreFixture(): Promise<StoreFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-store-'));
  const connection = openSqliteDatabase(path.join(dir, 'empiria.sqlite'));
  const db = new SqliteSqlDatabase(connection);
  return {
    db,
    cleanup: async () => {
      await db.close();
      connection.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
