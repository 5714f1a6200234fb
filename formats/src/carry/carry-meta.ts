import { z } from 'zod';
import { slugSchema } from '../ids';

/**
 * Where a carried note or cluster lay before: a zone (and cell) of a step's sheet, with the
 * cluster it was in and the votes it had there. A shape's `meta.empiria.carried.from` lists these,
 * oldest first; its current place is its own `meta.empiria.zone`. Drafting reads a shape into
 * every zone it has lain in, so carrying the barriers on to the grouping sheet does not empty
 * the barriers' list in the meeting notes.
 */
export const carryStopSchema = z.object({
  stepId: slugSchema,
  zoneId: slugSchema,
  cellId: z.string().max(80).optional(),
  /** The name of the cluster the note was in there. */
  cluster: z.string().max(200).optional(),
  votes: z.number().int().min(0).optional(),
  place: z.number().int().min(1).optional(),
});
export type CarryStop = z.infer<typeof carryStopSchema>;

/**
 * A note the carry made to stand for another item: a vote's winner (a cluster, or a note) named
 * at the start of a row of the next sheet. It is not the group's material a second time: drafting
 * uses it as the row's title, and leaves it out of the source's zone.
 */
export const carryCopySchema = z.object({
  id: z.string().max(200),
  stepId: slugSchema,
  zoneId: slugSchema,
  votes: z.number().int().min(0).optional(),
  place: z.number().int().min(1).optional(),
});
export type CarryCopy = z.infer<typeof carryCopySchema>;

export const carriedMetaSchema = z.object({
  from: z.array(carryStopSchema).max(50),
  copyOf: carryCopySchema.optional(),
});
export type CarriedMeta = z.infer<typeof carriedMetaSchema>;

/** `meta.empiria.carried` of a shape, when it is well formed; null otherwise. */
export function readCarried(meta: unknown): CarriedMeta | null {
  const empiria = (meta as { empiria?: { carried?: unknown } } | null)?.empiria;
  const parsed = carriedMetaSchema.safeParse(empiria?.carried);
  return parsed.success ? parsed.data : null;
}

/** A stop without the keys JSON cannot hold as `undefined` (tldraw's meta is JSON). */
export function cleanStop(stop: CarryStop): CarryStop {
  return Object.fromEntries(Object.entries(stop).filter(([, v]) => v !== undefined)) as CarryStop;
}
