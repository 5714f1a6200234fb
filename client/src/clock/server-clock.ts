/**
 * The offset between this device's clock and the server's, so that a timer stamped with the
 * server's clock reads the same on every screen whatever the laptops' clocks say.
 *
 * One sample is a request to `GET /api/time`: sent at `sentAt` and answered at `receivedAt`
 * (local clock), carrying the server's `serverNow`. Assuming the answer was stamped half-way
 * through the round trip, the server clock reads `serverNow` at local time (sentAt + receivedAt) / 2.
 */
export interface ClockSample {
  sentAt: number;
  receivedAt: number;
  serverNow: number;
}

/** Milliseconds to add to the local clock to read the server's. */
export function offsetFromSample(sample: ClockSample): number {
  return sample.serverNow - (sample.sentAt + sample.receivedAt) / 2;
}

export function roundTrip(sample: ClockSample): number {
  return Math.max(0, sample.receivedAt - sample.sentAt);
}

/**
 * The offset of the sample with the shortest round trip: the one whose half-way assumption can
 * be wrong by the least. Null without samples.
 */
export function bestOffset(samples: readonly ClockSample[]): number | null {
  let best: ClockSample | null = null;
  for (const sample of samples) {
    if (sample.receivedAt < sample.sentAt) continue;
    if (!best || roundTrip(sample) < roundTrip(best)) best = sample;
  }
  return best ? Math.round(offsetFromSample(best)) : null;
}
