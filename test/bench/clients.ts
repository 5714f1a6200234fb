/**
 * The benchmark's client process (forked by run.ts, so the clients do not share the server's
 * event loop). Opens `clients` connections to one board's canvas room:
 *
 * - `writers` of them are full Yjs clients (y-websocket + Y.Doc, as the browser runs them); each
 *   sets a new key in a Y.Map every `intervalMs` for `durationMs`. The key names the writer and
 *   the sequence number (`~w3s17~`); the send time stays in this process, whose clock every
 *   client shares.
 * - the others are light receivers: a raw websocket that does the sync handshake and finds the
 *   keys in the update frames' bytes without applying them to a document. That keeps this
 *   process's CPU low, so the latency measured is the server's, not a queue in here.
 *
 * Every client that is not the writer counts as a recipient; latency is send → arrival at the
 * last recipient of each update.
 */
import { performance } from 'node:perf_hooks';
import { MessageType, SyncMessageType } from '@empiria/shared';
import type * as Y from 'yjs';
import { join } from '../support/api';
import { canvasRecords, noteRecord } from '../support/canvas-records';
import { connectDoc, openWebSocket, type DocConnection } from '../support/yjs-client';
import type { ChildMessage, ClientsConfig, ClientsResult, LatencyStats, ParentMessage } from './protocol';

function send(message: ChildMessage): void {
  process.send?.(message);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

function stats(values: number[]): LatencyStats {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
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

/** Sync step 1 with the state vector of an empty document (no clients: one varuint 0). */
const STEP1_EMPTY = Uint8Array.of(MessageType.sync, SyncMessageType.step1, 1, 0);
/** Sync step 2 answering the server's step 1: an empty update (no structs, empty delete set). */
const STEP2_EMPTY = Uint8Array.of(MessageType.sync, SyncMessageType.step2, 2, 0, 0);
const MARKER = /~w(\d+)s(\d+)~/g;
const MARKER_OF = (key: string): string | null => /~w\d+s\d+~/.exec(key)?.[0] ?? null;

interface Pending {
  sentAt: number;
  writer: number;
  count: number;
}

class Tracker {
  readonly pending = new Map<string, Pending>();
  readonly lastRecipient: number[] = [];
  readonly anyRecipient: number[] = [];
  sent = 0;
  complete = 0;
  deliveries = 0;
  #onComplete: (() => void) | null = null;

  constructor(readonly recipientsPerUpdate: number) {}

  sending(key: string, writer: number): void {
    this.sent++;
    this.pending.set(key, { sentAt: performance.now(), writer, count: 0 });
  }

  arrived(key: string, now: number): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    entry.count++;
    this.deliveries++;
    this.anyRecipient.push(now - entry.sentAt);
    if (entry.count === this.recipientsPerUpdate) {
      this.complete++;
      this.lastRecipient.push(now - entry.sentAt);
      this.pending.delete(key);
      if (this.complete === this.sent) this.#onComplete?.();
    }
  }

  /** Resolves when every update sent so far reached every recipient, or after `timeoutMs`. */
  drained(timeoutMs: number): Promise<void> {
    if (this.complete === this.sent) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      this.#onComplete = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}

interface Receiver {
  /** Closes the socket; resolves once the close handshake is over. */
  close(): Promise<void>;
  closedByServer: boolean;
}

function openReceiver(config: ClientsConfig, token: string, tracker: Tracker): Promise<Receiver> {
  const url = `${config.wsBase}/${config.boardId}/canvas?token=${encodeURIComponent(token)}`;
  const socket = openWebSocket(url, config.baseUrl);
  socket.binaryType = 'arraybuffer';
  let closing = false;
  const closed = new Promise<void>((resolve) => socket.addEventListener('close', () => resolve()));
  const receiver: Receiver = {
    close: () => {
      closing = true;
      socket.close();
      return closed;
    },
    closedByServer: false,
  };
  return new Promise((resolve, reject) => {
    let synced = false;
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`receiver not synced within ${config.connectTimeoutMs} ms`));
    }, config.connectTimeoutMs);
    socket.onopen = () => socket.send(STEP1_EMPTY);
    socket.onerror = (event) => {
      clearTimeout(timer);
      reject(new Error(`receiver: ${(event as Event & { message?: string }).message ?? 'connection error'}`));
    };
    socket.onclose = () => {
      if (!closing) receiver.closedByServer = true;
      clearTimeout(timer);
      if (!synced) reject(new Error('receiver closed before sync'));
    };
    socket.onmessage = (event: MessageEvent<ArrayBuffer>) => {
      const now = performance.now();
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
        resolve(receiver);
      }
      // Keys are plain UTF-8 in an update (a map entry's key); scanning is enough to find ours.
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
      // A note's key is in an update twice (the entry's key and the record's id): count it once.
      for (const marker of new Set([...text.matchAll(MARKER)].map((match) => match[0])))
        tracker.arrived(marker, now);
    };
  });
}

