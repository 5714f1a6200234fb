import { useEffect } from 'react';
import { serverTimeResponseSchema, type ServerTimeResponse } from '@empiria/shared';
import { apiRequest } from '../api/http';
import { useClockStore } from './clock-store';
import { bestOffset } from './server-clock';
import type { ClockSample } from './server-clock';

const SAMPLES = 4;
const EVERY_MS = 5 * 60_000;

function fetchServerTime(): Promise<ServerTimeResponse> {
  return apiRequest('/api/time', { schema: serverTimeResponseSchema });
}

/**
 * Measures the offset to the server's clock while a board screen is open, and again now and then
 * (a laptop's clock drifts, or is wrong) and when the device comes back online.
 */
export function useClockSync(): void {
  useEffect(() => {
    let cancelled = false;
    const measure = async () => {
      const samples: ClockSample[] = [];
      for (let i = 0; i < SAMPLES && !cancelled; i++) {
        const sentAt = Date.now();
        try {
          const { now } = await fetchServerTime();
          samples.push({ sentAt, receivedAt: Date.now(), serverNow: now });
        } catch {
          break;
        }
      }
      const offset = bestOffset(samples);
      if (!cancelled && offset !== null) useClockStore.setState({ offset });
    };
    void measure();
    const timer = setInterval(() => void measure(), EVERY_MS);
    const online = () => void measure();
    window.addEventListener('online', online);
    return () => {
      cancelled = true;
      clearInterval(timer);
      window.removeEventListener('online', online);
    };
  }, []);
}
