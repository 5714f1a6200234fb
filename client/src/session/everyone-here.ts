import { useMemo } from 'react';
import { cityColor } from '@empiria/shared';
import type { Person } from '../canvas/presence';
import { useStepStore } from '../control/step-store';
import { usePresenceStore } from './presence-store';

/**
 * Everyone on the board now: the people working on it (their presence on the canvas) and the
 * observers following the stream, whom the server lists in the control document ([P7]) since
 * they have no presence of their own. One count for the top bar, the panel and the console.
 */
export function useEveryoneHere(): { working: Person[]; watching: Person[]; count: number } {
  const people = usePresenceStore((state) => state.people);
  const watchers = useStepStore((state) => state.control.watchers);
  return useMemo(() => {
    const working = people.filter((person) => person.identity.role !== 'observer');
    const watching = watchers.map((watcher): Person => ({
      identity: { ...watcher, role: 'observer', color: cityColor(watcher.city) },
      isSelf: false,
    }));
    return { working, watching, count: working.length + watching.length };
  }, [people, watchers]);
}
