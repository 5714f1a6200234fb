import { useEffect, useState } from 'react';
import { create } from 'zustand';

/**
 * The server's clock as this device reads it: the offset to add to `Date.now()`. Timers, votes
 * and hands are stamped with the server's clock, so every screen (a laptop whose clock is off,
 * the room's projector) reads them the same.
 */
export const useClockStore = create<{ offset: number }>(() => ({ offset: 0 }));

/** The server's clock now. */
export function serverNow(): number {
  return Date.now() + useClockStore.getState().offset;
}

/** The server's clock, re-read every `periodMs` while the component is mounted. */
export function useServerNow(periodMs = 250): number {
  const offset = useClockStore((state) => state.offset);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(timer);
  }, [periodMs]);
  return now + offset;
}
