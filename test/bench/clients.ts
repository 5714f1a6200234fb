/**
 * One client process of a benchmark's fleet (forked by fleet.ts, so the clients share neither the
 * server's event loop nor one another's). Opens the websocket URLs it is given:
 *
 * - writers are full Yjs clients (y-websocket + Y.Doc, as the browser runs them); each adds a
 *   sticky note to the canvas's records every `intervalMs` for `durationMs`. The note's id carries
 *   a marker `~w<writer>s<seq>t<µs>~`: the writer, its sequence number and the send time on the
 *   machine's monotonic clock, which every process shares — so any process can time an arrival.
 * - the others are light receivers: a raw websocket that does the sync handshake and finds the
 *   markers in the update frames' bytes without applying them to a document. That keeps the
 *   clients' CPU low, so the latency measured is the server's, not a queue in here.
 *
 * A writer counts as a recipient of every other writer's notes (its document applies them).
 */
import { MessageType, SyncMessageType } from '@empiria/shared';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { canvasRecords, noteRecord } from '../support/canvas-records';
import { openWebSocket, webSocketClass } from '../support/yjs-client';
import type { ChildMessage, ClientsConfig, ClientsReport, FleetClient, ParentMessage } from './protocol';

function send(message: ChildMessage): void {
  process.send?.(message);
}

/** The machine's monotonic clock in microseconds (CLOCK_MONOTONIC: the same in every process). */
const nowMicros = (): number => Number(process.hrtime.bigint() / 1000n);

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

/** Sync step 1 with the state vector of an empty document (no clients: one varuint 0). */
const STEP1_EMPTY = Uint8Array.of(MessageType.sync, SyncMessageType.step1, 1, 0);
/** Sync step 2 answering the server's step 1: an empty update (no structs, empty delete set). */
const STEP2_EMPTY = Uint8Array.of(MessageType.sync, SyncMessageType.step2, 2, 0, 0);
const MARKER_START = Buffer.from('~w', 'latin1');
const TILDE = 0x7e;
const T = 0x74;
const MAX_MARKER_BYTES = 64;

/**
 * The markers in an update's bytes, each once (a note's marker is in its update twice: the
 * entry's key and the record's id). Keys are plain UTF-8 in an update, so a byte search finds them.
 */
function markersIn(bytes: Buffer): Map<string, number> {
  const found = new Map<string, number>();
  let at = bytes.indexOf(MARKER_START);
  while (at >= 0) {
    const end = bytes.indexOf(TILDE, at + 2);
    if (end < 0 || end - at > MAX_MARKER_BYTES) break;
    const marker = bytes.toString('latin1', at, end + 1);
    if (!found.has(marker)) {
      const t = bytes.lastIndexOf(T, end);
      found.set(marker, Number(bytes.toString('latin1', t + 1, end)));
    }
    at = bytes.indexOf(MARKER_START, end + 1);
  }
  return found;
}

class Tracker {
  readonly seen = new Map<string, { count: number; max: number }>();
  latencies = new Float64Array(1 << 16);
  deliveries = 0;
  #expected = Infinity;
  #onDrained: (() => void) | null = null;

  arrived(marker: string, sentMicros: number, nowUs: number): void {
    const ms = (nowUs - sentMicros) / 1000;
    const entry = this.seen.get(marker);
    if (entry) {
      entry.count++;
      if (ms > entry.max) entry.max = ms;
    } else this.seen.set(marker, { count: 1, max: ms });
    if (this.deliveries === this.latencies.length) {
      const grown = new Float64Array(this.latencies.length * 2);
      grown.set(this.latencies);
      this.latencies = grown;
    }
    this.latencies[this.deliveries++] = ms;
    if (this.deliveries >= this.#expected) this.#onDrained?.();
  }

  /** Resolves once `expected` deliveries arrived here, or after `timeoutMs`. */
  drained(expected: number, timeoutMs: number): Promise<void> {
    this.#expected = expected;
    if (this.deliveries >= expected) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      this.#onDrained = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}

interface Client {
  /** Closes the socket; resolves once it is closed (or soon after, if the server is gone). */
  close(): Promise<void>;
  closedByServer: boolean;
}

function openReceiver(client: FleetClient, config: ClientsConfig, tracker: Tracker): Promise<Client> {
  const socket = openWebSocket(client.url, client.origin);
  socket.binaryType = 'arraybuffer';
  let closing = false;
  const closed = new Promise<void>((resolve) => socket.addEventListener('close', () => resolve()));
  const receiver: Client = {
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
      const now = nowMicros();
      const bytes = Buffer.from(event.data);
      // Frames start with two one-byte varuints: the message type and the sync step.
      if (bytes[0] !== MessageType.sync) return;
      if (bytes[1] === SyncMessageType.step1) {
        socket.send(STEP2_EMPTY);
        return;
      }
      if (bytes[1] === SyncMessageType.step2 && !synced) {
        synced = true;
        clearTimeout(timer);
        resolve(receiver);
      }
      for (const [marker, sentMicros] of markersIn(bytes)) tracker.arrived(marker, sentMicros, now);
    };
  });
}

interface Writer extends Client {
  doc: Y.Doc;
}

/** y-websocket's provider for a full room URL: its server part, room name and query parameters. */
function openWriter(
  client: FleetClient,
  config: ClientsConfig,
  tracker: Tracker,
  own: string,
): Promise<Writer> {
  const url = new URL(client.url);
  const slash = url.pathname.lastIndexOf('/');
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(
    `${url.protocol}//${url.host}${url.pathname.slice(0, slash)}`,
    decodeURIComponent(url.pathname.slice(slash + 1)),
    doc,
    {
      params: Object.fromEntries(url.searchParams),
      WebSocketPolyfill: webSocketClass(client.origin),
      disableBc: true,
      // A close during the run is counted in the report (closesDuringRun), reconnected or not.
      maxBackoffTime: 2_500,
    },
  );
  const writer: Writer = {
    doc,
    closedByServer: false,
    close: async () => {
      provider.disconnect();
      provider.destroy();
    },
  };
  provider.on('connection-close', (event) => {
    if (event) writer.closedByServer = true;
  });
  // Another writer's note reaches this document: a delivery (markers of our own are not).
  canvasRecords(doc).on('change', (changes: Map<string, unknown>, transaction: Y.Transaction) => {
    if (transaction.origin !== provider) return;
    const now = nowMicros();
    for (const key of changes.keys()) {
      const found = markersIn(Buffer.from(key, 'latin1'));
      for (const [marker, sentMicros] of found)
        if (!marker.startsWith(own)) tracker.arrived(marker, sentMicros, now);
    }
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void writer.close();
      reject(new Error(`writer not synced within ${config.connectTimeoutMs} ms`));
    }, config.connectTimeoutMs);
    provider.on('sync', (synced: boolean) => {
      if (!synced) return;
      clearTimeout(timer);
      resolve(writer);
    });
  });
}

