import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFormat, layoutFormat } from '@empiria/formats';
import type { JoinResponse } from '@empiria/shared';
import { createBoard, join } from '../support/api';
import { canvasRecords, noteRecord } from '../support/canvas-records';
import { serverPerFile } from '../support/server-per-file';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * AUDIT (2026-12-01), fixed: [C2] judged only the records an update changed
 * (formats/src/rules/canvas-rules.ts, refusedChanges). A note parented to a small frame far from
 * the sheets moves with its frame: moving the frame (whose own centre stays off the sheet) carried
 * the note onto a locked sheet, and nothing refused it. Now the shapes a moved shape carries are
 * judged too, by where they land on the page.
 */
const setup = serverPerFile();
let boardId: string;
let fela: JoinResponse;
let ala: JoinResponse;
const open: DocConnection[] = [];

beforeAll(async () => {
  const board = await createBoard(setup.server, 'lock through a parent', 'format-2');
  boardId = board.id;
  fela = await join(setup.server, boardId, board.invites.facilitator, 'Fela', 'Lublin');
  ala = await join(setup.server, boardId, board.invites.participant, 'Ala', 'Gdynia');
});
afterAll(() => {
  for (const c of open) c.destroy();
});

async function connect(token: string, doc: 'canvas' | 'control') {
  const c = await connectDoc(setup.server, boardId, doc, token);
  open.push(c);
  return c;
}

const frame = (x: number, y: number) => ({
  id: 'shape:frame',
  typeName: 'shape',
  type: 'frame',
  x,
  y,
  rotation: 0,
  index: 'a8',
  parentId: 'page:page',
  isLocked: false,
  opacity: 1,
  meta: {},
  props: { w: 10, h: 10, name: '', color: 'black' },
});

describe('AUDIT [C2] a locked sheet and shapes with parents', () => {
  it('a participant cannot carry a note onto a locked sheet by moving its parent', async () => {
    const control = await connect(fela.sessionToken, 'control');
    control.doc.getMap('control').set('lockedSteps', ['barriers']);
    const seen = await connect(ala.sessionToken, 'control');
    await seen.waitFor((d) => JSON.stringify(d.getMap('control').get('lockedSteps')) === '["barriers"]');
    const sheet = layoutFormat(getFormat('format-2')!).sheets.find((s) => s.stepId === 'barriers')!;

    const participant = await connect(ala.sessionToken, 'canvas');
    const records = canvasRecords(participant.doc);
    // Both far from every sheet: allowed.
    records.set('shape:frame', frame(sheet.x - 20_000, sheet.y));
    records.set('shape:child', {
      ...noteRecord('shape:child', { x: 10_300, y: 300, text: 'carried in' }),
      parentId: 'shape:frame',
    });
    // The frame moves; its own centre stays 10,000 units left of the sheet, its note lands on it.
    records.set('shape:frame', frame(sheet.x - 10_000, sheet.y));
    // Judged in order: once this later note is stored, the move's fate is too.
    records.set('shape:done', noteRecord('shape:done', { x: sheet.x - 30_000, y: 0 }));

    const lead = await connect(fela.sessionToken, 'canvas');
    await lead.waitFor((d) => canvasRecords(d).has('shape:done'), 10_000, 'the frame’s move was judged');
    const stored = canvasRecords(lead.doc);
    const f = stored.get('shape:frame') as { x: number; y: number } | undefined;
    const c = stored.get('shape:child') as { x: number; y: number } | undefined;
    const pageX = f && c ? f.x + c.x + 100 : null; // the note's centre (200 wide)
    const onSheet = pageX !== null && pageX >= sheet.x && pageX <= sheet.x + sheet.w;
    expect(onSheet).toBe(false);
  });
});
