import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { identitySchema, MAX_FRAME_BYTES, type Identity } from '@empiria/shared';
import { decodeAwarenessUpdate, FrameError } from './frames';

/**
 * The messages server processes send each other on a room's Redis channel (docs/operations.md),
 * with a strict binary codec like the client frames': a message that does not decode exactly is
 * a `RelayMessageError` and is dropped. Every message names the installation and the process it
 * comes from; a receiver ignores another installation's messages and its own.
 *
 * - `update`: a change the sender already appended to the store, with who writes under which Yjs
 *   client id ([D8]), so every process refuses the same impostors, and when it was published (the
 *   sender's wall clock, ms since the epoch) for the relay latency in /metrics.
 * - `awareness`: presence changes of the sender's connections, with the person owning each
 *   client id ([A1]).
 * - `compacted`: the sender folded the room's log; others restart their compaction count.
 * - `alive`: the sender's heartbeat, on the installation's channel; a process that stops sending
 *   it is gone, and so is the presence of its connections.
 * - `closure`: on the installation's channel, connections every process must end (a revoked
 *   invite, people the facilitator removed).
 * - `hello`: the sender has just opened the room; the others answer with their connections'
 *   presence (`awareness`), as a single server sends a new client everyone's state on connect.
 * - `people`: on the installation's channel, who is connected to which room on the sender: all of
 *   it each time (at each heartbeat, and soon after it changes), so a lost message heals itself.
 *
 * `n` counts the sender's messages on this channel from 1: a receiver that sees a gap has missed
 * one (Redis pub/sub delivers at most once) and catches up from the store.
 */
export type RelayMessage =
  | (RelayHeader & { kind: 'update'; update: Uint8Array; claims: ClientClaim[]; sentAt: number })
  | (RelayHeader & { kind: 'awareness'; update: Uint8Array; owners: AwarenessOwner[] })
  | (RelayHeader & { kind: 'compacted' })
  | (RelayHeader & { kind: 'alive' })
  | (RelayHeader & { kind: 'closure'; closure: ConnectionClosure })
  | (RelayHeader & { kind: 'hello' })
  | (RelayHeader & { kind: 'people'; rooms: RoomPeople[] });

export interface RelayHeader {
  installation: string;
  process: string;
  n: number;
}

/** `personId` writes under these Yjs client ids. */
export interface ClientClaim {
  personId: string;
  clients: number[];
}

/** Connections to end on every process. */
export type ConnectionClosure =
  { kind: 'invite'; inviteId: string } | { kind: 'people'; boardId: string; personIds: string[] };

/** The people connected to one room on a process (the identities the server stamped). */
export interface RoomPeople {
  room: string;
  /** The board the room belongs to; null for a network's room. */
  boardId: string | null;
  people: Identity[];
}

export interface AwarenessOwner {
  clientId: number;
  personId: string;
}

export class RelayMessageError extends Error {
  override name = 'RelayMessageError';
}

/** "EMR" and the codec's version: a message of another format or version fails on the first bytes. */
const MAGIC = [0x45, 0x4d, 0x52] as const;
/** 2: updates carry `sentAt` (version 1 never left development: no release speaks it). */
const VERSION = 2;
// New kinds go at the end: a kind is sent as its index.
const KINDS = ['update', 'awareness', 'compacted', 'alive', 'closure', 'hello', 'people'] as const;

/** A relayed update is one or a few client frames merged with a correction. */
export const MAX_RELAY_MESSAGE_BYTES = 4 * MAX_FRAME_BYTES;
const MAX_ID_CHARS = 200;
const MAX_CLAIMS = 64;
const MAX_CLIENTS_PER_CLAIM = 1024;
/** Presence states in one `awareness` message (a room with more sends several). */
export const MAX_AWARENESS_OWNERS = 16;
const MAX_CLOSED_PEOPLE = 1000;
const MAX_PEOPLE_ROOMS = 5000;
const MAX_PEOPLE_PER_ROOM = 5000;

export function encodeRelayMessage(message: RelayMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const byte of MAGIC) encoding.writeUint8(encoder, byte);
  encoding.writeUint8(encoder, VERSION);
  encoding.writeVarString(encoder, message.installation);
  encoding.writeVarString(encoder, message.process);
  encoding.writeVarUint(encoder, message.n);
  encoding.writeVarUint(encoder, KINDS.indexOf(message.kind));
  switch (message.kind) {
    case 'update':
      encoding.writeVarUint8Array(encoder, message.update);
      encoding.writeVarUint(encoder, message.claims.length);
      for (const claim of message.claims) {
        encoding.writeVarString(encoder, claim.personId);
        encoding.writeVarUint(encoder, claim.clients.length);
        for (const client of claim.clients) encoding.writeVarUint(encoder, client);
      }
      encoding.writeFloat64(encoder, message.sentAt);
      break;
    case 'awareness':
      encoding.writeVarUint8Array(encoder, message.update);
      encoding.writeVarUint(encoder, message.owners.length);
      for (const owner of message.owners) {
        encoding.writeVarUint(encoder, owner.clientId);
        encoding.writeVarString(encoder, owner.personId);
      }
      break;
    case 'compacted':
    case 'alive':
    case 'hello':
      break;
    case 'people':
      encoding.writeVarUint(encoder, message.rooms.length);
      for (const room of message.rooms) {
        encoding.writeVarString(encoder, room.room);
        encoding.writeVarString(encoder, room.boardId ?? '');
        encoding.writeVarUint(encoder, room.people.length);
        for (const person of room.people) {
          for (const field of [person.id, person.name, person.city, person.role, person.color]) {
            encoding.writeVarString(encoder, field);
          }
        }
      }
      break;
    case 'closure':
      if (message.closure.kind === 'invite') {
        encoding.writeVarUint(encoder, 0);
        encoding.writeVarString(encoder, message.closure.inviteId);
      } else {
        encoding.writeVarUint(encoder, 1);
        encoding.writeVarString(encoder, message.closure.boardId);
        encoding.writeVarUint(encoder, message.closure.personIds.length);
        for (const personId of message.closure.personIds) encoding.writeVarString(encoder, personId);
      }
      break;
  }
  return encoding.toUint8Array(encoder);
}

