/**
 * A Yjs client in Node, speaking to the real server the way the browser does: y-websocket's
 * WebsocketProvider over the `ws` package, with BroadcastChannel off (it would hide server faults).
 *
 *   const canvas = await connectDoc(server, boardId, 'canvas', session.sessionToken);
 *   canvas.doc.getMap('m').set('k', 1);
 *   await other.waitFor((doc) => doc.getMap('m').get('k') === 1);
 *   canvas.destroy();
 */
import { roomKey, type DocKind, type RoomAddress } from '@empiria/shared';
import NodeWebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { ServerHandle } from './server-process';

type PolyfillClass = NonNullable<ConstructorParameters<typeof WebsocketProvider>[3]>['WebSocketPolyfill'];

/** A raw websocket (the browser's API, from the `ws` package) sending `origin` as its Origin. */
export function openWebSocket(url: string, origin: string | null): WebSocket {
  return new NodeWebSocket(url, undefined, origin === null ? {} : { origin }) as unknown as WebSocket;
}

/** A WebSocket class for y-websocket that sends the given Origin, as a browser would. */
export function webSocketClass(origin: string | null): NonNullable<PolyfillClass> {
  const options: NodeWebSocket.ClientOptions = origin === null ? {} : { origin };
  class OriginWebSocket extends NodeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, options);
    }
  }
  return OriginWebSocket as unknown as NonNullable<PolyfillClass>;
}

export interface ConnectOptions {
  /** The document to sync into (a fresh one by default). */
  ydoc?: Y.Doc;
  /** The Origin header; the server's own origin by default, null for none. */
  origin?: string | null;
  /** How long to wait for the first sync (default 10 s). */
  timeoutMs?: number;
  /** Reconnect after the server closes the connection (y-websocket's default; 4400–4499 are final). */
  maxBackoffTimeMs?: number;
}

export interface CloseRecord {
  code: number;
  reason: string;
}

export interface DocConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Every close the server made (code and reason), in order. */
  closes: CloseRecord[];
  /** Resolves once `predicate(doc)` holds, checked now and after every update. */
  waitFor(predicate: (doc: Y.Doc) => boolean, timeoutMs?: number, what?: string): Promise<void>;
  /** Resolves with the next close of the connection by the server. */
  nextClose(timeoutMs?: number): Promise<CloseRecord>;
  /** Disconnects and destroys the provider (the Y.Doc stays usable). */
  destroy(): void;
}

/**
 * Opens `/ws/<boardId>/<doc>?token=<sessionToken>` and resolves when the first sync completed.
 * Rejects when the server refuses or closes the connection before that, or after the deadline.
 */
export function connectDoc(
  server: Pick<ServerHandle, 'wsBase' | 'baseUrl'>,
  boardId: string,
  doc: DocKind,
  sessionToken: string,
  options: ConnectOptions = {},
): Promise<DocConnection> {
  return connectRoom(server, { boardId, doc }, sessionToken, options);
}

/** Any room: a board's document or a network's (`/ws/networks/<id>/plan`, with a personal link's token). */
export async function connectRoom(
  server: Pick<ServerHandle, 'wsBase' | 'baseUrl'>,
  address: RoomAddress,
  token: string,
  options: ConnectOptions = {},
): Promise<DocConnection> {
  const ydoc = options.ydoc ?? new Y.Doc();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const room = roomKey(address);
  const provider = new WebsocketProvider(server.wsBase, room, ydoc, {
    params: { token },
    WebSocketPolyfill: webSocketClass(options.origin === undefined ? server.baseUrl : options.origin),
    disableBc: true,
    maxBackoffTime: options.maxBackoffTimeMs ?? 2_500,
  });
  const closes: CloseRecord[] = [];
  const closeWaiters = new Set<(close: CloseRecord) => void>();
  provider.on('connection-close', (event) => {
    if (!event) return; // we closed it ourselves
    const close = { code: event.code, reason: event.reason };
    closes.push(close);
    for (const waiter of [...closeWaiters]) waiter(close);
  });

  const connection: DocConnection = {
    doc: ydoc,
    provider,
    closes,
    waitFor: (predicate, waitMs, what) => waitFor(ydoc, predicate, waitMs, what),
    nextClose(waitMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          closeWaiters.delete(waiter);
          reject(new Error(`${room}: the server did not close the connection within ${waitMs} ms`));
        }, waitMs);
        const waiter = (close: CloseRecord) => {
          clearTimeout(timer);
          closeWaiters.delete(waiter);
          resolve(close);
        };
        closeWaiters.add(waiter);
      });
    },
    destroy() {
      provider.disconnect();
      provider.destroy();
    },
  };

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        const last = closes.at(-1);
        finish(
          new Error(
            `${room}: not synced within ${timeoutMs} ms` +
              (last ? ` (last close ${last.code} ${last.reason})` : ''),
          ),
        );
      }, timeoutMs);
      const onSync = (synced: boolean) => {
        if (synced) finish();
      };
      const onError = (event: Event) => {
        const message = (event as Event & { message?: string }).message ?? event.type;
        finish(new Error(`${room}: connection failed: ${message}`));
      };
      const onClose = (close: CloseRecord) =>
        finish(new Error(`${room}: closed by the server before sync: ${close.code} ${close.reason}`));
      closeWaiters.add(onClose);
      provider.on('sync', onSync);
      provider.on('connection-error', onError);
      function finish(error?: Error) {
        clearTimeout(timer);
        closeWaiters.delete(onClose);
        provider.off('sync', onSync);
        provider.off('connection-error', onError);
        if (error) reject(error);
        else resolve();
      }
      if (provider.synced) finish();
    });
  } catch (error) {
    connection.destroy();
    throw error;
  }
  return connection;
}

/**
 * Resolves once `predicate(doc)` holds: checked at once and after each update of the document
 * (no polling interval); rejects after `timeoutMs` naming `what`.
 */
export function waitFor(
  doc: Y.Doc,
  predicate: (doc: Y.Doc) => boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  if (predicate(doc)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onUpdate = () => {
      let done: boolean;
      try {
        done = predicate(doc);
      } catch (error) {
        cleanup();
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (done) {
        cleanup();
        resolve();
      }
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${what} not reached within ${timeoutMs} ms`));
    }, timeoutMs);
    function cleanup() {
      clearTimeout(timer);
      doc.off('update', onUpdate);
    }
    doc.on('update', onUpdate);
  });
}
