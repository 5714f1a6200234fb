/**
 * `pnpm bench`: sync latency, server CPU and memory with many clients in one room.
 *
 * Starts the built server (server/dist/main.js; `pnpm build` first) and y-websocket's own
 * reference server (reference-server.ts: in memory, no rules, no storage) side by side. For each
 * client count it runs the same client load against each, alternating which goes first, `--rounds`
 * times, after `--warmup-rounds` unmeasured rounds on each (a served server's hot code is compiled);
 * the clients are a fleet over `--client-processes` client processes (fleet.ts), a few of which
 * write sticky notes. Measures, per run:
 *   - latency from a write to its arrival at the last other client (p50/p99/max), and at any
 *   - the server's CPU while writing, as a share of one core and per delivered update
 *   - Empiria's RSS idle / connected / peak / after
 * Then one big room: `--room` editors + viewers (the room display's read-only role) on Empiria,
 * clients over `--room-processes` processes, send → last recipient p50/p99.
 * Everything runs on 127.0.0.1; every phase has a deadline.
 *
 *   pnpm bench [--clients 50,200,500] [--writers 10] [--interval 200] [--duration 10] [--drain 20] [--rounds 2]
 *              [--client-processes 2] [--room 500+1000] [--room-processes 4] [--reference yes|no]
 *              [--engine sqlite|postgresql] [--send-interval MS] [--send-interval-max MS] [--profile DIR]
 *              [--json test/artifacts/bench.json]
 *   pnpm bench --processes 1,2,3 …   (several server processes: cluster.ts)
 *   pnpm bench --room-path 200,500 …          (a room's own CPU per relayed update, in process: room-path.ts)
 *   pnpm bench --canvas-rules 500,2000,5000 …   (the canvas rules' cost per update, in process: canvas-rules.ts)
 *   pnpm bench --stream 500,2000,5000 …         (the observers' stream brought up to date, in process: stream-refresh.ts)
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
import { apiCall, createBoard, join } from '../support/api';
import { startPostgresCluster } from '../support/postgres-cluster';
import { REPO_ROOT, startServer, type ServerHandle } from '../support/server-process';
import { runClientFleet, type FleetClient, type FleetResult } from './fleet';

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

// `--stream 500,2000,5000`: bringing the observers' stream up to date, by board size (stream-refresh.ts).
if (process.argv.includes('--stream')) {
  const { streamRefreshBench } = await import('./stream-refresh');
  await streamRefreshBench(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

// `--room-path 200,500`: a room's own CPU per relayed update, in process (room-path.ts).
if (process.argv.includes('--room-path')) {
  const { roomPathBench } = await import('./room-path');
  await roomPathBench(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

// `--canvas-rules 500,2000,5000`: the canvas rules' cost per update by board size (canvas-rules.ts).
if (process.argv.includes('--canvas-rules')) {
  const { canvasRulesBench } = await import('./canvas-rules');
  await canvasRulesBench(process.argv.slice(2)).then(
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
    /** After the last write, how long the clients may take to receive everything (s). */
    drain: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '2' },
    /**
     * Unmeasured rounds first, on each server, at the smallest client count: a server that has
     * served for a while has its hot code compiled, and a cold JIT costs the larger server more.
     */
    'warmup-rounds': { type: 'string', default: '1' },
    'client-processes': { type: 'string', default: '2' },
    room: { type: 'string', default: '500+1000' },
    'room-processes': { type: 'string', default: '4' },
    reference: { type: 'string', default: 'yes' },
    engine: { type: 'string', default: 'sqlite' },
    /** The server's ROOM_SEND_INTERVAL_MS (its default when not given). */
    'send-interval': { type: 'string' },
    /** The server's ROOM_SEND_INTERVAL_MAX_MS: how long a large room's interval may grow. */
    'send-interval-max': { type: 'string' },
    /** A directory for both servers' V8 CPU profiles (--cpu-prof), written when they stop. */
    profile: { type: 'string' },
    json: { type: 'string', default: path.join(REPO_ROOT, 'test/artifacts/bench.json') },
  },
});

