/**
 * A bare websocket (the `ws` package's Node API) for tests of what the server refuses or how it
 * closes: the HTTP status of a refused upgrade, the close code and reason.
 *
 *   const { ws, opened, closed } = rawSocket(`${server.wsBase}/${boardId}/canvas?token=x`, server.baseUrl);
 *   await expect(opened).rejects.toThrow('HTTP 401');
 *
 */
import WebSocket from 'ws';

export type RawWebSocket = WebSocket;
export type RawSocketOptions = WebSocket.ClientOptions;

/** Opens a websocket with the `ws` package's own API (not the browser's). */
export function openRawWebSocket(url: string, options: RawSocketOptions = {}): RawWebSocket {
  return new WebSocket(url, options);
}

export interface RawSocket {
  ws: RawWebSocket;
  /** Resolves on open; rejects with `HTTP <status>` when the upgrade is refused. */
  opened: Promise<void>;
  /** Resolves with how the connection ended (1006 when it never opened). */
  closed: Promise<{ code: number; reason: string }>;
  /** Every binary message received, in order. */
  messages: Uint8Array[];
}

export function rawSocket(url: string, origin?: string): RawSocket {
  const ws = openRawWebSocket(url, origin === undefined ? {} : { origin });
  const messages: Uint8Array[] = [];
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_request, response) => {
      reject(new Error(`HTTP ${response.statusCode ?? '?'}`));
      ws.terminate();
    });
    ws.on('error', (error) => reject(error));
  });
  opened.catch(() => undefined); // a test may only look at `closed`
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  return { ws, opened, closed, messages };
}
