import { z } from 'zod';

/** The queue of raised hands, oldest first (control document key `hands`; written by the server). */
export const raisedHandSchema = z.object({
  personId: z.string(),
  name: z.string(),
  city: z.string(),
  raisedAt: z.number(),
});
export type RaisedHand = z.infer<typeof raisedHandSchema>;
export const raisedHandsSchema = z.array(raisedHandSchema);

export const raiseHandRequestSchema = z.object({ raised: z.boolean() });
