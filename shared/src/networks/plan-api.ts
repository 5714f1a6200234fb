import { z } from 'zod';
import { entityIdSchema } from './network-api';

/**
 * A network's work plan (issue #13 item 1; docs/api.md, "Networks: work plan"): the vademecum's
 * nine sections (II.6), written together by the pair, and the plan's actions, each owned by a
 * member city, with a deadline, a status and the history of its status with the meetings where it
 * changed. Sections are plain text saved with optimistic concurrency: each has a `revision`, and a
 * save based on an older one is refused (409 `stale_revision`) with the text saved meanwhile.
 */

/** The nine sections of vademecum II.6, in its order. */
export const PLAN_SECTIONS = [
  'composition',
  'resources',
  'partners',
  'challenges',
  'goals',
  'actions',
  'implementation',
  'sharing',
  'organisation',
] as const;
export const planSectionIdSchema = z.enum(PLAN_SECTIONS);
export type PlanSectionId = z.infer<typeof planSectionIdSchema>;

/** planned / under way / done / dropped; "open" actions are the first two. */
export const PLAN_ACTION_STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const;
export const planActionStatusSchema = z.enum(PLAN_ACTION_STATUSES);
export type PlanActionStatus = z.infer<typeof planActionStatusSchema>;

export function isOpenStatus(status: PlanActionStatus): boolean {
  return status === 'planned' || status === 'in-progress';
}

export const PLAN_SECTION_MAX = 20_000;
export const PLAN_TITLE_MAX = 300;
export const PLAN_NOTES_MAX = 4_000;

export const PLAN_ERROR_CODES = {
  /** A section saved on an older revision than the stored one ([W1]). */
  staleRevision: 'stale_revision',
  /** An action needs its owner city ([W2]). */
  ownerRequired: 'owner_required',
  /** The owner city is not a member city of the network ([W2]). */
  cityNotMember: 'city_not_member',
  /** "Propose from notes" found nothing to put into the empty sections. */
  nothingToSeed: 'nothing_to_seed',
} as const;

/** A calendar date, `2027-03-15`, real. */
export const planDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2027-03-15')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'not a real date');

const sectionTextSchema = z.string().max(PLAN_SECTION_MAX, `at most ${PLAN_SECTION_MAX} characters`);
const titleSchema = z
  .string()
  .trim()
  .min(1, 'title is required')
  .max(PLAN_TITLE_MAX)
  .transform((title) => title.replace(/\s+/g, ' '));
const notesSchema = z.string().trim().max(PLAN_NOTES_MAX);

/** PUT /api/networks/:id/plan: one section's new text, on the revision the editor started from. */
export const savePlanSectionRequestSchema = z.object({
  section: planSectionIdSchema,
  text: sectionTextSchema,
  baseRevision: z.number().int().min(0),
});
export type SavePlanSectionRequest = z.infer<typeof savePlanSectionRequestSchema>;

export const planSectionSchema = z.object({
  id: planSectionIdSchema,
  text: z.string(),
  /** 0 for a section never saved; each save adds one. */
  revision: z.number().int().min(0),
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: z.string().nullable(),
});
export type PlanSection = z.infer<typeof planSectionSchema>;

/** 409 `stale_revision`'s details: the text saved meanwhile, for the editor to merge with. */
export const staleRevisionDetailsSchema = z.object({ current: planSectionSchema });
export type StaleRevisionDetails = z.infer<typeof staleRevisionDetailsSchema>;

/**
 * POST /api/networks/:id/plan/actions. `ownerCityId` is optional in the schema so that a missing
 * owner gets its own code (400 `owner_required`), not a generic invalid body.
 */
export const createPlanActionRequestSchema = z.object({
  title: titleSchema,
  ownerCityId: entityIdSchema.nullable().optional(),
  deadline: planDateSchema.nullable().default(null),
  notes: notesSchema.default(''),
  /** The meeting where the action was decided, if any. */
  decidedAtMeetingId: entityIdSchema.nullable().default(null),
});
export type CreatePlanActionRequest = z.input<typeof createPlanActionRequestSchema>;

