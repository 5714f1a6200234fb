import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { CONFIG_ENV_NAMES } from '../config';

/**
 * Docker does not run where the tests run, so compose.yaml is checked as data: it parses, it has
 * the services the operator's guide describes, and every variable it gives Empiria is one
 * config.ts reads (a misspelt name would be silently ignored). nginx's file is run by the real
 * nginx in test/integration/reverse-proxy.test.ts.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

const serviceSchema = z.object({
  image: z.string().optional(),
  build: z.string().optional(),
  environment: z.record(z.string(), z.string()).optional(),
  volumes: z.array(z.string()).optional(),
  ports: z.array(z.string()).optional(),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
  healthcheck: z.object({ test: z.array(z.string()) }).optional(),
  stop_grace_period: z.string().optional(),
});
const composeSchema = z.object({
  services: z.record(z.string(), serviceSchema),
  volumes: z.record(z.string(), z.unknown()),
});

const compose = composeSchema.parse(parse(read('compose.yaml'), { merge: true }));
const empirias = ['empiria-1', 'empiria-2'] as const;
const service = (name: string) => {
  const found = compose.services[name];
  if (!found) throw new Error(`compose.yaml has no service ${name}`);
  return found;
};

describe('compose.yaml', () => {
  it('runs PostgreSQL, Redis, two Empiria processes and nginx', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['empiria-1', 'empiria-2', 'postgres', 'proxy', 'redis'].sort(),
    );
    expect(service('postgres').image).toMatch(/^postgres:/);
    expect(service('redis').image).toMatch(/^redis:/);
    expect(service('proxy').image).toMatch(/^nginx:/);
    for (const name of empirias) expect(service(name).build).toBe('.');
    expect(existsSync(path.join(root, 'Dockerfile'))).toBe(true);
  });

  it('gives Empiria only variables config.ts reads, and the ones a cluster needs', () => {
    for (const name of empirias) {
      const env = service(name).environment ?? {};
      const unknown = Object.keys(env).filter((key) => !CONFIG_ENV_NAMES.includes(key));
      expect(unknown, `${name}: variables Empiria does not read`).toEqual([]);
      expect(Object.keys(env)).toEqual(
        expect.arrayContaining(['DATABASE_URL', 'REDIS_URL', 'DATA_DIR', 'HOST', 'PORT', 'TRUST_PROXY']),
      );
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/empiria:.*@postgres:5432\/empiria$/);
      expect(env.REDIS_URL).toBe('redis://redis:6379');
      expect(env.HOST).toBe('0.0.0.0');
      expect(env.TRUST_PROXY).toBe('1');
    }
  });

  it('shares one data folder, checks /healthz, and waits longer than the shutdown deadline', () => {
    for (const name of empirias) {
      const s = service(name);
      expect(s.volumes).toContain('empiria-data:/data');
      expect(s.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${s.environment?.PORT}/healthz`);
      const grace = Number(/^(\d+)s$/.exec(s.stop_grace_period ?? '')?.[1]) * 1000;
      expect(grace).toBeGreaterThan(Number(s.environment?.SHUTDOWN_TIMEOUT_MS));
    }
    expect(service('empiria-2').depends_on?.['empiria-1']?.condition).toBe('service_healthy');
  });

  it('mounts the nginx file, whose upstreams are the Empiria services on their port', () => {
    const mount = (service('proxy').volumes ?? []).find((v) => v.includes('nginx'));
    expect(mount).toBe('./deploy/nginx/empiria.conf:/etc/nginx/conf.d/default.conf:ro');
    const conf = read('deploy/nginx/empiria.conf');
    const upstreams = [...conf.matchAll(/^\s*server\s+([\w.-]+):(\d+)\b/gm)].map((m) => `${m[1]}:${m[2]}`);
    expect(upstreams).toEqual(empirias.map((name) => `${name}:${service(name).environment?.PORT}`));
    // Round robin: no directive that pins a client to a process.
    expect(conf).not.toMatch(/^\s*(ip_hash|hash|sticky)\b/m);
  });
});

describe('docs/operations.md', () => {
  it('names every variable config.ts reads', () => {
    const guide = read('docs/operations.md');
    const missing = CONFIG_ENV_NAMES.filter((name) => !guide.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
