import { useEffect, useReducer } from 'react';

/**
 * Re-renders the component at `at` (epoch ms), so a message that is shown "until" a moment goes
 * away at that moment, even when nothing else changes on screen.
 */
export function useRerenderAt(at: number | null): void {
  const [, tick] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (at === null) return;
    const timer = setTimeout(tick, Math.max(0, at - Date.now()) + 20);
    return () => clearTimeout(timer);
  }, [at]);
}
