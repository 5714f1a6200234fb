import type { IncomingMessage } from 'node:http';
import {
  entityIdSchema,
  languageSchema,
  returnReportRequestSchema,
  saveReportRequestSchema,
  submitReportRequestSchema,
  type NetworkActor,
} from '@empiria/shared';
import { meetingReportToDocx } from '../../networks/meeting-report-docx';
import type { MeetingReportService } from '../../networks/meeting-report-service';
import type { ApiContext } from '../api-context';
import { forbidden, notFound, sendJson } from '../http-error';
import { readJsonBody } from '../json-body';
import { TokenRefused, type Handler, type Route } from './route';

function meetingParam(raw: string | undefined): string {
  const parsed = entityIdSchema.safeParse(raw);
  if (!parsed.success) throw notFound('No such meeting.');
  return parsed.data;
}

const path = (tail: string) => new RegExp(String.raw`^\/api\/meetings\/([^/]+)\/report${tail}$`);

/**
 * The facilitator's report after a meeting (docs/api.md, "Meeting report"; rules FR1–FR4). Opened
 * with a personal link of the meeting's network or the office's admin token.
 */
export function createMeetingReportRoutes(ctx: ApiContext, reports: MeetingReportService): Route[] {
  const actorOf = async (req: IncomingMessage): Promise<NetworkActor> => {
    const access = await ctx.guards.authenticate(req);
    if (access.kind === 'admin') return { kind: 'office' };
    if (access.kind === 'personal') {
      const actor = ctx.networks.networks.actorOf(access.claims.w, access.claims.u);
      // The person left the network between the link's check and now.
      if (!actor) throw new TokenRefused('revoked');
      return actor;
    }
    throw forbidden('A report opens with a personal link or the administrator token, not a board link.');
  };

  const route = (method: string, pattern: RegExp, handler: Handler): Route => ({
    method,
    pattern,
    handler,
  });

  return [
    route('GET', path(''), async (req, res, [raw]) => {
      sendJson(res, 200, await reports.get(await actorOf(req), meetingParam(raw)));
    }),
    route('PUT', path(''), async (req, res, [raw]) => {
      const meetingId = meetingParam(raw);
      const actor = await actorOf(req);
      const body = await readJsonBody(req, saveReportRequestSchema);
      sendJson(res, 200, await reports.save(actor, meetingId, body));
    }),
    route('POST', path(String.raw`\/submit`), async (req, res, [raw]) => {
      const meetingId = meetingParam(raw);
      const actor = await actorOf(req);
      const body = await readJsonBody(req, submitReportRequestSchema);
      const report = await reports.submit(actor, meetingId, body);
      ctx.log.info('meeting report submitted', { meeting: meetingId, revision: report.revision });
      sendJson(res, 200, report);
    }),
    route('POST', path(String.raw`\/return`), async (req, res, [raw]) => {
      const meetingId = meetingParam(raw);
      const actor = await actorOf(req);
      const { reason } = await readJsonBody(req, returnReportRequestSchema);
      const report = await reports.returnForCorrections(actor, meetingId, reason);
      ctx.log.info('meeting report returned for corrections', { meeting: meetingId });
      sendJson(res, 200, report);
    }),
    route('GET', path(String.raw`\.docx`), async (req, res, [raw]) => {
      const report = await reports.get(await actorOf(req), meetingParam(raw));
      const lang = languageSchema.safeParse(new URL(req.url ?? '', 'http://x').searchParams.get('lang'));
      const body = await meetingReportToDocx(report, lang.success ? lang.data : 'pl');
      res.writeHead(200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'content-length': body.byteLength,
        'content-disposition': `attachment; filename="sprawozdanie-${report.meeting.startsAt.slice(0, 10)}.docx"`,
        'cache-control': 'no-store',
      });
      res.end(body);
    }),
  ];
}
