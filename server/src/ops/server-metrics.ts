import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RelayPath, SyncObserver, UpdateRefusalClass } from '../sync/sync-observer';
import type { RouteClass } from './route-class';

/** What the gauges read when scraped: the process's own counts, asked only then. */
export interface LiveCounts {
  rooms(): number;
  connections(): number;
}

/** From 0.1 ms (SQLite's append is ~0.15 ms) to 2.5 s (a PostgreSQL under trouble). */
const APPEND_BUCKETS = [
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
];
/** The person waiting sees these: from a millisecond to seconds. */
const RELAY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The process's Prometheus metrics (`GET /metrics`, docs/operations.md). Labels come from small
 * fixed sets (a refusal class, a route class, a status code, a direction), never a board or a
 * person, so the series count does not grow with use. The sync core reports through the
 * SyncObserver it implements; the store is timed by `timedDocumentStore`; HTTP and websocket
 * frames by the HTTP server.
 */
export class ServerMetrics implements SyncObserver {
  readonly registry = new Registry();
  readonly #accepted: Counter;
  readonly #refused: Counter<'reason'>;
  readonly #append: Histogram;
  readonly #relay: Histogram<'path'>;
  /**
   * Frames counted as plain numbers and handed to their counter when scraped: a room's send counts
   * one frame per member, where prom-client's `inc` would cost more than the frame's own framing.
   */
  #framesIn = 0;
  #framesOut = 0;
  readonly #http: Counter<'route' | 'status'>;

  constructor(counts: LiveCounts, version: string) {
    const registers = [this.registry];
    // prom-client samples the event loop's delay with a timer, every 10 ms by default: a hundred
    // wakeups a second of a server with nothing to do, each of which costs 50–200 µs of CPU on a
    // virtual machine (issue #16). Once a second still gives the delay's percentiles over minutes;
    // `nodejs_eventloop_lag_seconds` itself is measured at each scrape.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 1000 });
    new Gauge({
      name: 'empiria_build_info',
      help: 'The running version (always 1).',
      labelNames: ['version'],
      registers,
    }).set({ version }, 1);
    new Gauge({
      name: 'empiria_rooms_open',
      help: 'Rooms (one Yjs document each) in memory in this process.',
      registers,
      collect() {
        this.set(counts.rooms());
      },
    });
    new Gauge({
      name: 'empiria_connections',
      help: 'Websocket connections open in this process.',
      registers,
      collect() {
        this.set(counts.connections());
      },
    });
    this.#accepted = new Counter({
      name: 'empiria_updates_accepted_total',
      help: "Clients' document updates applied, stored and relayed; rate() gives updates per second.",
      registers,
    });
    this.#refused = new Counter({
      name: 'empiria_updates_refused_total',
      help: 'Frames refused, by class: rules (refused whole), read_only, malformed, storage.',
      labelNames: ['reason'],
      registers,
    });
    // Present from the start, so a rate over a class that never happened is 0 rather than absent.
    for (const reason of ['rules', 'read_only', 'malformed', 'storage'] satisfies UpdateRefusalClass[])
      this.#refused.inc({ reason }, 0);
    this.#append = new Histogram({
      name: 'empiria_append_duration_seconds',
      help: 'DocumentStore.append: until an update is durable (it is relayed only after).',
      buckets: APPEND_BUCKETS,
      registers,
    });
    this.#relay = new Histogram({
      name: 'empiria_relay_duration_seconds',
      help: "From an update's arrival to its last send to the room's members, by path (local: a socket of this process).",
      labelNames: ['path'],
      buckets: RELAY_BUCKETS,
      registers,
    });
    const countedFrames = () => {
      const counted = { in: this.#framesIn, out: this.#framesOut };
      this.#framesIn = this.#framesOut = 0;
      return counted;
    };
    new Counter({
      name: 'empiria_websocket_frames_total',
      help: 'Websocket frames received (in) and sent (out).',
      labelNames: ['direction'],
      registers,
      collect() {
        const counted = countedFrames();
        this.inc({ direction: 'in' }, counted.in);
        this.inc({ direction: 'out' }, counted.out);
      },
    });
    this.#http = new Counter({
      name: 'empiria_http_requests_total',
      help: 'HTTP requests answered, by route class and status code.',
      labelNames: ['route', 'status'],
      registers,
    });
  }

  updateAccepted(): void {
    this.#accepted.inc();
  }

  updateRefused(reason: UpdateRefusalClass): void {
    this.#refused.inc({ reason });
  }

  relayed(seconds: number, path: RelayPath): void {
    this.#relay.observe({ path }, seconds);
  }

  appended(seconds: number): void {
    this.#append.observe(seconds);
  }

  frameIn(): void {
    this.#framesIn++;
  }

  framesOut(count: number): void {
    this.#framesOut += count;
  }

  httpAnswered(route: RouteClass, status: number): void {
    this.#http.inc({ route, status: String(status) });
  }

  /** The text exposition, and the content type to send it with. */
  async exposition(): Promise<{ body: string; contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}
