import type { IncomingMessage } from 'node:http';
import {
  createPlanActionRequestSchema,
  entityIdSchema,
  reviewPlanActionRequestSchema,
  savePlanSectionRequestSchema,
  updatePlanActionRequestSchema,
  type NetworkActor,
} from '@empiria/shared';
import { planDocx } from '../../networks/plan-docx';
import type { PlanService } from '../../networks/plan-service';
import type { ApiContext } from '../api-context';
import { forbidden, notFound, sendJson } from '../http-error';
import { readJsonBody } from '../json-body';
import { TokenRefused, type Handler, type Route } from './route';

function idParam(raw: string | undefined, what: string): string {
  const parsed = entityIdSchema.safeParse(raw);
  if (!parsed.success) throw notFound(`No such ${what}.`);
  return parsed.data;
}

const NETWORK = String.raw`\/api\/networks\/([^/]+)\/plan`;
const BOARD = String.raw`\/api\/boards\/([^/]+)\/plan`;

/**
 * The network's work plan (docs/api.md, "Networks: work plan"; rules W1–W5). The network's routes
 * open with a personal link of the network or the office's admin token; the two board routes are
 * the plan review on a meeting's board, for the facilitator and the expert of that board, and
 * record each status change with the board's meeting. Writes count against the act limit per
 * token as every `/api/networks/…` and board act does (rate-limits.ts).
 */
export function createPlanRoutes(ctx: ApiContext, plan: PlanService): Route[] {
  const actorOf = async (req: IncomingMessage): Promise<NetworkActor> => {
    const access = await ctx.guards.authenticate(req);
    if (access.kind === 'admin') return { kind: 'office' };
    if (access.kind === 'personal') {
      const actor = ctx.networks.networks.actorOf(access.claims.w, access.claims.u);
      if (!actor) throw new TokenRefused('revoked');
      return actor;
    }
    throw forbidden('The work plan opens with a personal link or the administrator token, not a board link.');
  };

  const route = (method: string, pattern: RegExp, handler: Handler): Route => ({
    method,
    pattern,
    handler,
  });

  return [
    route('GET', new RegExp(`^${NETWORK}$`), async (req, res, [rawId]) => {
      sendJson(res, 200, plan.view(await actorOf(req), idParam(rawId, 'network')));
    }),
    route('PUT', new RegExp(`^${NETWORK}$`), async (req, res, [rawId]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await actorOf(req);
      const body = await readJsonBody(req, savePlanSectionRequestSchema);
      sendJson(res, 200, { section: await plan.saveSection(actor, networkId, body) });
    }),
    route('POST', new RegExp(`^${NETWORK}\\/seed$`), async (req, res, [rawId]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await actorOf(req);
      const { seeded } = await plan.seed(actor, networkId);
      ctx.log.info('work plan proposed from notes', { network: networkId, sections: seeded.length });
      sendJson(res, 200, { seeded, plan: plan.view(actor, networkId) });
    }),
    route('POST', new RegExp(`^${NETWORK}\\/actions$`), async (req, res, [rawId]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await actorOf(req);
      const body = await readJsonBody(req, createPlanActionRequestSchema);
      sendJson(res, 201, { action: plan.createAction(actor, networkId, body) });
    }),
    route('PATCH', new RegExp(`^${NETWORK}\\/actions\\/([^/]+)$`), async (req, res, [rawId, rawAction]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await actorOf(req);
      const actionId = idParam(rawAction, 'action');
      const body = await readJsonBody(req, updatePlanActionRequestSchema);
      sendJson(res, 200, { action: plan.updateAction(actor, networkId, actionId, body) });
    }),
    route(
      'GET',
      new RegExp(String.raw`^\/api\/networks\/([^/]+)\/plan\.docx$`),
      async (req, res, [rawId]) => {
        const networkId = idParam(rawId, 'network');
        const view = plan.view(await actorOf(req), networkId);
        const body = await planDocx(view);
        res.writeHead(200, {
          'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'content-length': body.byteLength,
          'content-disposition': 'attachment; filename="plan-pracy.docx"',
          'cache-control': 'no-store',
        });
        res.end(body);
      },
    ),
    // The plan review on a meeting's board ([W1]: the pair leads it there).
    route('GET', new RegExp(`^${BOARD}$`), async (req, res, [rawBoard]) => {
      const boardId = ctx.guards.boardId(rawBoard);
      const lead = await ctx.guards.requireLead(req, boardId);
      sendJson(res, 200, plan.review({ boardId, leadName: lead.claims.n }));
    }),
    route('PATCH', new RegExp(`^${BOARD}\\/actions\\/([^/]+)$`), async (req, res, [rawBoard, rawAction]) => {
      const boardId = ctx.guards.boardId(rawBoard);
      const lead = await ctx.guards.requireLead(req, boardId);
      const actionId = idParam(rawAction, 'action');
      const { status } = await readJsonBody(req, reviewPlanActionRequestSchema);
      const action = plan.reviewStatus({ boardId, leadName: lead.claims.n }, actionId, status);
      ctx.log.info('work plan action reviewed', { board: boardId, action: actionId, status });
      sendJson(res, 200, { action });
    }),
  ];
}
