/**
 * A private PostgreSQL cluster for the tests: `initdb` into a temporary folder, a free port on
 * 127.0.0.1, its unix socket in that folder, trust authentication for one user, and nothing shared
 * with an operator's PostgreSQL. Stopped and removed by `stop()` (and at the process's exit).
 *
 *   const cluster = await startPostgresCluster();
 *   const db = await cluster.createDatabase('sync');   // db.url: postgres://empiria@127.0.0.1:<port>/<name>
 *   … DATABASE_URL=db.url …
 *   await cluster.stop();
 *
 * `initdb` refuses to run as root, and CI runs as root: then every PostgreSQL program runs as the
 * `postgres` system user (Debian's package creates it) through `runuser`, and the folder is given
 * to that user. As anyone else they run as that person. The binaries are Debian's
 * (/usr/lib/postgresql/<version>/bin, installed by scripts/install-postgres.sh), or on the PATH.
 *
 * Cost on the CI machine: initdb ≈ 0.8 s, start ≈ 0.15 s, stop ≈ 0.15 s — one cluster per test
 * run (postgres-global-setup.ts) with a database per test file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './server-process';

/** The role the tests connect as; a superuser of its private cluster. */
const TEST_ROLE = 'empiria';

export interface PostgresConnection {
  host: string;
  port: number;
  user: string;
}

export interface TestDatabase {
  name: string;
  /** postgres://empiria@127.0.0.1:<port>/<name>, what DATABASE_URL is set to. */
  url: string;
  /** Drops the database, closing whoever is still connected to it. */
  drop(): Promise<void>;
}

export interface PostgresCluster extends PostgresConnection {
  dataDir: string;
  /** postgres://empiria@127.0.0.1:<port>/postgres, for creating and dropping databases. */
  adminUrl: string;
  createDatabase(prefix: string): Promise<TestDatabase>;
  /** The server's log so far (for a failed test). */
  log(): string;
  /**
   * Stops the server and keeps its data: an outage, until `resume()`. `immediate` is a crash: no
   * checkpoint, nothing flushed, the WAL replayed at the next start.
   */
  halt(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts the halted server again on the same port and data. */
  resume(): Promise<void>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

/** Where Debian keeps the programs (the newest version first), then the PATH. */
export function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const candidates = [
    ...versions.map((version) => path.join(root, version, 'bin')),
    ...(process.env.PATH ?? '').split(path.delimiter),
  ];
  return (
    candidates.find(
      (dir) => dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')),
    ) ?? null
  );
}

const live = new Set<{ bin: string; dataDir: string; root: string; asUser: string | null }>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const cluster of live) {
      // Synchronous: the process is ending. Immediate mode: nothing here needs to be kept.
      spawnSync(
        ...command(cluster.asUser, path.join(cluster.bin, 'pg_ctl'), [
          '-D',
          cluster.dataDir,
          '-m',
          'immediate',
          'stop',
        ]),
      );
      rmSync(cluster.root, { recursive: true, force: true });
    }
  });
}

/** The program and arguments that run `program` as `asUser` (null: as ourselves). */
function command(asUser: string | null, program: string, args: string[]): [string, string[]] {
  return asUser ? ['runuser', ['-u', asUser, '--', program, ...args]] : [program, args];
}

function run(asUser: string | null, program: string, args: string[], cwd: string): void {
  const [file, argv] = command(asUser, program, args);
  try {
    execFileSync(file, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  } catch (err) {
    const failure = err as { stderr?: Buffer; stdout?: Buffer; message: string };
    throw new Error(
      `${path.basename(program)} failed: ${failure.message}\n${failure.stdout?.toString() ?? ''}${failure.stderr?.toString() ?? ''}`,
      { cause: err },
    );
  }
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(
      'PostgreSQL is not installed (no initdb/pg_ctl under /usr/lib/postgresql/*/bin or on the PATH): run scripts/install-postgres.sh',
    );
  }
  const asUser = userInfo().uid === 0 ? 'postgres' : null;
  const root = mkdtempSync(path.join(tmpdir(), 'empiria-pg-'));
  const dataDir = path.join(root, 'data');
  const logFile = path.join(root, 'server.log');
  if (asUser) {
    const ids = execFileSync('id', ['-u', asUser]).toString().trim();
    const gid = execFileSync('id', ['-g', asUser]).toString().trim();
    chownSync(root, Number(ids), Number(gid));
  }
  const handle = { bin, dataDir, root, asUser };
  live.add(handle);
  installExitHook();
  try {
    run(
      asUser,
      path.join(bin, 'initdb'),
      ['-D', dataDir, '-U', TEST_ROLE, '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'],
      root,
    );
    const port = await freePort();
    // fsync stays on: the durability the stores promise is PostgreSQL's own. A small memory
    // footprint; the tests' databases are tiny.
    const options = [
      `-p ${port}`,
      `-k ${root}`,
      '-c listen_addresses=127.0.0.1',
      '-c shared_buffers=16MB',
      '-c max_connections=200',
    ].join(' ');
    const pgCtl = (...args: string[]) =>
      run(asUser, path.join(bin, 'pg_ctl'), ['-D', dataDir, ...args], root);
    const start = () => pgCtl('-l', logFile, '-o', options, '-w', '-t', '60', 'start');
    const halt = (mode: 'fast' | 'immediate' = 'fast') => pgCtl('-m', mode, '-w', '-t', '60', 'stop');
    start();
    const adminUrl = `postgres://${TEST_ROLE}@127.0.0.1:${port}/postgres`;
    let stopped = false;
    return {
      host: '127.0.0.1',
      port,
      user: TEST_ROLE,
      dataDir,
      adminUrl,
      log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
      createDatabase: (prefix) => createTestDatabase({ host: '127.0.0.1', port, user: TEST_ROLE }, prefix),
      halt: async (mode) => halt(mode),
      resume: async () => start(),
      stop: async () => {
        if (stopped) return;
        stopped = true;
        try {
          // Halted already (an outage never resumed): nothing to stop.
          if (existsSync(path.join(dataDir, 'postmaster.pid'))) halt();
        } finally {
          live.delete(handle);
          if (process.env.EMPIRIA_KEEP_DATA !== '1') rmSync(root, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    live.delete(handle);
    spawnSync(...command(asUser, path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop']));
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
}

/** A database of its own for one test file, on a running cluster. */
export async function createTestDatabase(on: PostgresConnection, prefix: string): Promise<TestDatabase> {
  const admin = async (sql: string): Promise<void> => {
    const client = new pg.Client({ host: on.host, port: on.port, user: on.user, database: 'postgres' });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const name = `${prefix
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 40)}_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE "${name}"`);
  return {
    name,
    url: `postgres://${on.user}@${on.host}:${on.port}/${name}`,
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
