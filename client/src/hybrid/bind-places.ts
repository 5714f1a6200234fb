import type { CanvasSync } from '../canvas/canvas-sync';
import { useHybridStore } from './hybrid-store';
import { PLACE_FIELD, placesFromAwareness } from './places';

/**
 * Publishes where this person is (room or online) in the canvas room's awareness and keeps the
 * store's map of everyone's places up to date. Read-only roles publish nothing (the sync gives
 * them no awareness) but still read the others'.
 */
export function bindPlaces(sync: CanvasSync, selfId: string): () => void {
  const disposers: Array<() => void> = [];
  let attached = false;

  const refresh = () => {
    const places = placesFromAwareness(sync.awarenessStates());
    const mine = useHybridStore.getState().myPlace;
    if (mine) places[selfId] = mine;
    else delete places[selfId];
    useHybridStore.getState().setPlaces(places);
  };
  const publish = () => sync.setAwarenessField(PLACE_FIELD, useHybridStore.getState().myPlace);
  const attach = () => {
    if (attached || !sync.getSnapshot().ready) return;
    attached = true;
    disposers.push(sync.onAwarenessChange(refresh));
    publish();
    refresh();
  };

  disposers.push(sync.subscribe(attach));
  attach();
  disposers.push(
    useHybridStore.subscribe((state, previous) => {
      if (state.myPlace === previous.myPlace) return;
      publish();
      refresh();
    }),
  );
  return () => {
    for (const dispose of disposers.splice(0)) dispose();
  };
}
