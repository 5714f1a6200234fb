import pg from 'pg';
import type { Logger } from '../log';
import type { RoomLocks } from './room-relay';

/**
 * The installation's room locks (a room's first load, its compaction) as PostgreSQL advisory
 * locks, when the documents are on PostgreSQL (decisions.md, "compaction lock on PostgreSQL").
 * The lock then lives beside what it protects: a process that dies, or loses its connection,
 * frees its locks the moment PostgreSQL notices the session is gone — no expiry to wait out, no
 * holder that lost Redis while the database still takes its writes.
 *
 * Session-level locks (`pg_try_advisory_lock`), held on one connection of their own for as long
 * as the task runs: a transaction-level lock would have to keep a transaction open across the
 * room's reads and its compaction, which use the pool's other connections. They live in their
 * own key space — the two-integer form, `(ROOM_LOCKS, hashtext(name))` — so they never meet the
 * one-bigint locks the document store takes per append or the migrations' lock.
 *
 * A session holds its advisory locks reentrantly, and every room of this process shares the one
 * session; so a name held here is refused here too (`#held`), as another process's would be.
 */
const ROOM_LOCKS = 0x726f6f6d; // 'room'

/** Opens a connection for the locks (a new one after the previous broke). */
export type LockConnectionFactory = () => pg.Client;

export function postgresLockConnection(url: string): LockConnectionFactory {
  return () =>
    new pg.Client({
      connectionString: url,
      application_name: 'empiria-locks',
      connectionTimeoutMillis: 5_000,
      // A lock statement that does not answer fails rather than holding every room's lock up.
      query_timeout: 5_000,
    });
}

export class PostgresRoomLocks implements RoomLocks {
  readonly #connect: LockConnectionFactory;
  readonly #log: Logger;
  /** The session holding this process's locks, once asked for; null after it broke. */
  #session: { client: pg.Client; ready: Promise<pg.Client> } | null = null;
  readonly #held = new Set<string>();
  #closed = false;

  constructor(connect: LockConnectionFactory, log: Logger) {
    this.#connect = connect;
    this.#log = log;
  }

  async tryWith<T>(name: string, task: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    const session = await this.#acquire(name);
    if (!session) return { ran: false };
    try {
      return { ran: true, value: await task() };
    } finally {
      await this.#release(name, session);
    }
  }

  async withWaiting<T>(name: string, waitMs: number, task: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + waitMs;
    let session: pg.Client | null = null;
    for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
      try {
        session = await this.#acquire(name);
      } catch (err) {
        this.#log.warn('the lock service failed; going on without the lock', { lock: name, err });
        break;
      }
      if (session || Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
    if (!session) this.#log.warn('went on without a lock another process holds', { lock: name, waitMs });
    try {
      return await task();
    } finally {
      if (session) await this.#release(name, session);
    }
  }

  /** The session if it took the lock; null when the lock is held (here or by another process). */
  async #acquire(name: string): Promise<pg.Client | null> {
    if (this.#closed) throw new Error('the room locks are closed');
    if (this.#held.has(name)) return null;
    // Reserved before the round trip, so two rooms of this process cannot both ask and both win.
    this.#held.add(name);
    try {
      const session = await this.#open();
      const { rows } = await session.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
        [ROOM_LOCKS, name],
      );
      if (rows[0]?.locked === true) return session;
      this.#held.delete(name);
      return null;
    } catch (err) {
      this.#held.delete(name);
      throw err;
    }
  }

  async #release(name: string, session: pg.Client): Promise<void> {
    this.#held.delete(name);
    // A session that broke meanwhile took the lock with it; nothing to release then.
    if (this.#session?.client !== session) return;
    try {
      await session.query('SELECT pg_advisory_unlock($1, hashtext($2))', [ROOM_LOCKS, name]);
    } catch (err) {
      // The session is unusable: dropping it frees whatever it still held.
      this.#log.warn('could not release a lock; reopening the lock connection', { lock: name, err });
      this.#drop(session);
    }
  }

  #open(): Promise<pg.Client> {
    if (this.#session) return this.#session.ready;
    const client = this.#connect();
    // Without a listener a broken idle connection would end the process.
    client.on('error', (err) => {
      if (this.#closed) return;
      // Its locks went with it; a task still running under one finds out at its release. Two
      // compactions at once stay safe (each reads the store first, and a snapshot never replaces
      // a newer one); the lock saves work and keeps repairs on load to one process.
      this.#log.warn('lost the postgres connection holding room locks; they are free now', {
        err,
        held: this.#held.size,
      });
      this.#drop(client);
    });
    const entry = {
      client,
      ready: client.connect().then(
        () => client,
        (err: unknown) => {
          this.#drop(client);
          throw err;
        },
      ),
    };
    this.#session = entry;
    return entry.ready;
  }

  #drop(client: pg.Client): void {
    if (this.#session?.client === client) this.#session = null;
    void client.end().catch(() => undefined);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const session = this.#session;
    this.#session = null;
    if (session) await session.client.end().catch(() => undefined);
  }
}
