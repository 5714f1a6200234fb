/**
 * Starts the built server (`server/dist/main.js`) as a child process, the way an operator runs it,
 * for integration tests, e2e tests and the benchmark.
 *
 *   const server = await startServer();
 *   … server.baseUrl, server.wsBase, server.adminToken, server.logs() …
 *   const again = await server.restart(); // same DATA_DIR and port
 *   await again.stop();
 *
 * Readiness is `GET /healthz` answering 200, polled against a deadline; a server that exits or
 * never gets ready fails the start with its output in the error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SERVER_ENTRY = path.join(REPO_ROOT, 'server/dist/main.js');

/** Environment variables the server reads; inherited values are dropped so tests stay isolated. */
const SERVER_ENV_KEYS = [
  'PORT',
  'HOST',
  'DATA_DIR',
  'PUBLIC_URL',
  'ALLOWED_ORIGINS',
  'ADMIN_TOKEN',
  'TLDRAW_LICENSE_KEY',
  'CLIENT_DIST',
  'LOG_LEVEL',
  'SESSION_TTL_DAYS',
  'REDIS_URL',
  'REDIS_PREFIX',
  'REDIS_HEARTBEAT_MS',
  'DATABASE_URL',
  // An operator's mail server must never receive a test's invitations.
  'SMTP_URL',
  'SMTP_HOST',
  'SMTP_PORT',
  'SMTP_USER',
  'SMTP_PASS',
  'SMTP_FROM',
  'SMTP_SECURE',
];

const MAX_LOG_LINES = 20_000;

