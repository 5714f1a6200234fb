import {
  sendInvitationsResponseSchema,
  type SendInvitationsRequest,
  type SendInvitationsResponse,
} from '@empiria/shared';
import { apiRequest } from '../api/http';

/**
 * POST /api/networks/:id/meetings/:meetingId/invitations/send (docs/api.md, "Networks"): e-mails a
 * meeting's invitations, each with its invitee's personal link and the .ics. Without `personIds`,
 * to every invitee who has not been sent this version of the meeting. The token is the office's
 * or the pair's; a server without SMTP refuses with `smtp_not_configured` (ApiRequestError.code).
 */
export function sendInvitationsByMail(
  token: string,
  networkId: string,
  meetingId: string,
  body: SendInvitationsRequest = {},
): Promise<SendInvitationsResponse> {
  return apiRequest(
    `/api/networks/${encodeURIComponent(networkId)}/meetings/${encodeURIComponent(meetingId)}/invitations/send`,
    { method: 'POST', token, body, schema: sendInvitationsResponseSchema },
  );
}