export function decodeRelayMessage(data: Uint8Array): RelayMessage {
  if (data.byteLength > MAX_RELAY_MESSAGE_BYTES) throw new RelayMessageError('message too large');
  try {
    const decoder = decoding.createDecoder(data);
    for (const byte of MAGIC) {
      if (decoding.readUint8(decoder) !== byte) throw new RelayMessageError('not an Empiria relay message');
    }
    const version = decoding.readUint8(decoder);
    if (version !== VERSION) throw new RelayMessageError(`unknown relay message version ${version}`);
    const header: RelayHeader = {
      installation: readId(decoder, 'installation'),
      process: readId(decoder, 'process'),
      n: decoding.readVarUint(decoder),
    };
    if (header.n < 1) throw new RelayMessageError('message number must start at 1');
    const kind = KINDS[decoding.readVarUint(decoder)];
    let message: RelayMessage;
    switch (kind) {
      case 'update': {
        const update = decoding.readVarUint8Array(decoder);
        try {
          // The same check as a client's frame: garbage fails here, before any document sees it.
          Y.decodeUpdate(update);
        } catch (err) {
          throw new RelayMessageError(`undecodable update: ${(err as Error).message}`);
        }
        const claims: ClientClaim[] = [];
        const count = readCount(decoder, MAX_CLAIMS, 'claims');
        for (let i = 0; i < count; i++) {
          const personId = readId(decoder, 'person');
          const clients: number[] = [];
          const clientCount = readCount(decoder, MAX_CLIENTS_PER_CLAIM, 'client ids');
          for (let j = 0; j < clientCount; j++) clients.push(decoding.readVarUint(decoder));
          claims.push({ personId, clients });
        }
        const sentAt = decoding.readFloat64(decoder);
        if (!Number.isFinite(sentAt) || sentAt < 0) throw new RelayMessageError('bad publish time');
        message = { ...header, kind, update: new Uint8Array(update), claims, sentAt };
        break;
      }
      case 'awareness': {
        const update = decoding.readVarUint8Array(decoder);
        try {
          decodeAwarenessUpdate(update);
        } catch (err) {
          if (err instanceof FrameError) throw new RelayMessageError(err.message);
          throw err;
        }
        const owners: AwarenessOwner[] = [];
        const count = readCount(decoder, MAX_AWARENESS_OWNERS, 'awareness owners');
        for (let i = 0; i < count; i++) {
          owners.push({ clientId: decoding.readVarUint(decoder), personId: readId(decoder, 'person') });
        }
        message = { ...header, kind, update: new Uint8Array(update), owners };
        break;
      }
      case 'compacted':
      case 'alive':
      case 'hello':
        message = { ...header, kind };
        break;
      case 'people': {
        const rooms: RoomPeople[] = [];
        const roomCount = readCount(decoder, MAX_PEOPLE_ROOMS, 'rooms');
        for (let i = 0; i < roomCount; i++) {
          const room = readId(decoder, 'room');
          const board = decoding.readVarString(decoder);
          if (board.length > MAX_ID_CHARS) throw new RelayMessageError('bad board id');
          const people: Identity[] = [];
          const count = readCount(decoder, MAX_PEOPLE_PER_ROOM, 'people');
          for (let j = 0; j < count; j++) {
            const [id, name, city, role, color] = Array.from({ length: 5 }, () =>
              decoding.readVarString(decoder),
            );
            const person = identitySchema.safeParse({ id, name, city, role, color });
            if (!person.success) throw new RelayMessageError('bad identity in a people message');
            people.push(person.data);
          }
          rooms.push({ room, boardId: board === '' ? null : board, people });
        }
        message = { ...header, kind, rooms };
        break;
      }
      case 'closure': {
        const closureKind = decoding.readVarUint(decoder);
        let closure: ConnectionClosure;
        if (closureKind === 0) {
          closure = { kind: 'invite', inviteId: readId(decoder, 'invite') };
        } else if (closureKind === 1) {
          const boardId = readId(decoder, 'board');
          const personIds: string[] = [];
          const count = readCount(decoder, MAX_CLOSED_PEOPLE, 'people');
          for (let i = 0; i < count; i++) personIds.push(readId(decoder, 'person'));
          closure = { kind: 'people', boardId, personIds };
        } else {
          throw new RelayMessageError('unknown closure');
        }
        message = { ...header, kind, closure };
        break;
      }
      default:
        throw new RelayMessageError('unknown relay message kind');
    }
    if (decoding.hasContent(decoder)) throw new RelayMessageError('trailing bytes after the message');
    return message;
  } catch (err) {
    if (err instanceof RelayMessageError) throw err;
    throw new RelayMessageError(`malformed relay message: ${(err as Error).message}`);
  }
}

function readId(decoder: decoding.Decoder, what: string): string {
  const text = decoding.readVarString(decoder);
  if (text.length === 0 || text.length > MAX_ID_CHARS) throw new RelayMessageError(`bad ${what} id`);
  return text;
}

function readCount(decoder: decoding.Decoder, max: number, what: string): number {
  const count = decoding.readVarUint(decoder);
  if (count > max) throw new RelayMessageError(`too many ${what} (${count})`);
  return count;
}
