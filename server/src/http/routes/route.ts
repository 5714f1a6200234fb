import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  boardIdSchema,
  canCastDots,
  ERROR_CODES,
  isLeadRole,
  isReadOnlyRole,
  type BoardInfo,
  type Identity,
} from '@empiria/shared';
import {
  bearerToken,
  boardOf,
  isGuess,
  type Access,
  type AccessFailure,
  type BoardAccess,
  type AccessResolver,
} from '../../auth/access';
import type { SessionClaims } from '../../auth/tokens';
import { identityOf, type BoardService } from '../../boards/board-service';
import { forbidden, HttpError, notFound, unauthorized } from '../http-error';

export type Handler = (req: IncomingMessage, res: ServerResponse, params: string[]) => Promise<void> | void;

export interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

const TOKEN_MESSAGES = {
  missing: 'A token is required (Authorization: Bearer <token>).',
  malformed: 'The token is not valid.',
  'bad-signature': 'The token is not valid.',
  expired: 'The token has expired; open your invite link again.',
  revoked: 'This link has been revoked; ask the facilitator for a new one.',
  removed: 'The facilitator has removed you from this board.',
} as const;

/**
 * A 401 for a refused token, saying why: the server counts the refusals that could be guesses
 * (an admin token tried, a signature forged) and locks out an address that makes too many ([R3]).
 */
export class TokenRefused extends HttpError {
  readonly reason: AccessFailure;

  constructor(reason: AccessFailure, message: string = TOKEN_MESSAGES[reason]) {
    super(401, ERROR_CODES.unauthorized, message);
    this.reason = reason;
  }

  get guess(): boolean {
    return isGuess(this.reason);
  }
}

/** A person acting on a board through their session token. */
export interface Actor {
  board: BoardInfo;
  claims: SessionClaims;
  identity: Identity;
}

/**
 * The checks every route makes, spelled out once: who is calling (admin, invite, session) and
 * whether that token belongs to the board in the path. Each route calls the one it needs.
 */
export class RouteGuards {
  readonly #access: AccessResolver;
  readonly #boards: BoardService;

  constructor(access: AccessResolver, boards: BoardService) {
    this.#access = access;
    this.#boards = boards;
  }

  async authenticate(req: IncomingMessage): Promise<Access> {
    const result = await this.#access.resolve(bearerToken(req.headers.authorization));
    if (!result.ok) throw new TokenRefused(result.reason);
    return result.access;
  }

  async requireAdmin(req: IncomingMessage): Promise<void> {
    if ((await this.authenticate(req)).kind !== 'admin')
      throw forbidden('Only the administrator can do that.');
  }

  boardId(raw: string | undefined): string {
    const parsed = boardIdSchema.safeParse(raw);
    if (!parsed.success) throw notFound('No such board.');
    return parsed.data;
  }

  /** The caller's access, if it is the admin's or belongs to this board. */
  async requireBoardAccess(
    req: IncomingMessage,
    boardId: string,
  ): Promise<{ access: BoardAccess; board: BoardInfo }> {
    const access = await this.authenticate(req);
    if (access.kind === 'personal')
      throw unauthorized("A personal link opens your network's home, not a board: use the board's link.");
    const owner = boardOf(access);
    if (owner !== null && owner !== boardId) throw unauthorized('This token belongs to another board.');
    const board = await this.#boards.get(boardId);
    if (!board) throw notFound('No such board.');
    return { access, board };
  }

  /** A joined person of this board (a session token): votes, hands and private notes need one. */
  async requireActor(req: IncomingMessage, boardId: string): Promise<Actor> {
    const { access, board } = await this.requireBoardAccess(req, boardId);
    if (access.kind !== 'session') throw forbidden('Join the board first.');
    return { board, claims: access.claims, identity: identityOf(access.claims) };
  }

  /** The facilitator or the expert of this board ([P2]). */
  async requireLead(req: IncomingMessage, boardId: string): Promise<Actor> {
    const actor = await this.requireActor(req, boardId);
    if (!isLeadRole(actor.claims.r)) throw forbidden('Only the facilitator or the expert can do that.');
    return actor;
  }

  /** Anyone who works on the board: not an observer. */
  async requireWorker(req: IncomingMessage, boardId: string): Promise<Actor> {
    const actor = await this.requireActor(req, boardId);
    if (isReadOnlyRole(actor.claims.r)) {
      throw forbidden('Observers and the room display take no part in the working board.');
    }
    return actor;
  }

  /** Someone who places dots in a vote: the cities' choice, so not a guest expert ([G3]). */
  async requireDotVoter(req: IncomingMessage, boardId: string): Promise<Actor> {
    const actor = await this.requireWorker(req, boardId);
    if (!canCastDots(actor.claims.r)) {
      throw forbidden('A guest expert advises the group but does not place dots: the cities vote.');
    }
    return actor;
  }
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
