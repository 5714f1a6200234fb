import { awarenessStateSchema } from '@empiria/shared';
import type { Identity } from '@empiria/shared';
import { InstancePresenceRecordType, UserRecordType } from 'tldraw';
import type { TLInstancePresence } from 'tldraw';

/** Someone on the board, as the server vouches for them (the `user` it stamps in awareness). */
export interface Person {
  identity: Identity;
  isSelf: boolean;
}

export interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export function presenceIdFor(clientId: number): TLInstancePresence['id'] {
  return InstancePresenceRecordType.createId(String(clientId));
}

/**
 * The label on a cursor: the person's name (tldraw truncates long labels, so the city is left to
 * the "who's here" list). The colour is the city's, and never the only signal.
 */
export function cursorLabel(identity: Identity): string {
  return identity.name;
}

/**
 * A peer's tldraw presence record, with the name and colour taken from the server-stamped
 * identity, never from what the peer wrote into its own presence. Null when the state has no
 * stamped identity or its presence does not validate.
 */
export function presenceRecordFor(clientId: number, state: unknown): TLInstancePresence | null {
  const parsed = awarenessStateSchema.safeParse(state);
  if (!parsed.success) return null;
  const presence = parsed.data.presence;
  if (typeof presence !== 'object' || presence === null) return null;
  const user = parsed.data.user;
  try {
    const record = InstancePresenceRecordType.create({
      ...(presence as Partial<TLInstancePresence>),
      id: presenceIdFor(clientId),
      typeName: 'instance_presence',
      userId: UserRecordType.createId(user.id),
      userName: cursorLabel(user),
      color: user.color,
    } as TLInstancePresence);
    return InstancePresenceRecordType.validate(record);
  } catch {
    return null;
  }
}

/** Presence records to put and remove for one awareness change (other clients only). */
export function presenceChanges(
  states: Map<number, unknown>,
  change: AwarenessChange,
  selfClientId: number,
): { put: TLInstancePresence[]; remove: TLInstancePresence['id'][] } {
  const put: TLInstancePresence[] = [];
  const remove: TLInstancePresence['id'][] = [];
  for (const clientId of [...change.added, ...change.updated]) {
    if (clientId === selfClientId) continue;
    const record = presenceRecordFor(clientId, states.get(clientId));
    if (record) put.push(record);
    else remove.push(presenceIdFor(clientId));
  }
  for (const clientId of change.removed) {
    if (clientId !== selfClientId) remove.push(presenceIdFor(clientId));
  }
  return { put, remove };
}

/**
 * Who is here: yourself first, then everyone with a server-stamped identity, once per person
 * (the same person in two tabs is listed once), sorted by name.
 */
export function peopleFromAwareness(
  states: Map<number, unknown>,
  selfClientId: number,
  self: Identity,
): Person[] {
  const others = new Map<string, Identity>();
  for (const [clientId, state] of states) {
    if (clientId === selfClientId) continue;
    const parsed = awarenessStateSchema.safeParse(state);
    if (!parsed.success || parsed.data.user.id === self.id) continue;
    others.set(parsed.data.user.id, parsed.data.user);
  }
  const sorted = [...others.values()].sort((a, b) => a.name.localeCompare(b.name, 'pl'));
  return [{ identity: self, isSelf: true }, ...sorted.map((identity) => ({ identity, isSelf: false }))];
}

/** A stable key of a people list, to skip re-rendering when only cursors moved. */
export function peopleKey(people: Person[]): string {
  return people
    .map(
      (p) => `${p.identity.id}|${p.identity.name}|${p.identity.city}|${p.identity.role}|${p.identity.color}`,
    )
    .join('\n');
}