export interface StartServerOptions {
  /** Reuse a data directory (a restart); otherwise a fresh temporary one, removed at exit. */
  dataDir?: string;
  /** Fixed port (a restart); otherwise a free one. */
  port?: number;
  /** Otherwise a random one. */
  adminToken?: string;
  /** Extra environment for the server, applied last (`undefined` removes a variable). */
  env?: Record<string, string | undefined>;
  /** How long to wait for /healthz (default 20 s). */
  startTimeoutMs?: number;
  /** Print the server's output as it comes (default: EMPIRIA_SERVER_LOGS=1). */
  echo?: boolean;
  /** Options for Node itself, before the entry (`--cpu-prof`, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
}

export interface ServerHandle {
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** ws://127.0.0.1:<port>/ws — rooms are `${wsBase}/<boardId>/<doc>` */
  wsBase: string;
  port: number;
  adminToken: string;
  dataDir: string;
  process: ChildProcess;
  /** Every line the server wrote so far (stdout and stderr, in arrival order). */
  logs(): string[];
  /** The lines that parse as JSON objects: the server's structured log records. */
  logRecords(): Record<string, unknown>[];
  /** Resolves with the first log record (past or future) matching; rejects after the deadline. */
  waitForLog(
    predicate: (record: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** How many lines the server has written so far, trimmed ones included: a mark for `dumpLogs`. */
  logMark(): number;
  /**
   * Writes the collected output to stderr, under a heading (for a failed test); from a `logMark()`
   * on when `since` is given, so a server shared by a file's tests shows what one test caused.
   */
  dumpLogs(reason?: string, since?: number): void;
  /** The exit code once the process ended; undefined while it runs (null when ended by a signal). */
  exitCode(): number | null | undefined;
  /** SIGTERM, then wait for the exit; resolves with the exit code (null when ended by a signal). */
  stop(timeoutMs?: number): Promise<number | null>;
  /** SIGKILL (a crash: nothing is flushed), then wait for the exit. */
  kill(): Promise<void>;
  /** Stops this server if it runs, then starts another on the same data directory and port. */
  restart(overrides?: Omit<StartServerOptions, 'dataDir' | 'port'>): Promise<ServerHandle>;
}

/**
 * The servers still running and the data folders to remove when the test process exits. Kept on
 * the process, not in this module: vitest evaluates the module anew for every test file in a
 * worker, and one exit hook per file would pile up (Node warns past ten).
 */
interface ExitCleanup {
  live: Set<ChildProcess>;
  tempDirs: Set<string>;
}
const EXIT_CLEANUP = Symbol.for('empiria.test.server-process.exit-cleanup');

function exitCleanup(): ExitCleanup {
  const holder = process as unknown as Record<symbol, ExitCleanup | undefined>;
  const existing = holder[EXIT_CLEANUP];
  if (existing) return existing;
  const cleanup: ExitCleanup = { live: new Set(), tempDirs: new Set() };
  holder[EXIT_CLEANUP] = cleanup;
  process.on('exit', () => {
    for (const child of cleanup.live) child.kill('SIGKILL');
    if (process.env.EMPIRIA_KEEP_DATA !== '1') {
      for (const dir of cleanup.tempDirs) rmSync(dir, { recursive: true, force: true });
    }
  });
  return cleanup;
}

const { live, tempDirs } = exitCleanup();
const started: ServerHandle[] = [];

/** A port nobody listens on right now (the server binds it a moment later). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not read the probe port'));
      });
    });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function parseRecord(line: string): Record<string, unknown> | null {
  if (!line.startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(line);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export async function startServer(opts: StartServerOptions = {}): Promise<ServerHandle> {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(`${SERVER_ENTRY} does not exist: build the server first (pnpm build)`);
  }

  let dataDir = opts.dataDir;
  if (!dataDir) {
    dataDir = mkdtempSync(path.join(tmpdir(), 'empiria-test-'));
    tempDirs.add(dataDir);
  }
  const adminToken = opts.adminToken ?? randomBytes(24).toString('base64url');
  const echo = opts.echo ?? process.env.EMPIRIA_SERVER_LOGS === '1';
  const startTimeoutMs = opts.startTimeoutMs ?? 20_000;

  // A free port can be taken between the probe and the server's bind: try a few when we chose it.
  const attempts = opts.port === undefined ? 3 : 1;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const port = opts.port ?? (await freePort());
    try {
      return await spawnServer({ ...opts, dataDir, adminToken, port, echo, startTimeoutMs });
    } catch (error) {
      lastError = error;
      if (!(error instanceof StartError) || !error.addressInUse) break;
    }
  }
  throw lastError;
}

class StartError extends Error {
  constructor(
    message: string,
    readonly addressInUse: boolean,
  ) {
    super(message);
  }
}

interface SpawnOptions extends StartServerOptions {
  dataDir: string;
  adminToken: string;
  port: number;
  echo: boolean;
  startTimeoutMs: number;
}

async function spawnServer(opts: SpawnOptions): Promise<ServerHandle> {
  const { dataDir, adminToken, port } = opts;
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: Record<string, string | undefined> = { ...process.env };
  for (const key of SERVER_ENV_KEYS) delete env[key];
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_TOKEN: adminToken,
    PUBLIC_URL: baseUrl,
    // A client built elsewhere (`vite build --outDir …`): several people testing client changes
    // on one machine at once, each against their own build.
    ...(process.env.EMPIRIA_TEST_CLIENT_DIST ? { CLIENT_DIST: process.env.EMPIRIA_TEST_CLIENT_DIST } : {}),
    ...opts.env,
  });
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];

  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);

  const lines: string[] = [];
  let written = 0;
  const watchers = new Set<(record: Record<string, unknown>) => void>();
  let exited = false;
  let exitCode: number | null | undefined;
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('exit', (code) => {
      exited = true;
      exitCode = code;
      live.delete(child);
      resolve();
    });
  });
  // 'close' comes after 'exit', once stdout and stderr are drained: every line has been collected.
  const closedPromise = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.once('error', (error) => {
    lines.push(`[spawn error] ${error.message}`);
    written += 1;
  });

  const collect = (stream: NodeJS.ReadableStream, tag: string) => {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      lines.push(line);
      written += 1;
      if (lines.length > MAX_LOG_LINES) lines.splice(0, lines.length - MAX_LOG_LINES);
      if (opts.echo) process.stderr.write(`[server:${port}${tag}] ${line}\n`);
      if (watchers.size > 0) {
        const record = parseRecord(line);
        if (record) for (const watcher of [...watchers]) watcher(record);
      }
    });
  };
  if (child.stdout) collect(child.stdout, '');
  if (child.stderr) collect(child.stderr, ' stderr');

  const dump = (reason = 'server output', since = 0) => {
    // `lines` keeps the last MAX_LOG_LINES of `written`: line number `since` sits that far from its end.
    const shown = lines.slice(Math.max(0, lines.length - (written - since)));
    const from = since > 0 ? `, from line ${since + 1}` : '';
    process.stderr.write(
      `\n----- ${reason} (port ${port}, ${shown.length} lines${from}) -----\n${shown.join('\n')}\n----- end -----\n`,
    );
  };

  const handle: ServerHandle = {
    baseUrl,
    wsBase: `ws://127.0.0.1:${port}/ws`,
    port,
    adminToken,
    dataDir,
    process: child,
    logs: () => [...lines],
    logRecords: () => lines.map(parseRecord).filter((r): r is Record<string, unknown> => r !== null),
    waitForLog(predicate, timeoutMs = 10_000) {
      const past = handle.logRecords().find(predicate);
      if (past) return Promise.resolve(past);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          watchers.delete(watcher);
          reject(new Error(`no matching server log record within ${timeoutMs} ms`));
        }, timeoutMs);
        const watcher = (record: Record<string, unknown>) => {
          if (!predicate(record)) return;
          clearTimeout(timer);
          watchers.delete(watcher);
          resolve(record);
        };
        watchers.add(watcher);
      });
    },
    logMark: () => written,
    dumpLogs: dump,
    exitCode: () => exitCode,
    async stop(timeoutMs = 10_000) {
      if (!exited) {
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        const timedOut = await Promise.race([
          exitedPromise.then(() => false),
          new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
        ]);
        clearTimeout(timer);
        if (timedOut) {
          child.kill('SIGKILL');
          await exitedPromise;
          dump('server did not exit after SIGTERM');
          throw new Error(`server on port ${port} did not exit within ${timeoutMs} ms of SIGTERM`);
        }
      }
      return exitCode ?? null;
    },
    async kill() {
      if (!exited) child.kill('SIGKILL');
      await exitedPromise;
    },
    async restart(overrides = {}) {
      await handle.stop();
      return startServer({
        adminToken,
        env: opts.env,
        startTimeoutMs: opts.startTimeoutMs,
        echo: opts.echo,
        ...overrides,
        dataDir,
        port,
      });
    },
  };

  started.push(handle);

  // Ready when /healthz answers 200; a process that exits first, or a deadline, fails the start.
  const deadline = Date.now() + opts.startTimeoutMs;
  let lastProblem = 'no answer yet';
  while (!exited) {
    if (Date.now() > deadline) {
      await handle.kill();
      dump('server did not get ready');
      throw new StartError(
        `server on port ${port} not ready within ${opts.startTimeoutMs} ms (${lastProblem})`,
        false,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.status === 200) return handle;
      lastProblem = `GET /healthz answered ${response.status}`;
    } catch (error) {
      lastProblem =
        error instanceof Error
          ? ((error.cause as Error | undefined)?.message ?? error.message)
          : String(error);
    }
    await Promise.race([delay(50), exitedPromise]);
  }
  await Promise.race([closedPromise, delay(2_000)]);
  const output = lines.join('\n');
  const addressInUse = /EADDRINUSE/.test(output);
  if (!addressInUse) dump('server exited before it was ready');
  throw new StartError(
    `server exited with code ${String(exitCode)} before it was ready:\n${lines.slice(-30).join('\n')}`,
    addressInUse,
  );
}

/** Removes a data directory made by `startServer` now rather than at exit. */
export function removeDataDir(dataDir: string): void {
  tempDirs.delete(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
}

/** Every server this process started so far, in order (for dumping logs of a failed test). */
export function startedServers(): readonly ServerHandle[] {
  return started;
}
