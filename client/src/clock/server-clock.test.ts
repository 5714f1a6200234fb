import { describe, expect, it } from 'vitest';
import { bestOffset, offsetFromSample } from './server-clock';

describe('server clock offset', () => {
  it('corrects by half the round trip', () => {
    // The server is 5 s ahead; the request took 200 ms there and back.
    expect(offsetFromSample({ sentAt: 1000, receivedAt: 1200, serverNow: 6100 })).toBe(5000);
  });

  it('trusts the sample with the shortest round trip', () => {
    const samples = [
      { sentAt: 0, receivedAt: 900, serverNow: 5200 }, // slow: 450 ms of doubt
      { sentAt: 2000, receivedAt: 2040, serverNow: 7020 },
      { sentAt: 3000, receivedAt: 3300, serverNow: 8100 },
    ];
    expect(bestOffset(samples)).toBe(5000);
  });

  it('has no offset without a usable sample', () => {
    expect(bestOffset([])).toBeNull();
    expect(bestOffset([{ sentAt: 10, receivedAt: 5, serverNow: 0 }])).toBeNull();
  });

  it('works when the local clock is ahead', () => {
    expect(bestOffset([{ sentAt: 10_000, receivedAt: 10_100, serverNow: 7050 }])).toBe(-3000);
  });
});
