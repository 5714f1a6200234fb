import { defineConfig } from 'vitest/config';

/**
 * Three projects, run separately by the test script: unit tests sit beside the code they test;
 * integration tests start a real server process; e2e tests drive Chromium against it.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            '{shared,formats,server,client}/src/**/*.test.{ts,tsx}',
            'test/bench/**/*.test.ts',
            'scripts/**/*.test.mjs',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // One private PostgreSQL cluster per run for the storage tests (about a second to start).
          globalSetup: ['test/support/postgres-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          setupFiles: ['test/support/no-refused-updates.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
