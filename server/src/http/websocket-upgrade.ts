import type { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import {
  CloseCode,
  ERROR_CODES,
  MAX_FRAME_BYTES,
  canReadDoc,
  isBoardRoom,
  parseRoomPath,
  type Identity,
  type NetworkRoomAddress,
} from '@empiria/shared';
import { isGuess, type AccessResolver } from '../auth/access';
import type { PersonalClaims } from '../auth/tokens';
import { identityOf, type BoardService } from '../boards/board-service';
import type { NetworkRoomDecision } from '../networks/plan-room';
import type { ConnectionRights } from '../sync/connection';
import type { Logger } from '../log';
import type { PeerSocket } from '../sync/peer-socket';
import type { RoomRegistry } from '../sync/room-registry';
import { clientAddress } from './client-address';
import {
  HttpError,
  rawErrorResponse,
  restarting,
  RESTARTING_RETRY_AFTER_SECONDS,
  tooManyRequests,
} from './http-error';
import type { RateLimits } from './rate-limits';
import { parseRequestTarget } from './request-target';
import { KEEPALIVE_FRAME } from '../sync/frames';
import { binaryFrame, binaryFrameHeader, SharedFrames } from './websocket-frame';
import { DEFAULT_DEAD_AFTER_TICKS, WebsocketKeepalive, type KeptSocket } from './websocket-keepalive';

export interface UpgradeContext {
  access: AccessResolver;
  boards: BoardService;
  registry: RoomRegistry;
  log: Logger;
  /** Who may open a network's room (the work plan's, [W6]), as whom and with what rights. */
  networkRoom: (claims: PersonalClaims, address: NetworkRoomAddress) => Promise<NetworkRoomDecision>;
  /** Origins whose pages may open websockets; a request without Origin (not a browser) passes. */
  allowedOrigins: () => ReadonlySet<string>;
  maxPayload?: number;
  rateLimits: RateLimits;
  /** Client addresses come from X-Forwarded-For (see client-address.ts). */
  trustProxy: boolean;
  /** An upgrade not answered within this is cut ([H2]). */
  pendingTimeoutMs: number;
  /** From SIGTERM on, upgrades get 503: the client retries, reaching another process or the next one. */
  isDraining: () => boolean;
  /** Counts websocket frames each way (the metrics). */
  frames: FrameCounter;
  /** A socket written nothing for this long gets a message that changes nothing ([H5]). */
  keepaliveQuietMs: number;
}

export interface FrameCounter {
  frameIn(): void;
  framesOut(count: number): void;
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

  const upgraded = new WeakSet<Duplex>();
  const sharedFrames = new SharedFrames();
  const keepalive = new WebsocketKeepalive({
    quietMs: ctx.keepaliveQuietMs,
    deadAfterTicks: DEFAULT_DEAD_AFTER_TICKS,
  });

  /** The boundary of an upgrade ([H1]): whatever happens, the socket gets an answer or is cut. */
  const handle = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Cleared by ws once the upgrade completes (it sets the socket's timeout to 0).
    if (socket instanceof Socket) socket.setTimeout(ctx.pendingTimeoutMs, () => socket.destroy());
    decide(req, socket, head).catch((err: unknown) => {
      ctx.log.error('websocket upgrade failed', { err, url: req.url });
      // Past the 101 the socket speaks websocket: an HTTP answer there would be garbage.
      if (upgraded.has(socket)) socket.destroy();
      else refuse(socket, 500, ERROR_CODES.internal, 'Something went wrong on the server.');
    });
  };

  const decide = async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    if (ctx.isDraining()) {
      if (!socket.destroyed)
        socket.end(rawErrorResponse(restarting(), { 'retry-after': String(RESTARTING_RETRY_AFTER_SECONDS) }));
      return;
    }
    const target = parseRequestTarget(req.url);
    if (!target.ok) {
      ctx.log.info('websocket refused: bad request target', { reason: target.reason });
      return refuse(socket, 400, ERROR_CODES.badRequest, `Bad request target: ${target.reason}`);
    }
    const url = target.target;
    const from = clientAddress(req, ctx.trustProxy);
    const limited = await ctx.rateLimits.checkUpgrade(from);
    if (limited) {
      ctx.log.info('websocket refused: rate limit', { address: from });
      return refuseWith(socket, tooManyRequests(limited.message, limited.retryAfterSeconds));
    }
    const address = parseRoomPath(url.pathname);
    if (!address)
      return refuse(
        socket,
        404,
        'not_found',
        'Not a room address (/ws/<boardId>/<doc> or /ws/networks/<networkId>/plan).',
      );
    const origin = req.headers.origin;
    if (origin !== undefined && !ctx.allowedOrigins().has(origin)) {
      ctx.log.warn('websocket refused: origin not allowed', { origin });
      return refuse(socket, 403, 'forbidden', 'This origin may not connect.');
    }
    const token = url.searchParams.get('token');
    if (token) {
      const lockout = await ctx.rateLimits.guessingLockout(from);
      if (lockout && !ctx.access.isSigned(token)) {
        return refuseWith(socket, tooManyRequests(lockout.message, lockout.retryAfterSeconds));
      }
    }
    const result = await ctx.access.resolve(token);
    if (!result.ok) {
      if (isGuess(result.reason)) await ctx.rateLimits.recordGuess(from);
      ctx.log.info('websocket refused', { reason: result.reason, room: url.pathname });
      return refuse(socket, 401, 'unauthorized', `Token refused (${result.reason}).`);
    }
    const access = result.access;
    let admission: { identity: Identity; rights?: ConnectionRights; inviteId: string | null };
    if (isBoardRoom(address)) {
      if (access.kind !== 'session')
        return refuse(socket, 401, 'unauthorized', 'Join the board first: a session token is required.');
      if (access.claims.b !== address.boardId)
        return refuse(socket, 401, 'unauthorized', 'This token belongs to another board.');
      if (!(await ctx.boards.get(address.boardId))) return refuse(socket, 404, 'not_found', 'No such board.');
      if (!canReadDoc(access.claims.r, address.doc)) {
        return refuse(socket, 403, 'forbidden', 'This role does not read that document.');
      }
      admission = { identity: identityOf(access.claims), inviteId: access.claims.i };
    } else {
      if (access.kind !== 'personal')
        return refuse(
          socket,
          401,
          'unauthorized',
          "A network's room opens with a personal link of that network.",
        );
      const decision = await ctx.networkRoom(access.claims, address);
      if (!decision.ok)
        return refuse(
          socket,
          decision.status,
          decision.status === 403 ? 'forbidden' : 'not_found',
          decision.message,
        );
      admission = { identity: decision.identity, rights: decision.rights, inviteId: null };
    }
    // The client may have gone while the limits were asked.
    if (socket.destroyed) return;

    wss.handleUpgrade(req, socket, head, (ws) => {
      upgraded.add(socket);
      const { identity, rights, inviteId } = admission;
      const peer = adapt(ws, socket, ctx.frames, sharedFrames);
      keepalive.add(peer);
      ws.on('pong', () => keepalive.heard(peer));
      const connection = ctx.registry.connect(peer, address, identity, inviteId, rights);
      ctx.log.info('connected', {
        conn: connection.id,
        room: connection.room.key,
        role: identity.role,
        person: identity.id,
      });
      ws.on('message', (data: RawData, isBinary: boolean) => {
        ctx.frames.frameIn();
        keepalive.heard(peer);
        if (!isBinary) {
          connection.close(CloseCode.malformedFrame, 'binary frames only');
          return;
        }
        // ws calls this from the socket's data event: a throw here would be uncaught ([H1]).
        try {
          connection.receive(toUint8Array(data));
        } catch (err) {
          ctx.log.error('frame handling failed', { err, conn: connection.id });
          ws.terminate();
        }
      });
      ws.on('error', (err: Error & { code?: string }) => {
        // ws closes the socket itself (1009 for an oversized frame); we only record why.
        ctx.log.warn('websocket error', { conn: connection.id, code: err.code, reason: err.message });
      });
      ws.on('close', (code: number) => {
        keepalive.delete(peer);
        try {
          connection.socketClosed();
        } catch (err) {
          ctx.log.error('closing a connection failed', { err, conn: connection.id });
        }
        ctx.log.info('disconnected', { conn: connection.id, code });
      });
    });
  };

  return {
    handle,
    close: () => {
      keepalive.close();
      wss.close();
    },
  };
}

