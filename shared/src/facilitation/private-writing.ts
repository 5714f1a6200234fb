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

/** A note as its author writes it: the id is the tldraw shape id it will have once revealed. */
export const privateNoteInputSchema = z.object({
  id: shapeIdSchema,
  text: z.string().max(MAX_PRIVATE_NOTE_CHARS),
  x: z.number().finite().min(-1e7).max(1e7),
  y: z.number().finite().min(-1e7).max(1e7),
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
