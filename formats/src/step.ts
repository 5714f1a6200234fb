import { z } from 'zod';
import { slugSchema } from '@empiria/shared';
import { localizedTextSchema } from './localized-text';
import { zoneSchema } from './zone';

/** The board tools a step turns on; the client shows only these while the step is current. */
export const toolSchema = z.enum([
  'notes',
  'private-writing',
  'dot-voting',
  'timer',
  'clustering',
  'poll',
  'consent',
  'connectors',
  'approval',
]);
export type Tool = z.infer<typeof toolSchema>;

/**
 * The sections of the summary note a step's content can feed (formats.md, "The summary note").
 * The meeting's date, mode and place, the format and the approval record come from the board's
 * settings and the server, not from sheets.
 */
export const summarySectionSchema = z.enum([
  'meeting',
  'facilitation',
  'attendance',
  'conclusions',
  'decisions',
  'next-steps',
]);
export type SummarySection = z.infer<typeof summarySectionSchema>;

/**
 * How notes found in the zones are written into the summary:
 * - `list`: in reading order, grouped under cell labels when the zone has cells;
 * - `clusters`: groups of notes that lie close together, each with its notes;
 * - `ranking`: by dot votes, most first, with the counts;
 * - `pairs`: left → right per pair row;
 * - `cards`: one block per filled card, its fields in order;
 * - `table`: a matrix or timeline as a table (row × column);
 * - `poll`: the count per option.
 */
export const summaryFormSchema = z.enum(['list', 'clusters', 'ranking', 'pairs', 'cards', 'table', 'poll']);
export type SummaryForm = z.infer<typeof summaryFormSchema>;

export const summaryMappingSchema = z.object({
  section: summarySectionSchema,
  zones: z.array(slugSchema).min(1),
  /** Only these cells of the zones (e.g. the accepted rules, not the proposed ones). */
  cells: z.array(z.string().min(1)).min(1).optional(),
  as: summaryFormSchema,
  /** The heading in the note; the step's title when absent. */
  heading: localizedTextSchema.optional(),
});
export type SummaryMapping = z.infer<typeof summaryMappingSchema>;

export const stepSchema = z.object({
  id: slugSchema,
  title: localizedTextSchema,
  /** What the step is for, for the facilitator's console and the format's description. */
  goal: localizedTextSchema,
  /** For participants, on the sheet: short and imperative, readable on a projector. */
  instruction: localizedTextSchema.refine((t) => t.pl.length <= 170 && t.en.length <= 170, {
    message: 'an instruction is read from 4–8 m away: at most 170 characters',
  }),
  /** For the facilitator and the expert: the technique and how to run it. */
  facilitatorNotes: localizedTextSchema,
  minutes: z.number().int().min(1).max(240),
  tools: z.array(toolSchema),
  /** With `dot-voting`: the number of dots each person gets. */
  votesPerPerson: z.number().int().min(1).max(10).optional(),
  zones: z.array(zoneSchema).min(1),
  /**
   * What the step starts from, offered in the console as one click: the previous sheet's notes
   * and clusters (`notes`), or the winners of the vote held there (`winners`).
   */
  carry: z.enum(['notes', 'winners']).optional(),
  summary: z.array(summaryMappingSchema),
  /**
   * Whether observer cities follow the step in the stream (vademecum II.1: the general and
   * summary parts are streamed, the working parts are for the core members only). Closed when
   * absent; the pair may change it per meeting (`observerAccess` in the control document).
   */
  observers: z.enum(['open', 'closed']).optional(),
});
export type Step = z.infer<typeof stepSchema>;
