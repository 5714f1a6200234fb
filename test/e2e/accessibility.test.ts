/**
 * axe-core on the screens people use during a meeting — the join form, the board (participant),
 * the facilitator's console, the room display, the meeting notes and the observer's pages — in
 * Polish and English: no serious or critical violation. axe comes from node_modules
 * (test/support/axe.ts), injected with playwright's addScriptTag.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createBoard } from '../support/api';
import { describeViolations, seriousViolations } from '../support/axe';
import { screenshot } from '../support/browser';
import type { RecordedContext } from '../support/browser';
import { joinBoard as joinBoardPage, waitForBoard, type BoardReady } from '../support/board-page';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile();

const READY: BoardReady = { control: true, facilitation: true };

async function openContext(
  language: 'pl' | 'en',
  viewport = { width: 1280, height: 800 },
): Promise<RecordedContext> {
  // bypassCSP: axe is injected as an inline script, which the app's CSP refuses.
  const context = await setup.browser.newContext({ viewport, bypassCSP: true });
  await context.addInitScript((lang) => localStorage.setItem('empiria.language', lang), language);
  return context;
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
}

describe('accessibility (axe-core: no serious or critical violation)', () => {
  it('board, console, room display, meeting notes and the observer’s pages', async () => {
    const board = await createBoard(setup.server, 'Sieć „Dostępne miasta” — spotkanie 2', 'format-2');
    // The join form, in both languages, before anyone is on the board.
    for (const language of ['pl', 'en'] as const) {
      const page = await (await openContext(language)).newPage();
      await page.goto(board.invites.participant);
      await page.getByTestId('join-form').waitFor();
      await expectAccessible(page, `join form (${language})`);
      await page.close();
    }
    const ewa = await joinBoardPage(
      await openContext('pl', { width: 1440, height: 900 }),
      board.invites.facilitator,
      { name: 'Ewa Zielińska', city: 'Warszawa' },
      { ready: READY },
    );
    const anna = await joinBoardPage(
      await openContext('pl'),
      board.invites.participant,
      { name: 'Anna Kowalska', city: 'Lublin' },
      { ready: READY },
    );
    const jan = await joinBoardPage(
      await openContext('en'),
      board.invites.participant,
      { name: 'Jan Nowak', city: 'Gdańsk' },
      { ready: READY },
    );
    const olga = await joinBoardPage(
      await openContext('pl'),
      board.invites.observer,
      { name: 'Olga Berg', city: 'Oslo' },
      { ready: { control: true } },
    );
    for (const page of [ewa, anna, jan]) {
      await page.waitForFunction(() => window.__empiria!.people().length >= 3, null, { timeout: 10_000 });
    }

    // The board, as a participant sees it, in both languages.
    await expectAccessible(anna, 'board (participant, pl)');
    await expectAccessible(jan, 'board (participant, en)');

    // The facilitator's console.
    if ((await ewa.getByTestId('facilitator-console').count()) === 0) {
      await ewa.getByTestId('console-toggle').click();
    }
    await ewa.getByTestId('facilitator-console').waitFor();
    await expectAccessible(ewa, 'board with the console (facilitator, pl)');

    // The room display.
    const roomContext = await openContext('pl', { width: 1920, height: 1080 });
    const room = await roomContext.newPage();
    await room.goto(board.invites.room);
    await room.getByTestId('room-join').waitFor();
    await expectAccessible(room, 'room display: where is the room');
    await room.fill('input[name=city]', 'Gdynia');
    await room.click('button[type=submit]');
    await room.getByTestId('room-display').waitFor();
    await waitForBoard(room, { control: true });
    await expectAccessible(room, 'room display');

    // The meeting notes, for the facilitator (editor) and a participant (reader).
    await ewa.getByTestId('summary-open').click();
    await ewa.getByTestId('summary-screen').waitFor();
    await expectAccessible(ewa, 'meeting notes (facilitator)');
    await jan.getByTestId('summary-open').click();
    await jan.getByTestId('summary-screen').waitFor();
    await expectAccessible(jan, 'meeting notes (participant, en)');

    // The observer: the board, and the notes page (nothing shared yet).
    await expectAccessible(olga, 'board (observer)');
    await olga.getByTestId('summary-open').click();
    await olga.getByTestId('observer-not-shared').waitFor();
    await expectAccessible(olga, 'meeting notes (observer)');
    await screenshot(olga, 'accessibility-observer-notes-pl');
  });
});
