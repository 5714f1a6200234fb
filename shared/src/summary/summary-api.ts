import { z } from 'zod';
import { approvalStateSchema, commentSchema } from './summary-document';

/**
 * The envelopes of the summary note's endpoints (docs/api.md, "Summary note"): typed by the
 * server, parsed by the client.
 */

/** What drafting did to each section of the note (`applyDraft`). */
export const draftReportSchema = z.object({
  /** Written for the first time. */
  added: z.array(z.string()),
  /** Replaced: nobody had edited them since the last draft. */
  updated: z.array(z.string()),
  /** Edited by a person and left alone, although the board now says something else (offered beside). */
  kept: z.array(z.string()),
  /** Nothing new from the board (whether or not a person edited it). */
  unchanged: z.array(z.string()),
});
export type DraftReport = z.infer<typeof draftReportSchema>;

/** POST /api/boards/:id/summary/draft */
export const draftResponseSchema = z.object({ report: draftReportSchema });
export type DraftResponse = z.infer<typeof draftResponseSchema>;

/** The approval endpoints: opening, closing, deciding, consenting. */
export const approvalResponseSchema = z.object({ approval: approvalStateSchema });
export type ApprovalResponse = z.infer<typeof approvalResponseSchema>;

/** POST /api/boards/:id/summary/comments */
export const commentResponseSchema = z.object({ comment: commentSchema });
export type CommentResponse = z.infer<typeof commentResponseSchema>;

/** GET /api/boards/:id/summary/comments */
export const commentsResponseSchema = z.object({ comments: z.array(commentSchema) });
export type CommentsResponse = z.infer<typeof commentsResponseSchema>;

/** A frozen version's id in a path. */
export const summaryVersionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
