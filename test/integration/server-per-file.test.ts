/**
 * The per-file setup the e2e files share (test/support/server-per-file.ts), on a real server: the
 * options reach the server, reading it outside the file's hooks and tests is refused clearly, a
 * failed test comes with what the shared server said during it (and only that), a restart keeps
 * the data directory and port, and the server is stopped once the file is done.
 */
import { afterAll, afterEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { apiRequest } from '../support/api';
import { serverPerFile } from '../support/server-per-file';
import type { ServerHandle } from '../support/server-process';

const ADMIN_TOKEN = 'per-file-setup-admin-token-0123456789';
const FAILING_TEST = 'a test that fails on purpose, after the server refused a request';

let stderr: MockInstance<typeof process.stderr.write> | undefined;
/** What went to stderr while the spy was on (it passes every write on). */
let captured = '';
let last: ServerHandle | undefined;
let firstLine: string | undefined;

// Registered before the setup, so — vitest's "stack" order — these run after its hooks.
afterEach(() => {
  if (!stderr) return;
  captured = stderr.mock.calls.map(([chunk]) => String(chunk)).join('');
  stderr.mockRestore();
  stderr = undefined;
});
afterAll(() => {
  expect(last, 'the restart test ran').toBeDefined();
  expect(last?.exitCode(), 'the server is stopped after the file').not.toBeUndefined();
});

const setup = serverPerFile({ adminToken: ADMIN_TOKEN });

const readAtImport = (() => {
  try {
    return setup.server;
  } catch (error) {
    return error;
  }
})();

describe('a server per file', () => {
  it('is refused, with the reason, when read at import time', () => {
    expect(readAtImport).toBeInstanceOf(Error);
    expect((readAtImport as Error).message).toMatch(/server is not running: read it inside a test or hook/);
  });

  it('runs with the options given (the admin token reaches the server through its environment)', async () => {
    expect(setup.server.adminToken).toBe(ADMIN_TOKEN);
    const networks = await apiRequest(setup.server, 'GET', '/api/networks', { token: ADMIN_TOKEN });
    expect(networks.status).toBe(200);
    firstLine = setup.server.logs()[0];
    expect(firstLine).toBeDefined();
  });

  it.fails(FAILING_TEST, async () => {
    stderr = vi.spyOn(process.stderr, 'write');
    const refused = await apiRequest(setup.server, 'POST', '/api/networks', {
      token: ADMIN_TOKEN,
      body: '{ not json',
    });
    expect(refused.status).toBe(400);
    await setup.server.waitForLog((record) => record.msg === 'request refused');
    throw new Error('failing on purpose: its server output must be dumped');
  });

  it('dumped what the shared server wrote during the failed test, and only that', () => {
    const dump = captured;
    expect(dump).toContain(`server output during the failed test "${FAILING_TEST}"`);
    const refusal = setup.server.logs().find((line) => line.includes('"request refused"'));
    expect(refusal).toBeDefined();
    expect(dump).toContain(refusal);
    expect(dump).not.toContain(firstLine);
  });

  it('restarts on the same data directory and port, and serves the new process from then on', async () => {
    const before = setup.server;
    const after = await setup.restartServer();
    expect(setup.server).toBe(after);
    expect(after).not.toBe(before);
    expect(before.exitCode()).not.toBeUndefined();
    expect(after.process.pid).not.toBe(before.process.pid);
    expect(after.port).toBe(before.port);
    expect(after.dataDir).toBe(before.dataDir);
    expect(after.adminToken).toBe(ADMIN_TOKEN);
    const health = await fetch(`${setup.server.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    last = setup.server;
  });
});