const clientCounts =
  args.clients === 'none' ? [] : args.clients.split(',').map((n) => Number.parseInt(n, 10));
const writers = Number.parseInt(args.writers, 10);
const intervalMs = Number.parseInt(args.interval, 10);
const durationMs = Number.parseFloat(args.duration) * 1000;
const drainMs = Number.parseFloat(args.drain) * 1000;
const rounds = Number.parseInt(args.rounds, 10);
const warmupRounds = Number.parseInt(args['warmup-rounds'], 10);
const processes = Number.parseInt(args['client-processes'], 10);
const roomMatch = /^(\d+)\+(\d+)$/.exec(args.room);
const room = roomMatch ? { editors: Number(roomMatch[1]), viewers: Number(roomMatch[2]) } : null;
const roomProcesses = Number.parseInt(args['room-processes'], 10);
const withReference = args.reference === 'yes';
const engine = args.engine;
if (
  clientCounts.some((n) => !(n > writers)) ||
  !(writers > 0) ||
  !(intervalMs > 0) ||
  !(durationMs > 0) ||
  !(drainMs > 0) ||
  !(rounds > 0) ||
  !(warmupRounds >= 0) ||
  !(processes > 0) ||
  !(roomProcesses > 0) ||
  (args.room !== 'none' && (!room || !(room.editors >= writers))) ||
  (args.reference !== 'yes' && args.reference !== 'no') ||
  (engine !== 'sqlite' && engine !== 'postgresql')
) {
  console.error(
    'usage: pnpm bench [--clients 50,200,500|none] [--writers 10] [--interval 200] [--duration 10] [--drain 20]\n' +
      '                  [--rounds 2] [--warmup-rounds 1] [--client-processes 2] [--room 500+1000|none] [--room-processes 4]\n' +
      '                  [--reference yes|no] [--engine sqlite|postgresql] [--send-interval MS]\n' +
      '                  [--send-interval-max MS] [--profile DIR]',
  );
  console.error(
    'every client count must exceed the number of writers, and the room must have as many editors',
  );
  process.exit(2);
}

const profileArgs = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args.profile)}`] : [];

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/** The process's user and system CPU time, in seconds. */
function cpuTimes(pid: number): { user: number; system: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(fields[11]) / TICKS_PER_SECOND, system: Number(fields[12]) / TICKS_PER_SECOND };
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

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

/** Runs `task` over `items` with at most `limit` at a time. */
async function pool<T, R>(
  items: T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

type ServerName = 'empiria' | 'y-websocket';

interface Row extends FleetResult {
  server: ServerName;
  round: number;
  /** The server's CPU while writing and draining: seconds, and as a share of one core. */
  serverCpuSeconds: number;
  /** The part of it spent in the kernel (sockets: loopback TCP is charged to the sender). */
  serverSystemSeconds: number;
  serverCpu: number;
  /** Server CPU per delivered update, µs. */
  cpuPerDeliveryUs: number;
  loadAverage: number;
  rssIdle: number;
  rssConnected: number;
  rssPeak: number;
  rssAfter: number;
}

/** Runs a fleet against the server `pid`, measuring its CPU and memory around the writing. */
async function measure(
  server: ServerName,
  round: number,
  pid: number,
  clients: FleetClient[],
  fleetProcesses: number,
): Promise<Row> {
  const rssIdle = rssMiB(pid);
  let rssConnected = NaN;
  let rssPeak = rssIdle;
  let cpuAtStart = { user: 0, system: 0 };
  let cpuAtEnd = { user: 0, system: 0 };
  let loadAverage = NaN;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMiB(pid))), 200);
  try {
    const result = await runClientFleet({
      clients,
      processes: fleetProcesses,
      intervalMs,
      durationMs,
      drainMs,
      onWriting: () => {
        rssConnected = rssMiB(pid);
        cpuAtStart = cpuTimes(pid);
        loadAverage = os.loadavg()[0] ?? NaN;
      },
      onDrained: () => {
        cpuAtEnd = cpuTimes(pid);
      },
    });
    rssPeak = Math.max(rssPeak, rssMiB(pid));
    const serverSystemSeconds = cpuAtEnd.system - cpuAtStart.system;
    const serverCpuSeconds = cpuAtEnd.user - cpuAtStart.user + serverSystemSeconds;
    return {
      ...result,
      server,
      round,
      serverCpuSeconds,
      serverSystemSeconds,
      serverCpu: serverCpuSeconds / result.writeSeconds,
      cpuPerDeliveryUs: (serverCpuSeconds * 1e6) / Math.max(1, result.deliveries),
      loadAverage,
      rssIdle,
      rssConnected,
      rssPeak,
      rssAfter: NaN,
    };
  } finally {
    clearInterval(sampler);
  }
}

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

function markdown(header: string[], lines: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---:').join('|')}|`,
    ...lines.map((l) => `| ${l.join(' | ')} |`),
  ].join('\n');
}

