import type { EngineHealth } from '@empiria/shared';
import type { Logger } from '../log';

/**
 * One engine the process cannot serve without (SQLite, PostgreSQL, Redis), and the cheapest real
 * question that proves it answers: a query, a ping. A check rejects when the engine is down.
 */
export interface EngineCheck {
  name: string;
  check(): Promise<void>;
}

export interface EngineHealthOptions {
  /** A check that has not answered by then counts as down (a load balancer waits for nobody). */
  timeoutMs: number;
  /** Answers within this long of the last round reuse it: a probe every 100 ms asks once. */
  reuseForMs: number;
}

export const DEFAULT_ENGINE_HEALTH_OPTIONS: EngineHealthOptions = { timeoutMs: 1_000, reuseForMs: 1_000 };

/**
 * Asks every engine at once, each under its own deadline. Concurrent callers share the round in
 * flight, and a fresh round's answer is reused for a moment, so /healthz stays cheap whatever
 * polls it. Why an engine is down goes to the log; the answer names only the class of problem.
 */
export class EngineHealthMonitor {
  readonly #checks: readonly EngineCheck[];
  readonly #log: Logger;
  readonly #options: EngineHealthOptions;
  readonly #now: () => number;
  #inFlight: Promise<EngineHealth[]> | null = null;
  #last: { at: number; engines: EngineHealth[] } | null = null;

  constructor(
    checks: readonly EngineCheck[],
    log: Logger,
    options: Partial<EngineHealthOptions> = {},
    now: () => number = () => performance.now(),
  ) {
    this.#checks = checks;
    this.#log = log;
    this.#options = { ...DEFAULT_ENGINE_HEALTH_OPTIONS, ...options };
    this.#now = now;
  }

  async engines(): Promise<EngineHealth[]> {
    if (this.#last && this.#now() - this.#last.at < this.#options.reuseForMs) return this.#last.engines;
    if (!this.#inFlight) {
      this.#inFlight = Promise.all(this.#checks.map((check) => this.#run(check))).then((engines) => {
        this.#last = { at: this.#now(), engines };
        this.#inFlight = null;
        return engines;
      });
    }
    return this.#inFlight;
  }

  async #run(engine: EngineCheck): Promise<EngineHealth> {
    const started = this.#now();
    const latencyMs = () => Math.round((this.#now() - started) * 100) / 100;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.#options.timeoutMs);
      timer.unref();
    });
    try {
      // A check that throws synchronously is as down as one that rejects.
      const outcome = await Promise.race([Promise.resolve().then(() => engine.check()), deadline]);
      if (outcome === 'timeout') {
        this.#log.warn('engine check timed out', { engine: engine.name, timeoutMs: this.#options.timeoutMs });
        return { name: engine.name, status: 'down', latencyMs: this.#options.timeoutMs, problem: 'timeout' };
      }
      return { name: engine.name, status: 'up', latencyMs: latencyMs() };
    } catch (err) {
      this.#log.warn('engine check failed', { engine: engine.name, err });
      return { name: engine.name, status: 'down', latencyMs: latencyMs(), problem: 'failed' };
    } finally {
      clearTimeout(timer);
    }
  }
}
