import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createOfficeHoursSeriesRequestSchema,
  entityIdSchema,
  ERROR_CODES,
  OFFICE_HOURS_QUERY_MAX,
  officeHoursAnswerRequestSchema,
  officeHoursBookingRequestSchema,
  type NetworkActor,
} from '@empiria/shared';
import type { OfficeHoursService } from '../../networks/office-hours-service';
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

const BASE = String.raw`\/api\/networks\/([^/]+)\/office-hours`;
const path = (tail: string) => new RegExp(`^${BASE}${tail}$`);
const SLOT = String.raw`\/slots\/([^/]+)`;

/**
 * The expert's office hours (docs/api.md, "Networks: office hours"; rules OH1–OH5). Opened with a
 * personal link of the network or the office's admin token; every change counts against the act
 * limit per token, as the networks' routes do (rate-limits.ts matches `/api/networks/…`).
 */
export function createOfficeHoursRoutes(ctx: ApiContext, officeHours: OfficeHoursService): Route[] {
  const actorOf = async (req: IncomingMessage): Promise<NetworkActor> => {
    const access = await ctx.guards.authenticate(req);
    if (access.kind === 'admin') return { kind: 'office' };
    if (access.kind === 'personal') {
      const actor = await ctx.networks.networks.actorOf(access.claims.w, access.claims.u);
      // The person left the network between the link's check and now.
      if (!actor) throw new TokenRefused('revoked');
      return actor;
    }
    throw forbidden('Office hours open with a personal link or the administrator token, not a board link.');
  };

  const route = (method: string, pattern: RegExp, handler: Handler): Route => ({
    method,
    pattern,
    handler,
  });

  return [
    route('GET', path(''), async (req, res, [rawId]) => {
      sendJson(res, 200, await officeHours.list(await actorOf(req), idParam(rawId, 'network')));
    }),
    route('POST', path(''), async (req, res, [rawId]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await actorOf(req);
      const series = await readJsonBody(req, createOfficeHoursSeriesRequestSchema);
      const created = await officeHours.publish(actor, networkId, series);
      ctx.log.info('office hours published', {
        network: networkId,
        series: created.seriesId,
        slots: created.slots.length,
      });
      sendJson(res, 201, created);
    }),
    route('DELETE', path(SLOT), async (req, res, [rawId, rawSlot]) => {
      await officeHours.cancelSlot(await actorOf(req), idParam(rawId, 'network'), idParam(rawSlot, 'slot'));
      noContent(res);
    }),
    route('POST', path(`${SLOT}\\/booking`), async (req, res, [rawId, rawSlot]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await actorOf(req);
      const slotId = idParam(rawSlot, 'slot');
      const { question } = await readJsonBody(req, officeHoursBookingRequestSchema);
      await officeHours.book(actor, networkId, slotId, question);
      ctx.log.info('office hours booked', { network: networkId, slot: slotId });
      sendJson(res, 201, { slotId });
    }),
    route('DELETE', path(`${SLOT}\\/booking`), async (req, res, [rawId, rawSlot]) => {
      await officeHours.cancelBooking(
        await actorOf(req),
        idParam(rawId, 'network'),
        idParam(rawSlot, 'slot'),
      );
      noContent(res);
    }),
    route('PUT', path(`${SLOT}\\/answer`), async (req, res, [rawId, rawSlot]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await actorOf(req);
      const { answer } = await readJsonBody(req, officeHoursAnswerRequestSchema);
      await officeHours.answer(actor, networkId, idParam(rawSlot, 'slot'), answer);
      noContent(res);
    }),
    route('GET', path(String.raw`\/log`), async (req, res, [rawId]) => {
      const query = new URL(req.url ?? '', 'http://x').searchParams.get('q') ?? '';
      if (query.length > OFFICE_HOURS_QUERY_MAX) {
        throw new HttpError(
          400,
          ERROR_CODES.badRequest,
          `A search is at most ${OFFICE_HOURS_QUERY_MAX} characters.`,
        );
      }
      sendJson(res, 200, await officeHours.log(await actorOf(req), idParam(rawId, 'network'), query.trim()));
    }),
  ];
}
