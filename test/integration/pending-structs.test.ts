import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { getFormat, layoutFormat } from '@empiria/formats';
import { CANVAS_LIMITS } from '@empiria/formats';
import { CANVAS_RECORDS_ARRAY, CloseCode } from '@empiria/shared';
import { createBoard, join } from '../support/api';
import { canvasRecords, noteRecord } from '../support/canvas-records';
import { serverPerFile } from '../support/server-per-file';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * [D1] says an update that depends on changes the server does not have is refused, because
 * it would wait in Yjs's pending queue "unchecked and unbounded". update-inspection.ts checks an
 * item's `origin` (or its parent) but never its `rightOrigin`, and reads every client section of
 * an update although Yjs applies only the last section of a client. Either way an update that Yjs
 * parks in `doc.store.pendingStructs` passes the rules, and whatever later integrates it (the
 * sender's own follow-up, or any other person's next edit) integrates it unchecked.
 *
 * Found by an audit (2026-12-01); these tests failed on the code before the fix.
 */
const setup = serverPerFile();
const open: DocConnection[] = [];
const sockets: WebSocket[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.destroy();
  for (const ws of sockets.splice(0)) ws.terminate();
});

function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
/** A y-websocket sync "update" message. */
function updateFrame(update: Uint8Array): Uint8Array {
  return new Uint8Array([0, 2, ...varUint(update.byteLength), ...update]);
}

async function rawSocket(url: string) {
  const ws = new WebSocket(url, { origin: setup.server.baseUrl });
  sockets.push(ws);
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_q, r) => reject(new Error(`HTTP ${r.statusCode}`)));
  });
  return { ws, closed };
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | 'still open'> {
  return Promise.race([promise, new Promise<'still open'>((r) => setTimeout(() => r('still open'), ms))]);
}

async function connect(boardId: string, token: string) {
  const c = await connectDoc(setup.server, boardId, 'canvas', token);
  open.push(c);
  return c;
}

/** A copy of the server's canvas, with an item `Z:0` appended that the server never gets. */
function withUnsentTail(server: Y.Doc, clientId: number) {
  const tail = new Y.Doc();
  tail.clientID = clientId;
  Y.applyUpdate(tail, Y.encodeStateAsUpdate(server));
  tail.getArray(CANVAS_RECORDS_ARRAY).push([{ key: 'shape:unsent', val: noteRecord('shape:unsent') }]);
  return tail;
}

/** An insertion by a fresh client just before the unsent tail: origin known, rightOrigin missing. */
function beforeUnsentTail(tail: Y.Doc, at: number, clientId: number, entries: unknown[]): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(tail));
  doc.getArray(CANVAS_RECORDS_ARRAY).insert(at, entries);
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(tail));
}

