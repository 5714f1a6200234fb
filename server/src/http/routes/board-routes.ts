import {
  createBoardRequestSchema,
  joinRequestSchema,
  mergePersonRequestSchema,
  roleSchema,
  type BoardAccessResponse,
  type BoardListResponse,
  type ClientConfig,
  type CreateBoardResponse,
  type JoinResponse,
  type PeopleResponse,
  type RevokeInviteResponse,
  boardPersonIdSchema,
} from '@empiria/shared';
import { writeInitialDocuments } from '../../boards/initial-documents';
import type { ApiContext } from '../api-context';
import { forbidden, HttpError, sendJson } from '../http-error';
import { readJsonBody } from '../json-body';
import type { Route } from './route';

function personParam(raw: string | undefined): string {
  const parsed = boardPersonIdSchema.safeParse(raw);
  if (!parsed.success) throw new HttpError(404, 'not_found', 'No such person.');
  return parsed.data;
}

/** Configuration, boards, joining, invites and the people who joined (docs/api.md). */
export function createBoardRoutes(ctx: ApiContext): Route[] {
  const { guards } = ctx;
  const people = async (boardId: string): Promise<PeopleResponse> => ({
    people: await ctx.boards.people.list(boardId, new Set(ctx.registry.peopleOn(boardId).map((p) => p.id))),
  });
  /** After a merge or a removal, votes and approvals are counted again and everyone sees it ([I4]). */
  const recount = async (boardId: string) => {
    await ctx.facilitation.voting.recount(boardId);
    await ctx.summary.approvals.recount(boardId);
  };
  return [
    {
      method: 'GET',
      pattern: /^\/api\/config$/,
      handler: async (_req, res) => {
        const body: ClientConfig = { tldrawLicenseKey: ctx.tldrawLicenseKey, version: ctx.version };
        sendJson(res, 200, body);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/boards$/,
      handler: async (req, res) => {
        await guards.requireAdmin(req);
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
      handler: async (req, res) => {
        await guards.requireAdmin(req);
        const response: BoardListResponse = { boards: await ctx.boards.listForAdmin() };
        sendJson(res, 200, response);
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/boards\/([^/]+)$/,
      handler: async (req, res, [rawId]) => {
        const boardId = guards.boardId(rawId);
        const { access, board } = await guards.requireBoardAccess(req, boardId);
        const response: BoardAccessResponse = {
          board,
          role: access.kind === 'admin' ? null : access.claims.r,
        };
        sendJson(res, 200, response);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/boards\/([^/]+)\/join$/,
      handler: async (req, res, [rawId]) => {
        const boardId = guards.boardId(rawId);
        const { access, board } = await guards.requireBoardAccess(req, boardId);
        if (access.kind !== 'invite') throw forbidden('Join with an invite link.');
        const person = await readJsonBody(req, joinRequestSchema);
        const session = await ctx.boards.join(boardId, access.claims.r, access.claims.i, person);
        await ctx.attendance.record(boardId, { ...session.identity, where: person.where });
        ctx.log.info('person joined', {
          board: boardId,
          role: access.claims.r,
          person: session.identity.id,
          device: person.deviceSecret ? 'known-or-new' : 'none',
        });
        const response: JoinResponse = { ...session, board };
        sendJson(res, 200, response);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/boards\/([^/]+)\/invites\/([^/]+)\/revoke$/,
      handler: async (req, res, [rawId, rawRole]) => {
        const boardId = guards.boardId(rawId);
        const { access } = await guards.requireBoardAccess(req, boardId);
        const lead =
          access.kind === 'session' && (access.claims.r === 'facilitator' || access.claims.r === 'expert');
        if (access.kind !== 'admin' && !lead)
          throw forbidden('Only the administrator or the facilitator can do that.');
        const role = roleSchema.safeParse(rawRole);
        if (!role.success) throw new HttpError(404, 'not_found', `No such role: ${rawRole}.`);
        const { invite, revokedIds } = await ctx.boards.rotateInvite(boardId, role.data);
        const closed = revokedIds.reduce((sum, id) => sum + ctx.registry.closeInvite(id), 0);
        ctx.log.info('invite rotated', { board: boardId, role: role.data, closedConnections: closed });
        const response: RevokeInviteResponse = { role: role.data, invite };
        sendJson(res, 200, response);
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/boards\/([^/]+)\/people$/,
      handler: async (req, res, [rawId]) => {
        const boardId = guards.boardId(rawId);
        await guards.requireLead(req, boardId);
        sendJson(res, 200, await people(boardId));
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/boards\/([^/]+)\/people\/([^/]+)\/merge$/,
      handler: async (req, res, [rawId, rawPerson]) => {
        const boardId = guards.boardId(rawId);
        await guards.requireLead(req, boardId);
        const aliasId = personParam(rawPerson);
        const { into } = await readJsonBody(req, mergePersonRequestSchema);
        const merged = await ctx.boards.people.merge(boardId, aliasId, into);
        ctx.log.info('people merged', { board: boardId, ...merged });
        await recount(boardId);
        sendJson(res, 200, await people(boardId));
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/boards\/([^/]+)\/people\/([^/]+)\/remove$/,
      handler: async (req, res, [rawId, rawPerson]) => {
        const boardId = guards.boardId(rawId);
        const actor = await guards.requireLead(req, boardId);
        const personId = personParam(rawPerson);
        const ended = await ctx.boards.people.remove(boardId, personId, actor.identity.id);
        const closed = ctx.registry.closePeople(boardId, new Set(ended));
        ctx.log.info('person removed', { board: boardId, person: personId, closedConnections: closed });
        await recount(boardId);
        sendJson(res, 200, await people(boardId));
      },
    },
  ];
}
