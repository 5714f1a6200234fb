import { z } from 'zod';
import { entityIdSchema, localDateTimeSchema } from './network-api';
import { expandOfficeHoursSeries, OFFICE_HOURS_MAX_SLOTS } from './office-hours-series';

/**
 * The expert's office hours (issue #13 item 4; docs/api.md "Networks: office hours"; rules
 * OH1–OH5): recurring slots the pair publishes, one booking with a question per slot, and the
 * answered questions kept as the network's searchable log. Plain text everywhere.
 */

export const OFFICE_HOURS_ERROR_CODES = {
  /** [OH2] the slot has a booking already (also the loser of two simultaneous bookings). */
  slotTaken: 'slot_taken',
  /** [OH1][OH2][OH3] the slot has started: it is not booked, cancelled or freed any more. */
  slotPast: 'slot_past',
  /** [OH2] the pair cancelled the slot. */
  slotCancelled: 'slot_cancelled',
  /** [OH3] only the person who booked cancels a booking. */
  notBooker: 'not_booker',
  /** [OH3] an answered booking stays in the log. */
  bookingAnswered: 'booking_answered',
  /** [OH4] a free slot has no question to answer. */
  notBooked: 'not_booked',
} as const;

export const OFFICE_HOURS_QUESTION_MAX = 2000;
export const OFFICE_HOURS_ANSWER_MAX = 10_000;
export const OFFICE_HOURS_PLACE_MAX = 300;

const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2027-03-15')
  .refine((value) => localDateTimeSchema.safeParse(`${value}T00:00`).success, 'not a real date');

const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like 16:00');

/** Where the hour is held: a video-call address, or a room. */
export const officeHoursLocationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('online'),
    url: z
      .url({ protocol: /^https?$/, error: 'an http(s) address' })
      .max(OFFICE_HOURS_PLACE_MAX, `at most ${OFFICE_HOURS_PLACE_MAX} characters`),
  }),
  z.object({
    kind: z.literal('in-person'),
    place: z
      .string()
      .trim()
      .min(1, 'place is required')
      .max(OFFICE_HOURS_PLACE_MAX, `at most ${OFFICE_HOURS_PLACE_MAX} characters`),
  }),
]);
export type OfficeHoursLocation = z.infer<typeof officeHoursLocationSchema>;

/** POST /api/networks/:id/office-hours: a series; the vademecum's rhythm is the default. */
export const createOfficeHoursSeriesRequestSchema = z
  .object({
    /** ISO weekday: 1 Monday … 7 Sunday. */
    weekday: z.literal([1, 2, 3, 4, 5, 6, 7]),
    startTime: timeSchema,
    minutes: z.number().int().min(15).max(240).default(60),
    everyWeeks: z.number().int().min(1).max(8).default(2),
    from: dateSchema,
    to: dateSchema,
    location: officeHoursLocationSchema,
  })
  .superRefine((series, ctx) => {
    if (series.to < series.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'the last date is before the first' });
      return;
    }
    const slots = expandOfficeHoursSeries(series);
    if (slots.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['weekday'], message: 'no such weekday between the dates' });
    } else if (slots.length > OFFICE_HOURS_MAX_SLOTS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `at most ${OFFICE_HOURS_MAX_SLOTS} slots in one series`,
      });
    }
  });
export type CreateOfficeHoursSeriesRequest = z.input<typeof createOfficeHoursSeriesRequestSchema>;
export type OfficeHoursSeries = z.output<typeof createOfficeHoursSeriesRequestSchema>;

export const officeHoursBookingRequestSchema = z.object({
  question: z
    .string()
    .trim()
    .min(1, 'question is required')
    .max(OFFICE_HOURS_QUESTION_MAX, `at most ${OFFICE_HOURS_QUESTION_MAX} characters`),
});
export type OfficeHoursBookingRequest = z.input<typeof officeHoursBookingRequestSchema>;

