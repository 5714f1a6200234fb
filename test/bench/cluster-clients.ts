/**
 * A client process of the cluster benchmark (forked by cluster.ts; several run side by side).
 * Each of its members joins the board through the server process it is assigned to and opens a
 * websocket to the canvas room there. Every member is a light client: a raw websocket that does
 * the sync handshake and finds the bench's markers in the update frames' bytes without applying
 * them, so hundreds fit in one process and the latency measured is the servers'.
 *
 * Writers are light too: each keeps a Y.Doc of its own notes only (it never applies what it
 * receives), sets a new complete sticky note in the canvas's records every interval, and sends
 * the update Yjs made as a sync-update frame — the bytes a browser would send for the same note,
 * which the server's rules accept ([D3]): a note appended after the writer's own, depending on
 * nothing the server lacks. The key names the writer and a sequence number (`~w3s17~`).
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { MessageType, SyncMessageType } from '@empiria/shared';
import * as Y from 'yjs';
import { join } from '../support/api';
import { canvasRecords, noteRecord } from '../support/canvas-records';
import { openWebSocket } from '../support/yjs-client';
import type {
  ClusterChildMessage,
  ClusterClientsConfig,
  ClusterClientsResult,
  ClusterParentMessage,
  Member,
} from './cluster-protocol';

const wallNow = () => performance.timeOrigin + performance.now();

function send(message: ClusterChildMessage): void {
  process.send?.(message);
}

/** Runs `task` over `items` with at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function readVarUint(bytes: Uint8Array, offset: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  let pos = offset;
  for (;;) {
    const byte = bytes[pos++];
    if (byte === undefined) throw new Error('truncated varuint');
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, pos];
    shift += 7;
  }
}

function varUint(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
  return out;
}

/** A sync-update frame: message type, sync update, the update as a length-prefixed byte array. */
function updateFrame(update: Uint8Array): Uint8Array<ArrayBuffer> {
  const head = [MessageType.sync, SyncMessageType.update, ...varUint(update.byteLength)];
  const frame = new Uint8Array(head.length + update.byteLength);
  frame.set(head, 0);
  frame.set(update, head.length);
  return frame;
}

/** Sync step 1 with the state vector of an empty document. */
const STEP1_EMPTY = Uint8Array.of(MessageType.sync, SyncMessageType.step1, 1, 0);
/** Sync step 2 answering the server's step 1: an empty update. */
const STEP2_EMPTY = Uint8Array.of(MessageType.sync, SyncMessageType.step2, 2, 0, 0);
const MARKER = /~w(\d+)s(\d+)~/g;

/** Per update: how many of this process's members received it, and when the last one did. */
class Arrivals {
  readonly byMarker = new Map<string, { count: number; last: number }>();
  readonly sample: [string, number][] = [];
  #seen = 0;

  constructor(readonly sampleSize: number) {}

  arrived(marker: string, at: number): void {
    const entry = this.byMarker.get(marker);
    if (entry) {
      entry.count++;
      entry.last = Math.max(entry.last, at);
    } else {
      this.byMarker.set(marker, { count: 1, last: at });
    }
    // Reservoir sampling: every arrival equally likely to be kept.
    this.#seen++;
    if (this.sample.length < this.sampleSize) this.sample.push([marker, at]);
    else {
      const slot = Math.floor(Math.random() * this.#seen);
      if (slot < this.sampleSize) this.sample[slot] = [marker, at];
    }
    this.lastArrival = at;
  }

  lastArrival = 0;
}

interface Client {
  member: Member;
  socket: WebSocket;
  closedByServer: boolean;
  close(): Promise<void>;
}

function openClient(
  config: ClusterClientsConfig,
  member: Member,
  token: string,
  arrivals: Arrivals,
): Promise<Client> {
  const server = config.servers[member.server];
  if (!server) throw new Error(`no server ${member.server}`);
  const url = `${server.wsBase}/${config.boardId}/canvas?token=${encodeURIComponent(token)}`;
  const socket = openWebSocket(url, server.baseUrl);
  socket.binaryType = 'arraybuffer';
  let closing = false;
  const closed = new Promise<void>((resolve) => socket.addEventListener('close', () => resolve()));
  const client: Client = {
    member,
    socket,
    closedByServer: false,
    close: () => {
      closing = true;
      socket.close();
      return closed;
    },
  };
  return new Promise((resolve, reject) => {
    let synced = false;
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`client ${member.index} not synced within ${config.connectTimeoutMs} ms`));
    }, config.connectTimeoutMs);
    socket.onopen = () => socket.send(STEP1_EMPTY);
    socket.onerror = (event) => {
      clearTimeout(timer);
      reject(
        new Error(`client ${member.index}: ${(event as Event & { message?: string }).message ?? 'error'}`),
      );
    };
    socket.onclose = () => {
      if (!closing) client.closedByServer = true;
      clearTimeout(timer);
      if (!synced) reject(new Error(`client ${member.index} closed before sync`));
    };
    socket.onmessage = (event: MessageEvent<ArrayBuffer>) => {
      const now = wallNow();
      const bytes = new Uint8Array(event.data);
      const [type, afterType] = readVarUint(bytes, 0);
      if (type !== MessageType.sync) return;
      const [sub] = readVarUint(bytes, afterType);
      if (sub === SyncMessageType.step1) {
        socket.send(STEP2_EMPTY);
        return;
      }
      if (sub === SyncMessageType.step2 && !synced) {
        synced = true;
        clearTimeout(timer);
        resolve(client);
        return;
      }
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
      // A note's key is in an update twice (the entry's key and the record's id): count it once.
      for (const marker of new Set([...text.matchAll(MARKER)].map((match) => match[0])))
        arrivals.arrived(marker, now);
    };
  });
}

