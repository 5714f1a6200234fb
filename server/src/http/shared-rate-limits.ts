import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { Logger } from '../log';
import type { LimiterFactory } from './rate-limits';

export interface SharedRateLimitOptions {
  /** The installation's Redis (`REDIS_URL`), the one its processes relay rooms through. */
  url: string;
  /** `REDIS_PREFIX`: every key is `<prefix>:rate:<installation>:<limit>:<key>`. */
  prefix: string;
  /** A hash of the token secret, as the relay's: two installations on one prefix do not mix. */
  installation: string;
  /** A counter Redis has not answered by then is counted in this process instead. */
  commandTimeoutMs?: number;
}

/**
 * The rate limits ([R1]–[R6]) counted in Redis, so that an address spread by a round-robin proxy
 * over several processes gets one budget, not one per process. Each counter is one Redis key
 * with the limit's window as its expiry (rate-limiter-flexible's `RateLimiterRedis`: an atomic
 * INCRBY + PEXPIRE script), so nothing accumulates.
 *
 * A Redis that is down, reconnecting or slow must not turn every request into an error, nor let
 * everything through: each limiter is insured by an in-memory one with the same settings, which
 * counts in this process until Redis answers again (the limits are then per process, as without
 * Redis). Commands are not queued while disconnected; they fail at once to the insurance.
 */
export class SharedRateLimitStore {
  readonly #redis: Redis;
  readonly #options: Required<SharedRateLimitOptions>;
  readonly #log: Logger;
  #closed = false;

  constructor(options: SharedRateLimitOptions, log: Logger) {
    this.#options = { commandTimeoutMs: 500, ...options };
    this.#log = log;
    this.#redis = new Redis(options.url, {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: this.#options.commandTimeoutMs,
      connectionName: 'empiria-rate-limits',
    });
    let down = false;
    const lost = (err?: Error) => {
      if (down || this.#closed) return;
      down = true;
      this.#log.warn('redis unreachable; rate limits count per process until it is back', { err });
    };
    this.#redis.on('error', lost);
    this.#redis.on('close', () => lost());
    this.#redis.on('ready', () => {
      if (down) this.#log.info('redis back; rate limits count across processes again');
      down = false;
    });
  }

  readonly limiters: LimiterFactory = (name, setting) => {
    const insurance = new RateLimiterMemory({
      keyPrefix: name,
      points: setting.points,
      duration: setting.seconds,
    });
    return new RateLimiterRedis({
      storeClient: this.#redis,
      keyPrefix: `${this.#options.prefix}:rate:${this.#options.installation}:${name}`,
      points: setting.points,
      duration: setting.seconds,
      rejectIfRedisNotReady: true,
      insuranceLimiter: insurance,
    });
  };

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#redis.quit().catch(() => this.#redis.disconnect());
  }
}