export const officeHoursAnswerRequestSchema = z.object({
  answer: z
    .string()
    .trim()
    .min(1, 'answer is required')
    .max(OFFICE_HOURS_ANSWER_MAX, `at most ${OFFICE_HOURS_ANSWER_MAX} characters`),
});
export type OfficeHoursAnswerRequest = z.input<typeof officeHoursAnswerRequestSchema>;

export const officeHoursPersonSchema = z.object({
  personId: entityIdSchema,
  name: z.string(),
  city: z.string().nullable(),
});
export type OfficeHoursPerson = z.infer<typeof officeHoursPersonSchema>;

export const officeHoursBookingSchema = z.object({
  person: officeHoursPersonSchema,
  question: z.string(),
  bookedAt: z.iso.datetime(),
  answer: z.string().nullable(),
  answeredAt: z.iso.datetime().nullable(),
});
export type OfficeHoursBooking = z.infer<typeof officeHoursBookingSchema>;

export const officeHoursSlotSchema = z.object({
  id: entityIdSchema,
  seriesId: entityIdSchema,
  /** Warsaw wall-clock times. */
  startsAt: localDateTimeSchema,
  endsAt: localDateTimeSchema,
  host: officeHoursPersonSchema,
  location: officeHoursLocationSchema,
  cancelled: z.boolean(),
  /** The slot has started (Warsaw time): not booked or freed any more. */
  started: z.boolean(),
  taken: z.boolean(),
  mine: z.boolean(),
  /** The booking with its question: for the pair and the office, and for the person who booked ([OH4]). */
  booking: officeHoursBookingSchema.nullable(),
});
export type OfficeHoursSlot = z.infer<typeof officeHoursSlotSchema>;

/** What the caller may do here: the client hides what the server would refuse. */
export const officeHoursViewerSchema = z.object({
  personId: entityIdSchema.nullable(),
  canPublish: z.boolean(),
  canCancelSlots: z.boolean(),
  canBook: z.boolean(),
  canAnswer: z.boolean(),
});
export type OfficeHoursViewer = z.infer<typeof officeHoursViewerSchema>;

/** GET /api/networks/:id/office-hours: slots not yet over, and past ones with a booking the caller sees. */
export const officeHoursResponseSchema = z.object({
  network: z.object({ id: entityIdSchema, name: z.string(), theme: z.string() }),
  viewer: officeHoursViewerSchema,
  slots: z.array(officeHoursSlotSchema),
});
export type OfficeHoursResponse = z.infer<typeof officeHoursResponseSchema>;

export const officeHoursSeriesCreatedSchema = z.object({
  seriesId: entityIdSchema,
  /** The slots made, oldest first (those already started included: they are listed no more). */
  slots: z
    .array(z.object({ id: entityIdSchema, startsAt: localDateTimeSchema, endsAt: localDateTimeSchema }))
    .min(1),
});
export type OfficeHoursSeriesCreated = z.infer<typeof officeHoursSeriesCreatedSchema>;

export const officeHoursLogEntrySchema = z.object({
  slotId: entityIdSchema,
  startsAt: localDateTimeSchema,
  host: officeHoursPersonSchema,
  asker: officeHoursPersonSchema,
  question: z.string(),
  answer: z.string(),
  answeredBy: officeHoursPersonSchema,
  answeredAt: z.iso.datetime(),
});
export type OfficeHoursLogEntry = z.infer<typeof officeHoursLogEntrySchema>;

/** GET /api/networks/:id/office-hours/log?q=: answered questions, newest slot first. */
export const officeHoursLogResponseSchema = z.object({
  network: z.object({ id: entityIdSchema, name: z.string(), theme: z.string() }),
  query: z.string(),
  entries: z.array(officeHoursLogEntrySchema),
});
export type OfficeHoursLogResponse = z.infer<typeof officeHoursLogResponseSchema>;

export const OFFICE_HOURS_QUERY_MAX = 200;
