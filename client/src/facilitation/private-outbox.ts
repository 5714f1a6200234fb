import type { PrivateNote, PrivateNoteInput } from '@empiria/shared';

/**
 * The private notes not yet confirmed by the server, kept on the device (localStorage) so that a
 * note typed while the network is down, or just before the laptop's lid closes, is still sent.
 * One entry per note: the latest text wins; `version` tells an answer to an older send from the
 * current state, so an edit made while a send was in flight is not forgotten.
 */
export type OutboxEntry =
  | { op: 'put'; roundId: string; note: PrivateNoteInput; version: number }
  | { op: 'delete'; roundId: string; id: string; version: number };

export type Outbox = Record<string, OutboxEntry>;

function nextVersion(outbox: Outbox, id: string): number {
  return (outbox[id]?.version ?? 0) + 1;
}

export function queuePut(outbox: Outbox, roundId: string, note: PrivateNoteInput): Outbox {
  return { ...outbox, [note.id]: { op: 'put', roundId, note, version: nextVersion(outbox, note.id) } };
}

export function queueDelete(outbox: Outbox, roundId: string, id: string): Outbox {
  return { ...outbox, [id]: { op: 'delete', roundId, id, version: nextVersion(outbox, id) } };
}

/** The server confirmed `version` of note `id`: drop it unless something newer was queued since. */
export function acknowledge(outbox: Outbox, id: string, version: number): Outbox {
  if (outbox[id]?.version !== version) return outbox;
  const rest = { ...outbox };
  delete rest[id];
  return rest;
}

/** Entries of rounds other than `roundId` (ended ones): the caller decides what to do with them. */
export function entriesOutside(outbox: Outbox, roundId: string | null): OutboxEntry[] {
  return Object.values(outbox).filter((entry) => entry.roundId !== roundId);
}

export function withoutRound(outbox: Outbox, roundId: string): Outbox {
  return Object.fromEntries(Object.entries(outbox).filter(([, entry]) => entry.roundId !== roundId));
}

/**
 * The notes to show after a reload: what the server holds for the current round, updated by
 * the sends still waiting on this device (newer by construction), without the deleted ones.
 */
export function restoreNotes(
  roundId: string,
  server: readonly PrivateNote[],
  outbox: Outbox,
): PrivateNoteInput[] {
  const notes = new Map<string, PrivateNoteInput>(
    server.filter((note) => note.roundId === roundId).map(({ id, text, x, y }) => [id, { id, text, x, y }]),
  );
  for (const entry of Object.values(outbox)) {
    if (entry.roundId !== roundId) continue;
    if (entry.op === 'put') notes.set(entry.note.id, entry.note);
    else notes.delete(entry.id);
  }
  return [...notes.values()];
}

/** Wait before the `attempt`-th retry (0-based): 1 s, 2 s, 4 s … up to 30 s. */
export function retryDelay(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
}

export function parseOutbox(raw: string | null): Outbox {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const outbox: Outbox = {};
    for (const [id, entry] of Object.entries(value as Record<string, unknown>)) {
      const e = entry as Partial<OutboxEntry> | null;
      if (!e || typeof e.roundId !== 'string' || typeof e.version !== 'number') continue;
      if (e.op === 'put' && e.note && typeof e.note.text === 'string' && e.note.id === id)
        outbox[id] = e as OutboxEntry;
      if (e.op === 'delete' && e.id === id) outbox[id] = e as OutboxEntry;
    }
    return outbox;
  } catch {
    return {};
  }
}
