import { describe, expect, it } from 'vitest';
import { loadConfig, type RateLimitConfig } from '../config';
import { policyFor, RateLimits } from './rate-limits';

const WINDOW = 3600; // long enough that no window ends during a test: nothing here depends on time
const small = (points: number) => ({ points, seconds: WINDOW });
const settings: RateLimitConfig = {
  join: small(3),
  boardCreate: small(2),
  tokenFailures: small(3),
  photoUpload: small(2),
  act: small(4),
  websocket: small(5),
};
const post = (pathname: string, address = '10.0.0.1', token: string | null = null) => ({
  method: 'POST',
  pathname,
  address,
  token,
});

describe('rate-limit policy table', () => {
  it('[R1] [R2] [R4] [R5] maps each endpoint to its one limit', () => {
    expect(policyFor('POST', '/api/boards')?.limit).toBe('boardCreate');
    expect(policyFor('POST', '/api/boards/b-1/join')?.limit).toBe('join');
    expect(policyFor('POST', '/api/boards/b-1/photos')?.limit).toBe('photoUpload');
    expect(policyFor('POST', '/api/boards/b-1/votes')?.limit).toBe('act');
    expect(policyFor('PUT', '/api/boards/b-1/private-notes/n1')?.limit).toBe('act');
    expect(policyFor('DELETE', '/api/boards/b-1/votes/v/ballots/x')?.limit).toBe('act');
    expect(policyFor('POST', '/api/boards/b-1/summary/draft')?.limit).toBe('act');
    // A search can make the server re-index boards: limited per token like an act.
    expect(policyFor('GET', '/api/search')).toMatchObject({ limit: 'act', key: 'session' });
    // The facilitator's report is saved as it is typed: every write counts, per token.
    for (const [method, path] of [
      ['PUT', '/api/meetings/m-1/report'],
      ['POST', '/api/meetings/m-1/report/submit'],
      ['POST', '/api/meetings/m-1/report/return'],
    ] as const)
      expect(policyFor(method, path), path).toMatchObject({ limit: 'act', key: 'session' });
    expect(policyFor('GET', '/api/meetings/m-1/report')).toBeNull();
  });

  it('[R5] leaves reads, health and the client alone', () => {
    expect(policyFor('GET', '/api/boards')).toBeNull();
    expect(policyFor('GET', '/api/boards/b-1')).toBeNull();
    expect(policyFor('GET', '/healthz')).toBeNull();
    expect(policyFor('GET', '/b/b-1')).toBeNull();
  });
});

describe('rate limits', () => {
  it('[R1] refuses the join past the limit per address, with a retry time; other addresses go on', async () => {
    const limits = new RateLimits(settings);
    for (let i = 0; i < 3; i++) expect(await limits.checkRequest(post('/api/boards/b/join'))).toBeNull();
    const refused = await limits.checkRequest(post('/api/boards/other-board/join'));
    expect(refused?.limit).toBe('join');
    expect(refused?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused?.retryAfterSeconds).toBeLessThanOrEqual(WINDOW);
    expect(await limits.checkRequest(post('/api/boards/b/join', '10.0.0.2'))).toBeNull();
  });

  it('[R2] counts board creation separately from joins', async () => {
    const limits = new RateLimits(settings);
    await limits.checkRequest(post('/api/boards/b/join'));
    expect(await limits.checkRequest(post('/api/boards'))).toBeNull();
    expect(await limits.checkRequest(post('/api/boards'))).toBeNull();
    expect((await limits.checkRequest(post('/api/boards')))?.limit).toBe('boardCreate');
  });

  it('[R5] counts acts per session, so one noisy person behind a NAT does not stop the rest', async () => {
    const limits = new RateLimits(settings);
    for (let i = 0; i < 4; i++)
      expect(await limits.checkRequest(post('/api/boards/b/hand', 'nat', 'tok-a'))).toBeNull();
    expect((await limits.checkRequest(post('/api/boards/b/hand', 'nat', 'tok-a')))?.limit).toBe('act');
    expect(await limits.checkRequest(post('/api/boards/b/hand', 'nat', 'tok-b'))).toBeNull();
  });

  it('[R3] locks an address out after as many guesses as the limit, not before', async () => {
    const limits = new RateLimits(settings);
    for (let i = 0; i < 3; i++) {
      expect(await limits.guessingLockout('1.2.3.4')).toBeNull();
      await limits.recordGuess('1.2.3.4');
    }
    expect((await limits.guessingLockout('1.2.3.4'))?.limit).toBe('tokenFailures');
    expect(await limits.guessingLockout('1.2.3.5')).toBeNull();
  });

  it('[R6] limits websocket attempts per address', async () => {
    const limits = new RateLimits(settings);
    for (let i = 0; i < 5; i++) expect(await limits.checkUpgrade('a')).toBeNull();
    expect((await limits.checkUpgrade('a'))?.limit).toBe('websocket');
  });

  it('[R7] the defaults let 40 people behind one address join twice and open 3 rooms each, five times over', async () => {
    const config = loadConfig({}, '/nowhere');
    const limits = new RateLimits(config.rateLimits);
    for (let i = 0; i < 80; i++)
      expect(await limits.checkRequest(post('/api/boards/b/join', 'nat'))).toBeNull();
    for (let i = 0; i < 40 * 3 * 5; i++) expect(await limits.checkUpgrade('nat')).toBeNull();
    for (let i = 0; i < 40 * 2; i++)
      expect(await limits.checkRequest(post('/api/boards/b/photos', 'nat'))).toBeNull();
  });

  it('[R7] reads limits from the environment as <points>/<seconds>', () => {
    const config = loadConfig({ RATE_LIMIT_JOIN: '5/30' }, '/nowhere');
    expect(config.rateLimits.join).toEqual({ points: 5, seconds: 30 });
    expect(() => loadConfig({ RATE_LIMIT_JOIN: 'lots' }, '/nowhere')).toThrow(/RATE_LIMIT_JOIN/);
    expect(() => loadConfig({ RATE_LIMIT_JOIN: '0/30' }, '/nowhere')).toThrow(/RATE_LIMIT_JOIN/);
  });
});
