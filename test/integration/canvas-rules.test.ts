import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { getFormat, layoutFormat } from '@empiria/formats';
import { CANVAS_RECORDS_ARRAY, type JoinResponse } from '@empiria/shared';
import { createBoard, join } from '../support/api';
import { serverPerFile } from '../support/server-per-file';
import { noteRecord } from '../support/canvas-records';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * [C1] [C2] on the server: a participant whose client skips the editor's checks and writes the
 * canvas directly still cannot change the template or a locked sheet — the server undoes it for
 * everyone, the sender included.
 */
const setup = serverPerFile();
let boardId: string;
let fela: JoinResponse;
let ala: JoinResponse;
const open: DocConnection[] = [];

beforeAll(async () => {
  const board = await createBoard(setup.server, 'Zasady tablicy', 'format-2');
  boardId = board.id;
  fela = await join(setup.server, boardId, board.invites.facilitator, 'Fela', 'Lublin');
  ala = await join(setup.server, boardId, board.invites.participant, 'Ala', 'Gdynia');
});
afterAll(async () => {
  for (const connection of open) connection.destroy();
});

async function canvasOf(who: JoinResponse) {
  const connection = await connectDoc(setup.server, boardId, 'canvas', who.sessionToken);
  open.push(connection);
  return {
    connection,
    kv: new YKeyValue<Record<string, unknown>>(connection.doc.getArray(CANVAS_RECORDS_ARRAY)),
  };
}

const sheetId = 'shape:tpl--format-2--barriers--sheet';
const note = (id: string, x: number, y: number) => noteRecord(id, { x, y });

describe('canvas rules on the server', () => {
  it('[C1] a participant moving a template sheet is undone for everyone, the facilitator may', async () => {
    const participant = await canvasOf(ala);
    const lead = await canvasOf(fela);
    const original = participant.kv.get(sheetId)!;
    participant.kv.set(sheetId, { ...original, x: 99_999 });
    await participant.connection.waitFor(
      () => participant.kv.get(sheetId)?.x === original.x,
      10_000,
      'sheet put back',
    );
    expect(lead.kv.get(sheetId)?.x).toBe(original.x);
    participant.kv.delete(sheetId);
    await participant.connection.waitFor(() => participant.kv.has(sheetId), 10_000, 'sheet restored');

    // The pair may change the template (here the title, untouched by the tries above).
    const titleId = 'shape:tpl--format-2--barriers--title';
    const title = lead.kv.get(titleId)!;
    lead.kv.set(titleId, { ...title, isLocked: false });
    await participant.connection.waitFor(
      () => participant.kv.get(titleId)?.isLocked === false,
      10_000,
      'lead change',
    );
  });

  it('[C2] nothing is added to a locked sheet by a participant; elsewhere it is', async () => {
    const control = await connectDoc(setup.server, boardId, 'control', fela.sessionToken);
    open.push(control);
    control.doc.getMap('control').set('lockedSteps', ['barriers']);
    const participant = await canvasOf(ala);
    const lead = await canvasOf(fela);
    const sheet = layoutFormat(getFormat('format-2')!).sheets.find((s) => s.stepId === 'barriers')!;
    // The lock has reached the server once another person's copy of the control document has it.
    const seen = await connectDoc(setup.server, boardId, 'control', ala.sessionToken);
    open.push(seen);
    await seen.waitFor(
      (doc) => JSON.stringify(doc.getMap('control').get('lockedSteps')) === '["barriers"]',
      10_000,
      'lock',
    );
    participant.kv.set('shape:on-locked', note('shape:on-locked', sheet.x + 400, sheet.y + 900));
    participant.kv.set('shape:elsewhere', note('shape:elsewhere', sheet.x - 3000, 0));
    await lead.connection.waitFor(() => lead.kv.has('shape:elsewhere'), 10_000, 'allowed note arrives');
    await participant.connection.waitFor(
      () => !participant.kv.has('shape:on-locked'),
      10_000,
      'refused note taken out',
    );
    expect(lead.kv.has('shape:on-locked')).toBe(false);
    expect(setup.server.logRecords().some((r) => r.msg === 'refused part of an update')).toBe(true);
  });
});