async function run(config: ClientsConfig): Promise<void> {
  const tracker = new Tracker();
  const connectStart = performance.now();
  let writerNumber = config.firstWriter;
  const numbered = config.clients.map((client) => ({ client, writer: client.writer ? writerNumber++ : -1 }));
  const opened = await pool(numbered, config.connectConcurrency, ({ client, writer }) =>
    writer >= 0
      ? openWriter(client, config, tracker, `~w${writer}s`).then((w) => ({ writer, client: w }))
      : openReceiver(client, config, tracker).then((r) => ({ writer, client: r })),
  );
  const writers = opened.filter((o) => o.writer >= 0) as { writer: number; client: Writer }[];
  const connectMs = Math.round(performance.now() - connectStart);
  send({ type: 'connected' });

  await next('write');
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  const sent: string[] = [];
  await Promise.all(
    writers.map(
      ({ writer, client }) =>
        new Promise<void>((resolve) => {
          const records = canvasRecords(client.doc);
          let seq = 0;
          let interval: NodeJS.Timeout | undefined;
          const tick = () => {
            if (performance.now() - wallStart >= config.durationMs) {
              clearInterval(interval);
              resolve();
              return;
            }
            const marker = `~w${writer}s${seq++}t${nowMicros()}~`;
            sent.push(marker);
            records.set(`shape:${marker}`, noteRecord(`shape:${marker}`, { text: `Notatka ${seq}` }));
          };
          // Stagger the fleet's writers across the interval, as people do not type in step.
          setTimeout(
            () => {
              tick();
              interval = setInterval(tick, config.intervalMs);
            },
            (writer * config.intervalMs) / config.fleetWriters,
          );
        }),
    ),
  );
  send({ type: 'written', sent: sent.length });
  const drain = (await next('drain')) as Extract<ParentMessage, { type: 'drain' }>;
  // Every client here gets every note but its own writer's.
  await tracker.drained(drain.fleetSent * config.clients.length - sent.length, config.drainMs);
  const cpu = process.cpuUsage(cpuStart);
  const wallSeconds = (performance.now() - wallStart) / 1000;

  const seenMarkers = [...tracker.seen.keys()];
  const report: ClientsReport = {
    connectMs,
    sent,
    seenMarkers,
    seenCounts: Uint32Array.from(seenMarkers, (m) => tracker.seen.get(m)?.count ?? 0),
    seenMax: Float64Array.from(seenMarkers, (m) => tracker.seen.get(m)?.max ?? NaN),
    latencies: tracker.latencies.slice(0, tracker.deliveries),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    wallSeconds,
    closesDuringRun: opened.filter((o) => o.client.closedByServer).length,
  };
  send({ type: 'report', report });

  await next('finish');
  await Promise.race([
    Promise.all(opened.map((o) => o.client.close())),
    new Promise((resolve) => setTimeout(resolve, 5_000)),
  ]);
}

const waiting = new Map<ParentMessage['type'], (message: ParentMessage) => void>();
const early = new Map<ParentMessage['type'], ParentMessage>();
function next(type: ParentMessage['type']): Promise<ParentMessage> {
  const arrived = early.get(type);
  if (arrived) {
    early.delete(type);
    return Promise.resolve(arrived);
  }
  return new Promise((resolve) => waiting.set(type, resolve));
}

process.on('message', (message: ParentMessage) => {
  if (message.type === 'start') {
    // Exit once done: keep-alive sockets and the IPC channel would keep the process alive.
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
  if (resolve) resolve(message);
  else early.set(message.type, message);
});
