import { z } from 'zod';

/**
 * What goes between the event loop and an image worker (image-cleaner.ts, image-worker.ts):
 * the uploaded bytes in; the cleaned bytes and what was read, or why the file was refused, out.
 * The event loop parses the reply: a worker is a boundary like any other. (The worker checks its
 * one field by hand, so that zod is not loaded into every worker's start.)
 */
export interface WorkerRequest {
  bytes: Uint8Array;
}

export const workerReplySchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    bytes: z.instanceof(Uint8Array),
    info: z.object({
      type: z.enum(['image/jpeg', 'image/png', 'image/webp']),
      width: z.number().int().positive(),
      height: z.number().int().positive(),
      orientation: z.number().int().min(1).max(8),
    }),
  }),
  z.object({
    ok: z.literal(false),
    problem: z.enum(['not_an_image', 'invalid', 'too_large', 'too_complex']),
    message: z.string(),
  }),
]);
export type WorkerReply = z.infer<typeof workerReplySchema>;
