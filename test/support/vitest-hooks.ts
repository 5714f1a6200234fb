/**
 * Vitest hooks for tests that start servers. Call once at the top of a test file:
 *
 *   dumpServerLogsOnFailure();
 *
 * When a test fails, the output of every server started during that test is written to stderr
 * under the test's name, so the failure comes with what the server said.
 */
import { afterEach, beforeEach } from 'vitest';
import { startedServers } from './server-process';

export function dumpServerLogsOnFailure(): void {
  let before = 0;
  beforeEach(() => {
    before = startedServers().length;
  });
  afterEach((context) => {
    if (context.task.result?.state !== 'fail') return;
    for (const server of startedServers().slice(before)) {
      server.dumpLogs(`server output for the failed test "${context.task.name}"`);
    }
  });
}
