import { z } from 'zod';

/** Which part of a sheet a template shape draws. */
export const templatePartSchema = z.enum([
  'sheet',
  'badge',
  'title',
  'instruction',
  'zone',
  'zone-label',
  'zone-hint',
  'header',
  'cell',
  'group',
  'arrow',
]);
export type TemplatePart = z.infer<typeof templatePartSchema>;

/**
 * `shape.meta.empiria` of every template shape: it marks the shape as the format's, not the
 * group's (the client keeps it locked, the summary skips it) and names what it draws. A board
 * keeps the format version it was made with, so a later version never reinterprets old shapes.
 */
export const templateMetaSchema = z.object({
  kind: z.literal('template'),
  formatId: z.string(),
  formatVersion: z.number().int().positive(),
  stepId: z.string(),
  part: templatePartSchema,
  zoneId: z.string().optional(),
  /** For a cell or header: its cell id (as `zoneCells`) or header id. */
  partId: z.string().optional(),
});
export type TemplateMeta = z.infer<typeof templateMetaSchema>;

/** The template meta of a shape, or null when the shape is not part of a template. */
export function readTemplateMeta(shape: { meta?: unknown }): TemplateMeta | null {
  const meta = shape.meta as { empiria?: unknown } | undefined;
  const parsed = templateMetaSchema.safeParse(meta?.empiria);
  return parsed.success ? parsed.data : null;
}
