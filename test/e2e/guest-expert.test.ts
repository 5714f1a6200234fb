/**
 * The guest expert in real browsers (docs/permissions.md [G1]–[G4]): the facilitator copies the
 * guest link from the people panel; a guest from BGK joins with an institution, adds a note the
 * facilitator sees, has no step, timer or console controls; the people panel and the meeting's
 * attendance list her under "Goście – eksperci zewnętrzni"; when the note is frozen, the city's
 * representative gets the approval button and the guest does not — one line tells her why.
 *
 * Screenshots: test/artifacts/guest-*.png.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiRequest, createBoard } from '../support/api';
import { screenshot } from '../support/browser';
import type { RecordedContext } from '../support/browser';
import { joinBoard, sessionTokenIn, waitForBoard } from '../support/board-page';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const GUEST_NOTE = 'Pożyczka BGK na termomodernizację szkół';

const setup = serverAndBrowserPerFile();

async function openContext(): Promise<RecordedContext> {
  const context = await setup.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => localStorage.setItem('empiria.language', 'pl'));
  return context;
}

/** Opens the people panel if the console (or a narrow window) has it closed. */
async function showPeople(page: Page): Promise<void> {
  if (!(await page.getByTestId('people-panel').isVisible())) await page.locator('.people-toggle').click();
  await page.getByTestId('people-panel').waitFor();
}

/** A sticky note written with the page's own tldraw, somewhere on the first sheet. */
async function addNote(page: Page, text: string): Promise<void> {
  await page.evaluate((text) => {
    const editor = window.__empiria!.editor as unknown as {
      createShape(shape: Record<string, unknown>): void;
    };
    editor.createShape({
      type: 'note',
      x: 300,
      y: 300,
      props: {
        richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
      },
    });
  }, text);
}

async function askOnce(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).click();
  const question = page.getByTestId(`${testId}-question`);
  await question.waitFor();
  await question.getByRole('button').first().click();
}

