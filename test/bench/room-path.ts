/**
 * `pnpm bench --room-path 200,500`: the server's own CPU for each update a room relays, in process
 * (issue #16). What `pnpm bench` measures over sockets, minus the sockets: a real room (the canvas
 * rules, SQLite in a temporary folder, the outbox and its interval) with N connections, of which
 * `--writers` send the notes `pnpm bench`'s writers send, together one every `--every` ms for
 * `--updates` updates. The members' sockets are in memory and only count what they are given, so
 * the figure is the JavaScript and SQLite of the update's path — reading the frame, the rules,
 * Yjs, the append, the send's merge and framing, the hand-over to every member — without the
 * kernel's writes, which `pnpm bench` adds. The writers' frames are made before the timing starts.
 *
 * CPU time (user + system) of this process over the writing and the last send, per update and per
 * delivery (N − 1 per update); `--no-rules` runs the room without the canvas rules, so their cost is
 * the difference. Rounds alternate nothing: compare builds by running this twice on the same
 * machine, several rounds each; the JIT's warm-up shows as rounds that grow cheaper.
 *
 *   pnpm bench --room-path 200,500 [--writers 10] [--updates 500] [--every 20] [--rounds 3] [--no-rules]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { type BoardRoomAddress, type Identity } from '@empiria/shared';
import { CanvasDocumentRules } from '../../server/src/canvas/canvas-document-rules';
import { CanvasGuard } from '../../server/src/canvas/canvas-guard';
import { createLogger } from '../../server/src/log';
import { openSqliteDatabase } from '../../server/src/storage/sqlite-database';
import { SqliteDocumentStore } from '../../server/src/storage/sqlite-document-store';
import { encodeUpdate } from '../../server/src/sync/frames';
import type { PeerSocket } from '../../server/src/sync/peer-socket';
import { RoomRegistry } from '../../server/src/sync/room-registry';
import { canvasRecords, noteRecord } from '../support/canvas-records';

interface Row {
  members: number;
  updates: number;
  userUs: number;
  systemUs: number;
  perUpdateUs: number;
  perDeliveryUs: number;
  framesPerMember: number;
  bytesPerMember: number;
}

/** A member's socket: counts what the room gives it, as a kernel would take it. */
function countingSocket(): PeerSocket & { frames: number; bytes: number } {
  const socket = {
    frames: 0,
    bytes: 0,
    send(frame: Uint8Array) {
      socket.frames++;
      socket.bytes += frame.byteLength;
    },
    sendAll(frames: readonly Uint8Array[]) {
      for (const frame of frames) socket.send(frame);
    },
    close() {},
    bufferedAmount: 0,
  };
  return socket;
}

