import { inject } from 'vitest';
import { createTestDatabase, type PostgresConnection, type TestDatabase } from './postgres-cluster';

/**
 * A fresh database on the run's private cluster (postgres-global-setup.ts), for one test file:
 *
 *   let db: TestDatabase;
 *   beforeAll(async () => (db = await testDatabase('sync')));
 *   afterAll(() => db.drop());
 */
export function testDatabase(prefix: string): Promise<TestDatabase> {
  return createTestDatabase(inject('postgres'), prefix);
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresConnection;
  }
}
