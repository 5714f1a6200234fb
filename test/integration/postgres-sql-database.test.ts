import { afterAll, beforeAll } from 'vitest';
import { createMemoryLogger } from '../../server/src/log';
import { openPostgresPool } from '../../server/src/storage/postgres-database';
import { sqlDatabaseContract } from '../../server/src/storage/sql/sql-database.contract';
import { PostgresSqlDatabase } from '../../server/src/storage/sql/postgres-sql-database';
import type { TestDatabase } from '../support/postgres-cluster';
import { testDatabase } from '../support/postgres-database';

/**
 * The stores' SqlDatabase on a real PostgreSQL: the same contract as SQLite's
 * (sql-database.contract.ts), with a second pool on the same database as a second process.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await testDatabase('sql_database');
});
afterAll(() => database?.drop());

const open = async () =>
  new PostgresSqlDatabase(await openPostgresPool(database.url, createMemoryLogger()), { ownsPool: true });

sqlDatabaseContract('postgres', async () => ({ db: await open(), openPeer: open }));
