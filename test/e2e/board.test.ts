/**
 * The board in a real browser: two people join by their links, one writes a sticky note, the
 * other sees it and the first one's cursor; a reload keeps the board; an observer, who follows
 * only the open parts (none on a board without sheets), gets none of it but is shown watching;
 * and no request ever leaves the app's origin.
 *
 * The page exposes `window.__empiria` (client/src/session/test-hooks.ts) for reading state.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createBoard } from '../support/api';
import { screenshot } from '../support/browser';
import type { RecordedContext } from '../support/browser';
import { recordSentFrames } from '../support/socket-frames';
import { serverAndBrowserPerFile } from '../support/server-per-file';
import { waitForTextEditor } from '../support/canvas-page';
import {
  joinBoard as joinBoardPage,
  waitForBoard as waitForBoardPage,
  type BoardReady,
} from '../support/board-page';

const NOTE_TEXT = 'Więcej zieleni w centrum';

const setup = serverAndBrowserPerFile();

/** What this file's tests wait for before using a board page. */
const READY: BoardReady = {};
const waitForBoard = (page: Page) => waitForBoardPage(page, READY);
const joinBoard = (context: RecordedContext, inviteUrl: string, name: string, city: string): Promise<Page> =>
  joinBoardPage(context, inviteUrl, { name, city }, { ready: READY });

async function openContext(language: 'pl' | 'en'): Promise<RecordedContext> {
  const context = await setup.browser.newContext();
  await context.addInitScript((lang) => localStorage.setItem('empiria.language', lang), language);
  return context;
}

function noteTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const editor = window.__empiria!.editor;
    return editor
      .getCurrentPageShapes()
      .filter((shape) => shape.type === 'note')
      .map((shape) => editor.getShapeUtil(shape).getText?.(shape) ?? '');
  });
}

async function waitForNote(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const editor = window.__empiria?.editor;
      if (!editor) return false;
      return editor
        .getCurrentPageShapes()
        .some((shape) => shape.type === 'note' && editor.getShapeUtil(shape).getText?.(shape) === expected);
    },
    text,
    { timeout: 15_000 },
  );
}

