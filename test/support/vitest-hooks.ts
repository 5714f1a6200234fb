/**
 * Vitest hooks for tests that start servers. Call once at the top of a test file (the per-file
 * setups in `server-per-file.ts` call it for you):
 *
 *   dumpServerLogsOnFailure();
 *
 * When a test fails, what the servers said meanwhile is written to stderr under the test's name:
 * the whole output of a server the test started, and the lines a server started before it (a
 * file's shared server) wrote during the test.
 */
import { afterEach, beforeEach } from 'vitest';
import { startedServers, type ServerHandle } from './server-process';

export function dumpServerLogsOnFailure(): void {
  let marks = new Map<ServerHandle, number>();
  beforeEach(() => {
    marks = new Map(startedServers().map((server) => [server, server.logMark()]));
  });
  afterEach((context) => {
    if (context.task.result?.state !== 'fail') return;
    const name = context.task.name;
    for (const server of startedServers()) {
      const mark = marks.get(server);
      if (mark === undefined) server.dumpLogs(`server output for the failed test "${name}"`);
      else if (server.logMark() > mark) {
        server.dumpLogs(`server output during the failed test "${name}"`, mark);
      }
    }
  });
}
