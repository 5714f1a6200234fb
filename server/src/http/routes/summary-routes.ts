import {
  commentRequestSchema,
  decisionRequestSchema,
  draftRequestSchema,
  openApprovalRequestSchema,
  shareConsentRequestSchema,
  notesExportFormatSchema,
  summaryVersionIdSchema,
  type ApprovalResponse,
  type CommentResponse,
  type CommentsResponse,
  type DraftResponse,
} from '@empiria/shared';
import { addComment, listComments } from '../../summary/comments';
import type { SummaryServices } from '../../summary/summary-services';
import type { ApiContext } from '../api-context';
import { forbidden, HttpError, sendJson } from '../http-error';
import { readJsonBody } from '../json-body';
import type { Route } from './route';

/** The summary note: approval rounds, comments, and the exported meeting notes. */
export function createSummaryRoutes(ctx: ApiContext, services: SummaryServices): Route[] {
  const { guards } = ctx;
  return [
    {
      method: 'POST',
      pattern: /^\/api\/boards\/([^/]+)\/summary\/draft$/,
      handler: async (req, res, [rawId]) => {
        const boardId = guards.boardId(rawId);
        const actor = await guards.requireLead(req, boardId);
        // The body is optional (older clients send none): the drafter's language, if given.
        const { language } = req.headers['content-type']
          ? await readJsonBody(req, draftRequestSchema)
          : { language: undefined };
        const drafted: DraftResponse = {
          report: await services.drafts.draft(actor.board, new Date(), language),
        };
        sendJson(res, 200, drafted);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/boards\/([^/]+)\/summary\/versions$/,
      handler: async (req, res, [rawId]) => {
        const boardId = guards.boardId(rawId);
        await guards.requireLead(req, boardId);
        const { rule } = await readJsonBody(req, openApprovalRequestSchema);
        sendJson(res, 201, {
          approval: await services.approvals.freeze(boardId, rule),
        } satisfies ApprovalResponse);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/boards\/([^/]+)\/summary\/versions\/([^/]+)\/close$/,
      handler: async (req, res, [rawId, rawVersion]) => {
        const boardId = guards.boardId(rawId);
        await guards.requireLead(req, boardId);
        const versionId = summaryVersionIdSchema.safeParse(rawVersion);
        if (!versionId.success) throw new HttpError(404, 'not_found', 'No such version.');
        sendJson(res, 200, {
          approval: await services.approvals.close(boardId, versionId.data),
        } satisfies ApprovalResponse);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/boards\/([^/]+)\/summary\/decisions$/,
      handler: async (req, res, [rawId]) => {
        const boardId = guards.boardId(rawId);
        const actor = await guards.requireActor(req, boardId);
        const request = await readJsonBody(req, decisionRequestSchema);
        sendJson(res, 200, {
          approval: await services.approvals.decide(boardId, actor.identity, request),
        } satisfies ApprovalResponse);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/boards\/([^/]+)\/summary\/consents$/,
      handler: async (req, res, [rawId]) => {
        const boardId = guards.boardId(rawId);
        const actor = await guards.requireActor(req, boardId);
        const request = await readJsonBody(req, shareConsentRequestSchema);
        sendJson(res, 200, {
          approval: await services.approvals.consent(boardId, actor.identity, request),
        } satisfies ApprovalResponse);
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/boards\/([^/]+)\/summary\/comments$/,
      handler: async (req, res, [rawId]) => {
        const boardId = guards.boardId(rawId);
        const actor = await guards.requireActor(req, boardId);
        const request = await readJsonBody(req, commentRequestSchema);
        if (actor.claims.r === 'observer') {
          // Observers give opinions on results the group shared with them, not on drafts.
          await services.exporter.notes(actor.board, true);
        }
        const { id, name, city } = actor.identity;
        const comment = await addComment(ctx.registry, boardId, { ...request, author: { id, name, city } });
        sendJson(res, 201, { comment } satisfies CommentResponse);
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/boards\/([^/]+)\/summary\/comments$/,
      handler: async (req, res, [rawId]) => {
        const boardId = guards.boardId(rawId);
        const actor = await guards.requireActor(req, boardId);
        // Observers read the opinions on notes shared with them, as they cannot read the document.
        if (actor.claims.r === 'observer') await services.exporter.notes(actor.board, true);
        sendJson(res, 200, {
          comments: await listComments(ctx.registry, boardId),
        } satisfies CommentsResponse);
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/boards\/([^/]+)\/notes$/,
      handler: async (req, res, [rawId]) => {
        const boardId = guards.boardId(rawId);
        const { access, board } = await guards.requireBoardAccess(req, boardId);
        if (access.kind === 'invite') throw forbidden('Join the board first.');
        const format = notesExportFormatSchema.safeParse(
          new URL(req.url ?? '', 'http://x').searchParams.get('format') ?? 'md',
        );
        if (!format.success) throw new HttpError(400, 'bad_request', 'format must be md, docx or html.');
        const observer = access.kind === 'session' && access.claims.r === 'observer';
        const exported = await services.exporter.export(board, format.data, observer);
        const body = typeof exported.body === 'string' ? Buffer.from(exported.body, 'utf8') : exported.body;
        res.writeHead(200, {
          'content-type': exported.contentType,
          'content-length': body.byteLength,
          'content-disposition': `attachment; filename="${exported.filename}"`,
          'cache-control': 'no-store',
          'x-empiria-approved': exported.approved ? 'true' : 'false',
        });
        res.end(body);
      },
    },
  ];
}
