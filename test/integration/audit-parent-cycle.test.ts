import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CANVAS_RECORDS_ARRAY, CloseCode } from '@empiria/shared';
import { openSqliteDatabase } from '../../server/src/storage/sqlite-database';
import { SqliteDocumentStore } from '../../server/src/storage/sqlite-document-store';
import { createBoard, join } from '../support/api';
import { joinBoard } from '../support/board-page';
import { canvasRecords, noteRecord, type CanvasRecord } from '../support/canvas-records';
import { serverAndBrowserPerFile } from '../support/server-per-file';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * AUDIT (2026-12-01), fixed: [D3] checked each canvas record alone. Two notes that are each
 * other's parent (or one that is its own) are each a valid tldraw record, so the server stored
 * them; every browser that then opened the board spun at 100% CPU in tldraw and never showed it,
 * and [D6]'s repair on load did not take them out (it too checked record by record). One
 * participant made the board unreadable for everyone, for good.
 *
 * Now the server refuses an update after which a shape's parents would loop (or nest deeper than
 * 32 shapes), and loading a board breaks a loop already stored.
 */
const setup = serverAndBrowserPerFile();
const open: DocConnection[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.destroy();
});

function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timed out'> {
  return Promise.race([promise, new Promise<'timed out'>((r) => setTimeout(() => r('timed out'), ms))]);
}

/** Whether a browser opens the board (the audited code froze the page before the canvas showed). */
async function opensInBrowser(invite: string): Promise<string> {
  const context = await setup.browser.newContext();
  try {
    return await within(
      joinBoard(context, invite, { name: 'Jan', city: 'Płock' }).then(() => 'opened'),
      40_000,
    );
  } finally {
    await within(context.close(), 5_000);
  }
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

  it('the note that would close a loop of two is refused; the board opens in a browser', async () => {
    const board = await createBoard(setup.server, 'parent cycle');
    const ala = await join(setup.server, board.id, board.invites.participant, 'Ala', 'Gdynia');
    const writer = await connectDoc(setup.server, board.id, 'canvas', ala.sessionToken);
    open.push(writer);
    const records = canvasRecords(writer.doc);
    records.set('shape:kept', noteRecord('shape:kept', { text: 'Zostaje' }));
    records.set('shape:a', { ...noteRecord('shape:a'), parentId: 'shape:b' });
    const closed = writer.nextClose(5_000).catch(() => 'not closed' as const);
    records.set('shape:b', { ...noteRecord('shape:b'), parentId: 'shape:a' });
    expect(await closed).toMatchObject({ code: CloseCode.updateRefused });

    const reader = await connectDoc(setup.server, board.id, 'canvas', ala.sessionToken);
    open.push(reader);
    await reader.waitFor(() => canvasRecords(reader.doc).has('shape:a'), 10_000, 'stored');
    expect(canvasRecords(reader.doc).has('shape:kept')).toBe(true);
    expect(canvasRecords(reader.doc).has('shape:b')).toBe(false);
    expect(await opensInBrowser(board.invites.participant)).toBe('opened');
  });

  it('a board that already holds a loop (stored before the fix) has it broken on load, and opens', async () => {
    const board = await createBoard(setup.server, 'stored cycle');
    await join(setup.server, board.id, board.invites.participant, 'Ala', 'Gdynia');
    // As an older server stored it: straight into the document store, the server stopped.
    await setup.server.stop();
    const db = openSqliteDatabase(path.join(setup.server.dataDir, 'empiria.sqlite'));
    try {
      const store = new SqliteDocumentStore(db);
      const key = `${board.id}/canvas`;
      const stored = await store.load(key);
      const doc = new Y.Doc();
      for (const part of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates)
        Y.applyUpdate(doc, part);
      const before = Y.encodeStateVector(doc);
      const loop: CanvasRecord[] = [
        { ...noteRecord('shape:a', { text: 'A' }), parentId: 'shape:b' },
        { ...noteRecord('shape:b', { text: 'B' }), parentId: 'shape:a' },
        { ...noteRecord('shape:self', { text: 'Sama' }), parentId: 'shape:self' },
      ];
      doc.getArray(CANVAS_RECORDS_ARRAY).push(loop.map((val) => ({ key: val.id, val })));
      await store.append(key, Y.encodeStateAsUpdate(doc, before));
    } finally {
      db.close();
    }
    await setup.restartServer();

    const fela = await join(setup.server, board.id, board.invites.facilitator, 'Fela', 'Lublin');
    const reader = await connectDoc(setup.server, board.id, 'canvas', fela.sessionToken);
    open.push(reader);
    await reader.waitFor(() => canvasRecords(reader.doc).has('shape:self'), 10_000, 'loaded');
    const parentOf = (id: string) => canvasRecords(reader.doc).get(id)?.parentId;
    // Cut at its smallest id: the notes all stay, the loop does not.
    expect([parentOf('shape:a'), parentOf('shape:b'), parentOf('shape:self')]).toEqual([
      'page:page',
      'shape:a',
      'page:page',
    ]);
    expect(await opensInBrowser(board.invites.participant)).toBe('opened');
  });
});
