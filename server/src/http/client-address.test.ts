import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

const request = (remoteAddress: string, forwarded?: string) =>
  ({
    socket: { remoteAddress },
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
  }) as unknown as IncomingMessage;

describe('client address', () => {
  it('[R7] is the socket address, X-Forwarded-For ignored, without a trusted proxy', () => {
    expect(clientAddress(request('::ffff:10.1.2.3', '1.1.1.1'), false)).toBe('10.1.2.3');
    expect(clientAddress(request('2001:DB8::1'), false)).toBe('2001:db8::1');
  });

  it('[R7] is the last X-Forwarded-For entry behind a trusted proxy (the earlier ones are the client’s word)', () => {
    expect(clientAddress(request('127.0.0.1', 'spoofed, 203.0.113.7'), true)).toBe('203.0.113.7');
    expect(clientAddress(request('127.0.0.1'), true)).toBe('127.0.0.1');
  });
});
