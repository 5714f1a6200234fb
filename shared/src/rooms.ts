import { z } from 'zod';

/**
 * A board is several Yjs documents, each its own websocket room, so the server can give each role
 * the right to write only what it may (docs/architecture.md, "Documents and rooms"). The two
 * `stream-` documents are the observers' view: the server writes them, from the canvas and the
 * control document, with only what the open parts of the meeting show (docs/observers.md).
 */
export const DOC_KINDS = ['canvas', 'control', 'summary', 'stream-canvas', 'stream-control'] as const;
export const docKindSchema = z.enum(DOC_KINDS);
export type DocKind = z.infer<typeof docKindSchema>;

/** Board ids are made by the server; the pattern keeps room names safe in URLs, logs and keys. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{6,40}$/;
export const boardIdSchema = z.string().regex(BOARD_ID_PATTERN, 'invalid board id');
export type BoardId = z.infer<typeof boardIdSchema>;

export interface BoardRoomAddress {
  boardId: BoardId;
  doc: DocKind;
}

/**
 * A network has documents of its own, outside any board: the work plan, which its members write
 * together between meetings (docs/decisions.md D19). Its room path has three parts, so it can never
 * be read as a board's (`/ws/<boardId>/<doc>` has two).
 */
export const NETWORK_DOC_KINDS = ['plan'] as const;
export const networkDocKindSchema = z.enum(NETWORK_DOC_KINDS);
export type NetworkDocKind = z.infer<typeof networkDocKindSchema>;
export const NETWORK_ID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/;

export interface NetworkRoomAddress {
  networkId: string;
  doc: NetworkDocKind;
}

/** Every websocket room is a board's document or a network's. */
export type RoomAddress = BoardRoomAddress | NetworkRoomAddress;

export function isBoardRoom(address: RoomAddress): address is BoardRoomAddress {
  return 'boardId' in address;
}

export function isStreamDoc(doc: DocKind): boolean {
  return doc === 'stream-canvas' || doc === 'stream-control';
}

/** The websocket path of a room: `/ws/<boardId>/<doc>` or `/ws/networks/<networkId>/<doc>`. */
export function roomPath(address: RoomAddress): string {
  return `/ws/${roomKey(address)}`;
}

/** The storage and log key of a room (also the y-websocket room name under `/ws`). */
export function roomKey(address: RoomAddress): string {
  return isBoardRoom(address)
    ? `${address.boardId}/${address.doc}`
    : `networks/${address.networkId}/${address.doc}`;
}

/** Parses a websocket request path; null for anything that is not exactly a valid room path. */
export function parseRoomPath(pathname: string): RoomAddress | null {
  const network = /^\/ws\/networks\/([^/]+)\/([^/]+)$/.exec(pathname);
  if (network) {
    const doc = networkDocKindSchema.safeParse(network[2]);
    if (!NETWORK_ID_PATTERN.test(network[1] as string) || !doc.success) return null;
    return { networkId: network[1] as string, doc: doc.data };
  }
  const match = /^\/ws\/([^/]+)\/([^/]+)$/.exec(pathname);
  if (!match) return null;
  const boardId = boardIdSchema.safeParse(match[1]);
  const doc = docKindSchema.safeParse(match[2]);
  if (!boardId.success || !doc.success) return null;
  return { boardId: boardId.data, doc: doc.data };
}
