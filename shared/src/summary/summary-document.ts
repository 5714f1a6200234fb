import { z } from 'zod';
import type * as Y from 'yjs';
import { languageSchema } from '../i18n/translate';

/**
 * The layout of a board's `summary` Yjs document (the meeting notes):
 * - `body` (Y.XmlFragment): the note's text, edited in TipTap by the facilitator and the expert;
 *   drafted sections start with a heading whose `sectionId` names them;
 * - `record` (Y.Map): the meeting record — network, title, date, mode, place, the pair, attendance;
 * - `drafts` (Y.Map, server-written): per drafted section, the hash of what drafting last wrote,
 *   so a re-draft replaces only sections nobody has edited since, and what it would write now;
 * - `comments` (Y.Array, server-written): participants' comments and proposed amendments;
 * - `approval` (Y.Map key `state`, server-written): the approval round of a frozen version.
 */
export const SUMMARY_BODY = 'body';
export const SUMMARY_RECORD = 'record';
export const SUMMARY_DRAFTS = 'drafts';
export const SUMMARY_COMMENTS = 'comments';
export const SUMMARY_APPROVAL = 'approval';

export const MEETING_MODES = ['in-person', 'online', 'hybrid'] as const;
export const meetingModeSchema = z.enum(MEETING_MODES);
export type MeetingMode = z.infer<typeof meetingModeSchema>;

export const attendeeSchema = z.object({
  name: z.string().trim().min(1).max(80),
  city: z.string().trim().min(1).max(80),
  role: z.string().min(1).max(40),
  where: z.enum(['room', 'online']).nullable().default(null),
});
export type Attendee = z.infer<typeof attendeeSchema>;

export const meetingRecordSchema = z.object({
  network: z.string().max(200).default(''),
  meetingTitle: z.string().max(200).default(''),
  /** ISO date (YYYY-MM-DD). */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .or(z.literal(''))
    .default(''),
  mode: meetingModeSchema.default('in-person'),
  place: z.string().max(200).default(''),
  facilitator: z.string().max(200).default(''),
  expert: z.string().max(200).default(''),
  attendance: z.array(attendeeSchema).max(500).default([]),
});
export type MeetingRecord = z.infer<typeof meetingRecordSchema>;

export function summaryBody(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(SUMMARY_BODY);
}

/** The meeting record as stored (each field its own key), validated; missing fields take defaults. */
export function readMeetingRecord(doc: Y.Doc): MeetingRecord {
  const parsed = meetingRecordSchema.safeParse(doc.getMap(SUMMARY_RECORD).toJSON());
  return parsed.success ? parsed.data : meetingRecordSchema.parse({});
}

export const draftStateSchema = z.object({
  /** Hash of the blocks drafting last wrote into this section. */
  writtenHash: z.string(),
  /** When the board has changed since a person edited the section: what drafting would write now. */
  pending: z.unknown().nullable(),
});

export const commentSchema = z.object({
  id: z.string(),
  sectionId: z.string().nullable(),
  author: z.object({ id: z.string(), name: z.string(), city: z.string() }),
  kind: z.enum(['comment', 'amendment']),
  text: z.string().min(1).max(4000),
  at: z.number(),
});
export type SummaryComment = z.infer<typeof commentSchema>;

export const commentRequestSchema = z.object({
  sectionId: z.string().max(120).nullable().default(null),
  kind: z.enum(['comment', 'amendment']).default('comment'),
  text: z.string().trim().min(1).max(4000),
});

export const APPROVAL_RULES = ['consent', 'majority'] as const;
export const approvalRuleSchema = z.enum(APPROVAL_RULES);
export type ApprovalRule = z.infer<typeof approvalRuleSchema>;

export const decisionSchema = z.object({
  personId: z.string(),
  name: z.string(),
  city: z.string(),
  decision: z.enum(['approve', 'object']),
  reason: z.string().max(2000).nullable(),
  at: z.number(),
});
export type Decision = z.infer<typeof decisionSchema>;

export const shareConsentSchema = z.object({
  personId: z.string(),
  observers: z.boolean(),
  public: z.boolean(),
});
export type ShareConsent = z.infer<typeof shareConsentSchema>;

/** The approval round as everyone sees it. */
export const approvalStateSchema = z.object({
  versionId: z.string(),
  hash: z.string(),
  rule: approvalRuleSchema,
  status: z.enum(['open', 'approved', 'not-approved']),
  openedAt: z.number(),
  closedAt: z.number().nullable(),
  /** People asked to decide: the city representatives present when the round opened. */
  eligible: z.array(z.object({ personId: z.string(), name: z.string(), city: z.string() })),
  decisions: z.array(decisionSchema),
  consents: z.array(shareConsentSchema),
});
export type ApprovalState = z.infer<typeof approvalStateSchema>;

export const openApprovalRequestSchema = z.object({ rule: approvalRuleSchema.default('consent') });

/**
 * "Draft from the board": the language of the person drafting. The note is theirs to edit next,
 * so it is drafted in the language they work in (without it: the board's language).
 */
export const draftRequestSchema = z.object({ language: languageSchema.optional() });
export const decisionRequestSchema = z
  .object({
    versionId: z.string().min(1),
    decision: z.enum(['approve', 'object']),
    reason: z.string().trim().max(2000).optional(),
  })
  .refine((d) => d.decision === 'approve' || (d.reason !== undefined && d.reason.length > 0), {
    message: 'An objection needs a reason.',
    path: ['reason'],
  });
export const shareConsentRequestSchema = z.object({
  versionId: z.string().min(1),
  observers: z.boolean(),
  public: z.boolean(),
});