/**
 * `socket` is the connection `ws` writes to: the one handed to handleUpgrade. Our frames go to it
 * directly, framed by us (http/websocket-frame.ts): `ws` without permessage-deflate writes each
 * message at once and keeps no queue of its own, so writing beside it keeps every frame in order,
 * and its `bufferedAmount` still counts what the socket holds. `ws` still reads, answers pings and
 * closes.
 */
/** Below this a payload is copied behind its header (one write beats a two-buffer writev). */
const COPY_BELOW_BYTES = 16 * 1024;

function adapt(
  ws: WebSocket,
  socket: Duplex,
  frames: FrameCounter,
  shared: SharedFrames,
): PeerSocket & KeptSocket {
  let lastWriteAt = performance.now();
  const peer: PeerSocket & KeptSocket = {
    send: (frame) => {
      if (ws.readyState !== ws.OPEN) return;
      lastWriteAt = performance.now();
      if (frame.byteLength <= COPY_BELOW_BYTES) socket.write(binaryFrame(frame));
      else {
        // A board's state for a joiner can be megabytes: header and payload corked into one
        // writev rather than copied into one buffer.
        socket.cork();
        try {
          socket.write(binaryFrameHeader(frame.byteLength));
          socket.write(frame);
        } finally {
          socket.uncork();
        }
      }
      frames.framesOut(1);
    },
    sendAll: (list) => {
      if (ws.readyState !== ws.OPEN) return;
      lastWriteAt = performance.now();
      // The room hands every member the same frames (the same list): framed once for all, and
      // written in one piece.
      socket.write(shared.ofAll(list));
      frames.framesOut(list.length);
    },
    close: (code, reason) => ws.close(code, reason),
    get bufferedAmount() {
      return ws.bufferedAmount;
    },
    get lastWriteAt() {
      return lastWriteAt;
    },
    // The same three bytes for every socket: framed once (SharedFrames), as the room's sends are.
    sendKeepalive: () => peer.sendAll([KEEPALIVE_FRAME]),
    ping: () => {
      if (ws.readyState === ws.OPEN) ws.ping();
    },
    terminate: () => ws.terminate(),
  };
  return peer;
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function refuse(socket: Duplex, status: number, code: string, message: string): void {
  refuseWith(socket, new HttpError(status, code, message));
}

/** A plain HTTP answer on the raw socket, with the security headers of every response ([H4]). */
function refuseWith(socket: Duplex, error: HttpError): void {
  if (socket.destroyed) return;
  socket.end(rawErrorResponse(error));
}
