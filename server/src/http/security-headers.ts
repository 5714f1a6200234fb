import { ServerResponse, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';

/**
 * The headers every response carries ([H4]), set in this one place: API JSON, errors, the built
 * client, the print page, exports, photos, 404s, and the raw refusals written on a socket.
 *
 * A response that sets its own Content-Security-Policy keeps it (the client's, a photo's) but
 * always gains `frame-ancestors 'none'`: no page of ours is meant to be framed, so a hostile page
 * cannot overlay a board or the admin home and steer clicks on it.
 */

/** For responses that set no policy: nothing loads and nothing runs, inline styles aside. */
export const DEFAULT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // The print page and the HTML export style themselves inline and draw their QR code as SVG.
  "style-src 'unsafe-inline'",
  'img-src data:',
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'content-security-policy': DEFAULT_CONTENT_SECURITY_POLICY,
};

/** A policy with `frame-ancestors 'none'` in it, whatever else it says. */
export function withFrameAncestors(policy: string): string {
  if (/(^|;)\s*frame-ancestors\s/i.test(policy)) return policy;
  const trimmed = policy.trim().replace(/;\s*$/, '');
  return trimmed === '' ? "frame-ancestors 'none'" : `${trimmed}; frame-ancestors 'none'`;
}

/** The same headers as lines for a response written by hand on a raw socket (each ends CRLF). */
export function securityHeaderLines(): string {
  return Object.entries(SECURITY_HEADERS)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
}

/**
 * The server's response class (`http.createServer({ ServerResponse: SecureResponse })`), so no
 * route can forget the headers: they are set when the response is made, and `writeHead` (which
 * Node also calls for a response that never called it) makes sure the policy forbids framing.
 */
export class SecureResponse<
  Request extends IncomingMessage = IncomingMessage,
> extends ServerResponse<Request> {
  constructor(req: Request) {
    super(req);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) this.setHeader(name, value);
  }

  // Both overloads of writeHead: (status, headers?) and (status, statusMessage, headers?).
  override writeHead(statusCode: number, ...rest: unknown[]): this {
    const statusMessage = typeof rest[0] === 'string' ? rest[0] : undefined;
    const headers = statusMessage === undefined ? rest[0] : rest[1];
    if (Array.isArray(headers)) {
      // The raw-array form is used by no route of ours; Node merges it as it would.
      return statusMessage === undefined
        ? super.writeHead(statusCode, headers as string[])
        : super.writeHead(statusCode, statusMessage, headers as string[]);
    }
    if (headers && typeof headers === 'object' && !this.headersSent) {
      // Folded in here (writeHead's own headers win over setHeader's, as in Node) so the policy
      // below sees the one that will be sent.
      for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) {
        if (value !== undefined) this.setHeader(name, value);
      }
    }
    const policy = this.getHeader('content-security-policy');
    if (!this.headersSent) {
      this.setHeader(
        'content-security-policy',
        typeof policy === 'string' ? withFrameAncestors(policy) : DEFAULT_CONTENT_SECURITY_POLICY,
      );
    }
    return statusMessage === undefined
      ? super.writeHead(statusCode)
      : super.writeHead(statusCode, statusMessage);
  }
}
