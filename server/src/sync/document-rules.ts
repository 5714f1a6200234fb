import type * as Y from 'yjs';
import type { RoomMember } from './room-member';
import type { UpdateInspection } from './update-inspection';

/**
 * What a room's document may hold, owned by the server ([D1]–[D6] in docs/security.md). A room asks
 * its rules three things:
 * - `refusal`: before a member's update is applied, whether it may make these changes at all. A
 *   refused update is refused whole: not applied, not stored, not relayed; the sender is told and
 *   must start again from the server's copy.
 * - `apply` (optional): finer rules that need the applied result (the canvas's template and locked
 *   sheets); returns a correction the room makes at once, in its own transaction.
 * - `repair` (optional): after a load, sets aside what no client could read, so one bad record
 *   never makes a board unloadable. Runs inside a server transaction.
 * - `prepare` (optional): before the load, waits for what `repair` reads (another room).
 * - `dispose` (optional): the room has closed; let go of what `prepare` took.
 */
export interface DocumentRules {
  refusal(inspection: UpdateInspection, member: RoomMember, doc: Y.Doc): string | null;
  apply?(doc: Y.Doc, update: Uint8Array, member: RoomMember): Promise<Correction | null> | Correction | null;
  repair?(doc: Y.Doc): void;
  prepare?(): Promise<void>;
  dispose?(): void;
}

export type Correction = (doc: Y.Doc) => void;

/** A member's update the rules refused; the connection tells the sender and closes. */
export class UpdateRefused extends Error {
  override name = 'UpdateRefused';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The top-level types of a document, with who may write each. */
export type RootAccess = Record<string, 'clients' | 'server'>;

/**
 * The first check every document's rules make: only known top-level types change, and the
 * server's own ones only by the server.
 */
export function rootRefusal(inspection: UpdateInspection, roots: RootAccess): string | null {
  for (const { place } of [...inspection.insertions, ...inspection.deletions]) {
    const access = Object.hasOwn(roots, place.root) ? roots[place.root] : undefined;
    if (access === undefined) return `writes to an unknown part of the document (${place.root.slice(0, 40)})`;
    if (access === 'server') return `writes to ${place.root}, which only the server writes`;
  }
  return null;
}

/**
 * Empties every top-level type a document should not have (left by an older server or an attack),
 * so clients never load it. Yjs cannot drop a top-level type, only its content.
 */
export function clearForeignRoots(doc: Y.Doc, roots: RootAccess): string[] {
  const cleared: string[] = [];
  doc.transact((transaction) => {
    for (const [name, type] of doc.share) {
      if (Object.hasOwn(roots, name)) continue;
      let removed = false;
      for (let item = type._start; item !== null; item = item.right) {
        if (!item.deleted) {
          item.delete(transaction);
          removed = true;
        }
      }
      for (const item of type._map.values()) {
        if (!item.deleted) {
          item.delete(transaction);
          removed = true;
        }
      }
      if (removed) cleared.push(name);
    }
  });
  return cleared;
}
