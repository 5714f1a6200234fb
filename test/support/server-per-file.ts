/**
 * One server (and one Chromium) shared by the tests of a file, started before them and stopped
 * after them. Call at the top level of the file:
 *
 *   const setup = serverAndBrowserPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });
 *   …
 *   it('…', async () => {
 *     const context = await setup.browser.newContext();
 *     await page.goto(`${setup.server.baseUrl}/…`);
 *   });
 *
 * Read `setup.server` and `setup.browser` when a test or hook runs, never at import time: they
 * exist only between the file's beforeAll and afterAll. A failed start leaves nothing running
 * (startServer dumps the server's output itself), and the stop tolerates whatever did not start.
 * Server logs are dumped for every failed test (`dumpServerLogsOnFailure`), and all of them when
 * one of the file's own beforeAll hooks failed, since then no test ran to show them.
 *
 * Hooks the file registers after this call run after its start and — vitest's default "stack"
 * order — before its stop, so an `afterAll` that closes the file's connections stays first.
 */
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type BrowserHandle } from './browser';
import { startServer, type ServerHandle, type StartServerOptions } from './server-process';
import { dumpServerLogsOnFailure } from './vitest-hooks';

export interface ServerPerFile {
  /** The file's server; throws when read outside the file's tests and hooks. */
  readonly server: ServerHandle;
  /**
   * Stops the server and starts it again on the same data directory and port; `server` is the
   * new process from then on (and the one stopped after the file).
   */
  restartServer(overrides?: Parameters<ServerHandle['restart']>[0]): Promise<ServerHandle>;
}

export interface ServerAndBrowserPerFile extends ServerPerFile {
  /** The file's Chromium; throws when read outside the file's tests and hooks. */
  readonly browser: BrowserHandle;
}

function running<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new Error(
      `the file's ${what} is not running: read it inside a test or hook, after its beforeAll started it`,
    );
  }
  return value;
}

/** Registers the server's start and stop; `onStop` runs first, `onStarted` right after the start. */
function registerServer(
  options: StartServerOptions,
  onStarted: () => Promise<void>,
  onStop: () => Promise<void>,
): ServerPerFile {
  let server: ServerHandle | undefined;
  dumpServerLogsOnFailure();
  beforeAll(async () => {
    server = await startServer(options);
    await onStarted();
  });
  // vitest reads a hook's first parameter for fixtures and refuses any but a destructuring.
  // eslint-disable-next-line no-empty-pattern
  afterAll(async ({}, suite) => {
    // The file's state counts its tests only after its hooks: "fail" now means a beforeAll failed,
    // and no test ran whose failure would have dumped the logs.
    if (suite.result?.state === 'fail') server?.dumpLogs('server output after the file failed to set up');
    try {
      await onStop();
    } finally {
      await server?.stop();
    }
  });
  return {
    get server() {
      return running(server, 'server');
    },
    async restartServer(overrides) {
      // The old handle stays in place until the new one answers: a failed restart leaves it stopped.
      server = await running(server, 'server').restart(overrides);
      return server;
    },
  };
}

/** A server for the file's tests (integration tests that need no browser). */
export function serverPerFile(options: StartServerOptions = {}): ServerPerFile {
  return registerServer(
    options,
    async () => {},
    async () => {},
  );
}

/** A server and a Chromium for the file's tests; the browser is closed before the server stops. */
export function serverAndBrowserPerFile(options: StartServerOptions = {}): ServerAndBrowserPerFile {
  let browser: BrowserHandle | undefined;
  const setup = registerServer(
    options,
    async () => {
      browser = await launchBrowser();
    },
    async () => {
      await browser?.close();
    },
  );
  return {
    get server() {
      return setup.server;
    },
    restartServer: (overrides) => setup.restartServer(overrides),
    get browser() {
      return running(browser, 'browser');
    },
  };
}
