/**
 * Which person writes under each Yjs client id of a room's document ([D8]). A Yjs update names the
 * client id it writes as; a participant who wrote under someone else's id at clocks that person
 * has not sent yet would make the server drop that person's real edits later (Yjs skips clocks it
 * already has). So the first person to extend a client id's history owns it for as long as the
 * room is in memory; anyone else extending it is refused. Reconnects of the same person keep it.
 */
export class ClientIdOwners {
  readonly #owners = new Map<number, string>();

  /** The first client id in `clients` that belongs to someone other than `personId`, or null. */
  foreign(clients: readonly number[], personId: string): number | null {
    for (const client of clients) {
      const owner = this.#owners.get(client);
      if (owner !== undefined && owner !== personId) return client;
    }
    return null;
  }

  /** Records `personId` as the owner of every id in `clients` that has none yet. */
  claim(clients: readonly number[], personId: string): void {
    for (const client of clients) if (!this.#owners.has(client)) this.#owners.set(client, personId);
  }
}
