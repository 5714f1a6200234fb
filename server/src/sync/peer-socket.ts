/**
 * The one thing the sync core needs from a websocket. The `ws` adapter (http/websocket-upgrade.ts)
 * implements it; unit tests implement it in memory. The core never imports a socket library.
 */
export interface PeerSocket {
  send(frame: Uint8Array): void;
  /**
   * Several frames, in order, in one write to the network: the room sends every member the same
   * frames at once, and a write per frame would cost a system call each.
   */
  sendAll(frames: readonly Uint8Array[]): void;
  close(code: number, reason: string): void;
  /** Bytes queued for sending; a peer that stops reading is dropped past a limit. */
  readonly bufferedAmount: number;
}
