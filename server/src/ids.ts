import { randomBytes } from 'node:crypto';

/** Ids are random, URL-safe and long enough not to be guessed. */
export function newId(bytes = 12): string {
  return randomBytes(bytes).toString('base64url');
}
