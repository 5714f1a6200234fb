import type { InviteClaims, PersonalClaims, SessionClaims, TokenCodec, TokenFailure } from './tokens';
import { secretsEqual } from './tokens';

/** Who is asking, once their token has been checked. */
export type Access =
  | { kind: 'admin' }
  | { kind: 'invite'; claims: InviteClaims }
  | { kind: 'session'; claims: SessionClaims }
  | { kind: 'personal'; claims: PersonalClaims };

/** The tokens a board's routes know: a personal link opens a network home, not a board. */
export type BoardAccess = Exclude<Access, { kind: 'personal' }>;

export type AccessFailure = TokenFailure | 'missing' | 'revoked' | 'removed';
export type AccessResult = { ok: true; access: Access } | { ok: false; reason: AccessFailure };

/** A check against the stores; a store on PostgreSQL answers later, one in memory at once. */
type Check<Args extends unknown[]> = (...args: Args) => boolean | Promise<boolean>;

/**
 * Resolves a bearer token: the admin token, or a signed invite/session token whose invite is
 * still active. Board-level checks (is it *this* board's token?) are the caller's, via `boardOf`.
 */
export class AccessResolver {
  readonly #tokens: TokenCodec;
  readonly #adminToken: string;
  readonly #inviteActive: Check<[inviteId: string, boardId: string]>;
  /** Whether a session's person still counts: one the facilitator removed has no session ([I3]). */
  readonly #personActive: Check<[personId: string, boardId: string]>;
  /** Whether a personal link still counts: not replaced, its person still in its network ([N6]). */
  readonly #personalLinkActive: Check<[linkId: string, networkId: string, personId: string]>;

  constructor(
    tokens: TokenCodec,
    adminToken: string,
    inviteActive: Check<[inviteId: string, boardId: string]>,
    personActive: Check<[personId: string, boardId: string]> = () => true,
    personalLinkActive: Check<[linkId: string, networkId: string, personId: string]> = () => false,
  ) {
    this.#tokens = tokens;
    this.#adminToken = adminToken;
    this.#inviteActive = inviteActive;
    this.#personActive = personActive;
    this.#personalLinkActive = personalLinkActive;
  }

  /** Whether a token carries our signature (expired or not): no guess can make one ([R3]). */
  isSigned(token: string): boolean {
    const verified = this.#tokens.verify(token);
    return verified.ok || verified.reason === 'expired';
  }

  async resolve(token: string | null | undefined): Promise<AccessResult> {
    if (!token) return { ok: false, reason: 'missing' };
    if (secretsEqual(token, this.#adminToken)) return { ok: true, access: { kind: 'admin' } };
    const verified = this.#tokens.verify(token);
    if (!verified.ok) return verified;
    const claims = verified.claims;
    if (claims.k === 'personal') {
      return (await this.#personalLinkActive(claims.i, claims.w, claims.u))
        ? { ok: true, access: { kind: 'personal', claims } }
        : { ok: false, reason: 'revoked' };
    }
    if (!(await this.#inviteActive(claims.i, claims.b))) return { ok: false, reason: 'revoked' };
    // A session made at home ends with its personal link, like one made from a replaced invite ([N12]).
    if (
      claims.k === 'session' &&
      claims.h &&
      !(await this.#personalLinkActive(claims.h.i, claims.h.w, claims.h.u))
    )
      return { ok: false, reason: 'revoked' };
    if (claims.k === 'session' && !(await this.#personActive(claims.u, claims.b)))
      return { ok: false, reason: 'removed' };
    return claims.k === 'invite'
      ? { ok: true, access: { kind: 'invite', claims } }
      : { ok: true, access: { kind: 'session', claims } };
  }
}

/**
 * Whether a refusal could be someone guessing a secret ([R3]): a token that is not one we signed.
 * An expired, revoked or removed token is a real one of ours and counts as nothing.
 */
export function isGuess(reason: AccessFailure): boolean {
  return reason === 'malformed' || reason === 'bad-signature';
}

export function boardOf(access: BoardAccess): string | null {
  return access.kind === 'admin' ? null : access.claims.b;
}

/** Reads `Authorization: Bearer <token>`. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? (match[1] as string) : null;
}