/** PATCH …/actions/:actionId. A representative may send only `status` ([W3]). */
export const updatePlanActionRequestSchema = z
  .object({
    title: titleSchema,
    ownerCityId: entityIdSchema,
    deadline: planDateSchema.nullable(),
    notes: notesSchema,
    status: planActionStatusSchema,
    /** The meeting at which a status change was made (a plan review on its board). */
    atMeetingId: entityIdSchema.nullable(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).some((key) => key !== 'atMeetingId'), 'nothing to change');
export type UpdatePlanActionRequest = z.input<typeof updatePlanActionRequestSchema>;

/** PATCH /api/boards/:boardId/plan/actions/:actionId: a status change in a plan review. */
export const reviewPlanActionRequestSchema = z.object({ status: planActionStatusSchema });
export type ReviewPlanActionRequest = z.infer<typeof reviewPlanActionRequestSchema>;

const meetingRefSchema = z.object({
  meetingId: entityIdSchema,
  title: z.string(),
  /** Warsaw wall-clock time `YYYY-MM-DDTHH:mm`. */
  startsAt: z.string(),
});
export type PlanMeetingRef = z.infer<typeof meetingRefSchema>;

export const planStatusChangeSchema = z.object({
  at: z.iso.datetime(),
  by: z.string(),
  from: planActionStatusSchema.nullable(),
  to: planActionStatusSchema,
  meeting: meetingRefSchema.nullable(),
});
export type PlanStatusChange = z.infer<typeof planStatusChangeSchema>;

export const planActionSchema = z.object({
  id: entityIdSchema,
  title: z.string(),
  ownerCityId: entityIdSchema,
  ownerCity: z.string(),
  deadline: z.string().nullable(),
  status: planActionStatusSchema,
  notes: z.string(),
  createdAt: z.iso.datetime(),
  decidedAt: meetingRefSchema.nullable(),
  /** Meetings where its status was changed in a review, oldest first, each once. */
  reviewedAt: z.array(meetingRefSchema),
  /** Oldest first; the first entry is its creation. */
  history: z.array(planStatusChangeSchema),
});
export type PlanAction = z.infer<typeof planActionSchema>;

/** What the reader may do: the client hides what the server would refuse. */
export const planViewerSchema = z.object({
  /** Actions, proposals from notes ([W1]). */
  canEdit: z.boolean(),
  /** The sections, live with the others in the plan's document ([W6]). */
  canWrite: z.boolean(),
  /** Cities whose actions' status the reader may set (all for the pair, their own for a representative). */
  statusCityIds: z.array(entityIdSchema),
  allCities: z.boolean(),
});
export type PlanViewer = z.infer<typeof planViewerSchema>;

export const planResponseSchema = z.object({
  network: z.object({ id: entityIdSchema, name: z.string(), theme: z.string() }),
  viewer: planViewerSchema,
  sections: z.array(planSectionSchema),
  actions: z.array(planActionSchema),
  /** Core member cities: an action's owner is one of them ([W2]; observers do not see the plan). */
  cities: z.array(z.object({ cityId: entityIdSchema, city: z.string() })),
  /** The network's meetings, for "decided at". */
  meetings: z.array(meetingRefSchema),
});
export type PlanResponse = z.infer<typeof planResponseSchema>;

/** GET /api/boards/:boardId/plan: the open actions for a plan review on the board. */
export const planReviewResponseSchema = z.object({
  networkId: entityIdSchema,
  meeting: meetingRefSchema,
  actions: z.array(planActionSchema),
});
export type PlanReviewResponse = z.infer<typeof planReviewResponseSchema>;

/** PUT /api/networks/:id/plan's answer: the section as saved, with its new revision. */
export const planSectionSavedResponseSchema = z.object({ section: planSectionSchema });
export type PlanSectionSavedResponse = z.infer<typeof planSectionSavedResponseSchema>;

/** The answer of every action write (create, change, review). */
export const planActionResponseSchema = z.object({ action: planActionSchema });
export type PlanActionResponse = z.infer<typeof planActionResponseSchema>;

/** POST /api/networks/:id/plan/seed's answer: which sections were filled, and the plan now. */
export const planSeedResponseSchema = z.object({
  seeded: z.array(planSectionIdSchema),
  plan: planResponseSchema,
});
export type PlanSeedResponse = z.infer<typeof planSeedResponseSchema>;
