/**
 * A fleet of benchmark clients over several processes: forks `processes` client processes
 * (clients.ts), deals them the room URLs in turn, lets every writer write, and merges what each
 * process saw into one set of figures. Any server that speaks y-websocket's protocol will do:
 * Empiria (a URL with a session token per client), one of several Empiria processes, or
 * y-websocket's own server.
 *
 *   const result = await runClientFleet({ clients, processes: 4, intervalMs: 200, durationMs: 10_000 });
 *
 * Latency is send → arrival on the machine's monotonic clock, which every process shares.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../support/server-process';
import { latencyStats, type LatencyStats } from './latency-stats';
import type { ChildMessage, ClientsConfig, ClientsReport, FleetClient, ParentMessage } from './protocol';

export type { FleetClient } from './protocol';

export interface FleetOptions {
  clients: FleetClient[];
  processes: number;
  intervalMs: number;
  durationMs: number;
  /** After the last write, how long to wait for the stragglers (default 5 s). */
  drainMs?: number;
  /** Per client (default 30 s). */
  connectTimeoutMs?: number;
  /** Connections each process opens at once (default 50). */
  connectConcurrency?: number;
  /** Called once every client is connected, just before the writers start: start measuring here. */
  onWriting?(): void;
  /** Called once every process reported (all arrived, or the drain ran out): stop measuring here. */
  onDrained?(): void;
}

export interface FleetResult {
  clients: number;
  writers: number;
  processes: number;
  /** Until the last process had every client connected and synced. */
  connectMs: number;
  sent: number;
  /** Updates every other client received. */
  complete: number;
  /** Deliveries expected (each update to every client but its writer) and made. */
  expectedDeliveries: number;
  deliveries: number;
  /** Send → arrival at the last of the other clients, per fully delivered update (ms). */
  lastRecipient: LatencyStats;
  /** Send → arrival, every single delivery (ms). */
  anyRecipient: LatencyStats;
  /** CPU of all client processes while writing and draining, as a share of one core. */
  clientCpu: number;
  /** Wall time from the first write until every process reported (s). */
  writeSeconds: number;
  closesDuringRun: number;
}

const CLIENT_ENTRY = path.join(REPO_ROOT, 'test/bench/clients.ts');

class Child {
  readonly #process: ChildProcess;
  readonly #waiting = new Map<ChildMessage['type'], (message: ChildMessage) => void>();
  readonly failed: Promise<never>;

  constructor(index: number) {
    this.#process = fork(CLIENT_ENTRY, [], {
      cwd: REPO_ROOT,
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.failed = new Promise<never>((_, reject) => {
      this.#process.on('message', (message: ChildMessage) => {
        if (message.type === 'error')
          reject(new Error(`client process ${index} failed:\n${message.message}`));
        const resolve = this.#waiting.get(message.type);
        this.#waiting.delete(message.type);
        resolve?.(message);
      });
      this.#process.on('exit', (code) => {
        if (code !== 0 && code !== null) reject(new Error(`client process ${index} exited with ${code}`));
      });
    });
    // Awaited through `next`; keep an unobserved failure from being an unhandled rejection.
    this.failed.catch(() => {});
  }

  send(message: ParentMessage): void {
    this.#process.send(message);
  }

  next<T extends ChildMessage['type']>(type: T): Promise<Extract<ChildMessage, { type: T }>> {
    const arrived = new Promise<Extract<ChildMessage, { type: T }>>((resolve) =>
      this.#waiting.set(type, resolve as (message: ChildMessage) => void),
    );
    return Promise.race([arrived, this.failed]);
  }

  exited(timeoutMs: number): Promise<void> {
    if (this.#process.exitCode !== null || this.#process.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.kill();
        resolve();
      }, timeoutMs);
      this.#process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  kill(): void {
    this.#process.kill('SIGKILL');
  }
}

