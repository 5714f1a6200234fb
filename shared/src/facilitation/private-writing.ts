import { z } from 'zod';
import { shapeIdSchema } from './voting';

/**
 * Private writing: during a round, a participant's notes go to the server over the HTTP API and
 * nowhere else — not into the shared canvas — so no other browser can read them early, and a
 * laptop that dies loses nothing. At the reveal the server writes every note into the canvas in
 * one transaction. The control document only says that a round is on and how many notes exist.
 */
export const privateWritingStateSchema = z.object({
  roundId: z.string(),
  stepId: z.string().min(1).nullable(),
  status: z.enum(['writing', 'revealed']),
  startedAt: z.number(),
  revealedAt: z.number().nullable(),
  /** Notes written so far, by everyone (a count only: the texts stay private). */
  noteCount: z.number().int().min(0),
  /** People who have written at least one note. */
  writerCount: z.number().int().min(0),
});
export type PrivateWritingState = z.infer<typeof privateWritingStateSchema>;

export const startPrivateWritingRequestSchema = z.object({
  stepId: z.string().min(1).nullable().default(null),
});

export const MAX_PRIVATE_NOTE_CHARS = 2000;

/**
 * The style the reveal writes every note in (server/src/canvas/note-record.ts), whatever its
 * author's note looked like: its author's screen measures the note's height in it (D54).
 */
export const REVEALED_NOTE_STYLE = {
  size: 'm',
  font: 'draw',
  align: 'middle',
  verticalAlign: 'middle',
} as const;

/**
 * The most a note's `growY` can be: a line of 30 units for every character of the longest text
 * (each a line break), beyond the note's square, with the author's room.
 */
export const MAX_PRIVATE_NOTE_GROW_Y = 60_000;

/**
 * A note as its author writes it: the id is the tldraw shape id it will have once revealed.
 * `growY` and `fontSizeAdjustment` are what tldraw, on the author's screen, measured for the text
 * in REVEALED_NOTE_STYLE (D54): the reveal writes them, so the note shows its whole text on every
 * screen; a note sent without them (an older client) gets the server's estimate.
 */
export const privateNoteInputSchema = z.object({
  id: shapeIdSchema,
  text: z.string().max(MAX_PRIVATE_NOTE_CHARS),
  x: z.number().finite().min(-1e7).max(1e7),
  y: z.number().finite().min(-1e7).max(1e7),
  growY: z.number().finite().min(0).max(MAX_PRIVATE_NOTE_GROW_Y).optional(),
  /** tldraw draws no label smaller than about 0.77 of its size; 0 would be a blank note. */
  fontSizeAdjustment: z.number().finite().min(0.5).max(1).optional(),
});
export type PrivateNoteInput = z.infer<typeof privateNoteInputSchema>;

export const privateNoteSchema = privateNoteInputSchema.extend({
  roundId: z.string(),
  updatedAt: z.number(),
});
export type PrivateNote = z.infer<typeof privateNoteSchema>;

export const privateNotesResponseSchema = z.object({
  roundId: z.string().nullable(),
  notes: z.array(privateNoteSchema),
});
export type PrivateNotesResponse = z.infer<typeof privateNotesResponseSchema>;

/** Notes per person per round; a generous bound that a real round never reaches. */
export const MAX_PRIVATE_NOTES_PER_PERSON = 200;
