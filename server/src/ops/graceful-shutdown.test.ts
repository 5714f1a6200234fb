import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { createMemoryLogger } from '../log';

const ADMIN = 'admin-token-for-tests-0123456789';
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function startApp() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-drain-'));
  dirs.push(dataDir);
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN }, path.join(dataDir, 'none'));
  const log = createMemoryLogger();
  const app = await createApp(config, log, 'test');
  const { port } = await app.listen();
  return { app, port, log };
}

/** A raw connection, so the test decides when each byte of a request goes out. */
function rawConnection(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString('latin1')));
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, connected, ended, received: () => received };
}

describe('graceful shutdown (App.close)', () => {
  it('lets a request in progress finish, answers the next one on that connection 503, then stops', async () => {
    const { app, port, log } = await startApp();
    const body = JSON.stringify({ title: 'Zapisana w trakcie zamykania', format: 'blank' });
    const conn = rawConnection(port);
    await conn.connected;
    // The headers and half the body: the request is in progress when the shutdown begins.
    conn.socket.write(
      `POST /api/boards HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ADMIN}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
        body.slice(0, 10),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = app.close({ requestGraceMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The rest of the body, and a second request behind it on the same connection.
    conn.socket.write(body.slice(10) + 'GET /api/config HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await closing;
    await conn.ended;
    const answers = conn.received().split(/(?=HTTP\/1\.1 )/);
    expect(answers[0]).toMatch(/^HTTP\/1\.1 201 /);
    expect(answers[1]).toMatch(/^HTTP\/1\.1 503 /);
    expect(answers[1]).toMatch(/retry-after: 1/i);
    expect(answers[1]).toContain('"code":"restarting"');
    expect(log.records.some((r) => r.msg === 'requests in progress finished' && r.count === 1)).toBe(true);
  });

  it('cuts a request that outlives the grace period and still stops', async () => {
    const { app, port, log } = await startApp();
    const conn = rawConnection(port);
    await conn.connected;
    conn.socket.write(
      `POST /api/boards HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ADMIN}\r\n` +
        `Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"ti`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await app.close({ requestGraceMs: 300 });
    await conn.ended;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(log.records.some((r) => r.msg === 'requests still running at shutdown; cutting them')).toBe(true);
  });
});