describe('board', () => {
  it('syncs a note between two participants, shows cursors, survives a reload, streams nothing closed to observers', async () => {
    const board = await createBoard(setup.server, 'Sieć „Zielone miasta” — spotkanie 3');

    const anna = await openContext('pl');
    const jan = await openContext('en');
    const annaSends = recordSentFrames(anna, 'canvas');
    const annaPage = await joinBoard(anna, board.invites.participant, 'Anna Kowalska', 'Lublin');
    const janPage = await joinBoard(jan, board.invites.participant, 'Jan Nowak', 'Gdańsk');

    // Both see each other in the "who's here" list, with names from the server-stamped identity.
    await annaPage.getByTestId('people-panel').getByText('Jan Nowak', { exact: true }).waitFor();
    await janPage.getByTestId('people-panel').getByText('Anna Kowalska', { exact: true }).waitFor();
    // Nothing of a visitor's own browser is in the shared board: no tldraw user records (#16).
    for (const page of [annaPage, janPage]) {
      const ids = await page.evaluate(() => window.__empiria!.recordIds());
      expect(ids.filter((id) => id.startsWith('user:'))).toEqual([]);
      expect(ids).toContain('document:document');
    }
    // Each person's language reaches tldraw's own UI too.
    expect(await annaPage.evaluate(() => window.__empiria!.editor.user.getLocale())).toBe('pl');
    expect(await janPage.evaluate(() => window.__empiria!.editor.user.getLocale())).toBe('en');

    // Anna makes a sticky note with the keyboard and the pointer, as a person would.
    await annaPage.keyboard.press('n');
    await annaPage.mouse.click(420, 320);
    await annaPage.waitForFunction(() => window.__empiria!.editor.getEditingShapeId() !== null);
    await waitForTextEditor(annaPage);
    await annaPage.keyboard.type(NOTE_TEXT);
    await annaPage.keyboard.press('Escape');
    await waitForNote(annaPage, NOTE_TEXT);
    await waitForNote(janPage, NOTE_TEXT);

    // Anna's cursor shows on Jan's board with her name.
    await annaPage.mouse.move(640, 460, { steps: 5 });
    await janPage
      .locator('.tl-collaborator__cursor')
      .filter({ hasText: 'Anna Kowalska' })
      .waitFor({ timeout: 10_000 });
    await screenshot(annaPage, 'e2e-board-anna-pl');
    await screenshot(janPage, 'e2e-board-jan-en');

    // Anna looks around the board: where she looks is hers alone (#16). Panning with the wheel and
    // moving the camera frame by frame send nothing at all — no presence (her cursor stays where
    // she pointed), no document change.
    await annaPage.waitForTimeout(500);
    annaSends.clear();
    for (let i = 0; i < 8; i++) await annaPage.mouse.wheel(90, 60);
    await annaPage.evaluate(async () => {
      const editor = window.__empiria!.editor;
      const start = editor.getCamera();
      for (let frame = 1; frame <= 30; frame++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        editor.setCamera(
          { x: start.x - frame * 20, y: start.y - frame * 7, z: start.z },
          { immediate: true },
        );
      }
    });
    await annaPage.waitForTimeout(500);
    expect(annaSends.awareness()).toBe(0);
    expect(annaSends.documentUpdates()).toBe(0);
    // Her cursor still shows on Jan's board.
    await janPage
      .locator('.tl-collaborator__cursor')
      .filter({ hasText: 'Anna Kowalska' })
      .waitFor({ timeout: 10_000 });

    // Selecting is presence (Jan sees what she selected), never a change of the board.
    await annaPage.evaluate(() => {
      window.__empiria!.editor.setSelectedShapes([]);
    });
    await annaPage.waitForTimeout(300);
    annaSends.clear();
    await annaPage.evaluate(() => {
      const editor = window.__empiria!.editor;
      editor.setSelectedShapes(editor.getCurrentPageShapes().map((shape) => shape.id));
    });
    await annaPage.waitForTimeout(500);
    expect(annaSends.awareness()).toBeGreaterThan(0);
    expect(annaSends.documentUpdates()).toBe(0);

    // A cursor in motion goes out at most 15 times a second, however many frames it moves in.
    annaSends.clear();
    const movedFrom = Date.now();
    await annaPage.mouse.move(300, 200, { steps: 60 });
    await annaPage.mouse.move(700, 500, { steps: 60 });
    const movingMs = Date.now() - movedFrom;
    await annaPage.waitForTimeout(200);
    expect(annaSends.awareness()).toBeGreaterThan(0);
    expect(annaSends.awareness()).toBeLessThanOrEqual(Math.ceil((movingMs + 200) / (1000 / 15)) + 1);
    await annaPage.evaluate(() => {
      window.__empiria!.editor.setSelectedShapes([]);
    });

    // Jan's undo undoes only Jan's own changes: Anna's note stays.
    await janPage.evaluate(() => {
      window.__empiria!.editor.undo();
    });
    await janPage.waitForTimeout(300);
    expect(await noteTexts(janPage)).toEqual([NOTE_TEXT]);

    // A reload goes straight back to the board (stored session) and the note is still there.
    await janPage.reload();
    await waitForBoard(janPage);
    await waitForNote(janPage, NOTE_TEXT);
    await expect(janPage.getByTestId('join-form').count()).resolves.toBe(0);
    await janPage.getByTestId('people-panel').getByText('Anna Kowalska', { exact: true }).waitFor();

    // An observer follows the stream of the open parts ([P6], [P7]): a board without sheets has
    // none, so the page says so and holds none of the group's notes.
    const olga = await openContext('pl');
    const olgaPage = await joinBoard(olga, board.invites.observer, 'Olga Wiśniewska', 'Poznań');
    await olgaPage.getByTestId('stream-closed').waitFor();
    expect(await olgaPage.content()).not.toContain(NOTE_TEXT);
    // An observer is no cursor on the board, but the group sees who is watching: every screen
    // lists Olga apart, as watching, and counts the same three people.
    for (const page of [annaPage, janPage]) {
      await page.getByTestId('people-watching').getByText('Olga Wiśniewska').waitFor();
    }
    expect(await annaPage.getByTestId('people-watching').textContent()).toContain('Poznań · obserwuje');
    expect(await janPage.getByTestId('people-watching').textContent()).toContain('Poznań · watching');
    for (const page of [annaPage, janPage]) {
      expect(await page.locator('[data-testid=people-panel] h2 .count').textContent()).toBe('3');
    }
    expect(await annaPage.locator('.board-topbar').textContent()).toContain('3 osoby');
    const cursors = await annaPage.evaluate(() => {
      const editor = window.__empiria!.editor as unknown as {
        store: { allRecords(): { typeName: string; userName?: string }[] };
      };
      return editor.store
        .allRecords()
        .filter((r) => r.typeName === 'instance_presence')
        .map((r) => r.userName);
    });
    expect(cursors).not.toContain('Olga Wiśniewska');
    await screenshot(olgaPage, 'e2e-board-observer-pl');
    await screenshot(annaPage, 'e2e-board-anna-sees-observer-pl');

    for (const page of [annaPage, janPage]) {
      expect(await page.evaluate(() => window.__empiria!.brokenRecords())).toBe(0);
    }
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });

  it("speaks the browser's language from the join form on, until the person chooses another", async () => {
    const board = await createBoard(setup.server, 'Sieć „Zielone miasta” — goście');
    // An English browser, nothing chosen on this device yet: the join form is English.
    const context = await setup.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(board.invites.participant);
    await page.getByTestId('join-form').waitFor();
    expect(await page.getByTestId('join-form').textContent()).toContain('Join the board');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.fill('input[name=name]', 'Jan Nowak');
    await page.fill('input[name=city]', 'Gdańsk');
    await page.click('button[type=submit]');
    await waitForBoard(page);
    expect(await page.locator('.board-topbar').textContent()).toContain('Meeting notes');
    // The board's one page is named after the board, which reads the same in every language (it
    // was the Polish "Pusta tablica" for everyone).
    await expect
      .poll(() => page.getByTestId('page-menu.button').textContent())
      .toContain('Sieć „Zielone miasta” — goście');
    // However long the title, on a phone the page menu leaves room for the buttons beside it.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(async () => (await page.getByTestId('page-menu.button').boundingBox())?.width ?? Infinity)
      .toBeLessThanOrEqual(390 * 0.45 + 1);
    await page.setViewportSize({ width: 1280, height: 800 });
    // The person's choice wins over the browser's, and is remembered.
    await page.locator('.board-topbar .language-switcher button', { hasText: 'PL' }).click();
    await page.reload();
    await waitForBoard(page);
    expect(await page.locator('.board-topbar').textContent()).toContain('Notatka ze spotkania');
  });

  it('keeps a note made while the server is down and sends it when the server is back', async () => {
    const board = await createBoard(setup.server, 'Spotkanie przy słabym Wi-Fi');
    const anna = await openContext('pl');
    const jan = await openContext('en');
    let annaPage = await joinBoard(anna, board.invites.participant, 'Anna Kowalska', 'Lublin');
    const janPage = await joinBoard(jan, board.invites.participant, 'Jan Nowak', 'Gdańsk');

    await setup.server.stop();
    await annaPage.waitForFunction(() => window.__empiria!.connectionStatus() !== 'connected');

    const offlineText = 'Notatka bez sieci';
    await annaPage.keyboard.press('n');
    await annaPage.mouse.click(420, 320);
    await annaPage.waitForFunction(() => window.__empiria!.editor.getEditingShapeId() !== null);
    await waitForTextEditor(annaPage);
    await annaPage.keyboard.type(offlineText);
    await annaPage.keyboard.press('Escape');
    await waitForNote(annaPage, offlineText);
    // The badge says so: not connected, and one change waiting to be sent — one note, however
    // many keystrokes it took.
    await annaPage.waitForFunction(() => window.__empiria!.pendingChanges() > 0);
    const badge = annaPage.getByTestId('connection-status');
    expect(await badge.getAttribute('data-status')).not.toBe('connected');
    expect(Number(await badge.getAttribute('data-pending'))).toBe(1);
    expect(await badge.textContent()).toContain('1 zmiana czeka na wysłanie');
    await screenshot(annaPage, 'e2e-offline-anna-pl');

    // Anna closes the tab while the server is still down; her note is only on her device.
    await annaPage.waitForTimeout(500);
    await annaPage.close();

    await setup.restartServer();
    annaPage = await anna.newPage();
    await annaPage.goto(board.invites.participant);
    await waitForBoard(annaPage);
    await waitForNote(annaPage, offlineText);
    expect(await annaPage.evaluate(() => window.__empiria!.pendingChanges())).toBe(0);

    // Jan's tab reconnected by itself and received it; a newcomer gets it from the server.
    await waitForNote(janPage, offlineText);
    const piotr = await openContext('pl');
    const piotrPage = await joinBoard(piotr, board.invites.participant, 'Piotr Zieliński', 'Kraków');
    await waitForNote(piotrPage, offlineText);
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
