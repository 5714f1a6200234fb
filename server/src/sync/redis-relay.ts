import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../log';
import {
  decodeRelayMessage,
  encodeRelayMessage,
  RelayMessageError,
  type ConnectionClosure,
  type RoomPeople,
  type RelayMessage,
} from './relay-messages';
import type { RelayChannel, RelayListener, RoomLocks, RoomRelay } from './room-relay';
import { NO_SYNC_OBSERVER, type SyncObserver } from './sync-observer';

export interface RedisRelayOptions {
  url: string;
  /** Prefix of every channel and key, so installations can share one Redis. */
  prefix: string;
  /**
   * Who the installation is (a hash of its token secret): messages of another installation that
   * uses the same prefix by mistake are ignored.
   */
  installation: string;
  /** How often this process says it is alive; one silent for three beats is gone. */
  heartbeatMs?: number;
  /** A lock expires this long after its holder stopped extending it (its process died). */
  lockTtlMs?: number;
  /** Redis commands that take longer fail (a room must not wait forever on a dead Redis). */
  commandTimeoutMs?: number;
  /**
   * Told how long each update took from its publication by another process until this one had
   * applied it and sent it to its members (the `cross_process` relay latency in /metrics).
   */
  observer?: Pick<SyncObserver, 'relayed'>;
  /**
   * The locks rooms share (compaction, a first load). By default Redis keys with an expiry; with
   * the documents on PostgreSQL, its advisory locks (postgres-room-locks.ts).
   */
  locks?: RoomLocks;
}

/** How long a change of who is where waits for the next, so a class joining at once is one message. */
const PEOPLE_DELAY_MS = 250;
const RELEASE_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/**
 * A room's channel. A room being closed (compacting) and its next copy can overlap in one
 * process, so a channel has a set of listeners; Redis is subscribed while the set is not empty.
 */
interface ChannelEntry {
  listeners: Set<RelayListener>;
  subscribed: Promise<unknown>;
  /** The last message number seen from each other process on this channel. */
  lastN: Map<string, number>;
}

/**
 * Shares the rooms of this process with the installation's other processes through Redis pub/sub
 * (the way Hocuspocus' Redis extension does): one channel per room, one connection subscribed to
 * all of them and one for publishing and locks. Pub/sub delivers at most once, so a receiver that
 * sees a gap in a sender's numbering, or reconnects, catches the room up from the store, where
 * every relayed update already is.
 */
export class RedisRelay implements RoomRelay {
  readonly process = randomUUID();
  readonly #log: Logger;
  readonly #options: Required<Omit<RedisRelayOptions, 'locks'>>;
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #rooms = new Map<string, ChannelEntry>();
  /** When each other process was last heard from (heartbeats and room messages alike). */
  readonly #lastSeen = new Map<string, number>();
  readonly #closureListeners = new Set<(closure: ConnectionClosure) => void>();
  readonly #peopleListeners = new Set<(process: string, rooms: RoomPeople[]) => void>();
  #peopleSource: (() => RoomPeople[]) | null = null;
  #peopleTimer: NodeJS.Timeout | null = null;
  readonly #heartbeat: NodeJS.Timeout;
  /** Numbers this process's messages on the installation's channel. */
  #processesN = 0;
  #wasReady = false;
  #closed = false;
  #foreignWarned = false;
  readonly locks: RoomLocks;

