import { CloseCode, isBoardRoom, roomKey, type Identity, type RoomAddress } from '@empiria/shared';
import type { Logger } from '../log';
import type { DocumentStore } from '../storage/document-store';
import {
  Connection,
  DEFAULT_CONNECTION_LIMITS,
  defaultRights,
  type ConnectionLimits,
  type ConnectionRights,
} from './connection';
import type { PeerSocket } from './peer-socket';
import type { DocumentRules } from './document-rules';
import { DEFAULT_ROOM_OPTIONS, Room, type RoomOptions } from './room';
import type { RoomPeople } from './relay-messages';
import type { RoomRelay } from './room-relay';
import { NO_SYNC_OBSERVER, type SyncObserver } from './sync-observer';

export interface RoomRegistryOptions {
  room: RoomOptions;
  /** What a room's document may hold and who may change what (docs/security.md [D1]–[D6]). */
  rulesFor: (address: RoomAddress, registry: RoomRegistry) => DocumentRules | null;
  connection: ConnectionLimits;
  /** How long an empty room stays in memory, so a reload does not reload from disk. */
  unloadAfterMs: number;
  /** Shares every open room with the installation's other processes (REDIS_URL); null: one process. */
  relay: RoomRelay | null;
  /** Told of accepted and refused updates and relay times (the metrics). */
  observer: SyncObserver;
}

export const DEFAULT_REGISTRY_OPTIONS: RoomRegistryOptions = {
  room: DEFAULT_ROOM_OPTIONS,
  rulesFor: () => null,
  connection: DEFAULT_CONNECTION_LIMITS,
  unloadAfterMs: 60_000,
  relay: null,
  observer: NO_SYNC_OBSERVER,
};

/**
 * The open rooms of this process: loads a room on first connection, unloads it (after a final
 * compaction) when it has been empty for a while, and ends connections when asked (revoked
 * invites, shutdown, a storage failure).
 */
export class RoomRegistry {
  readonly #rooms = new Map<string, Room>();
  readonly #unloadTimers = new Map<Room, NodeJS.Timeout>();
  readonly #connections = new Set<Connection>();
  readonly #membershipListeners = new Set<(address: RoomAddress) => void>();
  /** Rooms another room reads (the observers' stream reads the canvas): kept while held. */
  readonly #holds = new Map<string, number>();
  readonly #store: DocumentStore;
  readonly #log: Logger;
  readonly #options: RoomRegistryOptions;
  #closing = false;

  readonly #stopClosures: () => void;
  readonly #stopPeople: () => void;
  /** Who the other processes of the installation have in which room (their latest word). */
  readonly #remotePeople = new Map<string, RoomPeople[]>();

