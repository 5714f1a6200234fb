/**
 * The names of the people writing in a network's rooms, as their connection was admitted. A room's
 * rules run inside Yjs update validation, synchronously, and cannot wait for the database (which
 * may be PostgreSQL): the websocket upgrade, which can, reads the person and leaves their name here
 * before the connection joins the room, so the rules always find the name of whoever wrote.
 */
export class RoomAuthorNames {
  readonly #names = new Map<string, string>();

  remember(networkId: string, personId: string, name: string): void {
    this.#names.set(key(networkId, personId), name);
  }

  /** The name the person was admitted with; '—' for someone never admitted (as for one who left). */
  nameOf(networkId: string, personId: string): string {
    return this.#names.get(key(networkId, personId)) ?? '—';
  }
}

const key = (networkId: string, personId: string) => `${networkId}\u0000${personId}`;
