import { z } from 'zod';
import { entityIdSchema } from '../networks/network-api';

/**
 * E-mailed invitations (docs/api.md, "Networks"): the pair sends a meeting's invitations, each
 * with the invitee's own personal link and the meeting's calendar file, through the SMTP server
 * the operator configured.
 */

/**
 * POST /api/networks/:id/meetings/:meetingId/invitations/send. Without `personIds`: every invitee
 * who has not been sent this version of the meeting yet (a changed meeting is sent again).
 */
export const sendInvitationsRequestSchema = z.object({
  personIds: z.array(entityIdSchema).min(1).max(200).optional(),
});
export type SendInvitationsRequest = z.input<typeof sendInvitationsRequestSchema>;

/** What happened to one invitee's message: sent, nobody to send to, or refused on the way. */
export const MAIL_OUTCOMES = ['sent', 'no-email', 'failed'] as const;
export const mailOutcomeSchema = z.enum(MAIL_OUTCOMES);
export type MailOutcome = z.infer<typeof mailOutcomeSchema>;

export const mailResultSchema = z.object({
  personId: entityIdSchema,
  name: z.string(),
  email: z.string().nullable(),
  outcome: mailOutcomeSchema,
  /** With `failed`: what the SMTP server or the connection said. */
  reason: z.string().nullable(),
  /** With `sent`: the Message-ID, to find the message in the mail server's log. */
  messageId: z.string().nullable(),
});
export type MailResult = z.infer<typeof mailResultSchema>;

export const sendInvitationsResponseSchema = z.object({
  /** The meeting's version (its calendar SEQUENCE) these messages describe. */
  revision: z.number().int(),
  results: z.array(mailResultSchema),
  /** Invitees left out because this version was already sent to them (only without `personIds`). */
  alreadySent: z.number().int(),
});
export type SendInvitationsResponse = z.infer<typeof sendInvitationsResponseSchema>;

export const MAIL_ERROR_CODES = { smtpNotConfigured: 'smtp_not_configured' } as const;
