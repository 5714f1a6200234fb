/**
 * `pnpm bench --canvas-rules 500,2000,5000`: what the canvas document's rules cost per update a
 * participant sends, by how many records the board already holds (issue #16).
 *
 * In process, no server and no sockets: a board of N sticky notes (written as a lead's update, as
 * the template and earlier work would be), then `--updates` participant updates — half add a note
 * (what `pnpm bench`'s writers send), half move an existing one (delete its entry, push the new,
 * as tldraw's YKeyValue does) — each judged as the room judges it: the update inspected, then the
 * canvas rules' `refusal` (the quota's ledger) and `apply` (the template and lock guard, then the
 * update applied). The timed span is `refusal` + `apply`; the inspection (the room's, not the
 * canvas rules') is outside it. The first `--warmup` updates (the rules building what they keep
 * per document, the JIT) are not counted, nor a first round on the smallest board. The mean
 * includes the garbage collector's pauses, whoever's garbage they collect (the test's client makes
 * some too); p50 is the steadier figure on a shared machine.
 *
 *   pnpm bench --canvas-rules 500,2000,5000 [--updates 1000] [--warmup 100]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { CanvasDocumentRules } from '../../server/src/canvas/canvas-document-rules';
import { CanvasGuard } from '../../server/src/canvas/canvas-guard';
import type { RoomMember } from '../../server/src/sync/room-member';
import { inspectUpdate } from '../../server/src/sync/update-inspection';
import { canvasRecords, noteRecord } from '../support/canvas-records';

const member = (role: 'participant' | 'facilitator'): RoomMember => ({
  id: `bench-${role}`,
  role,
  personId: `bench-${role}`,
  send: () => undefined,
  sendAll: () => undefined,
});

interface Row {
  records: number;
  updates: number;
  addUs: number;
  moveUs: number;
  meanUs: number;
  p50Us: number;
  p90Us: number;
  p99Us: number;
}

async function measure(boardRecords: number, updates: number, warmup: number): Promise<Row> {
  const server = new Y.Doc();
  const rules = new CanvasDocumentRules({
    boardId: 'bench',
    guard: new CanvasGuard(() => ({ layout: null, lockedSteps: [] })),
    guardReady: () => Promise.resolve(),
    onSetAside: () => undefined,
  });
  const lead = new Y.Doc();
  lead.transact(() => {
    for (let i = 0; i < boardRecords; i++)
      canvasRecords(lead).set(
        `shape:board-${i}`,
        noteRecord(`shape:board-${i}`, {
          text: `Notatka ${i}`,
          x: (i % 100) * 220,
          y: Math.floor(i / 100) * 220,
        }),
      );
  });
  await rules.apply(server, Y.encodeStateAsUpdate(lead), member('facilitator'));

  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const records = canvasRecords(client);
  let sent: Uint8Array | null = null;
  client.on('update', (update: Uint8Array) => (sent = update));
  const participant = member('participant');

  const times: { kind: 'add' | 'move'; us: number }[] = [];
  for (let i = 0; i < warmup + updates; i++) {
    const kind = i % 2 === 0 ? 'add' : 'move';
    if (kind === 'add') records.set(`shape:new-${i}`, noteRecord(`shape:new-${i}`, { text: `Nowa ${i}` }));
    else {
      const id = `shape:board-${(i * 7919) % Math.max(1, boardRecords)}`;
      records.set(id, noteRecord(id, { text: `Przesunięta ${i}`, x: i, y: i }));
    }
    const update = sent as Uint8Array | null;
    if (!update) throw new Error('the client sent nothing');
    const inspection = inspectUpdate(server, Y.decodeUpdate(update));
    const start = process.hrtime.bigint();
    const refusal = rules.refusal(inspection, participant, server);
    if (refusal !== null) throw new Error(`refused: ${refusal}`);
    const correction = await rules.apply(server, update, participant);
    const us = Number(process.hrtime.bigint() - start) / 1000;
    if (correction) throw new Error('the guard corrected a note a participant may write');
    if (i >= warmup) times.push({ kind, us });
  }

  const all = times.map((t) => t.us).sort((a, b) => a - b);
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
  const at = (q: number) => all[Math.min(all.length - 1, Math.floor(q * all.length))] ?? NaN;
  return {
    records: boardRecords,
    updates,
    addUs: mean(times.filter((t) => t.kind === 'add').map((t) => t.us)),
    moveUs: mean(times.filter((t) => t.kind === 'move').map((t) => t.us)),
    meanUs: mean(all),
    p50Us: at(0.5),
    p90Us: at(0.9),
    p99Us: at(0.99),
  };
}

export async function canvasRulesBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'canvas-rules': { type: 'string', default: '500,2000,5000' },
      updates: { type: 'string', default: '1000' },
      warmup: { type: 'string', default: '100' },
    },
  });
  const sizes = (values['canvas-rules'] ?? '').split(',').map(Number);
  const updates = Number(values.updates);
  const warmup = Number(values.warmup);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !(updates > 0) || !(warmup >= 0)) {
    console.error('usage: pnpm bench --canvas-rules 500,2000,5000 [--updates 1000] [--warmup 100]');
    process.exit(2);
  }
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`canvas rules per participant update; load average before: ${load()}`);
  // A round not shown first, so that the first row shown is not the one the JIT compiles in.
  await measure(Math.min(...sizes), updates, warmup);
  console.log(
    '| board records | updates | add a note µs | move a note µs | mean µs | p50 µs | p90 µs | p99 µs |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const size of sizes) {
    const row = await measure(size, updates, warmup);
    const f = (v: number) => v.toFixed(1);
    console.log(
      `| ${row.records} | ${row.updates} | ${f(row.addUs)} | ${f(row.moveUs)} | ${f(row.meanUs)} | ${f(row.p50Us)} | ${f(row.p90Us)} | ${f(row.p99Us)} |`,
    );
  }
  console.log(`load average after: ${load()}`);
}
