import { createMemoryLogger } from '../../server/src/log';
import { openPostgresPool } from '../../server/src/storage/postgres-database';
import { PostgresSqlDatabase } from '../../server/src/storage/sql/postgres-sql-database';
import type { StoreFixture } from '../../server/src/storage/sql/store-fixture';
import type { TestDatabase } from './postgres-cluster';
import { testDatabase } from './postgres-database';

/**
 * The PostgreSQL side of server/src/storage/sql/store-fixture.ts. One PostgreSQL database per test file (creating one per test would cost more than the test);
 * each `open` empties every table of it first, identities restarted, so tests start as on a new
 * SQLite file. Register `afterAll(fixtures.drop)`.
 */
export function postgresStoreFixtures(prefix: string): {
  open: () => Promise<StoreFixture>;
  drop: () => Promise<void>;
} {
  let database: Promise<TestDatabase> | null = null;
  return {
    open: async () => {
      database ??= testDatabase(`stores_${prefix}`);
      const pool = await openPostgresPool((await database).url, createMemoryLogger(), { maxConnections: 4 });
      const { rows } = await pool.query<{ name: string }>(
        "SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'",
      );
      if (rows.length > 0) {
        await pool.query(`TRUNCATE ${rows.map((row) => row.name).join(', ')} RESTART IDENTITY CASCADE`);
      }
      const db = new PostgresSqlDatabase(pool, { ownsPool: true });
      return { db, cleanup: () => db.close() };
    },
    drop: async () => {
      if (database) await (await database).drop();
    },
  };
}
