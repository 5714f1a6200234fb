import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createForumThreadRequestSchema,
  entityIdSchema,
  ERROR_CODES,
  forumAgendaRequestSchema,
  forumHideRequestSchema,
  forumPostRequestSchema,
  forumReadRequestSchema,
  type ForumCreatedResponse,
  type NetworkActor,
  type ForumConversionResponse,
  type ForumPostDeletedResponse,
} from '@empiria/shared';
import type { ForumService } from '../../networks/forum-service';
import type { PersonActor } from '../../networks/home-access';
import type { ApiContext } from '../api-context';
import { forbidden, HttpError, notFound, sendJson } from '../http-error';
import { readJsonBody } from '../json-body';
import { TokenRefused, type Handler, type Route } from './route';

function idParam(raw: string | undefined, what: string): string {
  const parsed = entityIdSchema.safeParse(raw);
  if (!parsed.success) throw notFound(`No such ${what}.`);
  return parsed.data;
}

function noContent(res: ServerResponse): void {
  res.writeHead(204, { 'cache-control': 'no-store' });
  res.end();
}

const NETWORK = String.raw`\/api\/networks\/([^/]+)\/forum`;
const path = (tail: string) => new RegExp(`^${NETWORK}${tail}$`);

/**
 * The network forum (docs/api.md, "Network forum"; rules F1–F5). Opened with a personal link of
 * the network or the office's admin token; every change counts against the act limit per token,
 * as the networks' routes do (rate-limits.ts matches `/api/networks/…`).
 */
export function createForumRoutes(ctx: ApiContext, forum: ForumService): Route[] {
  const actorOf = async (req: IncomingMessage): Promise<NetworkActor> => {
    const access = await ctx.guards.authenticate(req);
    if (access.kind === 'admin') return { kind: 'office' };
    if (access.kind === 'personal') {
      const actor = await ctx.networks.networks.actorOf(access.claims.w, access.claims.u);
      // The person left the network between the link's check and now.
      if (!actor) throw new TokenRefused('revoked');
      return actor;
    }
    throw forbidden('The forum opens with a personal link or the administrator token, not a board link.');
  };

  const personOf = async (req: IncomingMessage): Promise<PersonActor> => {
    const actor = await actorOf(req);
    if (actor.kind !== 'person') {
      throw new HttpError(
        403,
        ERROR_CODES.forbidden,
        'The office has no home of its own: see /api/networks.',
      );
    }
    return actor;
  };

  const route = (method: string, pattern: RegExp, handler: Handler): Route => ({
    method,
    pattern,
    handler,
  });

  return [
    route('GET', path(''), async (req, res, [rawId]) => {
      sendJson(res, 200, await forum.list(await actorOf(req), idParam(rawId, 'network')));
    }),
    route('POST', path(String.raw`\/threads`), async (req, res, [rawId]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await actorOf(req);
      const body = await readJsonBody(req, createForumThreadRequestSchema);
      const created: ForumCreatedResponse = await forum.createThread(actor, networkId, body);
      ctx.log.info('forum thread opened', { network: networkId, thread: created.threadId, kind: body.kind });
      sendJson(res, 201, created);
    }),
    route('GET', path(String.raw`\/threads\/([^/]+)`), async (req, res, [rawId, rawThread]) => {
      sendJson(
        res,
        200,
        await forum.thread(await actorOf(req), idParam(rawId, 'network'), idParam(rawThread, 'thread')),
      );
    }),
    route('POST', path(String.raw`\/threads\/([^/]+)\/posts`), async (req, res, [rawId, rawThread]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await actorOf(req);
      const threadId = idParam(rawThread, 'thread');
      const { body } = await readJsonBody(req, forumPostRequestSchema);
      sendJson(res, 201, await forum.reply(actor, networkId, threadId, body));
    }),
    route('PUT', path(String.raw`\/threads\/([^/]+)\/read`), async (req, res, [rawId, rawThread]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await actorOf(req);
      const { upToSeq } = await readJsonBody(req, forumReadRequestSchema);
      await forum.markRead(actor, networkId, idParam(rawThread, 'thread'), upToSeq);
      noContent(res);
    }),
    route('POST', path(String.raw`\/threads\/([^/]+)\/agenda`), async (req, res, [rawId, rawThread]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await actorOf(req);
      const threadId = idParam(rawThread, 'thread');
      const body = await readJsonBody(req, forumAgendaRequestSchema);
      const conversion = await forum.toAgenda(actor, networkId, threadId, body);
      ctx.log.info('forum need put on an agenda', {
        network: networkId,
        thread: threadId,
        meeting: conversion.meetingId,
      });
      sendJson(res, 201, { conversion } satisfies ForumConversionResponse);
    }),
    route('PATCH', path(String.raw`\/posts\/([^/]+)`), async (req, res, [rawId, rawPost]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await actorOf(req);
      const { body } = await readJsonBody(req, forumPostRequestSchema);
      await forum.editPost(actor, networkId, idParam(rawPost, 'post'), body);
      noContent(res);
    }),
    route('DELETE', path(String.raw`\/posts\/([^/]+)`), async (req, res, [rawId, rawPost]) => {
      const deleted: ForumPostDeletedResponse = await forum.deletePost(
        await actorOf(req),
        idParam(rawId, 'network'),
        idParam(rawPost, 'post'),
      );
      sendJson(res, 200, deleted);
    }),
    route('PUT', path(String.raw`\/posts\/([^/]+)\/hidden`), async (req, res, [rawId, rawPost]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await actorOf(req);
      const postId = idParam(rawPost, 'post');
      const { hidden } = await readJsonBody(req, forumHideRequestSchema);
      await forum.setHidden(actor, networkId, postId, hidden);
      ctx.log.info('forum post moderated', { network: networkId, post: postId, hidden });
      noContent(res);
    }),
    // [F5] the personal home's notification: unread posts in the link's network.
    route('GET', /^\/api\/me\/forum$/, async (req, res) => {
      sendJson(res, 200, await forum.unread(await personOf(req)));
    }),
  ];
}