/** The writers' frames, as y-websocket sends them: each writer's notes, in its own order. */
function writerFrames(writers: number, updates: number): Uint8Array[] {
  const docs = Array.from({ length: writers }, () => new Y.Doc());
  const frames: Uint8Array[] = [];
  for (let i = 0; i < updates; i++) {
    const doc = docs[i % writers] as Y.Doc;
    let update: Uint8Array | null = null;
    const take = (u: Uint8Array) => (update = u);
    doc.on('update', take);
    const marker = `~w${i % writers}s${i}t${1_000_000 + i}~`;
    canvasRecords(doc).set(`shape:${marker}`, noteRecord(`shape:${marker}`, { text: `Notatka ${i}` }));
    doc.off('update', take);
    // A sync update frame, as y-websocket's client sends it (and the server its own).
    frames.push(encodeUpdate(update as unknown as Uint8Array));
  }
  return frames;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

interface Setup {
  writers: number;
  updates: number;
  everyMs: number;
  /** Without the canvas rules: what they cost is the difference. */
  rules: boolean;
}

async function measure(members: number, { writers, updates, everyMs, rules }: Setup): Promise<Row> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-room-path-'));
  const db = openSqliteDatabase(path.join(dir, 'empiria.db'));
  const log = createLogger('error', () => undefined);
  const registry = new RoomRegistry(new SqliteDocumentStore(db), log, {
    rulesFor: (address) =>
      !rules
        ? null
        : new CanvasDocumentRules({
            boardId: (address as BoardRoomAddress).boardId,
            guard: new CanvasGuard(() => ({ layout: null, lockedSteps: [] })),
            guardReady: () => Promise.resolve(),
            onSetAside: () => undefined,
          }),
  });
  const address: BoardRoomAddress = { boardId: 'bench', doc: 'canvas' };
  const sockets = Array.from({ length: members }, countingSocket);
  const connections = sockets.map((socket, i) => {
    const identity: Identity = {
      id: `person-${i}`,
      name: `Osoba ${i}`,
      city: 'Lublin',
      role: 'participant',
      color: '#1b6ca8',
    };
    return registry.connect(socket, address, identity, null);
  });
  const room = registry.room(address);
  await room.loaded;
  await room.run(() => undefined);

  const frames = writerFrames(writers, updates);
  const before = sockets.map((s) => ({ frames: s.frames, bytes: s.bytes }));
  const start = process.cpuUsage();
  for (let i = 0; i < frames.length; i++) {
    const writer = connections[i % writers];
    writer?.receive(frames[i] as Uint8Array);
    await sleep(everyMs);
  }
  // Everything stored and sent: the room's queue, then the outbox.
  await room.run(() => undefined);
  await room.sent();
  const used = process.cpuUsage(start);
  if (connections.some((c) => c.isClosed))
    throw new Error('the room closed a connection: refused an update?');

  const receivers = sockets.slice(writers);
  const framesPerMember =
    receivers.reduce((sum, s, i) => sum + s.frames - (before[i + writers]?.frames ?? 0), 0) /
    receivers.length;
  const bytesPerMember =
    receivers.reduce((sum, s, i) => sum + s.bytes - (before[i + writers]?.bytes ?? 0), 0) / receivers.length;
  await registry.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const totalUs = used.user + used.system;
  return {
    members,
    updates,
    userUs: used.user,
    systemUs: used.system,
    perUpdateUs: totalUs / updates,
    perDeliveryUs: totalUs / (updates * (members - 1)),
    framesPerMember,
    bytesPerMember,
  };
}

export async function roomPathBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'room-path': { type: 'string', default: '200,500' },
      writers: { type: 'string', default: '10' },
      updates: { type: 'string', default: '500' },
      every: { type: 'string', default: '20' },
      rounds: { type: 'string', default: '3' },
      'no-rules': { type: 'boolean', default: false },
    },
  });
  const sizes = (values['room-path'] ?? '').split(',').map(Number);
  const writers = Number(values.writers);
  const updates = Number(values.updates);
  const every = Number(values.every);
  const rounds = Number(values.rounds);
  const setup: Setup = { writers, updates, everyMs: every, rules: !values['no-rules'] };
  if (
    sizes.some((n) => !Number.isInteger(n) || n < 2) ||
    !(writers >= 1) ||
    !(updates > 0) ||
    !(every >= 0) ||
    !(rounds >= 1)
  ) {
    console.error(
      'usage: pnpm bench --room-path 200,500 [--writers 10] [--updates 500] [--every 20] [--rounds 3] [--no-rules]',
    );
    process.exit(2);
  }
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`a room's own CPU per relayed update, in process; load average before: ${load()}`);
  // Not shown: the JIT's first round.
  await measure(Math.min(...sizes), { ...setup, updates: Math.min(updates, 200) });
  console.log(
    '| members | round | updates | user ms | system ms | CPU µs / update | CPU µs / delivery | frames / member | bytes / member |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const size of sizes) {
    for (let round = 1; round <= rounds; round++) {
      const row = await measure(size, setup);
      console.log(
        `| ${row.members} | ${round} | ${row.updates} | ${(row.userUs / 1000).toFixed(1)} | ${(row.systemUs / 1000).toFixed(1)} | ${row.perUpdateUs.toFixed(1)} | ${row.perDeliveryUs.toFixed(3)} | ${row.framesPerMember.toFixed(0)} | ${row.bytesPerMember.toFixed(0)} |`,
      );
    }
  }
  console.log(`load average after: ${load()}`);
}
