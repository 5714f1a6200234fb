import { z } from 'zod';
import { identitySchema } from '../identity';

/**
 * What one connection publishes in awareness. `user` is overwritten by the server from the token;
 * the rest is the client's own (cursor, viewport…), validated loosely because tldraw owns it.
 */
export const awarenessStateSchema = z
  .object({
    user: identitySchema,
    presence: z.unknown().optional(),
  })
  .passthrough();
export type AwarenessState = z.infer<typeof awarenessStateSchema>;

/** The field the server stamps; clients must read identity from here, not from tldraw presence. */
export const AWARENESS_USER_FIELD = 'user';
