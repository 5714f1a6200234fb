import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { redactedUrl } from './redis-relay';

const load = (env: Record<string, string>) => loadConfig(env, '/tmp/client').redis;

describe('Redis configuration', () => {
  it('is off without REDIS_URL: one process, nothing shared', () => {
    expect(load({})).toBeNull();
  });

  it('reads REDIS_URL with the default prefix and heartbeat, or the ones given', () => {
    expect(load({ REDIS_URL: 'redis://127.0.0.1:6379' })).toEqual({
      url: 'redis://127.0.0.1:6379',
      prefix: 'empiria',
      heartbeatMs: 5_000,
    });
    expect(
      load({
        REDIS_URL: 'rediss://:tajne@redis.zmp.pl:6380/2',
        REDIS_PREFIX: 'zmp-sieci',
        REDIS_HEARTBEAT_MS: '1000',
      }),
    ).toEqual({ url: 'rediss://:tajne@redis.zmp.pl:6380/2', prefix: 'zmp-sieci', heartbeatMs: 1_000 });
  });

  it('refuses another scheme, a prefix that would split keys, and a heartbeat out of range, naming the variable', () => {
    for (const [env, variable] of [
      [{ REDIS_URL: 'http://redis:6379' }, 'REDIS_URL'],
      [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
      [{ REDIS_URL: 'redis://r:6379', REDIS_PREFIX: 'a:b' }, 'REDIS_PREFIX'],
      [{ REDIS_URL: 'redis://r:6379', REDIS_HEARTBEAT_MS: '10' }, 'REDIS_HEARTBEAT_MS'],
    ] as const) {
      expect(() => load(env)).toThrow(ConfigError);
      expect(() => load(env)).toThrow(variable);
    }
  });

  it('never writes the password in a message', () => {
    expect(redactedUrl('redis://:tajne@redis.zmp.pl:6379')).not.toContain('tajne');
    expect(redactedUrl('redis://user:tajne@redis.zmp.pl:6379')).toContain('user');
  });
});
