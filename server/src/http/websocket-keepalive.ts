/**
 * Keeps quiet websockets open and finds dead ones ([H5]).
 *
 * y-websocket's client closes a socket that has heard nothing for 30 s and connects again,
 * re-syncing the whole document: in a room where nobody else speaks (an observer's stream, a
 * control room between two actions, a reader of a work plan) that happened every 30 s. A socket
 * the server has written nothing to for `quietMs` gets a message that changes nothing: an
 * awareness update with no entries.
 *
 * The other way round, a peer that vanished without a close (a laptop lid shut, a phone out of
 * range) would keep its room, presence and buffers until TCP gave up, minutes later. A socket
 * the server has heard nothing from for a tick is pinged (browsers answer pings without the page's
 * involvement, even in a background tab); one that has answered neither a ping nor anything else
 * for `deadAfterTicks` ticks is terminated. Sockets that speak are never pinged: in a busy room
 * the keepalive writes nothing.
 */

/** One socket as the keepalive sees it. */
export interface KeptSocket {
  /** When the server last wrote to it (`performance.now()`). */
  readonly lastWriteAt: number;
  /** Writes the do-nothing message. */
  sendKeepalive(): void;
  ping(): void;
  /** Cuts the connection without a closing handshake: the peer is gone. */
  terminate(): void;
}

export interface KeepaliveOptions {
  /** A socket written nothing for this long gets the keepalive message; also the tick. */
  quietMs: number;
  /** Ticks (`quietMs / 2` each) without a pong or a frame after which a socket is terminated. */
  deadAfterTicks: number;
  now?: () => number;
}

/** With the default 10 s quiet time: a peer silent for 40 s, pinged from 5 s on, is gone. */
export const DEFAULT_DEAD_AFTER_TICKS = 8;

export class WebsocketKeepalive {
  /** Per socket: ticks since it was last heard. */
  readonly #sockets = new Map<KeptSocket, { silentTicks: number }>();
  readonly #options: Required<KeepaliveOptions>;
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(options: KeepaliveOptions) {
    this.#options = { now: () => performance.now(), ...options };
  }

  get size(): number {
    return this.#sockets.size;
  }

  add(socket: KeptSocket): void {
    this.#sockets.set(socket, { silentTicks: 0 });
    this.#start();
  }

  delete(socket: KeptSocket): void {
    this.#sockets.delete(socket);
    if (this.#sockets.size === 0) this.#stop();
  }

  /** The peer said something (a pong or a frame): it is alive. */
  heard(socket: KeptSocket): void {
    const state = this.#sockets.get(socket);
    if (state) state.silentTicks = 0;
  }

  /** One round: exposed so tests drive it without waiting. */
  tick(): void {
    const { quietMs, deadAfterTicks, now } = this.#options;
    const quietSince = now() - quietMs;
    for (const [socket, state] of [...this.#sockets]) {
      if (state.silentTicks >= deadAfterTicks) {
        this.#sockets.delete(socket);
        socket.terminate();
        continue;
      }
      if (state.silentTicks > 0) socket.ping();
      state.silentTicks++;
      if (socket.lastWriteAt <= quietSince) socket.sendKeepalive();
    }
    if (this.#sockets.size === 0) this.#stop();
  }

  close(): void {
    this.#stop();
    this.#sockets.clear();
  }

  #start(): void {
    if (this.#timer) return;
    // Half the quiet time: a socket is never silent for much longer than `quietMs`.
    this.#timer = setInterval(() => this.tick(), Math.max(1, Math.floor(this.#options.quietMs / 2)));
    this.#timer.unref();
  }

  #stop(): void {
    if (!this.#timer) return;
    clearInterval(this.#timer);
    this.#timer = null;
  }
}
