import { readControlKey, writeControlKey, type ControlKey, type ControlValue } from '@empiria/shared';
import type { RoomRegistry } from '../sync/room-registry';

/**
 * The server's writes to a board's control document (timer, votes, private writing, hands). Each
 * update reads and writes inside the room's queue, so two requests at once never overwrite each
 * other, and the change is stored before anyone sees it, like a client's.
 */
export class ControlWriter {
  readonly #registry: RoomRegistry;

  constructor(registry: RoomRegistry) {
    this.#registry = registry;
  }

  async update<K extends ControlKey>(
    boardId: string,
    key: K,
    change: (current: ControlValue<K> | null) => ControlValue<K>,
  ): Promise<ControlValue<K>> {
    let next!: ControlValue<K>;
    await this.#registry.room({ boardId, doc: 'control' }).transact((doc) => {
      next = change(readControlKey(doc, key));
      writeControlKey(doc, key, next);
    });
    return next;
  }

  async read<K extends ControlKey>(boardId: string, key: K): Promise<ControlValue<K> | null> {
    const room = this.#registry.room({ boardId, doc: 'control' });
    return room.run(() => readControlKey(room.doc, key));
  }
}