  constructor(store: DocumentStore, log: Logger, options: Partial<RoomRegistryOptions> = {}) {
    this.#store = store;
    this.#log = log;
    this.#options = { ...DEFAULT_REGISTRY_OPTIONS, ...options };
    // A revoked invite or a removed person loses the connections on every process, not only here.
    this.#stopClosures =
      this.#options.relay?.onClosure((closure) => {
        const closed =
          closure.kind === 'invite'
            ? this.#closeInviteHere(closure.inviteId)
            : this.#closePeopleHere(closure.boardId, new Set(closure.personIds));
        if (closed > 0) this.#log.info('closed connections another process asked to end', { closed });
      }) ?? (() => {});
    // Who is here counts everyone on the board, whichever process they came through: the people
    // panel, the observers' audience and who may approve the note ([P7], approvals) read it.
    this.#options.relay?.sharePeople(() => this.#localPeople());
    this.#stopPeople =
      this.#options.relay?.onPeople((process, rooms) => {
        const before = this.#remotePeople.get(process) ?? [];
        if (rooms.length > 0) this.#remotePeople.set(process, rooms);
        else this.#remotePeople.delete(process);
        const ids = (list: RoomPeople[], key: string) =>
          list
            .filter((room) => room.room === key)
            .flatMap((room) => room.people.map((person) => person.id))
            .sort()
            .join(',');
        for (const key of new Set([...before, ...rooms].map((room) => room.room))) {
          const room = this.#rooms.get(key);
          if (room && ids(before, key) !== ids(rooms, key)) this.#membershipChanged(room.address, false);
        }
      }) ?? (() => {});
  }

  get roomCount(): number {
    return this.#rooms.size;
  }

  get connectionCount(): number {
    return this.#connections.size;
  }

  /** The room in memory, loading it if needed. Server-side writers use it too. */
  room(address: RoomAddress): Room {
    const key = roomKey(address);
    let room = this.#rooms.get(key);
    if (!room) {
      room = new Room(
        address,
        this.#store,
        this.#log,
        this.#options.room,
        this.#options.rulesFor(address, this),
        this.#options.relay,
      );
      this.#rooms.set(key, room);
      this.#scheduleUnloadIfEmpty(room);
      // A room that could not load (the store or the relay failed) is dropped, so the next
      // connection loads it again once they answer; its connections are closed to reconnect.
      const loading = room;
      loading.loaded.catch((err: unknown) => {
        this.#log.error('room could not be loaded', { room: key, err });
        this.#dropRoom(loading);
      });
    }
    return room;
  }

  /**
   * Keeps a room in memory even with nobody connected, until the returned release is called: a
   * room that reads another one's document follows that very document, not a later reload.
   */
  hold(address: RoomAddress): () => void {
    const key = roomKey(address);
    this.#holds.set(key, (this.#holds.get(key) ?? 0) + 1);
    this.#cancelUnload(this.room(address));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#holds.get(key) ?? 1) - 1;
      if (left > 0) this.#holds.set(key, left);
      else this.#holds.delete(key);
      const room = this.#rooms.get(key);
      if (room) this.#scheduleUnloadIfEmpty(room);
    };
  }

  connect(
    socket: PeerSocket,
    address: RoomAddress,
    identity: Identity,
    inviteId: string | null,
    rights: ConnectionRights = defaultRights(identity.role, address),
  ): Connection {
    if (this.#closing) throw new Error('the server is shutting down');
    const room = this.room(address);
    this.#cancelUnload(room);
    const connection = new Connection({
      socket,
      room,
      identity,
      rights,
      inviteId,
      log: this.#log,
      limits: this.#options.connection,
      observer: this.#options.observer,
      events: {
        onClosed: (closed) => {
          this.#connections.delete(closed);
          this.#scheduleUnloadIfEmpty(closed.room);
          this.#membershipChanged(closed.room.address);
        },
        onStorageFailure: (failed) => this.#dropRoom(failed),
      },
    });
    this.#connections.add(connection);
    this.#membershipChanged(address);
    return connection;
  }

  /** Calls `listener` whenever someone connects to or leaves a room; returns the unsubscribe. */
  onMembership(listener: (address: RoomAddress) => void): () => void {
    this.#membershipListeners.add(listener);
    return () => this.#membershipListeners.delete(listener);
  }

  /** Who is connected to one room now, through any process, once each. */
  peopleIn(address: RoomAddress): Identity[] {
    const key = roomKey(address);
    const people = new Map<string, Identity>();
    for (const connection of this.#connections)
      if (connection.room.key === key && !connection.isClosed)
        people.set(connection.identity.id, connection.identity);
    for (const rooms of this.#remotePeople.values())
      for (const room of rooms)
        if (room.room === key) for (const person of room.people) people.set(person.id, person);
    return [...people.values()];
  }

  /** This process's connections, by room: what it tells the other processes. */
  #localPeople(): RoomPeople[] {
    const rooms = new Map<string, RoomPeople>();
    for (const connection of this.#connections) {
      if (connection.isClosed) continue;
      const address = connection.room.address;
      let entry = rooms.get(connection.room.key);
      if (!entry) {
        entry = {
          room: connection.room.key,
          boardId: isBoardRoom(address) ? address.boardId : null,
          people: [],
        };
        rooms.set(connection.room.key, entry);
      }
      if (!entry.people.some((person) => person.id === connection.identity.id))
        entry.people.push(connection.identity);
    }
    return [...rooms.values()];
  }

  #membershipChanged(address: RoomAddress, local = true): void {
    if (local) this.#options.relay?.peopleChanged();
    for (const listener of this.#membershipListeners) {
      try {
        listener(address);
      } catch (err) {
        this.#log.error('a membership listener failed', { err });
      }
    }
  }

  /** The people connected to any of a board's documents now, through any process, once each. */
  peopleOn(boardId: string): Identity[] {
    const people = new Map<string, Identity>();
    for (const connection of this.#connections) {
      if (isOnBoard(connection, boardId)) people.set(connection.identity.id, connection.identity);
    }
    for (const rooms of this.#remotePeople.values())
      for (const room of rooms)
        if (room.boardId === boardId) for (const person of room.people) people.set(person.id, person);
    return [...people.values()];
  }

  /**
   * Ends every connection made from a revoked invite, on every process; returns how many were
   * open on this one.
   */
  closeInvite(inviteId: string): number {
    this.#options.relay?.publishClosure({ kind: 'invite', inviteId });
    return this.#closeInviteHere(inviteId);
  }

  #closeInviteHere(inviteId: string): number {
    let closed = 0;
    for (const connection of [...this.#connections]) {
      if (connection.inviteId === inviteId) {
        connection.close(CloseCode.unauthorized, 'invite revoked');
        closed++;
      }
    }
    return closed;
  }

  /**
   * Ends every connection of these people on a board (the facilitator removed them), on every
   * process; returns how many were open on this one.
   */
  closePeople(boardId: string, personIds: ReadonlySet<string>): number {
    const ids = [...personIds];
    // In messages of at most a thousand people (the relay's bound on one message).
    for (let start = 0; start < ids.length; start += 1000) {
      this.#options.relay?.publishClosure({
        kind: 'people',
        boardId,
        personIds: ids.slice(start, start + 1000),
      });
    }
    return this.#closePeopleHere(boardId, personIds);
  }

  #closePeopleHere(boardId: string, personIds: ReadonlySet<string>): number {
    let closed = 0;
    for (const connection of [...this.#connections]) {
      if (isOnBoard(connection, boardId) && personIds.has(connection.identity.id)) {
        connection.close(CloseCode.unauthorized, 'person removed');
        closed++;
      }
    }
    return closed;
  }

  #cancelUnload(room: Room): void {
    const timer = this.#unloadTimers.get(room);
    if (timer) clearTimeout(timer);
    this.#unloadTimers.delete(room);
  }

  #isInUse(room: Room): boolean {
    return room.memberCount > 0 || (this.#holds.get(room.key) ?? 0) > 0;
  }

  #scheduleUnloadIfEmpty(room: Room): void {
    if (this.#isInUse(room) || this.#closing || this.#rooms.get(room.key) !== room) return;
    this.#cancelUnload(room);
    const timer = setTimeout(() => {
      this.#unloadTimers.delete(room);
      if (this.#isInUse(room) || this.#rooms.get(room.key) !== room) return;
      this.#rooms.delete(room.key);
      void room.close();
    }, this.#options.unloadAfterMs);
    timer.unref();
    this.#unloadTimers.set(room, timer);
  }

  /**
   * Memory is ahead of the disk: close everyone so that they resend their state on reconnect to a
   * room reloaded from what was stored. Nothing is lost — the clients still hold their edits.
   */
  #dropRoom(room: Room): void {
    if (this.#rooms.get(room.key) === room) this.#rooms.delete(room.key);
    this.#cancelUnload(room);
    room.abandon();
    for (const connection of [...this.#connections]) {
      if (connection.room === room) connection.close(CloseCode.storageFailure, 'storage failure, reconnect');
    }
  }

  /** Shutdown: close every connection, then compact and free every room. */
  async close(): Promise<void> {
    this.#closing = true;
    this.#stopClosures();
    this.#stopPeople();
    for (const connection of [...this.#connections])
      connection.close(CloseCode.restarting, 'server restarting, reconnect');
    for (const timer of this.#unloadTimers.values()) clearTimeout(timer);
    this.#unloadTimers.clear();
    const rooms = [...this.#rooms.values()];
    this.#rooms.clear();
    await Promise.all(rooms.map((room) => room.close()));
  }
}

function isOnBoard(connection: Connection, boardId: string): boolean {
  const address = connection.room.address;
  return isBoardRoom(address) && address.boardId === boardId;
}
