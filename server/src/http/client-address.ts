import type { IncomingMessage } from 'node:http';

/**
 * The address a request counts against for rate limits and the connection cap ([R7]).
 *
 * Behind a reverse proxy (TRUST_PROXY) every connection comes from the proxy, so the client is the
 * last address the proxy appended to X-Forwarded-For; earlier entries are the client's own word
 * and are not trusted. Without a proxy the header is ignored: anyone can send one.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .at(-1);
    if (forwarded) return normaliseAddress(forwarded);
  }
  return normaliseAddress(req.socket.remoteAddress ?? 'unknown');
}

/** One spelling per client: an IPv4 address seen through a dual-stack socket loses its `::ffff:`. */
export function normaliseAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? (mapped[1] as string) : address.toLowerCase();
}
