import { z } from 'zod';
import { entityIdSchema, networkRoleSchema } from './network-api';

/**
 * The network forum's API (issue #12 item 5; docs/api.md, "Network forum"): threads per network
 * where core members and observer cities post materials, questions and answers, and where
 * observer cities file their observations and needs. Plain text only: nothing here is HTML, and
 * the client renders links with `forum-text.ts`, never by interpreting markup.
 */

/** `material`: materials; `question`: questions and answers; `need`: an observer city's observation or need. */
export const FORUM_THREAD_KINDS = ['material', 'question', 'need'] as const;
export const forumThreadKindSchema = z.enum(FORUM_THREAD_KINDS);
export type ForumThreadKind = z.infer<typeof forumThreadKindSchema>;

/** Bounded sizes, in characters (after trimming): a title is one line, a post is a long letter. */
export const FORUM_TITLE_MAX = 200;
export const FORUM_BODY_MAX = 10_000;

/** Minutes a need's agenda item gets when the pair does not say (a free discussion). */
export const FORUM_AGENDA_MINUTES_DEFAULT = 30;

export const FORUM_ERROR_CODES = {
  /** Editing or deleting someone else's post ([F3]). */
  notAuthor: 'not_author',
  /** Only a need becomes an agenda item ([F4]). */
  notANeed: 'not_a_need',
  /** The need is on an agenda already ([F4]). */
  alreadyOnAgenda: 'already_on_agenda',
  /** The meeting has ended: only a planned meeting takes a new item ([F4]). */
  meetingHeld: 'meeting_held',
  /** A thread's opening post is deleted only while nobody has answered ([F3]). */
  threadHasReplies: 'thread_has_replies',
} as const;

/** Titles and bodies keep their line breaks; a body of spaces is no body. */
const titleSchema = z
  .string()
  .trim()
  .min(1, 'title is required')
  .max(FORUM_TITLE_MAX, `at most ${FORUM_TITLE_MAX} characters`)
  // One line: a title is shown in a list.
  .transform((title) => title.replace(/\s+/g, ' '));
const bodySchema = z
  .string()
  .trim()
  .min(1, 'text is required')
  .max(FORUM_BODY_MAX, `at most ${FORUM_BODY_MAX} characters`);

export const createForumThreadRequestSchema = z.object({
  kind: forumThreadKindSchema,
  title: titleSchema,
  body: bodySchema,
});
export type CreateForumThreadRequest = z.input<typeof createForumThreadRequestSchema>;

export const forumPostRequestSchema = z.object({ body: bodySchema });
export type ForumPostRequest = z.input<typeof forumPostRequestSchema>;

export const forumHideRequestSchema = z.object({ hidden: z.boolean() });
export type ForumHideRequest = z.infer<typeof forumHideRequestSchema>;

/** The highest post `seq` the reader has seen in the thread (their read mark moves up to it). */
export const forumReadRequestSchema = z.object({ upToSeq: z.number().int().min(0) });
export type ForumReadRequest = z.infer<typeof forumReadRequestSchema>;

export const forumAgendaRequestSchema = z.object({
  meetingId: entityIdSchema,
  minutes: z.number().int().min(5).max(480).default(FORUM_AGENDA_MINUTES_DEFAULT),
});
export type ForumAgendaRequest = z.input<typeof forumAgendaRequestSchema>;

/** Who wrote: their name and city now; `role` null once they have left the network. */
export const forumAuthorSchema = z.object({
  personId: entityIdSchema,
  name: z.string(),
  city: z.string().nullable(),
  role: networkRoleSchema.nullable(),
  /** Speaks for an observer city of the network. */
  observer: z.boolean(),
});
export type ForumAuthor = z.infer<typeof forumAuthorSchema>;

export const forumPostSchema = z.object({
  id: entityIdSchema,
  /** Increases with every post of the server: read marks are kept in it. */
  seq: z.number().int().min(1),
  author: forumAuthorSchema,
  body: z.string(),
  createdAt: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
  /** Hidden by the pair: served only to the pair, the office and its author ([F3]). */
  hidden: z.boolean(),
});
export type ForumPost = z.infer<typeof forumPostSchema>;