/** Every run, as measured. */
function runsTable(rows: Row[]): string {
  const header = [
    'server',
    'round',
    'clients',
    'writers',
    'updates',
    'delivered',
    'last p50 ms',
    'last p99 ms',
    'last max ms',
    'any p50 ms',
    'server CPU',
    'CPU µs / delivery',
    'of it kernel',
    'client CPU',
    'load',
    'RSS idle MiB',
    'RSS connected',
    'RSS peak',
    'RSS after',
  ];
  return markdown(
    header,
    rows.map((r) => [
      r.server,
      String(r.round),
      String(r.clients),
      String(r.writers),
      String(r.sent),
      `${((100 * r.deliveries) / Math.max(1, r.expectedDeliveries)).toFixed(2)}%`,
      fmt(r.lastRecipient.p50),
      fmt(r.lastRecipient.p99),
      fmt(r.lastRecipient.max),
      fmt(r.anyRecipient.p50),
      `${fmt(r.serverCpu * 100, 0)}%`,
      fmt(r.cpuPerDeliveryUs, 2),
      `${fmt((100 * r.serverSystemSeconds) / r.serverCpuSeconds, 0)}%`,
      `${fmt(r.clientCpu * 100, 0)}%`,
      fmt(r.loadAverage, 2),
      r.server === 'empiria' ? fmt(r.rssIdle, 0) : '—',
      r.server === 'empiria' ? fmt(r.rssConnected, 0) : '—',
      r.server === 'empiria' ? fmt(r.rssPeak, 0) : '—',
      r.server === 'empiria' ? fmt(r.rssAfter, 0) : '—',
    ]),
  );
}

/** Empiria beside y-websocket's server: medians over the rounds, and their ratio. */
function comparisonTable(rows: Row[]): string {
  const header = [
    'clients',
    'rounds',
    'Empiria CPU µs / delivery',
    'y-websocket CPU µs / delivery',
    'ratio',
    'Empiria last p99 ms',
    'y-websocket last p99 ms',
    'delivered (least)',
  ];
  const counts = [...new Set(rows.map((r) => r.clients))];
  return markdown(
    header,
    counts.map((clients) => {
      const of = (server: ServerName) => rows.filter((r) => r.clients === clients && r.server === server);
      const ours = of('empiria');
      const theirs = of('y-websocket');
      const cpuOurs = median(ours.map((r) => r.cpuPerDeliveryUs));
      const cpuTheirs = theirs.length > 0 ? median(theirs.map((r) => r.cpuPerDeliveryUs)) : NaN;
      // Below 100% runs do not compare: CPU went on what was not delivered in time, or was never spent.
      const delivered = Math.min(
        ...[...ours, ...theirs].map((r) => r.deliveries / Math.max(1, r.expectedDeliveries)),
      );
      return [
        String(clients),
        String(ours.length),
        fmt(cpuOurs, 2),
        fmt(cpuTheirs, 2),
        `×${fmt(cpuOurs / cpuTheirs, 2)}`,
        fmt(median(ours.map((r) => r.lastRecipient.p99))),
        theirs.length > 0 ? fmt(median(theirs.map((r) => r.lastRecipient.p99))) : '—',
        `${(100 * delivered).toFixed(2)}%`,
      ];
    }),
  );
}

