/** The timer functions a throttle runs on: the browser's, or a test's fake clock. */
export interface Timers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const browserTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs `run` at most once per `intervalMs`, however often it is requested, and always once after
 * the last request (nothing asked for is dropped, only merged). Never synchronously inside
 * `request()`: what asked for it (a tldraw transaction, a camera move that re-derives the pointer
 * on the next tick) has settled by the time `run` reads the state.
 */
export class Throttle {
  private timer: unknown = null;
  private lastRun = Number.NEGATIVE_INFINITY;
  private stopped = false;

  constructor(
    private readonly run: () => void,
    private readonly intervalMs: number,
    private readonly timers: Timers = browserTimers,
  ) {}

  request(): void {
    if (this.stopped || this.timer !== null) return;
    const wait = Math.max(0, this.lastRun + this.intervalMs - this.timers.now());
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.lastRun = this.timers.now();
      this.run();
    }, wait);
  }

  /** Whether a run is scheduled. */
  get pending(): boolean {
    return this.timer !== null;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
