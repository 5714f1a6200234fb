import { z } from 'zod';

/** Every text a format shows exists in Polish (the source) and English. */
export const localizedTextSchema = z.object({
  pl: z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;
