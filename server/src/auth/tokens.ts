import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { boardIdSchema, roleSchema } from '@empiria/shared';

/**
 * Signed tokens: `base64url(JSON payload).base64url(HMAC-SHA256(secret, payload part))`.
 * Self-contained so the websocket upgrade needs no session table; revocation is a check of the
 * invite id against the board repository (an invite revoked also ends every session made from it).
 */
const inviteClaimsSchema = z.object({
  k: z.literal('invite'),
  b: boardIdSchema,
  r: roleSchema,
  /** invite id */
  i: z.string().min(1).max(64),
});

const sessionClaimsSchema = z.object({
  k: z.literal('session'),
  b: boardIdSchema,
  r: roleSchema,
  i: z.string().min(1).max(64),
  /** person id, stable for the session */
  u: z.string().min(1).max(64),
  n: z.string().min(1).max(80),
  c: z.string().min(1).max(80),
  /** expiry, unix seconds */
  e: z.number().int(),
  /**
   * The personal link the session was made from, when it was made at home ([N12]): the session
   * ends with that link (replaced, or its person gone from the network). Optional: sessions made
   * from a board invite, and every token issued before, have none.
   */
  h: z
    .object({
      /** network id */
      w: z.string().min(1).max(64),
      /** network person id */
      u: z.string().min(1).max(64),
      /** link id */
      i: z.string().min(1).max(64),
    })
    .optional(),
});

/**
 * A person's personal link to their home in one network (issue #11). It names the link, so that
 * replacing the link (or the person leaving the network) ends it; it opens no board by itself.
 */
const personalClaimsSchema = z.object({
  k: z.literal('personal'),
  /** network id */
  w: z.string().min(1).max(64),
  /** person id */
  u: z.string().min(1).max(64),
  /** link id */
  i: z.string().min(1).max(64),
});

const claimsSchema = z.discriminatedUnion('k', [
  inviteClaimsSchema,
  sessionClaimsSchema,
  personalClaimsSchema,
]);

export type InviteClaims = z.infer<typeof inviteClaimsSchema>;
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;
/** The personal link a session made at home stands on. */
export type PersonalOrigin = NonNullable<SessionClaims['h']>;
export type PersonalClaims = z.infer<typeof personalClaimsSchema>;
export type TokenClaims = z.infer<typeof claimsSchema>;

export type TokenFailure = 'malformed' | 'bad-signature' | 'expired';
export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; reason: TokenFailure };

/** Tokens longer than this are refused before any parsing: they never come from us. */
const MAX_TOKEN_LENGTH = 2048;

export class TokenCodec {
  readonly #secret: Buffer;

  constructor(secret: Buffer) {
    if (secret.length < 32) throw new Error('token secret must be at least 32 bytes');
    this.#secret = secret;
  }

  sign(claims: TokenClaims): string {
    const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
    return `${payload}.${this.#mac(payload)}`;
  }

  verify(token: string, nowSeconds: number = Math.floor(Date.now() / 1000)): VerifyResult {
    if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
    const dot = token.indexOf('.');
    if (dot <= 0 || dot !== token.lastIndexOf('.')) return { ok: false, reason: 'malformed' };
    const payload = token.slice(0, dot);
    const given = decodeCanonicalBase64url(token.slice(dot + 1));
    if (!given) return { ok: false, reason: 'malformed' };
    const expected = Buffer.from(this.#mac(payload), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { ok: false, reason: 'bad-signature' };
    }
    // The payload is what the MAC covers, so a verified one is ours; decoding it strictly anyway
    // keeps one rule for both halves ([T1]).
    const payloadBytes = decodeCanonicalBase64url(payload);
    if (!payloadBytes) return { ok: false, reason: 'malformed' };
    let json: unknown;
    try {
      json = JSON.parse(payloadBytes.toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const parsed = claimsSchema.safeParse(json);
    if (!parsed.success) return { ok: false, reason: 'malformed' };
    if (parsed.data.k === 'session' && parsed.data.e <= nowSeconds) return { ok: false, reason: 'expired' };
    return { ok: true, claims: parsed.data };
  }

  #mac(payload: string): string {
    return createHmac('sha256', this.#secret).update(payload).digest('base64url');
  }
}

// Unpadded base64url: the alphabet only, and a length no canonical encoding skips (4n+1).
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes base64url only in its one canonical form, or answers null ([T1]). Node's decoder is
 * lenient: it drops `=`, stops at a stray character and ignores the unused low bits of the last
 * character, so many strings decode to the same MAC and a token "with a trailing `!`" passed.
 * Re-encoding and comparing refuses every form but the one we issue.
 */
export function decodeCanonicalBase64url(text: string): Buffer | null {
  if (text.length === 0 || text.length % 4 === 1 || !BASE64URL.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

/** Compares two secrets in constant time (the admin token). */
export function secretsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
