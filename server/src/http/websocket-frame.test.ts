import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { binaryFrame, binaryFrameHeader, SharedFrames } from './websocket-frame';

/** Each length class of the header: 7-bit, 16-bit and 64-bit lengths, and their edges. */
const LENGTHS = [0, 1, 125, 126, 127, 65_535, 65_536, 200_000];

function payload(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + 7) & 0xff;
  return bytes;
}

describe('binaryFrame', () => {
  let server: Server;
  let url: string;
  const sockets: Duplex[] = [];

  beforeAll(async () => {
    const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
    server = createServer();
    server.on('upgrade', (req, socket, head) => {
      wss.handleUpgrade(req, socket, head, () => sockets.push(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('is read by a real websocket client as the same binary message, for every length class', async () => {
    const client = new WebSocket(url);
    const received: Buffer[] = [];
    const binary: boolean[] = [];
    client.on('message', (data: Buffer, isBinary: boolean) => {
      received.push(data);
      binary.push(isBinary);
    });
    await new Promise((resolve) => client.once('open', resolve));
    await expect.poll(() => sockets.length).toBe(1);
    const socket = sockets[0] as Duplex;

    for (const length of LENGTHS) socket.write(binaryFrame(payload(length)));
    await expect.poll(() => received.length).toBe(LENGTHS.length);

    expect(received.map((data) => data.byteLength)).toEqual(LENGTHS);
    LENGTHS.forEach((length, i) => expect(new Uint8Array(received[i] as Buffer)).toEqual(payload(length)));
    expect(binary.every(Boolean)).toBe(true);
    client.close();
  });

  it('reads the same when the header and the payload go in two writes (a big payload, not copied)', async () => {
    const client = new WebSocket(url);
    const received: Buffer[] = [];
    client.on('message', (data: Buffer) => received.push(data));
    await new Promise((resolve) => client.once('open', resolve));
    await expect.poll(() => sockets.length).toBe(2);
    const socket = sockets[1] as Duplex;

    for (const length of LENGTHS) {
      socket.cork();
      socket.write(binaryFrameHeader(length));
      socket.write(payload(length));
      socket.uncork();
    }
    await expect.poll(() => received.length).toBe(LENGTHS.length);

    LENGTHS.forEach((length, i) => expect(new Uint8Array(received[i] as Buffer)).toEqual(payload(length)));
    client.close();
  });

  it('frames a payload that is a view into a larger buffer by its own bytes only', () => {
    const backing = payload(300);
    const view = backing.subarray(100, 230);
    const frame = binaryFrame(view);
    expect(frame.byteLength).toBe(4 + 130);
    expect(new Uint8Array(frame.subarray(4))).toEqual(view);
  });

  it("reads a list's frames, written as one buffer, as that many messages in order", async () => {
    const before = sockets.length;
    const client = new WebSocket(url);
    const received: Buffer[] = [];
    client.on('message', (data: Buffer) => received.push(data));
    await new Promise((resolve) => client.once('open', resolve));
    await expect.poll(() => sockets.length).toBe(before + 1);
    const socket = sockets[before] as Duplex;

    socket.write(new SharedFrames().ofAll(LENGTHS.map(payload)));
    await expect.poll(() => received.length).toBe(LENGTHS.length);
    LENGTHS.forEach((length, i) => expect(new Uint8Array(received[i] as Buffer)).toEqual(payload(length)));
    client.close();
  });
});

describe('SharedFrames', () => {
  it('frames one payload once, whoever asks, and a different payload apart', () => {
    const shared = new SharedFrames();
    const a = payload(10);
    const b = payload(10);
    expect(shared.of(a)).toBe(shared.of(a));
    expect(shared.of(b)).not.toBe(shared.of(a));
    expect(shared.of(b)).toEqual(shared.of(a));
  });

  it('frames a list once into one buffer, its frames back to back, for everyone handed that list', () => {
    const shared = new SharedFrames();
    const [a, b] = [payload(10), payload(300)];
    const list = [a, b];
    const framed = shared.ofAll(list);
    expect(shared.ofAll(list)).toBe(framed);
    expect(framed).toEqual(Buffer.concat([binaryFrame(a), binaryFrame(b)]));
    // Another list of the same payloads is framed apart (its payloads' frames are reused).
    expect(shared.ofAll([a, b])).not.toBe(framed);
    expect(shared.ofAll([a, b])).toEqual(framed);
    // One payload: its own frame, no copy.
    expect(shared.ofAll([a])).toBe(shared.of(a));
  });
});
