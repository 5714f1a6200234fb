/**
 * Group consent to share, in real browsers (issue #12 item 2; docs/summary.md "Consent to share"):
 * three city representatives approve the note under the consent rule; two say yes to sharing it
 * with the network's observers, one says no — the group has not agreed, and the observer's page
 * shows nothing; the third changes the answer to yes — shared, and the observer reads the note.
 * Everyone sees the tally and the group's decision live. Screenshots of the approval panel with
 * the consent tally (test/artifacts/share-consent-*.png), looked at.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { insertSummaryBlocks, run, summaryBody } from '@empiria/shared';
import { apiRequest, createBoard, join } from '../support/api';
import { screenshot, type RecordedContext } from '../support/browser';
import { joinBoard } from '../support/board-page';
import { serverAndBrowserPerFile } from '../support/server-per-file';
import { connectDoc, type DocConnection } from '../support/yjs-client';

const SECRET_LINE = 'Ustalenie do udostępnienia: wspólny przetarg na rowery miejskie.';

const setup = serverAndBrowserPerFile();
const connections: DocConnection[] = [];

afterAll(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
});

async function openContext(language: 'pl' | 'en'): Promise<RecordedContext> {
  const context = await setup.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript((lang) => localStorage.setItem('empiria.language', lang), language);
  return context;
}

async function openNotes(page: Page): Promise<void> {
  await page.getByTestId('summary-open').click();
  await page.getByTestId('summary-screen').waitFor();
}

/** Clicks a button that asks once, then its "yes". */
async function askOnce(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).click();
  const question = page.getByTestId(`${testId}-question`);
  await question.waitFor();
  await question.getByRole('button').first().click();
}

async function answer(page: Page, observers: 'yes' | 'no', publicly: 'yes' | 'no'): Promise<void> {
  await page.locator(`input[name=consent-observers][value=${observers}]`).check();
  await page.locator(`input[name=consent-public][value=${publicly}]`).check();
  await page.getByTestId('consent-save').click();
}

const observersState = (page: Page, state: string) =>
  page.locator(`[data-testid=sharing-observers][data-state=${state}]`).waitFor({ timeout: 10_000 });

/** The summary screen with the whole approval panel: the window made as tall as its content. */
async function screenshotPanel(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => {
    const body = document.querySelector('.summary-body');
    return Math.ceil((body?.getBoundingClientRect().top ?? 0) + (body?.scrollHeight ?? 0) + 8);
  });
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.min(height, 4000)) });
  await screenshot(page, name);
  await page.setViewportSize(size);
}

describe('group consent to share', () => {
  it('two yes and one no share nothing; the no changed to yes shares, and the observer reads the note', async () => {
    const board = await createBoard(setup.server, 'Rowery miejskie — spotkanie 2', 'format-0');
    // The facilitator's note, written through the summary document as her editor would.
    const fela = await join(setup.server, board.id, board.invites.facilitator, 'Fela Nowak', 'Lublin');
    const summary = await connectDoc(setup.server, board.id, 'summary', fela.sessionToken);
    connections.push(summary);
    summary.doc.transact(() =>
      insertSummaryBlocks(summaryBody(summary.doc), 0, [
        { type: 'heading', level: 1, sectionId: null, runs: [run('Wnioski')] },
        { type: 'paragraph', runs: [run(SECRET_LINE)] },
      ]),
    );

    const people: [string, string, 'pl' | 'en'][] = [
      ['Ala Wiśniewska', 'Gdynia', 'pl'],
      ['Bartek Zając', 'Poznań', 'pl'],
      ['Celina Wójcik', 'Lublin', 'en'],
    ];
    const reps: Page[] = [];
    for (const [name, city, language] of people) {
      const page = await joinBoard(await openContext(language), board.invites.participant, { name, city });
      await openNotes(page);
      reps.push(page);
    }
    const [ala, bartek, celina] = reps as [Page, Page, Page];
    await ala.getByText(SECRET_LINE).waitFor();

    // The facilitator freezes the version under the consent rule; all three approve.
    const frozen = await apiRequest(setup.server, 'POST', `/api/boards/${board.id}/summary/versions`, {
      token: fela.sessionToken,
      body: { rule: 'consent' },
    });
    expect(frozen.status).toBe(201);
    for (const page of reps) await askOnce(page, 'approve');
    for (const page of reps) {
      await page.locator('[data-testid=approval-status][data-status=approved]').waitFor({ timeout: 10_000 });
    }

    // An observer city's person opens the notes: nothing to read yet.
    const olga = await joinBoard(await openContext('pl'), board.invites.observer, {
      name: 'Olga Berg',
      city: 'Radom',
    });
    await openNotes(olga);
    await olga.getByTestId('observer-not-shared').waitFor();

    // Ala and Bartek: yes for observers; Celina: no. Everyone sees the tally and the decision.
    await answer(ala, 'yes', 'no');
    await observersState(celina, 'undecided');
    await answer(bartek, 'yes', 'yes');
    await answer(celina, 'no', 'no');
    for (const page of reps) await observersState(page, 'refused');
    const tally = ala.getByTestId('sharing-observers');
    await tally.getByText('Celina Wójcik (Lublin) — nie').waitFor();
    expect(await tally.textContent()).toContain('Tak: 2 · Nie: 1 · Bez odpowiedzi: 0');
    expect(await ala.getByTestId('sharing-public').getAttribute('data-state')).toBe('refused');
    await screenshotPanel(ala, 'share-consent-refused-pl');
    await screenshotPanel(celina, 'share-consent-refused-en');

    // The observer still sees nothing, and no byte of the note reached the page.
    await olga.getByRole('button', { name: 'Sprawdź ponownie' }).click();
    await olga.locator('[data-testid=observer-not-shared][data-kind=not-shared]').waitFor();
    expect(await olga.content()).not.toContain('wspólny przetarg');
    await screenshot(olga, 'share-consent-observer-not-shared-pl');

    // Celina changes her answer to yes: the group has agreed.
    await answer(celina, 'yes', 'no');
    for (const page of reps) await observersState(page, 'shared');
    await celina.getByTestId('shared-state').filter({ hasText: 'Shared with observers' }).waitFor();
    await screenshotPanel(bartek, 'share-consent-shared-pl');

    await olga.getByRole('button', { name: 'Sprawdź ponownie' }).click();
    const frame = olga.getByTestId('observer-frame');
    await frame.waitFor();
    const shared = (await frame.getAttribute('srcdoc')) ?? '';
    expect(shared).toContain(SECRET_LINE);
    expect(shared).toContain('tak – decyzja grupy');
    await screenshot(olga, 'share-consent-observer-shared-pl');

    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
