/**
 * Setup for the e2e project: our own client must never send an update the server refuses
 * ([D1]–[D5] in docs/security.md). A refusal reloads the person's page and drops their unsent
 * edits, and a test would pass without noticing; so every e2e file fails if a server it started
 * logged one. The test that sends poison on purpose says so with `expectRefusedUpdates()`.
 */
import { afterAll, expect } from 'vitest';
import { startedServers } from './server-process';

let expected = false;

/** For a test that attacks the server itself: refusals are what it checks. */
export function expectRefusedUpdates(): void {
  expected = true;
}

afterAll(() => {
  if (expected) return;
  const refused = startedServers().flatMap((server) =>
    server.logRecords().filter((record) => record.msg === 'refused an update; closing so the sender reloads'),
  );
  expect(refused, 'the client sent updates the server refused').toEqual([]);
});
