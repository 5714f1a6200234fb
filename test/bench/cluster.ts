/**
 * `pnpm bench --processes 1,2,3`: one room served by several server processes (issue #14).
 *
 * For each setup — one process on SQLite (the default installation), then 1, 2, 3… processes on
 * a private PostgreSQL (documents, DATABASE_URL) and a private redis-server (the relay,
 * REDIS_URL), all on one DATA_DIR — and for each room size, creates a board, spreads its people
 * round robin over the server processes, and forks `--client-processes` client processes
 * (cluster-clients.ts) that hold them. A third of the people write (`--writer-share`), together
 * `--rate` notes a second into the room, each writer every `writers / rate` seconds: the room's
 * load is the same whatever its size, so rows compare the fan-out, not the typing.
 *
 * Per row: send → last recipient p50/p99/max (every other person of the room, whichever process
 * serves them), send → any recipient p50, the servers' CPU summed over processes (share of one
 * core, and milliseconds per 1,000 deliveries), their RSS (sum of the processes' peaks), and where
 * the time went by the servers' own histograms (append, relay local and cross-process: p99).
 *
 *   pnpm bench --processes 1,2,3 [--clients 200,500,1500] [--writer-share 0.333] [--rate 50]
 *              [--duration 20] [--client-processes 3] [--no-sqlite] [--json test/artifacts/bench-cluster.json]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { healthResponseSchema } from '@empiria/shared';
import { apiCall, createBoard } from '../support/api';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster';
import { redisAvailable, startRedis, type RedisHandle } from '../support/redis-server';
import { REPO_ROOT, startServer, type ServerHandle } from '../support/server-process';
import type {
  ClusterChildMessage,
  ClusterClientsConfig,
  ClusterClientsResult,
  ClusterParentMessage,
  Member,
} from './cluster-protocol';
import {
  readHistograms,
  summarise as summariseHistograms,
  type HistogramSummaries,
} from './server-histograms';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
/** Lets the bench read each process's histograms (where a row's time went). */
const METRICS_TOKEN = 'bench-metrics-token-not-secret';

interface Setup {
  engine: 'sqlite' | 'postgresql+redis';
  processes: number;
}

export interface ClusterRow extends Setup {
  clients: number;
  writers: number;
  sent: number;
  /** Updates that reached every other person of the room. */
  complete: number;
  deliveries: number;
  expectedDeliveries: number;
  last: { p50: number; p99: number; max: number };
  anyP50: number;
  /** Summed over the server processes, as a share of one core, over the writing phase. */
  serverCpu: number;
  /** Each server process's share, to see how evenly the room's work spreads. */
  serverCpuEach: number[];
  cpuMsPerThousandDeliveries: number;
  clientCpu: number;
  rssPeakSum: number;
  rssPeakEach: number[];
  connectMs: number;
  closedDuringRun: number;
  /** The servers' own histograms over the writing phase: append, relay local / cross-process. */
  histograms: HistogramSummaries;
  /** The client processes' event-loop delay p99 (the worst process's): the harness's own wait. */
  clientLoopDelayP99Ms: number;
}

function rssMiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

const pidOf = (server: ServerHandle): number => {
  const pid = server.process.pid;
  if (pid === undefined) throw new Error('server has no pid');
  return pid;
};

async function connectionsOn(servers: ServerHandle[]): Promise<number> {
  let total = 0;
  for (const server of servers) {
    total += healthResponseSchema.parse(await apiCall(server, 'GET', '/healthz')).connections;
  }
  return total;
}