async function run(config: ClientsConfig): Promise<void> {
  const tracker = new Tracker(config.clients - 1);
  const connectStart = performance.now();

  const people = Array.from({ length: config.clients }, (_, i) => i);
  const sessions = await pool(people, 16, (i) =>
    join(config, config.boardId, config.inviteUrl, `Bench ${i}`, `Miasto ${i % 40}`),
  );

  const writers: DocConnection[] = await pool(sessions.slice(0, config.writers), 16, async (session, w) => {
    const connection = await connectDoc(config, config.boardId, 'canvas', session.sessionToken, {
      timeoutMs: config.connectTimeoutMs,
    });
    // Writers write what a browser writes: sticky notes in the canvas's records (the server
    // refuses anything else), keyed `shape:~w<writer>s<seq>~` so receivers can spot them.
    canvasRecords(connection.doc).on(
      'change',
      (changes: Map<string, unknown>, transaction: Y.Transaction) => {
        if (transaction.origin !== connection.provider) return;
        const now = performance.now();
        for (const key of changes.keys()) {
          const marker = MARKER_OF(key);
          if (marker && !marker.startsWith(`~w${w}s`)) tracker.arrived(marker, now);
        }
      },
    );
    return connection;
  });
  const receivers = await pool(sessions.slice(config.writers), 50, (session) =>
    openReceiver(config, session.sessionToken, tracker),
  );
  send({ type: 'connected', connectMs: Math.round(performance.now() - connectStart) });

  await next('write');
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  await Promise.all(
    writers.map(
      (writer, w) =>
        new Promise<void>((resolve) => {
          const records = canvasRecords(writer.doc);
          let seq = 0;
          const tick = () => {
            if (performance.now() - wallStart >= config.durationMs) {
              clearInterval(interval);
              resolve();
              return;
            }
            const key = `~w${w}s${seq++}~`;
            tracker.sending(key, w);
            records.set(`shape:${key}`, noteRecord(`shape:${key}`, { text: String(Date.now()) }));
          };
          let interval: NodeJS.Timeout | undefined;
          // Stagger the writers across the interval, as people do not type in step.
          setTimeout(
            () => {
              tick();
              interval = setInterval(tick, config.intervalMs);
            },
            (w * config.intervalMs) / config.writers,
          );
        }),
    ),
  );
  await tracker.drained(config.drainMs);
  const cpu = process.cpuUsage(cpuStart);
  const wall = performance.now() - wallStart;

  const result: ClientsResult = {
    clients: config.clients,
    writers: config.writers,
    connectMs: Math.round(wallStart - connectStart),
    sent: tracker.sent,
    complete: tracker.complete,
    expectedDeliveries: tracker.sent * (config.clients - 1),
    deliveries: tracker.deliveries,
    lastRecipient: stats(tracker.lastRecipient),
    anyRecipient: stats(tracker.anyRecipient),
    clientCpu: (cpu.user + cpu.system) / 1000 / wall,
    closesDuringRun:
      receivers.filter((r) => r.closedByServer).length + writers.filter((w) => w.closes.length > 0).length,
  };
  send({ type: 'result', result });

  await next('finish');
  for (const writer of writers) writer.destroy();
  await Promise.race([
    Promise.all(receivers.map((receiver) => receiver.close())),
    new Promise((resolve) => setTimeout(resolve, 5_000)),
  ]);
}

const waiting = new Map<ParentMessage['type'], (message: ParentMessage) => void>();
function next(type: ParentMessage['type']): Promise<ParentMessage> {
  return new Promise((resolve) => waiting.set(type, resolve));
}

process.on('message', (message: ParentMessage) => {
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
  resolve?.(message);
});
