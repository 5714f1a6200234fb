import { z } from 'zod';

/**
 * "Bring everyone here" and "follow me" (control document keys `summon` and `follow`, written by
 * the facilitator or expert). A summon is a one-off move: each client moves once per summon id. A
 * follow keeps participants' views on the leader's viewport until it is stopped; a participant may
 * step away, and return with one click.
 */
export const viewportSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  w: z.number().finite().positive(),
  h: z.number().finite().positive(),
});
export type Viewport = z.infer<typeof viewportSchema>;

export const summonSchema = z.object({
  id: z.string().min(1),
  byName: z.string(),
  at: z.number(),
  viewport: viewportSchema,
});
export type Summon = z.infer<typeof summonSchema>;

export const followSchema = z.object({
  active: z.boolean(),
  /** The leader's person id; their viewport travels in awareness as `viewport`. */
  leaderId: z.string().nullable(),
  leaderName: z.string().nullable(),
});
export type Follow = z.infer<typeof followSchema>;
