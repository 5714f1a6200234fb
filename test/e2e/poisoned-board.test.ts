/**
 * [D1][D6] A board that a hostile participant tried to poison, live and on disk, still opens in a
 * real browser with its notes readable: the live poison is refused (4422) before anyone stores or
 * sees it; the poison already on disk is set aside when the server loads the board, and the
 * facilitator is told.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { CloseCode } from '@empiria/shared';
import { apiRequest, createBoard, join } from '../support/api';
import { screenshot } from '../support/browser';
import { joinBoard } from '../support/board-page';
import { canvasRecords, noteRecord } from '../support/canvas-records';
import { expectRefusedUpdates } from '../support/no-refused-updates';
import { REPO_ROOT } from '../support/server-process';
import { serverAndBrowserPerFile } from '../support/server-per-file';
import { connectDoc } from '../support/yjs-client';

// The server's own SQLite driver, to write poison the way an older server would have stored it.
const requireFromServer = createRequire(path.join(REPO_ROOT, 'server/package.json'));
type Statement = { run(...args: unknown[]): unknown };
type Database = { prepare(sql: string): Statement; close(): void };
const openDatabase = requireFromServer('better-sqlite3') as new (file: string) => Database;

const KEPT = 'Zostaje na tablicy';

const setup = serverAndBrowserPerFile();

beforeAll(() => expectRefusedUpdates());

const note = (id: string, text: string) => noteRecord(id, { text, x: 300, y: 400 });

async function visibleNoteTexts(page: Page): Promise<string[]> {
  // What the screen shows: the rendered labels of the notes, not the document.
  return page.locator('.tl-shape[data-shape-type="note"] .tl-text-content').allInnerTexts();
}

describe('a poisoned board', () => {
  it('refuses live poison, sets aside stored poison, and opens with its notes readable', async () => {
    const { id: boardId, invites } = await createBoard(setup.server, 'Tablica po ataku', 'format-2');
    const attacker = await join(setup.server, boardId, invites.participant, 'Ewa', 'Nowy Sącz');

    // A valid note goes through.
    const honest = await connectDoc(setup.server, boardId, 'canvas', attacker.sessionToken);
    honest.doc.getArray('records').push([{ key: 'shape:kept', val: note('shape:kept', KEPT) }]);
    // Stored once another connection reads it back from the server.
    const reader = await connectDoc(setup.server, boardId, 'canvas', attacker.sessionToken);
    await reader.waitFor((doc) => canvasRecords(doc).has('shape:kept'), 10_000, 'the valid note is stored');
    reader.destroy();
    honest.destroy();

    // Live poison: a null entry and a BigInt, sent by a client that skips every check.
    const hostile = await connectDoc(setup.server, boardId, 'canvas', attacker.sessionToken);
    const closed = hostile.nextClose(10_000);
    hostile.doc
      .getArray('records')
      .push([null, { key: 'shape:big', val: { ...note('shape:big', 'x'), x: 10n } }]);
    expect((await closed).code).toBe(CloseCode.updateRefused);
    hostile.destroy();

    // Poison already on disk, as an older server would have stored it: an entry of no type and a
    // top-level map of junk, appended to the board's update log while the server is down.
    await setup.server.stop();
    const poison = new Y.Doc();
    poison.getArray('records').push([{ key: 'evil:1', val: { id: 'evil:1', typeName: 'evil' } }, 7]);
    poison.getMap('junk').set('k', 'x'.repeat(100_000));
    const db = new openDatabase(path.join(setup.server.dataDir, 'empiria.sqlite'));
    db.prepare('INSERT INTO doc_updates (doc_key, data) VALUES (?, ?)').run(
      `${boardId}/canvas`,
      Buffer.from(Y.encodeStateAsUpdate(poison)),
    );
    db.close();
    await setup.restartServer();

    const facilitatorContext = await setup.browser.newContext();
    const facilitator = await joinBoard(
      facilitatorContext,
      invites.facilitator,
      { name: 'Fela', city: 'Gdynia' },
      { ready: { control: true } },
    );
    const participantContext = await setup.browser.newContext();
    const participant = await joinBoard(participantContext, invites.participant, {
      name: 'Jan',
      city: 'Płock',
    });

    for (const page of [facilitator, participant]) {
      await page.waitForFunction(
        (text) =>
          [...document.querySelectorAll('.tl-shape[data-shape-type="note"] .tl-text-content')].some((label) =>
            (label as HTMLElement).innerText.includes(text),
          ),
        KEPT,
        { timeout: 15_000 },
      );
      expect(await visibleNoteTexts(page)).toContain(KEPT);
      expect(await page.evaluate(() => window.__empiria!.brokenRecords())).toBe(0);
    }
    // The facilitator is told what was set aside; a participant is not.
    await facilitator.getByTestId('set-aside-notice').waitFor();
    expect(await facilitator.getByTestId('set-aside-notice').innerText()).toMatch(/odłożono na bok 3/);
    expect(await participant.getByTestId('set-aside-notice').count()).toBe(0);
    await screenshot(facilitator, 'poisoned-board-facilitator');

    // What was set aside can be looked at by the facilitator (or the admin), not by participants.
    const lead = await join(setup.server, boardId, invites.facilitator, 'Fela', 'Gdynia');
    const listed = await apiRequest(setup.server, 'GET', `/api/boards/${boardId}/set-aside`, {
      token: lead.sessionToken,
    });
    expect(listed.status).toBe(200);
    const records = (listed.body as { records: { key: string | null; reason: string }[] }).records;
    expect(records.map((r) => r.key)).toContain('evil:1');
    expect(records).toHaveLength(3);
    const refused = await apiRequest(setup.server, 'GET', `/api/boards/${boardId}/set-aside`, {
      token: attacker.sessionToken,
    });
    expect(refused.status).toBe(403);

    await facilitatorContext.close();
    await participantContext.close();
  });
});
