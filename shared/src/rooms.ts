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

export interface RoomAddress {
  boardId: BoardId;
  doc: DocKind;
}

export function isStreamDoc(doc: DocKind): boolean {
  return doc === 'stream-canvas' || doc === 'stream-control';
}

/** The websocket path of a room: `/ws/<boardId>/<doc>`. */
export function roomPath(address: RoomAddress): string {
  return `/ws/${address.boardId}/${address.doc}`;
}

/** The storage and log key of a room. */
export function roomKey(address: RoomAddress): string {
  return `${address.boardId}/${address.doc}`;
}

/** Parses a websocket request path; null for anything that is not exactly a valid room path. */
export function parseRoomPath(pathname: string): RoomAddress | null {
  const match = /^\/ws\/([^/]+)\/([^/]+)$/.exec(pathname);
  if (!match) return null;
  const boardId = boardIdSchema.safeParse(match[1]);
  const doc = docKindSchema.safeParse(match[2]);
  if (!boardId.success || !doc.success) return null;
  return { boardId: boardId.data, doc: doc.data };
}
