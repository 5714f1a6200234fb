import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, notFound } from './http-error';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * Everything the page loads comes from this origin (no CDN reaches a city hall's Wi-Fi, and none
 * reaches these machines): the policy makes the browser refuse anything else, so a stray
 * third-party request shows up as an error in tests instead of a silent dependency.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "media-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the built client, with index.html for every path without a file extension: the app's own
 * routes (`/`, `/b/<id>`, `/me`, `/n/<id>`…) are told apart in the browser (client/src/app/route.ts),
 * which shows "not found" for the rest.
 */
export class StaticFiles {
  readonly #root: string;
  readonly #available: boolean;

  constructor(root: string) {
    this.#root = root;
    this.#available = fs.existsSync(path.join(root, 'index.html'));
  }

  get available(): boolean {
    return this.#available;
  }

  serve(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new HttpError(405, 'method_not_allowed', 'Only GET and HEAD are served here.');
    }
    if (!this.#available) {
      throw new HttpError(
        503,
        'client_not_built',
        'The client is not built: run `pnpm build` (or `npm start`).',
      );
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      throw notFound();
    }
    const file = path.join(this.#root, path.normalize(decoded));
    if (!file.startsWith(this.#root + path.sep) && file !== this.#root) throw notFound();
    if (path.extname(decoded) !== '' && isFile(file)) {
      this.#send(req, res, file, decoded.startsWith('/assets/'));
      return;
    }
    if (path.extname(decoded) !== '') throw notFound(`No such file: ${decoded}`);
    this.#send(req, res, path.join(this.#root, 'index.html'), false);
  }

  #send(req: IncomingMessage, res: ServerResponse, file: string, immutable: boolean): void {
    const stat = fs.statSync(file);
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': stat.size,
      // Built assets carry a content hash in their name; the page itself must always be fresh.
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      // The app's own policy; the other security headers are every response's (security-headers.ts).
      'content-security-policy': CONTENT_SECURITY_POLICY,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // A file that vanishes mid-read fails this response only: its stream's error is not uncaught.
    fs.createReadStream(file)
      .on('error', (err) => res.destroy(err))
      .pipe(res);
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