describe('[D1] updates that wait in the pending queue', () => {
  it('an item whose right neighbour the server lacks is refused (4422), not parked', async () => {
    const board = await createBoard(setup.server, 'pending right origin');
    const ala = await join(setup.server, board.id, board.invites.participant, 'Ala', 'Gdynia');
    const view = await connect(board.id, ala.sessionToken);
    const at = view.doc.getArray(CANVAS_RECORDS_ARRAY).length;
    const tail = withUnsentTail(view.doc, 9_000_001);
    const update = beforeUnsentTail(tail, at, 9_000_002, [
      { key: 'shape:parked', val: noteRecord('shape:parked') },
    ]);
    const attacker = await rawSocket(`${setup.server.wsBase}/${board.id}/canvas?token=${ala.sessionToken}`);
    attacker.ws.send(updateFrame(update));
    const close = await within(attacker.closed, 3_000);
    expect(close).toMatchObject({ code: CloseCode.updateRefused });
  });

  it('an update naming one client twice is refused (4422), not parked', async () => {
    const board = await createBoard(setup.server, 'pending duplicate client');
    const ala = await join(setup.server, board.id, board.invites.participant, 'Ala', 'Gdynia');
    const view = await connect(board.id, ala.sessionToken);
    const doc = new Y.Doc();
    doc.clientID = 9_000_003;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(view.doc));
    const before = Y.encodeStateVector(doc);
    doc.getArray(CANVAS_RECORDS_ARRAY).push([{ key: 'shape:first', val: noteRecord('shape:first') }]);
    const middle = Y.encodeStateVector(doc);
    doc.getArray(CANVAS_RECORDS_ARRAY).push([{ key: 'shape:second', val: noteRecord('shape:second') }]);
    const first = Y.encodeStateAsUpdate(doc, before); // 1 client, clock 0, empty delete set
    const second = Y.encodeStateAsUpdate(doc, middle); // 1 client, clock 1
    // Two sections for the same client: decodeUpdate (what the rules read) yields both, Yjs's
    // applyUpdate keeps only the last, whose clock 1 the server lacks: it waits as pending.
    const twice = new Uint8Array([2, ...first.slice(1, -1), ...second.slice(1, -1), 0]);
    const attacker = await rawSocket(`${setup.server.wsBase}/${board.id}/canvas?token=${ala.sessionToken}`);
    attacker.ws.send(updateFrame(twice));
    const close = await within(attacker.closed, 3_000);
    expect(close).toMatchObject({ code: CloseCode.updateRefused });
  });

  it('[D5] parked updates released at once cannot take a board past its quota', async () => {
    const board = await createBoard(setup.server, 'pending quota');
    const ala = await join(setup.server, board.id, board.invites.participant, 'Ala', 'Gdynia');
    const view = await connect(board.id, ala.sessionToken);
    const at = view.doc.getArray(CANVAS_RECORDS_ARRAY).length;
    const tail = withUnsentTail(view.doc, 9_000_010);
    const attacker = await rawSocket(`${setup.server.wsBase}/${board.id}/canvas?token=${ala.sessionToken}`);
    const text = 'x'.repeat(200_000);
    // 15 frames of ~1.7 MiB: each alone is far under the 24 MiB quota, whose ledger never sees them.
    for (let i = 0; i < 15; i++) {
      const entries = Array.from({ length: 9 }, (_, k) => {
        const id = `shape:p${i}-${k}`;
        return { key: id, val: noteRecord(id, { text }) };
      });
      attacker.ws.send(updateFrame(beforeUnsentTail(tail, at, 9_100_000 + i, entries)));
    }
    // The release: the missing neighbour itself.
    attacker.ws.send(updateFrame(Y.encodeStateAsUpdate(tail, Y.encodeStateVector(view.doc))));
    await within(attacker.closed, 5_000);
    const reader = await connect(board.id, ala.sessionToken);
    const bytes = JSON.stringify(reader.doc.getArray(CANVAS_RECORDS_ARRAY).toJSON()).length;
    expect(bytes).toBeLessThanOrEqual(CANVAS_LIMITS.maxBoardBytes);
  });

  it('[C2] a parked note released by the facilitator’s next edit does not land on a locked sheet', async () => {
    const board = await createBoard(setup.server, 'pending lock', 'format-2');
    const fela = await join(setup.server, board.id, board.invites.facilitator, 'Fela', 'Lublin');
    const ala = await join(setup.server, board.id, board.invites.participant, 'Ala', 'Gdynia');
    const control = await connectDoc(setup.server, board.id, 'control', fela.sessionToken);
    open.push(control);
    control.doc.getMap('control').set('lockedSteps', ['barriers']);
    const seen = await connectDoc(setup.server, board.id, 'control', ala.sessionToken);
    open.push(seen);
    await seen.waitFor((d) => JSON.stringify(d.getMap('control').get('lockedSteps')) === '["barriers"]');
    const sheet = layoutFormat(getFormat('format-2')!).sheets.find((s) => s.stepId === 'barriers')!;

    const lead = await connect(board.id, fela.sessionToken);
    const view = await connect(board.id, ala.sessionToken);
    const at = view.doc.getArray(CANVAS_RECORDS_ARRAY).length;
    // The right neighbour is the facilitator's next item: the server will have it at her next edit.
    const tail = withUnsentTail(view.doc, lead.doc.clientID);
    const note = noteRecord('shape:on-locked', { x: sheet.x + 400, y: sheet.y + 900, text: 'smuggled' });
    const update = beforeUnsentTail(tail, at, 9_200_000, [{ key: 'shape:on-locked', val: note }]);
    const attacker = await rawSocket(`${setup.server.wsBase}/${board.id}/canvas?token=${ala.sessionToken}`);
    attacker.ws.send(updateFrame(update));
    await within(attacker.closed, 1_000);

    canvasRecords(lead.doc).set('shape:fela', noteRecord('shape:fela', { x: sheet.x - 3000, y: 0 }));
    await view.waitFor((d) => canvasRecords(d).has('shape:fela'), 10_000, 'the facilitator’s note');
    const reader = await connect(board.id, ala.sessionToken);
    expect(canvasRecords(reader.doc).has('shape:on-locked')).toBe(false);
    // …and every client holds the same board: the facilitator's was never sent what her edit released.
    expect(canvasRecords(lead.doc).has('shape:on-locked')).toBe(
      canvasRecords(reader.doc).has('shape:on-locked'),
    );
  });
});
