/**
 * What the sync core tells whoever watches it (the Prometheus metrics, server/src/ops): counts and
 * durations only, never a room or a person, so a watcher cannot grow with the number of boards.
 * Every call sits on the hot path and must stay cheap.
 */
export type UpdateRefusalClass =
  /** The document's rules refused it whole ([D1]): the sender starts over. */
  | 'rules'
  /** A read-only connection wrote ([P1]–[P3]): dropped, nobody sees it. */
  | 'read_only'
  /** The frame did not decode, or Yjs could not apply it. */
  | 'malformed'
  /** The store did not take it: the room reloads and the sender resends. */
  | 'storage';

/**
 * Where an update came from on its way to this process's sockets: `local` from a socket of this
 * process, timed from its frame's arrival; `cross_process` from another process through the
 * relay (Redis), timed from its publication there (after its append) until it was applied and
 * sent here.
 */
export type RelayPath = 'local' | 'cross_process';

export interface SyncObserver {
  /** A client's update was applied, stored and sent to the room's other members. */
  updateAccepted(): void;
  updateRefused(reason: UpdateRefusalClass): void;
  /** From an update's arrival (`local`) or publication elsewhere (`cross_process`) to its last send here. */
  relayed(seconds: number, path: RelayPath): void;
}

export const NO_SYNC_OBSERVER: SyncObserver = {
  updateAccepted: () => undefined,
  updateRefused: () => undefined,
  relayed: () => undefined,
};
