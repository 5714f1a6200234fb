/**
 * `pnpm bench`: sync latency and server memory with many clients in one room.
 *
 * Starts the built server (server/dist/main.js; `pnpm build` first), and for each client count
 * creates a board and forks a client process (clients.ts) that opens that many connections to
 * the board's canvas room, a few of which write. Measures, per client count:
 *   - latency from a write to its arrival at the last other client (p50/p99/max), and at any
 *   - the server's CPU (share of one core) while writing, and its RSS idle / connected / after
 * Everything runs on 127.0.0.1; every phase has a deadline.
 *
 *   pnpm bench [--clients 50,200,500] [--writers 10] [--interval 200] [--duration 10]
 *              [--engine sqlite|postgresql] [--json test/artifacts/bench.json]
 *   pnpm bench --processes 1,2,3 …   (several server processes: cluster.ts)
 *
 * `--engine postgresql` keeps the documents on a private PostgreSQL cluster started for the bench
 * (test/support/postgres-cluster.ts; DATABASE_URL), to set its figures beside SQLite's.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { healthResponseSchema } from '@empiria/shared';
import { apiCall, createBoard } from '../support/api';
import { startPostgresCluster } from '../support/postgres-cluster';
import { REPO_ROOT, startServer, type ServerHandle } from '../support/server-process';
import type { ChildMessage, ClientsConfig, ClientsResult, ParentMessage } from './protocol';

// `--processes 1,2,3`: the room served by several processes on PostgreSQL and Redis (cluster.ts).
if (process.argv.includes('--processes')) {
  const { clusterBench } = await import('./cluster');
  await clusterBench(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '50,200,500' },
    writers: { type: 'string', default: '10' },
    interval: { type: 'string', default: '200' },
    duration: { type: 'string', default: '10' },
    engine: { type: 'string', default: 'sqlite' },
    json: { type: 'string', default: path.join(REPO_ROOT, 'test/artifacts/bench.json') },
  },
});

const clientCounts = args.clients.split(',').map((n) => Number.parseInt(n, 10));
const writers = Number.parseInt(args.writers, 10);
const intervalMs = Number.parseInt(args.interval, 10);
const durationMs = Number.parseFloat(args.duration) * 1000;
const engine = args.engine;
if (
  clientCounts.some((n) => !(n > writers)) ||
  !(writers > 0) ||
  !(intervalMs > 0) ||
  !(durationMs > 0) ||
  (engine !== 'sqlite' && engine !== 'postgresql')
) {
  console.error(
    'usage: pnpm bench [--clients 50,200,500] [--writers 10] [--interval 200] [--duration 10] [--engine sqlite|postgresql]',
  );
  console.error('every client count must exceed the number of writers');
  process.exit(2);
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/** The process's user + system CPU time, in seconds. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

async function waitForConnections(server: ServerHandle, count: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let connections = -1;
  while (Date.now() < deadline) {
    const health = healthResponseSchema.parse(await apiCall(server, 'GET', '/healthz'));
    connections = health.connections;
    if (connections === count) return connections;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return connections;
}

interface Row extends ClientsResult {
  serverCpu: number;
  rssIdle: number;
  rssConnected: number;
  rssPeak: number;
  rssAfter: number;
}

function runClients(
  child: ChildProcess,
  config: ClientsConfig,
  server: ServerHandle,
  pid: number,
): Promise<Row> {
  const send = (message: ParentMessage) => child.send(message);
  const rssIdle = rssMiB(pid);
  let rssConnected = NaN;
  let rssPeak = rssIdle;
  let cpuAtStart = 0;
  let wallAtStart = 0;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMiB(pid))), 200);
  // Connecting, writing and draining, with room for a slow machine; then we give up.
  const budgetMs = config.connectTimeoutMs * 3 + config.durationMs + config.drainMs + 30_000;

  return new Promise<Row>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`client process did not finish within ${budgetMs} ms`)),
      budgetMs,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      clearInterval(sampler);
      child.kill('SIGKILL');
      reject(error);
    };
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) fail(new Error(`client process exited with ${code}`));
    });
    child.on('message', (message: ChildMessage) => {
      switch (message.type) {
        case 'connected':
          rssConnected = rssMiB(pid);
          console.log(`  ${config.clients} clients connected in ${message.connectMs} ms; writing…`);
          cpuAtStart = cpuSeconds(pid);
          wallAtStart = performance.now();
          send({ type: 'write' });
          break;
        case 'result': {
          const serverCpu = (cpuSeconds(pid) - cpuAtStart) / ((performance.now() - wallAtStart) / 1000);
          clearInterval(sampler);
          rssPeak = Math.max(rssPeak, rssMiB(pid));
          const result = message.result;
          send({ type: 'finish' });
          child.once('exit', () => {
            clearTimeout(timer);
            // The server notices the closes asynchronously: wait until it counts none.
            waitForConnections(server, 0, 10_000).then(
              () => resolve({ ...result, serverCpu, rssIdle, rssConnected, rssPeak, rssAfter: rssMiB(pid) }),
              (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
            );
          });
          break;
        }
        case 'error':
          fail(new Error(`client process failed:\n${message.message}`));
          break;
        default:
          break;
      }
    });
    send({ type: 'start', config });
  });
}

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

function table(rows: Row[]): string {
  const header = [
    'clients',
    'writers',
    'updates',
    'delivered',
    'last p50 ms',
    'last p99 ms',
    'last max ms',
    'any p50 ms',
    'server CPU',
    'client CPU',
    'RSS idle MiB',
    'RSS connected',
    'RSS peak',
    'RSS after',
  ];
  const lines = rows.map((r) => [
    String(r.clients),
    String(r.writers),
    String(r.sent),
    `${((100 * r.deliveries) / Math.max(1, r.expectedDeliveries)).toFixed(2)}%`,
    fmt(r.lastRecipient.p50),
    fmt(r.lastRecipient.p99),
    fmt(r.lastRecipient.max),
    fmt(r.anyRecipient.p50),
    `${fmt(r.serverCpu * 100, 0)}%`,
    `${fmt(r.clientCpu * 100, 0)}%`,
    fmt(r.rssIdle, 0),
    fmt(r.rssConnected, 0),
    fmt(r.rssPeak, 0),
    fmt(r.rssAfter, 0),
  ]);
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---:').join('|')}|`,
    ...lines.map((l) => `| ${l.join(' | ')} |`),
  ].join('\n');
}

async function main(): Promise<void> {
  console.log(
    `bench: ${clientCounts.join('/')} clients, ${writers} writers × 1 update / ${intervalMs} ms for ${durationMs / 1000} s, documents on ${engine}`,
  );
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
  console.log(`load average before: ${load()} (other work on the machine skews the figures)`);
  // Every bench client comes from 127.0.0.1: the per-address limits that keep one network from
  // flooding a real server ([R1], [R6], [H2] in docs/security.md) would stop the bench itself.
  const postgres = engine === 'postgresql' ? await startPostgresCluster() : null;
  const database = postgres ? await postgres.createDatabase('bench') : null;
  if (postgres) console.log(`documents on PostgreSQL (private cluster, port ${postgres.port})`);
  const server = await startServer({
    env: {
      ...(database ? { DATABASE_URL: database.url } : {}),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_JOIN: '100000/60',
      RATE_LIMIT_WEBSOCKET: '100000/60',
      MAX_CONNECTIONS_PER_IP: '0',
    },
  });
  const pid = server.process.pid;
  if (pid === undefined) throw new Error('server has no pid');
  const rows: Row[] = [];
  try {
    for (const clients of clientCounts) {
      const board = await createBoard(server, `Bench ${clients}`);
      const config: ClientsConfig = {
        wsBase: server.wsBase,
        baseUrl: server.baseUrl,
        adminToken: server.adminToken,
        boardId: board.id,
        inviteUrl: board.invites.participant,
        clients,
        writers,
        intervalMs,
        durationMs,
        drainMs: 5_000,
        connectTimeoutMs: 30_000,
      };
      console.log(`\n${clients} clients (board ${board.id})`);
      const child = fork(path.join(REPO_ROOT, 'test/bench/clients.ts'), [], {
        cwd: REPO_ROOT,
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      const row = await runClients(child, config, server, pid);
      rows.push(row);
      console.log(table([row]).split('\n').slice(2).join('\n'));
    }
  } finally {
    const code = await server.stop();
    if (code !== 0) server.dumpLogs('server output');
    await postgres?.stop();
  }
  const warnings = server.logRecords().filter((r) => r.level === 'warn' || r.level === 'error');
  console.log(`\n${table(rows)}\n`);
  console.log(`load average after: ${load()}`);
  if (warnings.length > 0)
    console.log(`server logged ${warnings.length} warnings/errors, first: ${JSON.stringify(warnings[0])}`);
  mkdirSync(path.dirname(args.json), { recursive: true });
  writeFileSync(
    args.json,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        engine,
        cpus: os.cpus().length,
        loadavg: os.loadavg(),
        writers,
        intervalMs,
        durationMs,
        rows,
      },
      null,
      2,
    ),
  );
  console.log(`results: ${path.relative(process.cwd(), args.json)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
