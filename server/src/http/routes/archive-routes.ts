import type { IncomingMessage } from 'node:http';
import {
  archiveViewOf,
  entityIdSchema,
  mayViewOfficeOverview,
  notesExportFormatSchema,
  searchRequestSchema,
  searchScopeOf,
  type ArchiveResponse,
  type NetworkActor,
  type OfficeOverviewResponse,
  type SearchResponse,
} from '@empiria/shared';
import type { ArchiveServices } from '../../networks/archive-services';
import type { NetworkServices } from '../../networks/network-services';
import type { ApiContext } from '../api-context';
import { forbidden, HttpError, notFound, sendJson } from '../http-error';
import { TokenRefused, type Handler, type Route } from './route';

function idParam(raw: string | undefined, what: string): string {
  const parsed = entityIdSchema.safeParse(raw);
  if (!parsed.success) throw notFound(`No such ${what}.`);
  return parsed.data;
}

const OTHER_NETWORK = 'This personal link belongs to another network.';

/**
 * A network's archive and its notes' exports, search, and the office overview (docs/api.md,
 * "Networks: archive, search, office"; rules [N13]–[N16] in docs/permissions.md).
 */
export function createArchiveRoutes(
  ctx: ApiContext,
  networkServices: NetworkServices,
  services: ArchiveServices,
): Route[] {
  /** The office (admin token) or a person through their personal link (as network-routes.ts). */
  const actorOf = async (req: IncomingMessage): Promise<NetworkActor> => {
    const access = await ctx.guards.authenticate(req);
    if (access.kind === 'admin') return { kind: 'office' };
    if (access.kind === 'personal') {
      const actor = await networkServices.networks.actorOf(access.claims.w, access.claims.u);
      if (!actor) throw new TokenRefused('revoked');
      return actor;
    }
    throw forbidden('The archive opens with a personal link or the administrator token, not a board link.');
  };

  const archiveView = async (req: IncomingMessage, networkId: string) => {
    const view = archiveViewOf(await actorOf(req), networkId);
    if (!view) throw forbidden(OTHER_NETWORK);
    return view;
  };

  const route = (method: string, pattern: RegExp, handler: Handler): Route => ({
    method,
    pattern,
    handler,
  });

  return [
    route('GET', /^\/api\/networks\/([^/]+)\/archive$/, async (req, res, [rawId]) => {
      const networkId = idParam(rawId, 'network');
      const response: ArchiveResponse = await services.archive.archive(
        networkId,
        await archiveView(req, networkId),
      );
      sendJson(res, 200, response);
    }),
    route(
      'GET',
      /^\/api\/networks\/([^/]+)\/meetings\/([^/]+)\/notes$/,
      async (req, res, [rawId, rawMeeting]) => {
        const networkId = idParam(rawId, 'network');
        await archiveView(req, networkId);
        const actor = await actorOf(req);
        // An observer city's people read only what the group shared (403 not_shared otherwise), as at home.
        const observer = actor.kind === 'person' && (await networkServices.home.readsAsObserver(actor));
        const meeting = await networkServices.meetings.get(networkId, idParam(rawMeeting, 'meeting'));
        const format = notesExportFormatSchema.safeParse(
          new URL(req.url ?? '', 'http://x').searchParams.get('format') ?? 'md',
        );
        if (!format.success) throw new HttpError(400, 'bad_request', 'format must be md, docx or html.');
        const board = await ctx.boards.get(meeting.boardId);
        // The archive hands out approved notes only: a draft is the board's, not the archive's.
        if (!board || !(await ctx.summary.approvals.latestApproved(board.id))) {
          throw new HttpError(404, 'not_approved', "This meeting's notes are not approved yet.");
        }
        const exported = await ctx.summary.exporter.export(board, format.data, observer);
        const body = typeof exported.body === 'string' ? Buffer.from(exported.body, 'utf8') : exported.body;
        res.writeHead(200, {
          'content-type': exported.contentType,
          'content-length': body.byteLength,
          'content-disposition': `attachment; filename="${exported.filename}"`,
          'cache-control': 'no-store',
          'x-empiria-approved': 'true',
        });
        res.end(body);
      },
    ),
    route('GET', /^\/api\/search$/, async (req, res) => {
      const actor = await actorOf(req);
      const params = new URL(req.url ?? '', 'http://x').searchParams;
      const parsed = searchRequestSchema.safeParse({
        q: params.get('q') ?? '',
        network: params.get('network') ?? undefined,
      });
      if (!parsed.success) {
        throw new HttpError(400, 'bad_request', parsed.error.issues[0]?.message ?? 'Bad search.');
      }
      const { q, network } = parsed.data;
      // Search reads every approved note and the boards' notes: an observer city's people would
      // read what the group has not shared with them ([N15]).
      if (actor.kind === 'person' && (await networkServices.home.readsAsObserver(actor))) {
        throw forbidden(
          'Observer cities see only the notes the group agreed to share: search is for its members.',
        );
      }
      const scope = searchScopeOf(actor);
      if (network !== undefined && scope !== null && !scope.includes(network)) throw forbidden(OTHER_NETWORK);
      // A network the office names must exist: a typo is not "no hits".
      if (network !== undefined) await networkServices.networks.get(network);
      const meetings = await services.archive.searchable(network !== undefined ? [network] : scope);
      const pending = await services.search.refresh(meetings.map((meeting) => meeting.boardId));
      const { words, hits, more } = await services.search.search(q, meetings);
      const response: SearchResponse = { query: q, words, hits, more, pending };
      sendJson(res, 200, response);
    }),
    route('GET', /^\/api\/office\/overview$/, async (req, res) => {
      if (!mayViewOfficeOverview(await actorOf(req))) throw forbidden('The overview is the office’s.');
      const response: OfficeOverviewResponse = { networks: await services.archive.overview() };
      sendJson(res, 200, response);
    }),
  ];
}
