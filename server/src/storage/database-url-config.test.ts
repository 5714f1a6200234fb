import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';

const load = (env: Record<string, string>) => loadConfig(env, '/tmp/client').databaseUrl;

describe('DATABASE_URL', () => {
  it('unset: the documents stay in SQLite under DATA_DIR', () => {
    expect(load({})).toBeNull();
  });

  it('takes a postgres:// or postgresql:// URL as it is', () => {
    expect(load({ DATABASE_URL: 'postgres://empiria:tajne@db:5432/empiria' })).toBe(
      'postgres://empiria:tajne@db:5432/empiria',
    );
    expect(load({ DATABASE_URL: 'postgresql://db/empiria?sslmode=require' })).toBe(
      'postgresql://db/empiria?sslmode=require',
    );
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => load({ DATABASE_URL: 'mysql://db/empiria' })).toThrow(ConfigError);
    expect(() => load({ DATABASE_URL: 'mysql://db/empiria' })).toThrow(
      'DATABASE_URL: must start with postgres:// or postgresql://',
    );
    expect(() => load({ DATABASE_URL: 'db:5432' })).toThrow(/DATABASE_URL: must/);
    expect(() => load({ DATABASE_URL: 'not a url' })).toThrow('DATABASE_URL: must be a URL');
  });
});
