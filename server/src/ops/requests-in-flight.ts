import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface RequestsInFlight {
  readonly count: number;
  /** Resolves true once no request is being answered, false if `timeoutMs` passed first. */
  idle(timeoutMs: number): Promise<boolean>;
}

/**
 * Counts the HTTP requests being answered (websockets are not requests once upgraded), so a
 * shutdown lets a save in progress finish before the rooms close under it.
 */
export function trackRequestsInFlight(server: Server): RequestsInFlight {
  let count = 0;
  const waiters = new Set<() => void>();
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    count++;
    res.once('close', () => {
      count--;
      if (count === 0) for (const wake of [...waiters]) wake();
    });
  });
  return {
    get count() {
      return count;
    },
    idle(timeoutMs) {
      if (count === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(wake);
          resolve(false);
        }, timeoutMs);
        const wake = () => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(true);
        };
        waiters.add(wake);
      });
    },
  };
}