/**
 * What a thread became. Today a need becomes an agenda item of a planned meeting; the work-plan
 * actions of issue #13 will be a second member of this union (and of `forum_conversions.kind`).
 */
export const forumConversionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('agenda-item'),
    meetingId: entityIdSchema,
    meetingTitle: z.string(),
    /** The meeting's start, Warsaw wall-clock time. */
    startsAt: z.string(),
    addedAt: z.iso.datetime(),
  }),
]);
export type ForumConversion = z.infer<typeof forumConversionSchema>;

export const forumThreadSummarySchema = z.object({
  id: entityIdSchema,
  kind: forumThreadKindSchema,
  title: z.string(),
  author: forumAuthorSchema,
  createdAt: z.iso.datetime(),
  lastPostAt: z.iso.datetime(),
  /** Posts the reader is served (hidden ones only for those who see them). */
  posts: z.number().int().min(0),
  /** Visible posts by others after the reader's read mark; 0 for the office. */
  unread: z.number().int().min(0),
  /** The opening post is hidden (only the pair, the office and the author see the thread then). */
  hidden: z.boolean(),
  conversions: z.array(forumConversionSchema),
});
export type ForumThreadSummary = z.infer<typeof forumThreadSummarySchema>;

/** What the reader may do here: the client hides what the server would refuse. */
export const forumViewerSchema = z.object({
  /** null for the office, which reads but does not post ([F1]). */
  personId: entityIdSchema.nullable(),
  canPost: z.boolean(),
  canModerate: z.boolean(),
  canConvert: z.boolean(),
});
export type ForumViewer = z.infer<typeof forumViewerSchema>;

/** A meeting a need can be put on: planned, not yet over. */
export const forumPlannedMeetingSchema = z.object({
  id: entityIdSchema,
  title: z.string(),
  startsAt: z.string(),
});
export type ForumPlannedMeeting = z.infer<typeof forumPlannedMeetingSchema>;

export const forumResponseSchema = z.object({
  network: z.object({ id: entityIdSchema, name: z.string(), theme: z.string() }),
  viewer: forumViewerSchema,
  threads: z.array(forumThreadSummarySchema),
  /** For those who may turn needs into agenda items; empty for everyone else. */
  plannedMeetings: z.array(forumPlannedMeetingSchema),
});
export type ForumResponse = z.infer<typeof forumResponseSchema>;

export const forumThreadResponseSchema = forumResponseSchema
  .pick({ network: true, viewer: true, plannedMeetings: true })
  .extend({ thread: forumThreadSummarySchema, posts: z.array(forumPostSchema) });
export type ForumThreadResponse = z.infer<typeof forumThreadResponseSchema>;

export const forumCreatedResponseSchema = z.object({ threadId: entityIdSchema, postId: entityIdSchema });
export type ForumCreatedResponse = z.infer<typeof forumCreatedResponseSchema>;

/** `GET /api/me/forum`: the personal home's notification, for the link's network. */
export const forumUnreadResponseSchema = z.object({
  networkId: entityIdSchema,
  /** Threads with at least one unread post, and the unread posts in all. */
  unreadThreads: z.number().int().min(0),
  unreadPosts: z.number().int().min(0),
});
export type ForumUnreadResponse = z.infer<typeof forumUnreadResponseSchema>;

/** DELETE /api/networks/:id/forum/posts/:postId: whether the thread went with its opening post. */
export const forumPostDeletedResponseSchema = z.object({ threadDeleted: z.boolean() });
export type ForumPostDeletedResponse = z.infer<typeof forumPostDeletedResponseSchema>;
/** POST …/forum/threads/:threadId/agenda */
export const forumConversionResponseSchema = z.object({ conversion: forumConversionSchema });
export type ForumConversionResponse = z.infer<typeof forumConversionResponseSchema>;
