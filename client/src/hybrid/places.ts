import { awarenessStateSchema, locationSchema } from '@empiria/shared';
import type { Location, RaisedHand } from '@empiria/shared';

/**
 * Where each person is in a hybrid meeting: in the room or online. Asked at joining, remembered
 * on the device, and published by each client in the canvas room's awareness next to tldraw's
 * presence (the identity the server stamps carries no place).
 */
export const PLACE_FIELD = 'where';

/** The place each person publishes, by person id (the first connection that says wins). */
export function placesFromAwareness(states: Map<number, unknown>): Record<string, Location> {
  const places: Record<string, Location> = {};
  for (const state of states.values()) {
    const parsed = awarenessStateSchema.safeParse(state);
    if (!parsed.success) continue;
    const where = locationSchema.safeParse((state as Record<string, unknown>)[PLACE_FIELD]);
    if (where.success && !(parsed.data.user.id in places)) places[parsed.data.user.id] = where.data;
  }
  return places;
}

/** Some people are in the room and some online. */
export function isHybrid(places: Record<string, Location>): boolean {
  const values = Object.values(places);
  return values.includes('room') && values.includes('online');
}

/** The raised hands of people who are online (oldest first): the room cannot see them. */
export function onlineHands(hands: readonly RaisedHand[], places: Record<string, Location>): RaisedHand[] {
  return hands.filter((hand) => places[hand.personId] === 'online');
}

/** Two place maps say the same (to skip re-rendering on every cursor move). */
export function samePlaces(a: Record<string, Location>, b: Record<string, Location>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

const DEVICE_KEY = 'empiria.where';
const boardKey = (boardId: string) => `empiria.where.${boardId}`;

function read(key: string): Location | null {
  try {
    const parsed = locationSchema.safeParse(localStorage.getItem(key));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function write(key: string, where: Location): void {
  try {
    localStorage.setItem(key, where);
  } catch {
    // No storage: asked again next time.
  }
}

/** The place this device answered last time (to preselect it on the next join form). */
export function readDevicePlace(): Location | null {
  return read(DEVICE_KEY);
}

/** The place of this device's person on one board, falling back to the device's last answer. */
export function readBoardPlace(boardId: string): Location | null {
  return read(boardKey(boardId)) ?? read(DEVICE_KEY);
}

export function rememberPlace(boardId: string, where: Location): void {
  write(DEVICE_KEY, where);
  write(boardKey(boardId), where);
}
