import { z } from 'zod';
import { localizedTextSchema } from './localized-text';

/**
 * A working format as declarative data: what it is for and its steps. Versioned, so that a board
 * made with an older version of a format still opens (craft habit 9). Steps, zones and tools are
 * filled in by the formats issue; the blank board has none.
 */
export const formatDefinitionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().positive(),
  name: localizedTextSchema,
  goal: localizedTextSchema,
  steps: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), title: localizedTextSchema })),
});
export type FormatDefinition = z.infer<typeof formatDefinitionSchema>;
