import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimitConfig } from '../../server/src/config';
import { RateLimits } from '../../server/src/http/rate-limits';
import { SharedRateLimitStore } from '../../server/src/http/shared-rate-limits';
import { createMemoryLogger } from '../../server/src/log';
import { redisAvailable, startRedis, type RedisHandle } from '../support/redis-server';

/**
 * The rate limits counted in a real Redis (docs/security.md [R1]–[R6], "across processes"): two
 * `RateLimits` on two stores stand for two server processes of one installation.
 */
const WINDOW = 3600; // no window ends during a test
const small = (points: number) => ({ points, seconds: WINDOW });
const settings: RateLimitConfig = {
  join: small(3),
  boardCreate: small(2),
  tokenFailures: small(3),
  photoUpload: small(2),
  act: small(4),
  websocket: small(5),
};
const join = (address = '10.0.0.1') => ({
  method: 'POST',
  pathname: '/api/boards/b-1/join',
  address,
  token: null,
});

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

beforeAll(() => {
  if (!redisAvailable()) throw new Error('redis-server is missing: run scripts/install-redis.sh');
});

async function redisServer(): Promise<RedisHandle> {
  const redis = await startRedis();
  cleanups.push(() => redis.stop());
  return redis;
}

/** One "process": its own store (its own Redis connection) and its own in-memory insurance. */
async function processOn(redis: RedisHandle, installation = 'inst-a') {
  const log = createMemoryLogger();
  const store = new SharedRateLimitStore({ url: redis.url, prefix: 'test', installation }, log);
  cleanups.push(() => store.close());
  const limits = new RateLimits(settings, store.limiters);
  // Connected, so the first count goes to Redis rather than to the insurance.
  for (let i = 0; i < 100 && !(await redis.command('CLIENT LIST')).includes('empiria-rate-limits'); i++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { limits, log };
}

describe('rate limits shared through Redis', () => {
  it('[R1] one address gets one budget across two processes', async () => {
    const redis = await redisServer();
    const a = await processOn(redis);
    const b = await processOn(redis);
    expect(await a.limits.checkRequest(join())).toBeNull();
    expect(await b.limits.checkRequest(join())).toBeNull();
    expect(await a.limits.checkRequest(join())).toBeNull();
    // Three joins in all: the fourth is refused whichever process it reaches.
    const onB = await b.limits.checkRequest(join());
    expect(onB).toMatchObject({ limit: 'join' });
    expect(onB?.retryAfterSeconds).toBeGreaterThan(WINDOW - 60);
    expect(await a.limits.checkRequest(join())).toMatchObject({ limit: 'join' });
    // Another address has its own budget.
    expect(await b.limits.checkRequest(join('10.0.0.2'))).toBeNull();
  });

  it('[R3] guesses recorded by one process lock the address out on the other', async () => {
    const redis = await redisServer();
    const a = await processOn(redis);
    const b = await processOn(redis);
    for (let i = 0; i < 3; i++) await a.limits.recordGuess('10.0.0.9');
    expect(await b.limits.guessingLockout('10.0.0.9')).toMatchObject({ limit: 'tokenFailures' });
    expect(await b.limits.guessingLockout('10.0.0.8')).toBeNull();
  });

  it('[R6] counters are keys that expire with their window, under the prefix and installation', async () => {
    const redis = await redisServer();
    const a = await processOn(redis);
    expect(await a.limits.checkUpgrade('10.0.0.3')).toBeNull();
    const keys = await redis.command('KEYS test:rate:*');
    expect(keys).toContain('test:rate:inst-a:websocket:a:10.0.0.3');
    const ttl = Number(
      /:(-?\d+)/.exec(await redis.command('PTTL test:rate:inst-a:websocket:a:10.0.0.3'))?.[1],
    );
    expect(ttl).toBeGreaterThan((WINDOW - 60) * 1000);
    expect(ttl).toBeLessThanOrEqual(WINDOW * 1000);
  });

  it('another installation on the same Redis and prefix counts apart', async () => {
    const redis = await redisServer();
    const ours = await processOn(redis, 'inst-a');
    const theirs = await processOn(redis, 'inst-b');
    for (let i = 0; i < 3; i++) expect(await ours.limits.checkRequest(join())).toBeNull();
    expect(await ours.limits.checkRequest(join())).not.toBeNull();
    expect(await theirs.limits.checkRequest(join())).toBeNull();
  });

  it('with Redis gone, each process counts by itself: no error, and the limit still holds', async () => {
    const redis = await redisServer();
    const a = await processOn(redis);
    expect(await a.limits.checkRequest(join())).toBeNull();
    await redis.stop();
    // The insurance starts from nothing: three more in this process, then refused.
    for (let i = 0; i < 3; i++) expect(await a.limits.checkRequest(join())).toBeNull();
    expect(await a.limits.checkRequest(join())).toMatchObject({ limit: 'join' });
    expect(a.log.records.some((r) => String(r.msg).startsWith('redis unreachable; rate limits count'))).toBe(
      true,
    );
  });
});