async function waitForConnections(servers: ServerHandle[], count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await connectionsOn(servers)) !== count) {
    if (Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Forks the client processes and drives them through connect → write → report → finish. */
async function runRoom(
  servers: ServerHandle[],
  config: Omit<ClusterClientsConfig, 'members'>,
  members: Member[],
  clientProcesses: number,
): Promise<{
  results: ClusterClientsResult[];
  cpu: number[];
  wallSeconds: number;
  rssPeak: number[];
  histograms: HistogramSummaries;
}> {
  const pids = servers.map(pidOf);
  const children: ChildProcess[] = [];
  for (let k = 0; k < clientProcesses; k++) {
    children.push(
      fork(path.join(REPO_ROOT, 'test/bench/cluster-clients.ts'), [], {
        cwd: REPO_ROOT,
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
  }
  const budgetMs = config.connectTimeoutMs * 4 + config.durationMs + config.drainMs + 60_000;
  const rssPeak = pids.map(rssMiB);
  const sampler = setInterval(
    () => pids.forEach((pid, i) => (rssPeak[i] = Math.max(rssPeak[i] ?? 0, rssMiB(pid)))),
    250,
  );
  try {
    const phase = (type: ClusterChildMessage['type']) =>
      Promise.all(
        children.map(
          (child, k) =>
            new Promise<ClusterChildMessage>((resolve, reject) => {
              const onMessage = (message: ClusterChildMessage) => {
                if (message.type === 'error') {
                  child.off('message', onMessage);
                  reject(new Error(`client process ${k} failed:\n${message.message}`));
                } else if (message.type === type) {
                  child.off('message', onMessage);
                  resolve(message);
                }
              };
              child.on('message', onMessage);
              child.once('exit', (code) => {
                if (code !== 0) reject(new Error(`client process ${k} exited with ${code}`));
              });
            }),
        ),
      );
    const within = <T>(promise: Promise<T>, what: string) =>
      Promise.race([
        promise,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`${what} not within ${budgetMs} ms`)), budgetMs).unref(),
        ),
      ]);
    const send = (message: ClusterParentMessage, child: ChildProcess) => child.send(message);
    const connected = phase('connected');
    children.forEach((child, k) =>
      send(
        {
          type: 'start',
          config: { ...config, members: members.filter((m) => m.clientProcess === k) },
        },
        child,
      ),
    );
    await within(connected, 'connecting');
    const readAll = () => Promise.all(servers.map((s) => readHistograms(s.baseUrl, METRICS_TOKEN)));
    const histogramsStart = await readAll();
    const cpuStart = pids.map(cpuSeconds);
    const wallStart = performance.now();
    const reported = phase('result');
    for (const child of children) send({ type: 'write' }, child);
    const results = (await within(reported, 'writing')).map(
      (message) => (message as Extract<ClusterChildMessage, { type: 'result' }>).result,
    );
    const wallSeconds = (performance.now() - wallStart) / 1000;
    const cpu = pids.map((pid, i) => cpuSeconds(pid) - (cpuStart[i] ?? 0));
    const histograms = summariseHistograms(histogramsStart, await readAll());
    const exited = Promise.all(
      children.map((child) => new Promise((resolve) => child.once('exit', resolve))),
    );
    for (const child of children) send({ type: 'finish' }, child);
    await within(exited, 'closing');
    return { results, cpu, wallSeconds, rssPeak, histograms };
  } finally {
    clearInterval(sampler);
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  }
}

function summarise(
  setup: Setup,
  clients: number,
  writers: number,
  run: Awaited<ReturnType<typeof runRoom>>,
): ClusterRow {
  const sentAt = new Map<string, number>();
  for (const result of run.results) for (const [marker, at] of result.sent) sentAt.set(marker, at);
  const reached = new Map<string, { count: number; last: number }>();
  for (const result of run.results)
    for (const [marker, count, last] of result.arrivals) {
      const entry = reached.get(marker) ?? { count: 0, last: 0 };
      entry.count += count;
      entry.last = Math.max(entry.last, last);
      reached.set(marker, entry);
    }
  const lastLatencies: number[] = [];
  let deliveries = 0;
  for (const [marker, sent] of sentAt) {
    const entry = reached.get(marker);
    if (!entry) continue;
    deliveries += entry.count;
    if (entry.count >= clients - 1) lastLatencies.push(entry.last - sent);
  }
  lastLatencies.sort((a, b) => a - b);
  const any = run.results
    .flatMap((r) => r.sampledArrivals)
    .map(([marker, at]) => at - (sentAt.get(marker) ?? Number.NaN))
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const cpuSum = run.cpu.reduce((a, b) => a + b, 0);
  return {
    ...setup,
    clients,
    writers,
    sent: sentAt.size,
    complete: lastLatencies.length,
    deliveries,
    expectedDeliveries: sentAt.size * (clients - 1),
    last: {
      p50: percentile(lastLatencies, 50),
      p99: percentile(lastLatencies, 99),
      max: lastLatencies.at(-1) ?? NaN,
    },
    anyP50: percentile(any, 50),
    serverCpu: cpuSum / run.wallSeconds,
    serverCpuEach: run.cpu.map((c) => c / run.wallSeconds),
    cpuMsPerThousandDeliveries: deliveries > 0 ? (cpuSum * 1000 * 1000) / deliveries : NaN,
    clientCpu: run.results.reduce((a, r) => a + r.cpu, 0),
    rssPeakSum: run.rssPeak.reduce((a, b) => a + b, 0),
    rssPeakEach: run.rssPeak,
    connectMs: Math.max(...run.results.map((r) => r.connectMs)),
    closedDuringRun: run.results.reduce((a, r) => a + r.closedDuringRun, 0),
    histograms: run.histograms,
    clientLoopDelayP99Ms: Math.max(...run.results.map((r) => r.loopDelayMs.p99)),
  };
}

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

export function clusterTable(rows: ClusterRow[]): string {
  const header = [
    'engine',
    'processes',
    'clients',
    'writers',
    'updates',
    'delivered',
    'last p50 ms',
    'last p99 ms',
    'last max ms',
    'any p50 ms',
    'server CPU (sum)',
    'CPU per process',
    'CPU ms / 1k deliveries',
    'RSS peak MiB (sum)',
    'append p50 / p99 ms',
    'relay local p99 ms',
    'relay cross p99 ms',
    'client loop p99 ms',
  ];
  const lines = rows.map((r) => [
    r.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL + Redis',
    String(r.processes),
    String(r.clients),
    String(r.writers),
    String(r.sent),
    `${((100 * r.deliveries) / Math.max(1, r.expectedDeliveries)).toFixed(2)}%`,
    fmt(r.last.p50),
    fmt(r.last.p99),
    fmt(r.last.max),
    fmt(r.anyP50),
    `${fmt(r.serverCpu * 100, 0)}%`,
    r.serverCpuEach.map((c) => `${fmt(c * 100, 0)}%`).join(' / '),
    fmt(r.cpuMsPerThousandDeliveries, 2),
    fmt(r.rssPeakSum, 0),
    `${fmt(r.histograms.append.p50, 2)} / ${fmt(r.histograms.append.p99, 1)}`,
    fmt(r.histograms.relayLocal.p99),
    fmt(r.histograms.relayCross.p99),
    fmt(r.clientLoopDelayP99Ms),
  ]);
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...lines.map((l) => `| ${l.join(' | ')} |`),
  ].join('\n');
}

