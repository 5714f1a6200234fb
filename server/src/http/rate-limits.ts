import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimitConfig, RateLimitSetting } from '../config';

/**
 * The rate-limit policy, in one table ([R1]–[R6]): which requests count against which limit, and
 * by what key. The HTTP server asks before dispatching, so no route module carries limits of its
 * own. Limits live in memory (one process), or with `REDIS_URL` in Redis, shared by the
 * installation's processes (`LimiterFactory`; shared-rate-limits.ts).
 */

export type LimitName = keyof RateLimitConfig;

/** Makes the limiter of one policy. */
export type LimiterFactory = (name: LimitName, setting: RateLimitSetting) => RateLimiterAbstract;

export const memoryLimiters: LimiterFactory = (name, setting) =>
  new RateLimiterMemory({ keyPrefix: name, points: setting.points, duration: setting.seconds });

interface RequestPolicy {
  limit: LimitName;
  methods: readonly string[];
  pattern: RegExp;
  /** `address`: the client's address; `session`: the bearer token (the address without one). */
  key: 'address' | 'session';
}

/** Checked in order; the first match is the request's one limit. */
export const REQUEST_POLICIES: readonly RequestPolicy[] = [
  { limit: 'boardCreate', methods: ['POST'], pattern: /^\/api\/boards\/?$/, key: 'address' },
  { limit: 'join', methods: ['POST'], pattern: /^\/api\/boards\/[^/]+\/join\/?$/, key: 'address' },
  // A join from a person's home makes a board session like any join: the same limit, per address.
  { limit: 'join', methods: ['POST'], pattern: /^\/api\/me\/meetings\/[^/]+\/join\/?$/, key: 'address' },
  { limit: 'photoUpload', methods: ['POST'], pattern: /^\/api\/boards\/[^/]+\/photos\/?$/, key: 'address' },
  // Votes, hands, timers, private notes, the summary: generous, per person rather than per room.
  {
    limit: 'act',
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
    pattern: /^\/api\/boards\/[^/]+\//,
    key: 'session',
  },
  // A meeting makes a whole board: board creation's limit, per personal link.
  {
    limit: 'boardCreate',
    methods: ['POST'],
    pattern: /^\/api\/networks\/[^/]+\/meetings\/?$/,
    key: 'session',
  },
  // A search may re-index boards before it answers (at most 20 canvases): the act limit, per token.
  { limit: 'act', methods: ['GET'], pattern: /^\/api\/search\/?$/, key: 'session' },
  // Networks, their members, meetings and invitations: the same policy, per personal link.
  {
    limit: 'act',
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
    pattern: /^\/api\/networks(\/|$)/,
    key: 'session',
  },
  // A meeting's report (saved as it is typed, submitted, returned): the act limit, per token.
  {
    limit: 'act',
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
    pattern: /^\/api\/meetings\/[^/]+\//,
    key: 'session',
  },
  // A network's public page, its notes and feed: anyone may read them, no token, so the act
  // limit per address bounds what one address can make the server render ([PUB4]).
  { limit: 'act', methods: ['GET', 'HEAD'], pattern: /^\/public\//, key: 'address' },
];

export interface RequestFacts {
  method: string;
  pathname: string;
  address: string;
  /** The bearer token as sent, if any (only its hash is kept). */
  token: string | null;
}

export interface Refusal {
  limit: LimitName;
  /** Whole seconds, at least 1: the Retry-After header. */
  retryAfterSeconds: number;
  message: string;
}

const MESSAGES: Record<LimitName, string> = {
  join: 'Too many people joined from this network just now; try again in a moment.',
  boardCreate: 'Too many boards created from this network just now; try again later.',
  tokenFailures: 'Too many invalid tokens from this network; try again later.',
  photoUpload: 'Too many photos sent from this network just now; try again in a moment.',
  act: 'Too many actions at once; slow down a little.',
  websocket: 'Too many connection attempts from this network; try again in a moment.',
};

export class RateLimits {
  readonly #limiters: Record<LimitName, RateLimiterAbstract>;
  readonly #settings: RateLimitConfig;

  constructor(settings: RateLimitConfig, makeLimiter: LimiterFactory = memoryLimiters) {
    this.#settings = settings;
    const make = (name: LimitName) => makeLimiter(name, settings[name]);
    this.#limiters = {
      join: make('join'),
      boardCreate: make('boardCreate'),
      tokenFailures: make('tokenFailures'),
      photoUpload: make('photoUpload'),
      act: make('act'),
      websocket: make('websocket'),
    };
  }

  /** Counts a request against its policy, if one matches: null when it may go on. */
  async checkRequest(facts: RequestFacts): Promise<Refusal | null> {
    const policy = policyFor(facts.method, facts.pathname);
    if (!policy) return null;
    const key =
      policy.key === 'session' && facts.token !== null ? `s:${digest(facts.token)}` : `a:${facts.address}`;
    return this.#consume(policy.limit, key);
  }

  /** Counts a websocket connection attempt ([R6]). */
  checkUpgrade(address: string): Promise<Refusal | null> {
    return this.#consume('websocket', `a:${address}`);
  }

  /** Whether this address guessed wrong too often: it may then use only signed tokens ([R3]). */
  async guessingLockout(address: string): Promise<Refusal | null> {
    const state = await this.#limiters.tokenFailures.get(`a:${address}`);
    if (!state || state.consumedPoints < this.#settings.tokenFailures.points) return null;
    return refusal('tokenFailures', state);
  }

  /** Records a refused token that could have been a guess ([R3]). */
  async recordGuess(address: string): Promise<void> {
    await this.#limiters.tokenFailures.penalty(`a:${address}`, 1);
  }

  async #consume(limit: LimitName, key: string): Promise<Refusal | null> {
    try {
      await this.#limiters[limit].consume(key);
      return null;
    } catch (rejection) {
      // The library rejects with its state when over the limit, and with an Error when its store
      // fails; a store failure is the caller's to handle (a 500 at the request's boundary).
      if (rejection instanceof RateLimiterRes) return refusal(limit, rejection);
      throw rejection;
    }
  }
}

export function policyFor(method: string, pathname: string): RequestPolicy | null {
  return REQUEST_POLICIES.find((p) => p.methods.includes(method) && p.pattern.test(pathname)) ?? null;
}

function refusal(limit: LimitName, state: RateLimiterRes): Refusal {
  return {
    limit,
    retryAfterSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)),
    message: MESSAGES[limit],
  };
}

// Keys hold no token: a memory dump (or a shared store) must not be a list of live sessions.
function digest(token: string): string {
  return createHash('sha256').update(token).digest('base64url').slice(0, 22);
}
