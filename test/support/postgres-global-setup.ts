import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster';

/**
 * vitest globalSetup of the integration project: one private PostgreSQL cluster for the whole run
 * (starting one takes about a second), stopped when the run ends. Test files reach it through
 * `testDatabase()` (postgres-database.ts, which also types `provide`/`inject`), each in a
 * database of its own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgresCluster();
  project.provide('postgres', { host: cluster.host, port: cluster.port, user: cluster.user });
  return () => cluster.stop();
}