async function run(config: ClusterClientsConfig): Promise<void> {
  const arrivals = new Arrivals(config.arrivalSample);
  const connectStart = performance.now();
  const sessions = await pool(config.members, 16, async (member) => {
    const server = config.servers[member.server];
    if (!server) throw new Error(`no server ${member.server}`);
    // A connection the loaded machine dropped is tried again, as a person would; an answer is not.
    for (let attempt = 1; ; attempt++) {
      try {
        const who = await join(
          server,
          config.boardId,
          config.inviteUrl,
          `Osoba ${member.index}`,
          `Miasto ${member.index % 40}`,
        );
        return { member, token: who.sessionToken };
      } catch (error) {
        if (!(error instanceof TypeError) || attempt === 3) {
          const cause =
            error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
          throw new Error(`join of person ${member.index} failed${cause}`, { cause: error });
        }
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
  });
  const clients = await pool(sessions, 50, ({ member, token }) =>
    openClient(config, member, token, arrivals),
  );
  send({ type: 'connected', connectMs: Math.round(performance.now() - connectStart) });

  await next('write');
  // How long an arrival may have waited in this process before it was timed: the harness's own
  // share of the latency, not the servers'.
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  const sent: [string, number][] = [];
  const writers = clients.filter((c) => c.member.writer);
  await Promise.all(
    writers.map(
      (client, w) =>
        new Promise<void>((resolve) => {
          const doc = new Y.Doc();
          const records = canvasRecords(doc);
          let pending: Uint8Array[] = [];
          doc.on('update', (update: Uint8Array) => pending.push(update));
          let seq = 0;
          let interval: NodeJS.Timeout | undefined;
          const tick = () => {
            if (performance.now() - wallStart >= config.durationMs) {
              clearInterval(interval);
              doc.destroy();
              resolve();
              return;
            }
            const marker = `~w${client.member.index}s${seq++}~`;
            records.set(`shape:${marker}`, noteRecord(`shape:${marker}`, { text: String(seq) }));
            const updates = pending;
            pending = [];
            const update = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
            sent.push([marker, wallNow()]);
            client.socket.send(updateFrame(update));
          };
          // Staggered across the interval: people do not type in step.
          setTimeout(
            () => {
              tick();
              interval = setInterval(tick, config.writerIntervalMs);
            },
            (w * config.writerIntervalMs) / writers.length,
          );
        }),
    ),
  );
  // The writing phase lasts as long in a process without writers: the others' notes still come.
  const untilEnd = config.durationMs - (performance.now() - wallStart);
  if (untilEnd > 0) await new Promise((resolve) => setTimeout(resolve, untilEnd));
  // Drain: until nothing arrived for a while (every update reached everyone here), or the limit.
  const writingEnded = wallNow();
  const drainEnd = performance.now() + config.drainMs;
  while (
    performance.now() < drainEnd &&
    wallNow() - Math.max(arrivals.lastArrival, writingEnded) < config.quietMs
  )
    await new Promise((resolve) => setTimeout(resolve, 100));
  const cpu = process.cpuUsage(cpuStart);
  loopDelay.disable();
  const wall = performance.now() - wallStart;
  const result: ClusterClientsResult = {
    sent,
    arrivals: [...arrivals.byMarker].map(([marker, { count, last }]) => [marker, count, last]),
    sampledArrivals: arrivals.sample,
    cpu: (cpu.user + cpu.system) / 1000 / wall,
    loopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
    connectMs: Math.round(wallStart - connectStart),
    closedDuringRun: clients.filter((c) => c.closedByServer).length,
  };
  send({ type: 'result', result });

  await next('finish');
  await Promise.race([
    Promise.all(clients.map((client) => client.close())),
    new Promise((resolve) => setTimeout(resolve, 5_000)),
  ]);
}

const waiting = new Map<ClusterParentMessage['type'], () => void>();
function next(type: ClusterParentMessage['type']): Promise<void> {
  return new Promise((resolve) => waiting.set(type, resolve));
}

process.on('message', (message: ClusterParentMessage) => {
  if (message.type === 'start') {
    // Exit once done: keep-alive HTTP sockets and the IPC channel would keep the process alive.
    run(message.config).then(
      () => process.exit(0),
      (error: unknown) => {
        send({
          type: 'error',
          message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
        process.exit(1);
      },
    );
    return;
  }
  const resolve = waiting.get(message.type);
  waiting.delete(message.type);
  resolve?.();
});
