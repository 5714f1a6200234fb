import type { IncomingMessage } from 'node:http';
import {
  entityIdSchema,
  MAIL_ERROR_CODES,
  mayManageInvitations,
  sendInvitationsRequestSchema,
  type SendInvitationsRequest,
} from '@empiria/shared';
import type { InvitationMailService } from '../../mail/invitation-mail-service';
import type { ApiContext } from '../api-context';
import { forbidden, HttpError, notFound, sendJson } from '../http-error';
import { readJsonBody } from '../json-body';
import { TokenRefused, type Route } from './route';

function idParam(raw: string | undefined, what: string): string {
  const parsed = entityIdSchema.safeParse(raw);
  if (!parsed.success) throw notFound(`No such ${what}.`);
  return parsed.data;
}

/** The body is optional: a POST with none sends to everyone not yet sent this version. */
async function readOptionalBody(req: IncomingMessage): Promise<SendInvitationsRequest> {
  const h = req.headers;
  const empty =
    h['content-length'] === '0' || (!h['content-length'] && !h['transfer-encoding'] && !h['content-type']);
  return empty ? {} : readJsonBody(req, sendInvitationsRequestSchema);
}

/**
 * POST /api/networks/:id/meetings/:meetingId/invitations/send (docs/api.md, "Networks"): the pair
 * or the office ([N2], `invitations.manage`), or the organiser for a meeting the pair granted it
 * ([N18]), e-mails the meeting's invitations. Without SMTP
 * configured: 409 `smtp_not_configured`, saying how to configure it.
 */
export function createInvitationMailRoutes(ctx: ApiContext, mail: InvitationMailService | null): Route[] {
  const { networks } = ctx.networks;
  return [
    {
      method: 'POST',
      pattern: /^\/api\/networks\/([^/]+)\/meetings\/([^/]+)\/invitations\/send$/,
      handler: async (req, res, [rawId, rawMeeting]) => {
        const networkId = idParam(rawId, 'network');
        const meetingId = idParam(rawMeeting, 'meeting');
        const access = await ctx.guards.authenticate(req);
        if (access.kind !== 'admin' && access.kind !== 'personal') {
          throw forbidden('Networks open with a personal link or the administrator token, not a board link.');
        }
        if (access.kind === 'personal') {
          const actor = networks.actorOf(access.claims.w, access.claims.u);
          if (!actor) throw new TokenRefused('revoked');
          // [N18] the organiser too, for a meeting the pair let them invite for.
          const grant = {
            organiserMayInvite: ctx.networks.attendance.organiserMayInvite(networkId, meetingId),
          };
          if (!mayManageInvitations(actor, networkId, grant)) {
            throw forbidden(
              actor.kind === 'person' && actor.networkId !== networkId
                ? 'This personal link belongs to another network.'
                : 'Only the facilitator, the expert or the office send invitations, or the organiser for a meeting they were let invite for.',
            );
          }
        }
        const body = await readOptionalBody(req);
        if (!mail) {
          throw new HttpError(
            409,
            MAIL_ERROR_CODES.smtpNotConfigured,
            'E-mail is not configured on this server: set SMTP_URL (smtp://user:password@host:587) and SMTP_FROM, then restart Empiria. Until then, hand out the personal links another way.',
          );
        }
        const response = await mail.send(networkId, meetingId, body.personIds);
        const counts = { sent: 0, 'no-email': 0, failed: 0 };
        for (const result of response.results) counts[result.outcome] += 1;
        ctx.log.info('invitations e-mailed', { network: networkId, meeting: meetingId, ...counts });
        sendJson(res, 200, response);
      },
    },
  ];
}
