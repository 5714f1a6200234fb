import { isBoardRoom, readControlKey, writeControlKey, type Watcher } from '@empiria/shared';
import type { Logger } from '../log';
import type { RoomRegistry } from '../sync/room-registry';

/** Joins and leaves are gathered for this long before the control document is written. */
const AUDIENCE_DELAY_MS = 200;

/**
 * The group sees who is watching (vademecum: observers follow the open parts): the observers
 * connected to a board's stream are written by the server into its control document (`watchers`),
 * which the people panel reads. Observers themselves send no presence anywhere ([P4], [P7]).
 */
export function followStreamAudience(rooms: RoomRegistry, log: Logger): () => void {
  const pending = new Map<string, NodeJS.Timeout>();

  const write = (boardId: string) => {
    pending.delete(boardId);
    const watchers: Watcher[] = rooms
      .peopleIn({ boardId, doc: 'stream-control' })
      .filter((person) => person.role === 'observer')
      .map(({ id, name, city }) => ({ id, name, city }))
      .sort((a, b) => a.name.localeCompare(b.name, 'pl') || a.id.localeCompare(b.id));
    const control = rooms.room({ boardId, doc: 'control' });
    void control
      .transact((doc) => {
        const before = readControlKey(doc, 'watchers') ?? [];
        if (JSON.stringify(before) !== JSON.stringify(watchers)) writeControlKey(doc, 'watchers', watchers);
      })
      .catch((err: unknown) => log.error('could not write who is watching', { board: boardId, err }));
  };

  const unsubscribe = rooms.onMembership((address) => {
    if (!isBoardRoom(address) || address.doc !== 'stream-control') return;
    const { boardId } = address;
    if (pending.has(boardId)) return;
    const timer = setTimeout(() => write(boardId), AUDIENCE_DELAY_MS);
    timer.unref();
    pending.set(boardId, timer);
  });
  return () => {
    unsubscribe();
    for (const timer of pending.values()) clearTimeout(timer);
    pending.clear();
  };
}
