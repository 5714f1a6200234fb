import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '@empiria/shared';
import { createBoard, join } from '../support/api';
import { joinBoard } from '../support/board-page';
import { canvasRecords, noteRecord } from '../support/canvas-records';
import { serverAndBrowserPerFile } from '../support/server-per-file';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * AUDIT: [D3] checks each canvas record alone. Two notes that are each other's parent (or one that
 * is its own) are each a valid tldraw record, so the server stores them; every browser that then
 * opens the board spins at 100% CPU in tldraw and never shows it, and [D6]'s repair on load does
 * not take them out (it too checks record by record). One participant makes the board unreadable
 * for everyone, for good.
 *
 * These tests state what the rules promise; on the audited code they fail.
 */
const setup = serverAndBrowserPerFile();
const open: DocConnection[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.destroy();
});

function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timed out'> {
  return Promise.race([promise, new Promise<'timed out'>((r) => setTimeout(() => r('timed out'), ms))]);
}

describe('AUDIT [D3] shapes whose parents form a cycle', () => {
  it('a note that is its own parent is refused (4422)', async () => {
    const board = await createBoard(setup.server, 'self parent');
    const ala = await join(setup.server, board.id, board.invites.participant, 'Ala', 'Gdynia');
    const writer = await connectDoc(setup.server, board.id, 'canvas', ala.sessionToken);
    open.push(writer);
    const closed = writer.nextClose(3_000).catch(() => 'not closed' as const);
    canvasRecords(writer.doc).set('shape:a', { ...noteRecord('shape:a'), parentId: 'shape:a' });
    expect(await closed).toMatchObject({ code: CloseCode.updateRefused });
  });

  it('a board where two notes are each other’s parent still opens in a browser', async () => {
    const board = await createBoard(setup.server, 'parent cycle');
    const ala = await join(setup.server, board.id, board.invites.participant, 'Ala', 'Gdynia');
    const writer = await connectDoc(setup.server, board.id, 'canvas', ala.sessionToken);
    open.push(writer);
    const records = canvasRecords(writer.doc);
    records.set('shape:kept', noteRecord('shape:kept', { text: 'Zostaje' }));
    records.set('shape:a', { ...noteRecord('shape:a'), parentId: 'shape:b' });
    records.set('shape:b', { ...noteRecord('shape:b'), parentId: 'shape:a' });
    // Stored: another connection reads them back.
    const reader = await connectDoc(setup.server, board.id, 'canvas', ala.sessionToken);
    open.push(reader);
    await reader.waitFor(() => canvasRecords(reader.doc).has('shape:kept'), 10_000, 'stored');

    const context = await setup.browser.newContext();
    try {
      const opened = await within(
        joinBoard(context, board.invites.participant, { name: 'Jan', city: 'Płock' }).then(() => 'opened'),
        40_000,
      );
      // On the audited code the page's renderer spins at 100% CPU and the board never appears.
      expect(opened).toBe('opened');
    } finally {
      await within(context.close(), 5_000);
    }
  });
});