function roomTable(row: Row, editors: number, viewers: number): string {
  return markdown(
    [
      'editors',
      'viewers',
      'writers',
      'client processes',
      'updates',
      'delivered',
      'last p50 ms',
      'last p99 ms',
      'last max ms',
      'any p50 ms',
      'server CPU',
      'CPU µs / delivery',
      'load',
      'RSS connected MiB',
      'RSS peak',
    ],
    [
      [
        String(editors),
        String(viewers),
        String(row.writers),
        String(row.processes),
        String(row.sent),
        `${((100 * row.deliveries) / Math.max(1, row.expectedDeliveries)).toFixed(2)}%`,
        fmt(row.lastRecipient.p50),
        fmt(row.lastRecipient.p99),
        fmt(row.lastRecipient.max),
        fmt(row.anyRecipient.p50),
        `${fmt(row.serverCpu * 100, 0)}%`,
        fmt(row.cpuPerDeliveryUs, 2),
        fmt(row.loadAverage, 2),
        fmt(row.rssConnected, 0),
        fmt(row.rssPeak, 0),
      ],
    ],
  );
}

interface ReferenceServer {
  pid: number;
  port: number;
  stop(): Promise<void>;
}

function startReferenceServer(): Promise<ReferenceServer> {
  const child: ChildProcess = fork(path.join(REPO_ROOT, 'test/bench/reference-server.ts'), [], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx', ...profileArgs],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the reference server did not start within 30 s')),
      30_000,
    );
    child.once('exit', (code) => reject(new Error(`the reference server exited with ${code}`)));
    child.once('message', (message: { type: string; port: number }) => {
      clearTimeout(timer);
      const pid = child.pid;
      if (pid === undefined) return reject(new Error('reference server has no pid'));
      resolve({
        pid,
        port: message.port,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

async function main(): Promise<void> {
  console.log(
    `bench: ${clientCounts.join('/') || 'no'} clients over ${processes} client processes, ${rounds} round(s)` +
      `${withReference ? ' alternating with y-websocket’s server' : ''}; ${writers} writers × 1 update / ${intervalMs} ms ` +
      `for ${durationMs / 1000} s; documents on ${engine}` +
      (room
        ? `; then a room of ${room.editors} editors + ${room.viewers} viewers over ${roomProcesses} processes`
        : ''),
  );
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
      ...(args['send-interval'] ? { ROOM_SEND_INTERVAL_MS: args['send-interval'] } : {}),
      ...(args['send-interval-max'] ? { ROOM_SEND_INTERVAL_MAX_MS: args['send-interval-max'] } : {}),
    },
    nodeArgs: profileArgs,
  });
  const pid = server.process.pid;
  if (pid === undefined) throw new Error('server has no pid');
  const reference = withReference ? await startReferenceServer() : null;
  const rows: Row[] = [];
  let roomRow: Row | null = null;

  const sessionUrls = async (boardId: string, invite: string, count: number, label: string) => {
    const sessions = await pool(
      Array.from({ length: count }, (_, i) => i),
      16,
      (i) => join(server, boardId, invite, `${label} ${i}`, `Miasto ${i % 40}`),
    );
    return sessions.map(
      (s) => `${server.wsBase}/${boardId}/canvas?token=${encodeURIComponent(s.sessionToken)}`,
    );
  };
  const empiriaRun = async (clients: number, round: number): Promise<Row> => {
    const board = await createBoard(server, `Bench ${clients} #${round}`);
    const urls = await sessionUrls(board.id, board.invites.participant, clients, 'Bench');
    const fleet = urls.map((url, i) => ({ url, origin: server.baseUrl, writer: i < writers }));
    const row = await measure('empiria', round, pid, fleet, processes);
    // The server notices the closes asynchronously: wait until it counts none.
    await waitForConnections(server, 0, 10_000);
    return { ...row, rssAfter: rssMiB(pid) };
  };
  const referenceRun = async (ref: ReferenceServer, clients: number, round: number): Promise<Row> => {
    const url = `ws://127.0.0.1:${ref.port}/bench-${clients}-${round}`;
    const fleet = Array.from({ length: clients }, (_, i) => ({ url, origin: null, writer: i < writers }));
    return measure('y-websocket', round, ref.pid, fleet, processes);
  };
  const print = (row: Row) => console.log(runsTable([row]).split('\n').slice(2).join('\n'));

  try {
    for (let warmup = 1; warmup <= warmupRounds && clientCounts.length > 0; warmup++) {
      const clients = Math.min(...clientCounts);
      console.log(`\nwarm-up ${warmup}: ${clients} clients on each server, not counted (load ${load()})`);
      await empiriaRun(clients, -warmup);
      if (reference) await referenceRun(reference, clients, -warmup);
    }
    for (const clients of clientCounts) {
      for (let round = 1; round <= rounds; round++) {
        // Alternate which server goes first, so a slow spell on the machine hits both alike.
        const order: ServerName[] =
          reference === null
            ? ['empiria']
            : round % 2 === 1
              ? ['empiria', 'y-websocket']
              : ['y-websocket', 'empiria'];
        for (const name of order) {
          console.log(`\n${clients} clients, round ${round}: ${name} (load ${load()})`);
          const row =
            name === 'empiria' || reference === null
              ? await empiriaRun(clients, round)
              : await referenceRun(reference, clients, round);
          rows.push(row);
          print(row);
        }
      }
    }
    if (room) {
      console.log(`\nroom: ${room.editors} editors + ${room.viewers} viewers (load ${load()})`);
      const board = await createBoard(server, 'Bench room');
      const editors = await sessionUrls(board.id, board.invites.participant, room.editors, 'Edytor');
      // Viewers read the canvas without writing: the room display's role, which reads the canvas and never edits ([P1], [P6]).
      const viewers = await sessionUrls(board.id, board.invites.room, room.viewers, 'Widz');
      const fleet = [
        ...editors.map((url, i) => ({ url, origin: server.baseUrl, writer: i < writers })),
        ...viewers.map((url) => ({ url, origin: server.baseUrl, writer: false })),
      ];
      roomRow = await measure('empiria', 1, pid, fleet, roomProcesses);
      await waitForConnections(server, 0, 20_000);
      roomRow.rssAfter = rssMiB(pid);
      console.log(roomTable(roomRow, room.editors, room.viewers).split('\n').slice(2).join('\n'));
    }
  } finally {
    const code = await server.stop();
    if (code !== 0) server.dumpLogs('server output');
    await reference?.stop();
    await postgres?.stop();
  }
  const warnings = server.logRecords().filter((r) => r.level === 'warn' || r.level === 'error');
  if (rows.length > 0) {
    console.log(`\nEvery run:\n\n${runsTable(rows)}\n`);
    if (reference)
      console.log(`Empiria beside y-websocket's server (medians):\n\n${comparisonTable(rows)}\n`);
  }
  if (room && roomRow) console.log(`Room:\n\n${roomTable(roomRow, room.editors, room.viewers)}\n`);
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
        cpuModel: os.cpus()[0]?.model,
        loadavg: os.loadavg(),
        writers,
        intervalMs,
        durationMs,
        rows: rows.map(({ ...row }) => row),
        room: roomRow && room ? { ...room, ...roomRow } : null,
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
