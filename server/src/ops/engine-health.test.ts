import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../log';
import { openSqliteDatabase } from '../storage/sqlite-database';
import { sqliteEngineCheck } from '../storage/sqlite-engine-check';
import { EngineHealthMonitor, type EngineCheck } from './engine-health';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function counting(check: () => Promise<void>): EngineCheck & { calls: number } {
  const engine = { name: 'counted', calls: 0, check: () => (engine.calls++, check()) };
  return engine;
}

describe('EngineHealthMonitor', () => {
  it('reports every engine up with its latency', async () => {
    const monitor = new EngineHealthMonitor(
      [
        { name: 'sqlite', check: () => Promise.resolve() },
        { name: 'redis', check: () => Promise.resolve() },
      ],
      createMemoryLogger(),
    );
    const engines = await monitor.engines();
    expect(engines.map((e) => [e.name, e.status])).toEqual([
      ['sqlite', 'up'],
      ['redis', 'up'],
    ]);
    expect(engines.every((e) => e.latencyMs >= 0 && e.problem === undefined)).toBe(true);
  });

  it('names the engine that failed and keeps its message out of the answer', async () => {
    const log = createMemoryLogger();
    const monitor = new EngineHealthMonitor(
      [
        { name: 'sqlite', check: () => Promise.resolve() },
        {
          name: 'postgresql',
          check: () => Promise.reject(new Error('password authentication failed for user "empiria"')),
        },
      ],
      log,
    );
    const engines = await monitor.engines();
    expect(engines[1]).toMatchObject({ name: 'postgresql', status: 'down', problem: 'failed' });
    expect(JSON.stringify(engines)).not.toContain('password');
    expect(log.records.some((r) => r.msg === 'engine check failed' && r.engine === 'postgresql')).toBe(true);
  });

  it('counts a check that throws at once as failed, not as a crash', async () => {
    const monitor = new EngineHealthMonitor(
      [
        {
          name: 'sqlite',
          check: () => {
            throw new Error('The database connection is not open');
          },
        },
      ],
      createMemoryLogger(),
    );
    expect(await monitor.engines()).toMatchObject([{ name: 'sqlite', status: 'down', problem: 'failed' }]);
  });

  it('gives up on an engine that does not answer within the deadline', async () => {
    const monitor = new EngineHealthMonitor(
      [{ name: 'redis', check: () => new Promise<void>(() => undefined) }],
      createMemoryLogger(),
      { timeoutMs: 50 },
    );
    const started = Date.now();
    expect(await monitor.engines()).toEqual([
      { name: 'redis', status: 'down', latencyMs: 50, problem: 'timeout' },
    ]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('shares a round in flight and reuses a fresh answer, then asks again', async () => {
    let now = 0;
    let release: () => void = () => undefined;
    const engine = counting(() => new Promise<void>((resolve) => (release = resolve)));
    const monitor = new EngineHealthMonitor([engine], createMemoryLogger(), { reuseForMs: 1_000 }, () => now);
    const first = monitor.engines();
    const second = monitor.engines();
    await new Promise((resolve) => setImmediate(resolve));
    release();
    expect(await first).toBe(await second);
    expect((await first)[0]?.status).toBe('up');
    expect(engine.calls).toBe(1);
    now = 999;
    await monitor.engines();
    expect(engine.calls).toBe(1);
    now = 1_000;
    const third = monitor.engines();
    await new Promise((resolve) => setImmediate(resolve));
    release();
    expect((await third)[0]?.status).toBe('up');
    expect(engine.calls).toBe(2);
  });
});

describe('sqliteEngineCheck', () => {
  it('answers on an open database and fails once it is closed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'empiria-health-'));
    try {
      const db = openSqliteDatabase(path.join(dir, 'empiria.sqlite'));
      const check = sqliteEngineCheck(db);
      await expect(check.check()).resolves.toBeUndefined();
      db.close();
      const monitor = new EngineHealthMonitor([check], createMemoryLogger());
      expect(await monitor.engines()).toMatchObject([{ name: 'sqlite', status: 'down', problem: 'failed' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
