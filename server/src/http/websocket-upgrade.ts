import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { CloseCode, MAX_FRAME_BYTES, canReadDoc, parseRoomPath } from '@empiria/shared';
import type { AccessResolver } from '../auth/access';
import { identityOf, type BoardService } from '../boards/board-service';
import type { Logger } from '../log';
import type { PeerSocket } from '../sync/peer-socket';
import type { RoomRegistry } from '../sync/room-registry';

export interface UpgradeContext {
  access: AccessResolver;
  boards: BoardService;
  registry: RoomRegistry;
  log: Logger;
  /** Origins whose pages may open websockets; a request without Origin (not a browser) passes. */
  allowedOrigins: () => ReadonlySet<string>;
  maxPayload?: number;
}

/**
 * The `ws` adapter: every check happens before the upgrade completes, so a refused client gets a
 * plain HTTP status and never a socket. Past the upgrade the sync core sees only a PeerSocket.
 */
export function createUpgradeHandler(ctx: UpgradeContext) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: ctx.maxPayload ?? MAX_FRAME_BYTES,
    perMessageDeflate: false,
  });

  const handle = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const address = parseRoomPath(url.pathname);
    if (!address)
      return refuse(socket, 404, 'not_found', 'Not a room address (/ws/<boardId>/<canvas|control|summary>).');
    const origin = req.headers.origin;
    if (origin !== undefined && !ctx.allowedOrigins().has(origin)) {
      ctx.log.warn('websocket refused: origin not allowed', { origin });
      return refuse(socket, 403, 'forbidden', 'This origin may not connect.');
    }
    const result = ctx.access.resolve(url.searchParams.get('token'));
    if (!result.ok) {
      ctx.log.info('websocket refused', { reason: result.reason, room: url.pathname });
      return refuse(socket, 401, 'unauthorized', `Token refused (${result.reason}).`);
    }
    const access = result.access;
    if (access.kind !== 'session')
      return refuse(socket, 401, 'unauthorized', 'Join the board first: a session token is required.');
    if (access.claims.b !== address.boardId)
      return refuse(socket, 401, 'unauthorized', 'This token belongs to another board.');
    if (!ctx.boards.get(address.boardId)) return refuse(socket, 404, 'not_found', 'No such board.');
    if (!canReadDoc(access.claims.r, address.doc)) {
      return refuse(socket, 403, 'forbidden', 'This role does not read that document.');
    }

    wss.handleUpgrade(req, socket, head, (ws) => {
      const identity = identityOf(access.claims);
      const connection = ctx.registry.connect(adapt(ws), address, identity, access.claims.i);
      ctx.log.info('connected', {
        conn: connection.id,
        room: connection.room.key,
        role: identity.role,
        person: identity.id,
      });
      ws.on('message', (data: RawData, isBinary: boolean) => {
        if (!isBinary) {
          connection.close(CloseCode.malformedFrame, 'binary frames only');
          return;
        }
        connection.receive(toUint8Array(data));
      });
      ws.on('error', (err: Error & { code?: string }) => {
        // ws closes the socket itself (1009 for an oversized frame); we only record why.
        ctx.log.warn('websocket error', { conn: connection.id, code: err.code, reason: err.message });
      });
      ws.on('close', (code: number) => {
        connection.socketClosed();
        ctx.log.info('disconnected', { conn: connection.id, code });
      });
    });
  };

  return { handle, close: () => wss.close() };
}

function adapt(ws: WebSocket): PeerSocket {
  return {
    send: (frame) => {
      if (ws.readyState === ws.OPEN) ws.send(frame, { binary: true });
    },
    close: (code, reason) => ws.close(code, reason),
    get bufferedAmount() {
      return ws.bufferedAmount;
    },
  };
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

function refuse(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
      body,
  );
}