function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export async function runClientFleet(options: FleetOptions): Promise<FleetResult> {
  const drainMs = options.drainMs ?? 5_000;
  const connectTimeoutMs = options.connectTimeoutMs ?? 30_000;
  const processes = Math.max(1, Math.min(options.processes, options.clients.length));
  // Dealt in turn, so writers and receivers spread evenly over the processes.
  const dealt: FleetClient[][] = Array.from({ length: processes }, () => []);
  options.clients.forEach((client, i) => dealt[i % processes]?.push(client));
  const fleetWriters = options.clients.filter((c) => c.writer).length;
  if (fleetWriters === 0) throw new Error('a fleet needs at least one writer');

  const children = dealt.map((_, i) => new Child(i));
  const connectStart = performance.now();
  try {
    let firstWriter = 0;
    dealt.forEach((clients, i) => {
      const config: ClientsConfig = {
        clients,
        firstWriter,
        fleetWriters,
        intervalMs: options.intervalMs,
        durationMs: options.durationMs,
        drainMs,
        connectTimeoutMs,
        connectConcurrency: options.connectConcurrency ?? 50,
      };
      firstWriter += clients.filter((c) => c.writer).length;
      children[i]?.send({ type: 'start', config });
    });
    await withDeadline(
      Promise.all(children.map((c) => c.next('connected'))),
      connectTimeoutMs * 3,
      'connecting the fleet',
    );
    const connectMs = Math.round(performance.now() - connectStart);

    options.onWriting?.();
    const writeStart = performance.now();
    const reports = children.map((c) => c.next('report'));
    for (const child of children) child.send({ type: 'write' });
    const written = await withDeadline(
      Promise.all(children.map((c) => c.next('written'))),
      options.durationMs + 30_000,
      'writing',
    );
    const fleetSent = written.reduce((sum, w) => sum + w.sent, 0);
    for (const child of children) child.send({ type: 'drain', fleetSent });
    const merged = merge(
      (await withDeadline(Promise.all(reports), drainMs + 30_000, 'draining')).map((r) => r.report),
      options.clients.length,
    );
    const writeSeconds = (performance.now() - writeStart) / 1000;
    options.onDrained?.();

    for (const child of children) child.send({ type: 'finish' });
    await Promise.all(children.map((c) => c.exited(10_000)));
    return {
      ...merged,
      clients: options.clients.length,
      writers: fleetWriters,
      processes,
      connectMs,
      writeSeconds,
      clientCpu: merged.clientCpuSeconds / writeSeconds,
    };
  } catch (error) {
    for (const child of children) child.kill();
    throw error;
  }
}

function merge(reports: ClientsReport[], clients: number) {
  const seen = new Map<string, { count: number; max: number }>();
  let deliveries = 0;
  for (const report of reports) {
    report.seenMarkers.forEach((marker, i) => {
      const count = report.seenCounts[i] ?? 0;
      const max = report.seenMax[i] ?? NaN;
      deliveries += count;
      const entry = seen.get(marker);
      if (entry) {
        entry.count += count;
        entry.max = Math.max(entry.max, max);
      } else seen.set(marker, { count, max });
    });
  }
  const sent = reports.flatMap((r) => r.sent);
  const last: number[] = [];
  for (const marker of sent) {
    const entry = seen.get(marker);
    if (entry && entry.count >= clients - 1) last.push(entry.max);
  }
  const all = new Float64Array(reports.reduce((n, r) => n + r.latencies.length, 0));
  let offset = 0;
  for (const report of reports) {
    all.set(report.latencies, offset);
    offset += report.latencies.length;
  }
  return {
    sent: sent.length,
    complete: last.length,
    expectedDeliveries: sent.length * (clients - 1),
    deliveries,
    lastRecipient: latencyStats(last),
    anyRecipient: latencyStats(all),
    clientCpuSeconds: reports.reduce((s, r) => s + r.cpuSeconds, 0),
    closesDuringRun: reports.reduce((s, r) => s + r.closesDuringRun, 0),
  };
}
