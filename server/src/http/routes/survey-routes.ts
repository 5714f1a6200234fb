import type { IncomingMessage } from 'node:http';
import {
  createSurveyRequestSchema,
  entityIdSchema,
  ERROR_CODES,
  submitSurveyAnswersRequestSchema,
  updateSurveyRequestSchema,
  type NetworkActor,
  type SurveyCreatedResponse,
} from '@empiria/shared';
import type { PersonActor } from '../../networks/home-access';
import type { SurveyService } from '../../networks/survey-service';
import type { ApiContext } from '../api-context';
import { forbidden, HttpError, notFound, sendJson } from '../http-error';
import { readJsonBody } from '../json-body';
import { TokenRefused, type Handler, type Route } from './route';

export function idParam(raw: string | undefined, what: string): string {
  const parsed = entityIdSchema.safeParse(raw);
  if (!parsed.success) throw notFound(`No such ${what}.`);
  return parsed.data;
}

const SURVEYS = String.raw`\/api\/networks\/([^/]+)\/surveys`;
const path = (tail: string) => new RegExp(`^${SURVEYS}${tail}$`);
const ONE = String.raw`\/([^/]+)`;

/**
 * A network's surveys (docs/api.md, "Networks: surveys"; rules SV1–SV5): opened with a personal
 * link of the network or the office's admin token; the board's view of the latest trust survey
 * with a board session. Writes count against the act limit per token, as the networks' routes do
 * (rate-limits.ts matches `/api/networks/…`).
 */
export function createSurveyRoutes(ctx: ApiContext, surveys: SurveyService): Route[] {
  const actorOf = async (req: IncomingMessage): Promise<NetworkActor> => {
    const access = await ctx.guards.authenticate(req);
    if (access.kind === 'admin') return { kind: 'office' };
    if (access.kind === 'personal') {
      const actor = await ctx.networks.networks.actorOf(access.claims.w, access.claims.u);
      if (!actor) throw new TokenRefused('revoked');
      return actor;
    }
    throw forbidden('Surveys open with a personal link or the administrator token, not a board link.');
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
      sendJson(res, 200, await surveys.list(await actorOf(req), idParam(rawId, 'network')));
    }),
    route('POST', path(''), async (req, res, [rawId]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await actorOf(req);
      const body = await readJsonBody(req, createSurveyRequestSchema);
      const created: SurveyCreatedResponse = { surveyId: await surveys.create(actor, networkId, body) };
      ctx.log.info('survey created', { network: networkId, survey: created.surveyId, kind: body.kind });
      sendJson(res, 201, created);
    }),
    route('GET', path(ONE), async (req, res, [rawId, rawSurvey]) => {
      sendJson(
        res,
        200,
        await surveys.get(await actorOf(req), idParam(rawId, 'network'), idParam(rawSurvey, 'survey')),
      );
    }),
    route('PATCH', path(ONE), async (req, res, [rawId, rawSurvey]) => {
      const networkId = idParam(rawId, 'network');
      const surveyId = idParam(rawSurvey, 'survey');
      const actor = await actorOf(req);
      const patch = await readJsonBody(req, updateSurveyRequestSchema);
      await surveys.update(actor, networkId, surveyId, patch);
      sendJson(res, 200, await surveys.get(actor, networkId, surveyId));
    }),
    ...(['open', 'close'] as const).map((act) =>
      route('POST', path(`${ONE}\\/${act}`), async (req, res, [rawId, rawSurvey]) => {
        const networkId = idParam(rawId, 'network');
        const surveyId = idParam(rawSurvey, 'survey');
        const actor = await actorOf(req);
        await surveys.setStatus(actor, networkId, surveyId, act === 'open' ? 'open' : 'closed');
        ctx.log.info(`survey ${act === 'open' ? 'opened' : 'closed'}`, {
          network: networkId,
          survey: surveyId,
        });
        sendJson(res, 200, await surveys.get(actor, networkId, surveyId));
      }),
    ),
    route('POST', path(`${ONE}\\/answers`), async (req, res, [rawId, rawSurvey]) => {
      const networkId = idParam(rawId, 'network');
      const surveyId = idParam(rawSurvey, 'survey');
      const actor = await actorOf(req);
      const body = await readJsonBody(req, submitSurveyAnswersRequestSchema);
      await surveys.answer(actor, networkId, surveyId, body);
      // [SV3] no person in the log: a log line with a time and a person would link them.
      res.writeHead(204, { 'cache-control': 'no-store' });
      res.end();
    }),
    route('GET', path(`${ONE}\\/results`), async (req, res, [rawId, rawSurvey]) => {
      sendJson(
        res,
        200,
        await surveys.results(await actorOf(req), idParam(rawId, 'network'), idParam(rawSurvey, 'survey')),
      );
    }),
    // The personal home's "surveys to fill in".
    route('GET', /^\/api\/me\/surveys$/, async (req, res) => {
      sendJson(res, 200, await surveys.pending(await personOf(req)));
    }),
    // Format 0's trust step shows the network's latest trust survey to those working on the board;
    // observers follow the board as a stream of what the group shares, and this is not that.
    route('GET', /^\/api\/boards\/([^/]+)\/surveys\/trust-results$/, async (req, res, [rawId]) => {
      const boardId = ctx.guards.boardId(rawId);
      const actor = await ctx.guards.requireActor(req, boardId);
      if (actor.claims.r === 'observer') {
        throw forbidden('Observers see only what the group agreed to share with them.');
      }
      sendJson(res, 200, await surveys.boardTrustResults(boardId));
    }),
  ];
}
