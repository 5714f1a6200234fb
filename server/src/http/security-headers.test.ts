import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './static-files';
import { SecureResponse, withFrameAncestors } from './security-headers';

describe('frame-ancestors', () => {
  it('[H4] is added to a policy that lacks it and left alone in one that has it', () => {
    expect(withFrameAncestors("default-src 'none'")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(withFrameAncestors("default-src 'none';")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(withFrameAncestors('')).toBe("frame-ancestors 'none'");
    expect(withFrameAncestors(CONTENT_SECURITY_POLICY)).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('SecureResponse', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer({ ServerResponse: SecureResponse }, (req, res) => {
      if (req.url === '/own-policy') {
        res.writeHead(200, { 'content-type': 'image/png', 'content-security-policy': "default-src 'none'" });
        res.end('x');
      } else if (req.url === '/status-message') {
        res.writeHead(418, 'Teapot', { 'content-type': 'text/plain' });
        res.end('x');
      } else res.end('implicit');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each(['/implicit', '/own-policy', '/status-message'])(
    '[H4] %s carries every security header',
    async (path) => {
      const res = await fetch(base + path);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    },
  );

  it("[H4] keeps a route's own policy and its other headers", async () => {
    const res = await fetch(`${base}/own-policy`);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('content-type')).toBe('image/png');
    const teapot = await fetch(`${base}/status-message`);
    expect(teapot.status).toBe(418);
    expect(teapot.statusText).toBe('Teapot');
  });
});
