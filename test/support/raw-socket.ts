/**
 * A bare websocket (the `ws` package's Node API) for tests of what the server refuses or how it
 * closes: the HTTP status of a refused upgrade, the close code and reason.
 *
 *   const { ws, opened, closed } = rawSocket(`${server.wsBase}/${boardId}/canvas?token=x`, server.baseUrl);
 *   await expect(opened).rejects.toThrow('HTTP 401');
 *
 * The test package has no @types/ws, so the part of the API used here is typed below.
 */
import { createRequire } from 'node:module';

export interface RawWebSocket {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: Uint8Array | ArrayBuffer | string, callback?: (error?: Error) => void): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): this;
  on(event: 'close', listener: (code: number, reason: Buffer) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  on(event: 'open', listener: () => void): this;
  once(event: 'open', listener: () => void): this;
  once(event: 'close', listener: (code: number, reason: Buffer) => void): this;
  once(
    event: 'unexpected-response',
    listener: (request: unknown, response: { statusCode?: number }) => void,
  ): this;
  off(event: string, listener: (...args: never[]) => void): this;
}

export interface RawSocketOptions {
  origin?: string;
  headers?: Record<string, string>;
  maxPayload?: number;
}

type RawWebSocketConstructor = new (url: string, options?: RawSocketOptions) => RawWebSocket;
const WebSocketImpl = createRequire(import.meta.url)('ws') as RawWebSocketConstructor;

/** Opens a websocket with the `ws` package's own API (not the browser's). */
export function openRawWebSocket(url: string, options: RawSocketOptions = {}): RawWebSocket {
  return new WebSocketImpl(url, options);
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
  ws.on('message', (data) => messages.push(new Uint8Array(data)));
  return { ws, opened, closed, messages };
}
