import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ImageError } from './image-error';
import type { ImageInfo } from './image-file';
import { workerReplySchema, type WorkerRequest } from './image-worker-protocol';

/**
 * Cleans uploaded images in worker threads, so that no file, however it is made, holds up the
 * event loop every board's live sync runs on. Each file gets a fresh worker (a few tens of
 * milliseconds to start, nothing to a photo upload, and nothing a file did survives it) that
 * is stopped at a time limit. A few at once; a few more wait; any more are turned away.
 */
export interface ImageCleanerOptions {
  /** Longest one file may take, the worker's start included; then it is stopped. */
  timeLimitMs: number;
  /** Files cleaned at the same time, each in its own thread. */
  concurrency: number;
  /** Files waiting for a free thread; one more is refused with ImageCleanerBusyError. */
  queueLimit: number;
  /** The worker's module; tests give their own. By default image-worker beside this module. */
  workerUrl?: URL;
}

export const DEFAULT_CLEANER_OPTIONS: ImageCleanerOptions = {
  // A 10 MB photo cleans in milliseconds; five seconds is only ever reached by a crafted file.
  timeLimitMs: 5_000,
  // The server has a core or two; a second worker would only compete with the event loop.
  concurrency: 1,
  // A room full of people sending photos of their sheets at once, each waiting milliseconds.
  queueLimit: 8,
};

/** All threads busy and the queue full: the caller answers 503 with Retry-After. */
/** How long a worker thread may take to start on a busy machine, beyond the time limit. */
const WORKER_START_ALLOWANCE_MS = 10_000;

export class ImageCleanerBusyError extends Error {
  override name = 'ImageCleanerBusyError';
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super('Too many photos are being processed right now.');
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export interface CleanedImage {
  bytes: Uint8Array;
  info: ImageInfo;
}

/**
 * Built, this module is part of server/dist/main.js and the worker is server/dist/image-worker.js
 * (server/build.mjs); from source (tsx in development, vitest in tests) it is image-worker.ts.
 */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const DEFAULT_WORKER_URL = new URL(FROM_SOURCE ? './image-worker.ts' : './image-worker.js', import.meta.url);

/**
 * How to start a worker from its module. A TypeScript one (from source) is loaded through tsx's
 * require hook: Node 20 does not apply ES module loader hooks (`--import tsx`) in worker threads.
 */
function workerSource(url: URL): { source: string | URL; eval: boolean } {
  if (!url.pathname.endsWith('.ts')) return { source: url, eval: false };
  const require = createRequire(import.meta.url);
  const tsx = require.resolve('tsx/cjs/api');
  const file = fileURLToPath(url);
  return {
    source: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(file)});`,
    eval: true,
  };
}

/** A worker's own heap: the walk over a 10 MB file needs a few MB; a file that needs more is refused. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };

export class ImageCleaner {
  readonly #options: ImageCleanerOptions;
  readonly #worker: { source: string | URL; eval: boolean };
  readonly #waiting: (() => void)[] = [];
  readonly #workers = new Set<Worker>();
  #running = 0;

  constructor(options: Partial<ImageCleanerOptions> = {}) {
    this.#options = { ...DEFAULT_CLEANER_OPTIONS, ...options };
    this.#worker = workerSource(options.workerUrl ?? DEFAULT_WORKER_URL);
  }

  /** Throws ImageCleanerBusyError when a file given now would be refused (also before its body is read). */
  refuseIfFull(): void {
    if (this.#running >= this.#options.concurrency && this.#waiting.length >= this.#options.queueLimit) {
      // A file ahead is done within the time limit at the very worst; usually at once.
      throw new ImageCleanerBusyError(Math.ceil(this.#options.timeLimitMs / 1000));
    }
  }

  /** Cleans `bytes` (copied: the caller's stay as they are); rejects with ImageError or ImageCleanerBusyError. */
  async clean(bytes: Uint8Array): Promise<CleanedImage> {
    this.refuseIfFull();
    if (this.#running >= this.#options.concurrency) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running++;
    }
    try {
      return await this.#inWorker(bytes);
    } finally {
      // The thread goes to the next waiting file, or is given back.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }

  /** Stops every worker still running (the server is shutting down). */
  async close(): Promise<void> {
    await Promise.all([...this.#workers].map((worker) => worker.terminate()));
  }

  #inWorker(bytes: Uint8Array): Promise<CleanedImage> {
    // A copy with its own memory: the body may sit in Node's shared buffer pool, which must not
    // be moved to another thread. Moved, not copied again, into the worker.
    const own = new Uint8Array(bytes);
    const request: WorkerRequest = { bytes: own };
    const worker = new Worker(this.#worker.source, {
      eval: this.#worker.eval,
      workerData: request,
      transferList: [own.buffer],
      resourceLimits: WORKER_LIMITS,
    });
    this.#workers.add(worker);
    return new Promise<CleanedImage>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.#workers.delete(worker);
        void worker.terminate();
        outcome();
      };
      const tooLong = () =>
        settle(() =>
          reject(
            new ImageError(
              'too_complex',
              `the image took longer than ${this.#options.timeLimitMs / 1000} s to read`,
            ),
          ),
        );
      // The limit is for reading the image: it starts when the worker is running, not while a
      // loaded machine is still starting its thread (which has its own, generous bound).
      let timer = setTimeout(tooLong, this.#options.timeLimitMs + WORKER_START_ALLOWANCE_MS);
      worker.once('online', () => {
        clearTimeout(timer);
        timer = setTimeout(tooLong, this.#options.timeLimitMs);
      });
      worker.once('message', (message: unknown) => {
        const reply = workerReplySchema.safeParse(message);
        settle(() => {
          if (!reply.success) reject(new Error('the image worker answered something unexpected'));
          else if (reply.data.ok) resolve({ bytes: reply.data.bytes, info: reply.data.info });
          else reject(new ImageError(reply.data.problem, reply.data.message));
        });
      });
      worker.once('error', (err: Error & { code?: string }) => {
        settle(() =>
          reject(
            err.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new ImageError('too_complex', 'the image needed more memory to read than a photo does')
              : err,
          ),
        );
      });
      worker.once('exit', (code) => {
        settle(() => reject(new Error(`the image worker ended (exit code ${code}) without an answer`)));
      });
    });
  }
}
