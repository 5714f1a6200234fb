import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  boardIdSchema,
  createBoardRequestSchema,
  joinRequestSchema,
  roleSchema,
  type BoardAccessResponse,
  type BoardListResponse,
  type ClientConfig,
  type CreateBoardResponse,
  type HealthResponse,
  type JoinResponse,
  type RevokeInviteResponse,
} from '@empiria/shared';
import { bearerToken, boardOf, type Access, type AccessResolver } from '../auth/access';
import type { BoardService } from '../boards/board-service';
import { writeInitialDocuments } from '../boards/initial-documents';
import type { Logger } from '../log';
import type { RoomRegistry } from '../sync/room-registry';
import { forbidden, HttpError, notFound, sendJson, unauthorized } from './http-error';
import { readJsonBody } from './json-body';

export interface ApiContext {
  boards: BoardService;
  access: AccessResolver;
  registry: RoomRegistry;
  log: Logger;
  version: string;
  startedAt: number;
  tldrawLicenseKey: string | null;
}

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[]) => Promise<void> | void;
interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

/** The JSON API (docs/api.md). Each handler checks its caller's token itself, explicitly. */
export function createApiRoutes(ctx: ApiContext): Route[] {
  const authenticate = (req: IncomingMessage): Access => {
    const result = ctx.access.resolve(bearerToken(req.headers.authorization));
    if (!result.ok) {
      const messages = {
        missing: 'A token is required (Authorization: Bearer <token>).',
        malformed: 'The token is not valid.',
        'bad-signature': 'The token is not valid.',
        expired: 'The token has expired; open your invite link again.',
        revoked: 'This link has been revoked; ask the facilitator for a new one.',
      } as const;
      throw unauthorized(messages[result.reason]);
    }
    return result.access;
  };
  const requireAdmin = (req: IncomingMessage): void => {
    if (authenticate(req).kind !== 'admin') throw forbidden('Only the administrator can do that.');
  };
  const boardParam = (raw: string | undefined): string => {
    const parsed = boardIdSchema.safeParse(raw);
    if (!parsed.success) throw notFound('No such board.');
    return parsed.data;
  };
  /** The caller's access, if it is the admin's or belongs to this board. */
  const requireBoardAccess = (req: IncomingMessage, boardId: string): Access => {
    const access = authenticate(req);
    const board = boardOf(access);
    if (board !== null && board !== boardId) throw unauthorized('This token belongs to another board.');
    if (!ctx.boards.get(boardId)) throw notFound('No such board.');
    return access;
  };

  return [
    {
      method: 'GET',
      pattern: /^\/healthz$/,
      handler: (_req, res) => {
        const body: HealthResponse = {
          status: 'ok',
          version: ctx.version,
          uptimeSeconds: Math.round((Date.now() - ctx.startedAt) / 1000),
          rooms: ctx.registry.roomCount,
          connections: ctx.registry.connectionCount,
        };
        sendJson(res, 200, body);
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/config$/,
      handler: (_req, res) => {
        const body: ClientConfig = { tldrawLicenseKey: ctx.tldrawLicenseKey, version: ctx.version };
        sendJson(res, 200, body);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/boards$/,
      handler: async (req, res) => {
        requireAdmin(req);
        const body = await readJsonBody(req, createBoardRequestSchema);
        const { board, invites } = await ctx.boards.create(body, (b) =>
          writeInitialDocuments(ctx.registry, b),
        );
        ctx.log.info('board created', { board: board.id, format: board.format });
        const response: CreateBoardResponse = { id: board.id, invites };
        sendJson(res, 201, response);
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/boards$/,
      handler: (req, res) => {
        requireAdmin(req);
        const response: BoardListResponse = { boards: ctx.boards.listForAdmin() };
        sendJson(res, 200, response);
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/boards\/([^/]+)$/,
      handler: (req, res, [rawId]) => {
        const boardId = boardParam(rawId);
        const access = requireBoardAccess(req, boardId);
        const response: BoardAccessResponse = {
          board: ctx.boards.get(boardId)!,
          role: access.kind === 'admin' ? null : access.claims.r,
        };
        sendJson(res, 200, response);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/boards\/([^/]+)\/join$/,
      handler: async (req, res, [rawId]) => {
        const boardId = boardParam(rawId);
        const access = requireBoardAccess(req, boardId);
        if (access.kind !== 'invite') throw forbidden('Join with an invite link.');
        const person = await readJsonBody(req, joinRequestSchema);
        const session = ctx.boards.join(boardId, access.claims.r, access.claims.i, person);
        ctx.log.info('person joined', { board: boardId, role: access.claims.r, person: session.identity.id });
        const response: JoinResponse = { ...session, board: ctx.boards.get(boardId)! };
        sendJson(res, 200, response);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/boards\/([^/]+)\/invites\/([^/]+)\/revoke$/,
      handler: (req, res, [rawId, rawRole]) => {
        const boardId = boardParam(rawId);
        const access = requireBoardAccess(req, boardId);
        const lead =
          access.kind === 'session' && (access.claims.r === 'facilitator' || access.claims.r === 'expert');
        if (access.kind !== 'admin' && !lead)
          throw forbidden('Only the administrator or the facilitator can do that.');
        const role = roleSchema.safeParse(rawRole);
        if (!role.success) throw new HttpError(404, 'not_found', `No such role: ${rawRole}.`);
        const { invite, revokedIds } = ctx.boards.rotateInvite(boardId, role.data);
        const closed = revokedIds.reduce((sum, id) => sum + ctx.registry.closeInvite(id), 0);
        ctx.log.info('invite rotated', { board: boardId, role: role.data, closedConnections: closed });
        const response: RevokeInviteResponse = { role: role.data, invite };
        sendJson(res, 200, response);
      },
    },
  ];
}

/** Finds the route for a request: the handler, or which methods the path allows. */
export function matchRoute(
  routes: Route[],
  method: string,
  pathname: string,
): { handler: Handler; params: string[] } | { allowed: string[] } | null {
  const allowed: string[] = [];
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    if (route.method === method) return { handler: route.handler, params: match.slice(1) };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { allowed } : null;
}