export async function clusterBench(argv: string[]): Promise<void> {
  const { values: args } = parseArgs({
    args: argv,
    options: {
      processes: { type: 'string', default: '1,2,3' },
      clients: { type: 'string', default: '200,500,1500' },
      'writer-share': { type: 'string', default: '0.333' },
      rate: { type: 'string', default: '50' },
      duration: { type: 'string', default: '20' },
      'client-processes': { type: 'string', default: '3' },
      'no-sqlite': { type: 'boolean', default: false },
      json: { type: 'string', default: path.join(REPO_ROOT, 'test/artifacts/bench-cluster.json') },
    },
  });
  const processCounts = args.processes.split(',').map((n) => Number.parseInt(n, 10));
  const clientCounts = args.clients.split(',').map((n) => Number.parseInt(n, 10));
  const writerShare = Number.parseFloat(args['writer-share']);
  const rate = Number.parseFloat(args.rate);
  const durationMs = Number.parseFloat(args.duration) * 1000;
  const clientProcesses = Number.parseInt(args['client-processes'], 10);
  if (
    processCounts.some((n) => !(n >= 1)) ||
    clientCounts.some((n) => !(n >= 2)) ||
    !(writerShare > 0 && writerShare <= 1) ||
    !(rate > 0) ||
    !(durationMs > 0) ||
    !(clientProcesses >= 1)
  ) {
    console.error(
      'usage: pnpm bench --processes 1,2,3 [--clients 200,500,1500] [--writer-share 0.333] [--rate 50] [--duration 20] [--client-processes 3] [--no-sqlite]',
    );
    process.exit(2);
  }
  if (!redisAvailable()) throw new Error('redis-server is missing: run scripts/install-redis.sh');

  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(
    `cluster bench: ${clientCounts.join('/')} clients, ${Math.round(writerShare * 100)}% writing, ${rate} notes/s into the room for ${durationMs / 1000} s, ${clientProcesses} client processes`,
  );
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
  const loadBefore = os.loadavg();
  console.log(`load average before: ${load()} (other work on the machine skews the figures)`);

  const setups: Setup[] = [
    ...(args['no-sqlite'] ? [] : [{ engine: 'sqlite' as const, processes: 1 }]),
    ...processCounts.map((processes) => ({ engine: 'postgresql+redis' as const, processes })),
  ];
  let postgres: PostgresCluster | null = null;
  let redis: RedisHandle | null = null;
  const rows: ClusterRow[] = [];
  try {
    for (const setup of setups) {
      let env: Record<string, string> = {
        LOG_LEVEL: 'warn',
        // Every bench client comes from 127.0.0.1: the per-address limits would stop the bench.
        RATE_LIMIT_JOIN: '1000000/60',
        RATE_LIMIT_WEBSOCKET: '1000000/60',
        MAX_CONNECTIONS_PER_IP: '0',
        METRICS_TOKEN,
      };
      if (setup.engine === 'postgresql+redis') {
        postgres ??= await startPostgresCluster();
        redis ??= await startRedis();
        const database = await postgres.createDatabase(`bench_${setup.processes}`);
        // A fresh prefix per setup: nothing of the previous setup's processes is heard.
        env = {
          ...env,
          DATABASE_URL: database.url,
          REDIS_URL: redis.url,
          REDIS_PREFIX: `bench${setup.processes}`,
        };
      }
      const servers: ServerHandle[] = [await startServer({ env })];
      for (let i = 1; i < setup.processes; i++) {
        const first = servers[0] as ServerHandle;
        servers.push(await startServer({ env, dataDir: first.dataDir, adminToken: first.adminToken }));
      }
      console.log(
        `\n${setup.engine}, ${setup.processes} process(es): ports ${servers.map((s) => s.port).join(', ')}`,
      );
      try {
        for (const clients of clientCounts) {
          const writers = Math.max(1, Math.round(clients * writerShare));
          const board = await createBoard(
            servers[0] as ServerHandle,
            `Bench ${clients} × ${setup.processes}`,
          );
          // Writers and readers each spread evenly over every pair of server and client process.
          const members: Member[] = Array.from({ length: clients }, (_, index) => {
            const writer = index < writers;
            const position = writer ? index : index - writers;
            return {
              index,
              server: position % servers.length,
              clientProcess: Math.floor(position / servers.length) % clientProcesses,
              writer,
            };
          });
          const config: Omit<ClusterClientsConfig, 'members'> = {
            servers: servers.map((s) => ({ baseUrl: s.baseUrl, wsBase: s.wsBase })),
            boardId: board.id,
            inviteUrl: board.invites.participant,
            writerIntervalMs: (writers * 1000) / rate,
            durationMs,
            quietMs: 3_000,
            drainMs: 30_000,
            connectTimeoutMs: 120_000,
            arrivalSample: 20_000,
          };
          console.log(`  ${clients} clients, ${writers} writing, load ${load()}…`);
          const run = await runRoom(servers, config, members, clientProcesses);
          const row = summarise(setup, clients, writers, run);
          rows.push(row);
          console.log(clusterTable([row]).split('\n').slice(2).join('\n'));
          await waitForConnections(servers, 0, 15_000);
        }
      } finally {
        for (const server of servers) {
          const code = await server.stop(30_000);
          if (code !== 0) server.dumpLogs('server output');
        }
        const warnings = servers
          .flatMap((s) => s.logRecords())
          .filter((r) => r.level === 'warn' || r.level === 'error');
        if (warnings.length > 0)
          console.log(
            `  servers logged ${warnings.length} warnings/errors, first: ${JSON.stringify(warnings[0])}`,
          );
      }
    }
  } finally {
    await redis?.stop();
    await postgres?.stop();
  }
  console.log(`\n${clusterTable(rows)}\n`);
  console.log(`load average before: ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after: ${load()}`);
  mkdirSync(path.dirname(args.json), { recursive: true });
  writeFileSync(
    args.json,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        loadavgBefore: loadBefore,
        loadavgAfter: os.loadavg(),
        writerShare,
        rate,
        durationMs,
        clientProcesses,
        rows,
      },
      null,
      2,
    ),
  );
  console.log(`results: ${path.relative(process.cwd(), args.json)}`);
}