  constructor(options: RedisRelayOptions, log: Logger) {
    const { locks, ...rest } = options;
    this.#options = {
      heartbeatMs: 5_000,
      lockTtlMs: 30_000,
      commandTimeoutMs: 5_000,
      observer: NO_SYNC_OBSERVER,
      ...rest,
    };
    this.#log = log.child({ relay: this.process.slice(0, 8) });
    const common = { lazyConnect: false, maxRetriesPerRequest: 3 } as const;
    this.#publisher = new Redis(this.#options.url, {
      ...common,
      commandTimeout: this.#options.commandTimeoutMs,
      connectionName: `empiria-pub-${this.process.slice(0, 8)}`,
    });
    this.#subscriber = new Redis(this.#options.url, {
      ...common,
      connectionName: `empiria-sub-${this.process.slice(0, 8)}`,
    });
    for (const [name, client] of [
      ['publisher', this.#publisher],
      ['subscriber', this.#subscriber],
    ] as const) {
      // Once per outage, not at every retry.
      let reported = false;
      client.on('error', (err: Error) => {
        if (reported) return;
        reported = true;
        this.#log.warn('redis connection error; retrying', { client: name, err });
      });
      client.on('ready', () => {
        if (reported) this.#log.info('redis connection back', { client: name });
        reported = false;
      });
    }
    this.#subscriber.on('ready', () => {
      // A reconnect: ioredis subscribes again, but whatever was published meanwhile is lost.
      if (this.#wasReady) {
        this.#log.warn('reconnected to redis; catching every open room up from the store');
        for (const room of this.#rooms.values()) for (const listener of room.listeners) listener.missed();
      }
      this.#wasReady = true;
    });
    this.#subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.#receive(channel.toString(), message),
    );
    this.locks = locks ?? new RedisLocks(this.#publisher, this.#options, this.#log);
    this.#heartbeat = setInterval(() => this.#beat(), this.#options.heartbeatMs);
    this.#heartbeat.unref();
  }

  /** Resolves once both connections are up; the server listens only then. */
  async ready(timeoutMs = 10_000): Promise<void> {
    const deadline = AbortSignal.timeout(timeoutMs);
    await Promise.all(
      [this.#publisher, this.#subscriber].map(
        (client) =>
          new Promise<void>((resolve, reject) => {
            if (client.status === 'ready') return resolve();
            const onReady = () => {
              deadline.removeEventListener('abort', onAbort);
              resolve();
            };
            const onAbort = () => {
              client.off('ready', onReady);
              reject(
                new Error(`redis at ${redactedUrl(this.#options.url)} did not answer within ${timeoutMs} ms`),
              );
            };
            client.once('ready', onReady);
            deadline.addEventListener('abort', onAbort, { once: true });
          }),
      ),
    );
    await this.ping();
    // Once connected (ioredis subscribes it again after every reconnect from then on).
    await this.#subscriber.subscribe(this.#processesChannel);
  }

  /**
   * A PING through the connection that publishes and locks (for /healthz): it rejects when Redis
   * does not answer, within the relay's command timeout, rather than queueing behind a reconnect.
   */
  async ping(): Promise<void> {
    if (this.#publisher.status !== 'ready') throw new Error(`redis connection is ${this.#publisher.status}`);
    const answer = await this.#publisher.ping();
    if (answer !== 'PONG') throw new Error(`redis answered ${answer} to PING`);
  }

  get #processesChannel(): string {
    return `${this.#options.prefix}:processes`;
  }

  #roomChannel(key: string): string {
    return `${this.#options.prefix}:room:${key}`;
  }

  async join(key: string, listener: RelayListener): Promise<RelayChannel> {
    if (this.#closed) throw new Error('the relay is closed');
    const channel = this.#roomChannel(key);
    let entry = this.#rooms.get(channel);
    if (!entry) {
      entry = { listeners: new Set(), subscribed: this.#subscriber.subscribe(channel), lastN: new Map() };
      this.#rooms.set(channel, entry);
    }
    const joined = entry;
    joined.listeners.add(listener);
    const leave = async () => {
      joined.listeners.delete(listener);
      if (joined.listeners.size > 0 || this.#rooms.get(channel) !== joined) return;
      this.#rooms.delete(channel);
      if (this.#closed) return;
      // Sent on the one subscriber connection, so it reaches Redis before a later subscribe.
      await this.#subscriber.unsubscribe(channel).catch((err: unknown) => {
        this.#log.warn('could not unsubscribe from a room channel', { room: key, err });
      });
    };
    try {
      await withTimeout(joined.subscribed, this.#options.commandTimeoutMs, 'subscribe');
    } catch (err) {
      await leave();
      throw err;
    }
    let n = 0;
    const publish = (message: RelayMessage) => {
      if (this.#closed) return;
      this.#publisher.publish(channel, Buffer.from(encodeRelayMessage(message))).catch((err: unknown) => {
        // The others miss it until they catch up from the store (on reconnect, or at the next gap).
        this.#log.error('could not publish to a room channel', { room: key, err });
      });
    };
    const header = () => ({ installation: this.#options.installation, process: this.process, n: ++n });
    let left = false;
    return {
      publishUpdate: (update, claims) =>
        publish({ ...header(), kind: 'update', update, claims, sentAt: Date.now() }),
      publishAwareness: (update, owners) => publish({ ...header(), kind: 'awareness', update, owners }),
      publishCompacted: () => publish({ ...header(), kind: 'compacted' }),
      publishHello: () => publish({ ...header(), kind: 'hello' }),
      leave: async () => {
        if (left) return;
        left = true;
        await leave();
      },
    };
  }

  #receive(channel: string, data: Buffer): void {
    let message: RelayMessage;
    try {
      message = decodeRelayMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch (err) {
      if (!(err instanceof RelayMessageError)) throw err;
      this.#log.warn('dropped a malformed relay message', { channel, reason: err.message });
      return;
    }
    if (message.installation !== this.#options.installation) {
      if (!this.#foreignWarned) {
        this.#foreignWarned = true;
        this.#log.warn('ignoring messages of another installation on this redis prefix', { channel });
      }
      return;
    }
    if (message.process === this.process) return;
    this.#lastSeen.set(message.process, Date.now());
    if (channel === this.#processesChannel) {
      if (message.kind === 'people') this.#tellPeople(message.process, message.rooms);
      if (message.kind === 'closure') {
        for (const listener of this.#closureListeners) {
          try {
            listener(message.closure);
          } catch (err) {
            this.#log.error('a closure listener failed', { err });
          }
        }
      }
      return;
    }
    const room = this.#rooms.get(channel);
    if (!room) return;
    const last = room.lastN.get(message.process);
    room.lastN.set(message.process, message.n);
    // A sender's copy of the room that opened again counts from 1: not a gap.
    const gap = last !== undefined && message.n !== last + 1 && message.n !== 1;
    const applied: Promise<void>[] = [];
    for (const listener of room.listeners) {
      try {
        if (gap) listener.missed();
        switch (message.kind) {
          case 'update':
            applied.push(listener.update(message.update, message.claims));
            break;
          case 'awareness':
            listener.awareness(message.update, message.owners, message.process);
            break;
          case 'compacted':
            listener.compacted();
            break;
          case 'hello':
            listener.hello();
            break;
          case 'alive':
          case 'closure':
          case 'people':
            break;
        }
      } catch (err) {
        this.#log.error('a room failed on a relayed message', { channel, err });
      }
    }
    if (message.kind === 'update' && applied.length > 0) {
      const { sentAt } = message;
      // Wall clocks of two processes: exact on one machine, as good as NTP across machines (a
      // clock behind the sender's would give a negative time, counted as none).
      void Promise.all(applied).then(
        () => this.#options.observer.relayed(Math.max(0, Date.now() - sentAt) / 1000, 'cross_process'),
        () => undefined, // not applied: nothing was relayed, and the room logged why
      );
    }
  }

  publishClosure(closure: ConnectionClosure): void {
    this.#publishToProcesses({ ...this.#processesHeader(), kind: 'closure', closure });
  }

  onClosure(listener: (closure: ConnectionClosure) => void): () => void {
    this.#closureListeners.add(listener);
    return () => this.#closureListeners.delete(listener);
  }

  sharePeople(source: () => RoomPeople[]): void {
    this.#peopleSource = source;
  }

  peopleChanged(): void {
    if (this.#peopleTimer || this.#closed) return;
    this.#peopleTimer = setTimeout(() => {
      this.#peopleTimer = null;
      this.#publishPeople();
    }, PEOPLE_DELAY_MS);
    this.#peopleTimer.unref();
  }

  onPeople(listener: (process: string, rooms: RoomPeople[]) => void): () => void {
    this.#peopleListeners.add(listener);
    return () => this.#peopleListeners.delete(listener);
  }

  #publishPeople(): void {
    if (!this.#peopleSource) return;
    this.#publishToProcesses({ ...this.#processesHeader(), kind: 'people', rooms: this.#peopleSource() });
  }

  #tellPeople(process: string, rooms: RoomPeople[]): void {
    for (const listener of this.#peopleListeners) {
      try {
        listener(process, rooms);
      } catch (err) {
        this.#log.error('a people listener failed', { err });
      }
    }
  }

  #processesHeader() {
    return { installation: this.#options.installation, process: this.process, n: ++this.#processesN };
  }

  #publishToProcesses(message: RelayMessage): void {
    if (this.#closed) return;
    this.#publisher
      .publish(this.#processesChannel, Buffer.from(encodeRelayMessage(message)))
      .catch((err: unknown) =>
        this.#log.warn('could not publish to the processes channel', { kind: message.kind, err }),
      );
  }

  #beat(): void {
    this.#publishToProcesses({ ...this.#processesHeader(), kind: 'alive' });
    this.#publishPeople();
    const silentSince = Date.now() - 3 * this.#options.heartbeatMs;
    for (const [process, seen] of this.#lastSeen) {
      if (seen >= silentSince) continue;
      this.#lastSeen.delete(process);
      this.#log.info('a server process stopped answering; its presence goes', { process });
      this.#tellPeople(process, []);
      for (const room of this.#rooms.values()) {
        room.lastN.delete(process);
        for (const listener of room.listeners) listener.processGone(process);
      }
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#heartbeat);
    if (this.#peopleTimer) clearTimeout(this.#peopleTimer);
    this.#rooms.clear();
    await Promise.allSettled([this.#subscriber.quit(), this.#publisher.quit()]);
  }
}

interface HeldLock {
  release(): Promise<void>;
}

/**
 * Locks as Redis keys set with NX and an expiry, extended while the task runs and released only
 * by their holder (a token compared in a script).
 */
class RedisLocks implements RoomLocks {
  readonly #redis: Redis;
  readonly #options: { prefix: string; lockTtlMs: number };
  readonly #log: Logger;

  constructor(redis: Redis, options: { prefix: string; lockTtlMs: number }, log: Logger) {
    this.#redis = redis;
    this.#options = options;
    this.#log = log;
  }

  async tryWith<T>(name: string, task: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    const held = await this.#acquire(name);
    if (!held) return { ran: false };
    try {
      return { ran: true, value: await task() };
    } finally {
      await held.release();
    }
  }

  async withWaiting<T>(name: string, waitMs: number, task: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + waitMs;
    let held: HeldLock | null = null;
    for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
      try {
        held = await this.#acquire(name);
      } catch (err) {
        this.#log.warn('the lock service failed; going on without the lock', { lock: name, err });
        break;
      }
      if (held || Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
    if (!held) this.#log.warn('went on without a lock another process holds', { lock: name, waitMs });
    try {
      return await task();
    } finally {
      await held?.release();
    }
  }

  async #acquire(name: string): Promise<HeldLock | null> {
    const key = `${this.#options.prefix}:lock:${name}`;
    const token = randomBytes(16).toString('hex');
    const ttl = this.#options.lockTtlMs;
    const set = await this.#redis.set(key, token, 'PX', ttl, 'NX');
    if (set !== 'OK') return null;
    const extend = setInterval(() => {
      this.#redis.eval(EXTEND_SCRIPT, 1, key, token, String(ttl)).catch((err: unknown) => {
        this.#log.warn('could not extend a lock', { lock: name, err });
      });
    }, ttl / 3);
    extend.unref();
    return {
      release: async () => {
        clearInterval(extend);
        await this.#redis.eval(RELEASE_SCRIPT, 1, key, token).catch((err: unknown) => {
          // It expires on its own.
          this.#log.warn('could not release a lock', { lock: name, err });
        });
      },
    };
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`redis ${what} took longer than ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The URL without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured REDIS_URL';
  }
}
