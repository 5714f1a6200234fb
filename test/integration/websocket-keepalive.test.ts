import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createBoard, join } from '../support/api';
import { serverPerFile } from '../support/server-per-file';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * [H5] on a real server with a short quiet time: a socket nobody writes to still hears from the
 * server (y-websocket's client would reconnect after 30 s of silence), and a peer that answers
 * nothing, not even pings, is cut.
 */
const QUIET_MS = 200;
const setup = serverPerFile({ env: { WS_KEEPALIVE_MS: String(QUIET_MS) } });
const connections: DocConnection[] = [];
const sockets: WebSocket[] = [];
afterAll(() => {
  for (const connection of connections) connection.destroy();
  for (const socket of sockets) socket.terminate();
});

/** The keepalive: an awareness message (1) carrying an update with no entries. */
const KEEPALIVE = [1, 1, 0];

async function roomDisplay() {
  const server = setup.server;
  const board = await createBoard(server, 'Cisza');
  const screen = await join(server, board.id, board.invites.room, 'Ekran sali', 'Sala 1');
  return { server, board, screen };
}

function openRaw(url: string, origin: string, options: WebSocket.ClientOptions = {}) {
  const ws = new WebSocket(url, { origin, ...options });
  sockets.push(ws);
  const frames: number[][] = [];
  ws.on('message', (data: Buffer) => frames.push([...data]));
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  ws.on('error', () => undefined);
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  return { ws, frames, closed, opened };
}

describe('websocket keepalive', () => {
  it('a reader in a silent room hears the keepalive and its client never sees a silent socket', async () => {
    const { server, board, screen } = await roomDisplay();
    const url = `${server.wsBase}/${board.id}/canvas?token=${screen.sessionToken}`;
    const raw = openRaw(url, server.baseUrl);
    await raw.opened;
    const display = await connectDoc(server, board.id, 'canvas', screen.sessionToken);
    connections.push(display);
    const greeted = raw.frames.length;
    const closedBefore = display.closes.length;
    const gaps: number[] = [];
    let last = display.provider.wsLastMessageReceived;
    const started = Date.now();
    while (Date.now() - started < QUIET_MS * 8) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      gaps.push(Date.now() - display.provider.wsLastMessageReceived);
      last = display.provider.wsLastMessageReceived;
    }
    expect(last).toBeGreaterThan(started);
    // Nothing but keepalives after the greeting: the room is silent.
    const after = raw.frames.slice(greeted);
    expect(after.length).toBeGreaterThanOrEqual(3);
    for (const frame of after) expect(frame).toEqual(KEEPALIVE);
    // Never silent much longer than the quiet time plus a tick.
    expect(Math.max(...gaps)).toBeLessThan(QUIET_MS * 2 + 200);
    expect(display.closes.length).toBe(closedBefore);
    expect(display.provider.wsconnected).toBe(true);
    expect(raw.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('cuts a peer that answers no ping and keeps one that does', async () => {
    const { server, board, screen } = await roomDisplay();
    const url = `${server.wsBase}/${board.id}/canvas?token=${screen.sessionToken}`;
    const deaf = openRaw(url, server.baseUrl, { autoPong: false });
    const alive = openRaw(url, server.baseUrl);
    await Promise.all([deaf.opened, alive.opened]);
    let pings = 0;
    deaf.ws.on('ping', () => pings++);
    // Dead after 8 ticks of QUIET_MS / 2.
    const code = await Promise.race([
      deaf.closed,
      new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), QUIET_MS * 4 + 3000)),
    ]);
    expect(code).toBe(1006);
    expect(pings).toBeGreaterThanOrEqual(3);
    expect(alive.ws.readyState).toBe(WebSocket.OPEN);
    await expect
      .poll(() => server.logs().some((line) => line.includes('"disconnected"') && line.includes('1006')))
      .toBe(true);
  });
});
