/**
 * y-websocket's own reference server (@y/websocket-server's `setupWSConnection`: in memory, no
 * authentication, no rules, no storage) in a process of its own, so a benchmark can measure its
 * CPU beside Empiria's under the same clients. Tells its parent the port over IPC.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('okay');
});
// The reference's own bin/server.js makes the same server: ws's defaults, no compression.
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (conn, req) => setupWSConnection(conn, req));
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
server.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'listening', port: (server.address() as AddressInfo).port });
});
process.on('disconnect', () => process.exit(0));
// A clean exit, so a CPU profile (--cpu-prof) is written.
process.on('SIGTERM', () => process.exit(0));