describe('the guest expert', () => {
  it('[G1]–[G4] joins by the pair’s link, writes a note, drives nothing, is listed apart, does not approve', async () => {
    const board = await createBoard(setup.server, 'Sieć „Energia w mieście” — spotkanie 2', 'format-2');
    const fela = await joinBoard(await openContext(), board.invites.facilitator, {
      name: 'Fela Nowak',
      city: 'Lublin',
      where: 'room',
    });
    const ala = await joinBoard(await openContext(), board.invites.participant, {
      name: 'Ala Wiśniewska',
      city: 'Gdynia',
      where: 'room',
    });

    // The facilitator takes the guest link from the people panel.
    await showPeople(fela);
    await fela.getByTestId('guest-invite-show').click();
    const link = await fela.getByTestId('guest-invite-url').inputValue();
    expect(link).toBe(board.invites.guest);
    await screenshot(fela, 'guest-invite-link');

    // The guest opens it: the form names her role, asks for her institution, says what she may do.
    const gosia = await (await openContext()).newPage();
    await gosia.goto(link);
    const form = gosia.getByTestId('join-form');
    await form.waitFor();
    await form.getByText('Gość – ekspert zewnętrzny', { exact: false }).first().waitFor();
    await form.getByText('Instytucja', { exact: true }).waitFor();
    await form.getByText('notatkę zatwierdzają przedstawiciele miast', { exact: false }).waitFor();
    await gosia.fill('input[name=name]', 'Gosia Radczyni');
    await gosia.fill('input[name=city]', 'BGK');
    await gosia.getByTestId('place-online').check({ force: true });
    await screenshot(gosia, 'guest-join-form');
    await gosia.click('button[type=submit]');
    await waitForBoard(gosia, { control: true, facilitation: true });

    // Her note reaches the facilitator.
    await addNote(gosia, GUEST_NOTE);
    await fela.waitForFunction(
      (text) =>
        JSON.stringify(window.__empiria!.editor.getCurrentPageShapes().map((s) => s.props)).includes(text),
      GUEST_NOTE,
      { timeout: 10_000 },
    );

    // She drives nothing: no step controls, no console (timer, votes, locks, private writing).
    await fela.getByTestId('console-toggle').waitFor();
    expect(await gosia.getByTestId('step-controls').count()).toBe(0);
    expect(await gosia.getByTestId('console-toggle').count()).toBe(0);
    expect(await gosia.getByTestId('step-next').count()).toBe(0);

    // The people panel lists her apart from the cities' people, for everyone.
    await showPeople(fela);
    const guests = fela.getByTestId('people-guests');
    await guests.getByText('Gosia Radczyni', { exact: true }).waitFor();
    expect(await fela.getByTestId('people-guests-heading').textContent()).toContain(
      'Goście – eksperci zewnętrzni',
    );
    await showPeople(ala);
    await ala.getByTestId('people-guests').getByText('Gosia Radczyni', { exact: true }).waitFor();
    expect(await ala.getByTestId('people-panel').locator('[data-role=guest]').count()).toBe(1);
    await screenshot(fela, 'guest-people-panel');
    await screenshot(gosia, 'guest-board');

    // A vote on her note: the city's representative gets her dots, the guest none ([G3]).
    const felaToken = await sessionTokenIn(fela, board.id);
    const noteId = await fela.evaluate(
      (text) =>
        window
          .__empiria!.editor.getCurrentPageShapes()
          .find((shape) => JSON.stringify(shape.props).includes(text))!.id,
      GUEST_NOTE,
    );
    const vote = await apiRequest(setup.server, 'POST', `/api/boards/${board.id}/votes`, {
      token: felaToken,
      body: { targets: [noteId], votesPerPerson: 2 },
    });
    expect(vote.status).toBe(201);
    await ala.getByTestId('votes-left').waitFor();
    const banner = gosia.getByTestId('vote-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Głosują miasta');
    expect(await gosia.getByTestId('votes-left').count()).toBe(0);
    await gosia.getByTestId('vote-target').first().waitFor();
    expect(await gosia.locator('[data-testid=vote-target].is-open').count()).toBe(0);
    expect(await ala.locator('[data-testid=vote-target].is-open').count()).toBeGreaterThan(0);
    await screenshot(gosia, 'guest-vote-banner');
    const sessionId = (vote.body as { voting: { sessionId: string } }).voting.sessionId;
    const closed = await apiRequest(
      setup.server,
      'POST',
      `/api/boards/${board.id}/votes/${sessionId}/close`,
      {
        token: felaToken,
      },
    );
    expect(closed.status).toBe(200);

    // The note: the attendance lists the cities' people, and the guest in her own table.
    await fela.getByTestId('summary-open').click();
    await fela.getByTestId('summary-screen').waitFor();
    await fela.getByTestId('draft-button').click();
    await fela.getByTestId('attendance-guests').waitFor();
    const members = await fela.locator('[data-testid=attendance] tbody tr').allTextContents();
    expect(members.some((row) => row.includes('Ala Wiśniewska'))).toBe(true);
    expect(members.some((row) => row.includes('Gosia Radczyni'))).toBe(false);
    const guestRows = await fela.locator('[data-testid=attendance-guests] tbody tr').allTextContents();
    expect(guestRows).toHaveLength(1);
    expect(guestRows[0]).toContain('Gosia Radczyni');
    expect(guestRows[0]).toContain('BGK');
    await screenshot(fela, 'guest-meeting-record');

    // The facilitator writes a line, so that there is a version to freeze.
    await fela.getByTestId('note-text').click();
    await fela.keyboard.type('Wnioski: sprawdzić program BGK dla szkół.', { delay: 5 });
    await fela.getByTestId('note-empty').waitFor({ state: 'detached' });

    // Frozen: the representative is asked; the guest gets no button, and a line says why.
    await askOnce(fela, 'approval-freeze');
    await ala.getByTestId('summary-open').click();
    await ala.getByTestId('approve').waitFor();
    await gosia.getByTestId('summary-open').click();
    await gosia.getByTestId('summary-screen').waitFor();
    await gosia.locator('[data-testid=approval-status][data-status="voting"]').waitFor({ timeout: 10_000 });
    await gosia.getByTestId('guest-no-approval').waitFor();
    expect(await gosia.getByTestId('approve').count()).toBe(0);
    await screenshot(gosia, 'guest-summary-no-approval');

    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
