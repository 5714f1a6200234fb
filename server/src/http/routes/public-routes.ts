import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  entityIdSchema,
  languageSchema,
  mayPublishNetwork,
  mayViewPublication,
  publicationRequestSchema,
  type Language,
  type NetworkActor,
} from '@empiria/shared';
import { publicFeedXml } from '../../public/public-feed';
import { publicNetworkHtml, publicNoteHtml } from '../../public/public-html';
import type { PublicationService } from '../../public/publication-service';
import { meetingNotesToHtml } from '../../summary/html-export';
import type { ApiContext } from '../api-context';
import { forbidden, notFound, sendJson } from '../http-error';
import { readJsonBody } from '../json-body';
import { TokenRefused, type Route } from './route';

/** Any id that is not one is "nothing here", as an unknown one is ([PUB4]). */
function idParam(raw: string | undefined): string {
  const parsed = entityIdSchema.safeParse(raw);
  if (!parsed.success) throw notFound('There is no public page here.');
  return parsed.data;
}

/** `?lang=en` switches the page's own words; anything else is Polish. */
function languageOf(req: IncomingMessage): Language {
  const parsed = languageSchema.safeParse(new URL(req.url ?? '', 'http://x').searchParams.get('lang'));
  return parsed.success ? parsed.data : 'pl';
}

/**
 * [PUB2] no copy may outlive a withdrawn consent: a browser or proxy revalidates on every use
 * (`no-cache`), and the page is built anew each time.
 */
function sendPublic(res: ServerResponse, contentType: string, text: string): void {
  const body = Buffer.from(text, 'utf8');
  res.writeHead(200, {
    'content-type': contentType,
    'content-length': body.byteLength,
    'cache-control': 'no-cache',
  });
  res.end(body);
}

/**
 * The network's public page, its feed and its notes (no login; docs/api.md "Public page"; rules
 * PUB1–PUB4), and the pair's switch that opens it. The public routes are outside /api, read no
 * token, and are limited per address (rate-limits.ts); they answer 404 alike for a network that
 * does not exist, a page that is closed and a note that is not published.
 */
export function createPublicRoutes(ctx: ApiContext, publication: PublicationService): Route[] {
  const actorOf = async (req: IncomingMessage): Promise<NetworkActor> => {
    const access = await ctx.guards.authenticate(req);
    if (access.kind === 'admin') return { kind: 'office' };
    if (access.kind === 'personal') {
      const actor = ctx.networks.networks.actorOf(access.claims.w, access.claims.u);
      if (!actor) throw new TokenRefused('revoked');
      return actor;
    }
    throw forbidden('The public page is switched with a personal link or the administrator token.');
  };

  return [
    {
      method: 'GET',
      pattern: /^\/public\/networks\/([^/]+)\/?$/,
      handler: async (req, res, [rawId]) => {
        const language = languageOf(req);
        const view = await publication.page(idParam(rawId));
        sendPublic(res, 'text/html; charset=utf-8', publicNetworkHtml(view, language));
      },
    },
    {
      method: 'GET',
      pattern: /^\/public\/networks\/([^/]+)\/feed\.xml$/,
      handler: async (req, res, [rawId]) => {
        const networkId = idParam(rawId);
        const feed = await publication.feed(networkId);
        const xml = publicFeedXml({ ...feed, language: languageOf(req) });
        sendPublic(res, 'application/atom+xml; charset=utf-8', xml);
      },
    },
    {
      method: 'GET',
      pattern: /^\/public\/networks\/([^/]+)\/notes\/([^/]+)$/,
      handler: async (req, res, [rawId, rawMeeting]) => {
        const networkId = idParam(rawId);
        const notes = await publication.note(networkId, idParam(rawMeeting));
        sendPublic(
          res,
          'text/html; charset=utf-8',
          publicNoteHtml(meetingNotesToHtml(notes), networkId, languageOf(req)),
        );
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/networks\/([^/]+)\/publication$/,
      handler: async (req, res, [rawId]) => {
        const networkId = idParam(rawId);
        if (!mayViewPublication(await actorOf(req), networkId)) {
          throw forbidden('The people who run the network see its public page’s settings.');
        }
        sendJson(res, 200, await publication.state(networkId));
      },
    },
    {
      method: 'PUT',
      pattern: /^\/api\/networks\/([^/]+)\/publication$/,
      handler: async (req, res, [rawId]) => {
        const networkId = idParam(rawId);
        const actor = await actorOf(req);
        if (!mayPublishNetwork(actor, networkId)) {
          throw forbidden('The facilitator and the expert open or close the network’s public page.');
        }
        const body = await readJsonBody(req, publicationRequestSchema);
        const by = actor.kind === 'office' ? 'office' : actor.personId;
        const state = await publication.setPublic(networkId, body.public, by);
        ctx.log.info('public page switched', { network: networkId, public: state.public });
        sendJson(res, 200, state);
      },
    },
  ];
}
