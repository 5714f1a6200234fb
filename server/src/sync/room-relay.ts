import type { AwarenessOwner, ClientClaim, ConnectionClosure, RoomPeople } from './relay-messages';

/**
 * What a room needs to share itself with the other server processes of the installation
 * (docs/operations.md). One process runs without any (`REDIS_URL` unset); several share every
 * open room through a `RoomRelay` (redis-relay.ts). The room keeps the order that makes it safe:
 * subscribe, then load; append, then publish.
 */
export interface RoomRelay {
  /**
   * Subscribes to the room's channel and resolves once subscribed, so that every message
   * published afterwards reaches `listener`; what was published before is in the store already.
   */
  join(key: string, listener: RelayListener): Promise<RelayChannel>;
  /** Locks shared by the processes (compaction, a room's first load). */
  readonly locks: RoomLocks;
  /** Asks every other process to end these connections too. */
  publishClosure(closure: ConnectionClosure): void;
  /** What the other processes ask this one to end; returns the unsubscribe. */
  onClosure(listener: (closure: ConnectionClosure) => void): () => void;
  /**
   * Where this process's people are: `source` is asked at every heartbeat, and soon after
   * `peopleChanged` (several changes close together make one message).
   */
  sharePeople(source: () => RoomPeople[]): void;
  peopleChanged(): void;
  /**
   * Where the other processes' people are: `listener` gets a process's whole list each time, and
   * an empty one when the process stops answering. Returns the unsubscribe.
   */
  onPeople(listener: (process: string, rooms: RoomPeople[]) => void): () => void;
  close(): Promise<void>;
}

/** Called by the relay with what other processes sent; the room queues each behind its own work. */
export interface RelayListener {
  /**
   * An update another process appended to the store already: apply and send, never append.
   * Resolves once it was applied and sent to this process's members (the relay times that), and
   * rejects when it could not be (the room has logged why).
   */
  update(update: Uint8Array, claims: ClientClaim[]): Promise<void>;
  /** Presence of another process's connections. */
  awareness(update: Uint8Array, owners: AwarenessOwner[], process: string): void;
  /** Another process has just opened the room: send it our connections' presence. */
  hello(): void;
  /** Another process compacted the room's log. */
  compacted(): void;
  /** Messages may have been lost (a gap in a sender's numbering, a reconnect): catch up from the store. */
  missed(): void;
  /** A process stopped sending heartbeats: its connections' presence goes. */
  processGone(process: string): void;
}

export interface RelayChannel {
  /** Only after the update was appended to the store (rule S3 across processes). */
  publishUpdate(update: Uint8Array, claims: ClientClaim[]): void;
  publishAwareness(update: Uint8Array, owners: AwarenessOwner[]): void;
  publishCompacted(): void;
  /** Once the room is open here: the others answer with their presence. */
  publishHello(): void;
  leave(): Promise<void>;
}

/**
 * Mutual exclusion between processes. Redis locks with an expiry for now (a process that dies
 * holding one frees it when it expires); with PostgreSQL the same seam takes advisory locks.
 */
export interface RoomLocks {
  /** Runs `task` holding `name`, or returns `{ ran: false }` at once when another process holds it. */
  tryWith<T>(name: string, task: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  /**
   * Runs `task` holding `name`, waiting for it up to `waitMs`; past that, or when the lock service
   * does not answer, runs it anyway and says so in the log: a room must open even then.
   */
  withWaiting<T>(name: string, waitMs: number, task: () => Promise<T>): Promise<T>;
}
