/**
 * Surveys on a meeting's board in Chromium (issue #13 item 3; rules SV6–SV7): at the end of the
 * meeting Felicja, the facilitator, asks the room for the meeting's evaluation from the board's
 * "Ankiety" panel; Ala on her laptop (Polish) and Basia on her phone (English) get the request
 * under the top bar and answer without leaving the board; Felicja's count goes 0 → 1 → 2. She shows
 * the results to the room: with two anonymous answers everyone reads why there are none yet, and
 * once a third person answers (from his home) the charts appear on every screen. Screenshots of
 * the facilitator (PL, 1280×800) and the phone (EN, 390×844), looked at.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boardListResponseSchema, surveyWithViewerSchema, type SurveyAnswerValue } from '@empiria/shared';
import { apiCall, inviteToken } from '../support/api';
import { describeViolations, seriousViolations } from '../support/axe';
import { screenshot, type RecordedContext } from '../support/browser';
import { waitForBoard } from '../support/board-page';
import { makeNetworkMeeting } from '../support/network-meeting';
import { SEEN } from '../support/network-pages';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });

const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token, body });

const links: Record<string, string> = {};
let networkId: string;
let boardId: string;

beforeAll(async () => {
  const meeting = await makeNetworkMeeting(setup.server, {
    people: [
      ['Ala Płocka', 'Płock'],
      ['Basia Włocławska', 'Włocławek'],
      ['Cezary Płocki', 'Płock'],
    ],
    title: 'Spotkanie 3 — bulwary',
    mode: 'online',
    agenda: [{ kind: 'step', format: 'format-0', stepId: 'welcome', minutes: 240 }],
  });
  Object.assign(links, meeting.links);
  networkId = meeting.networkId;
  boardId = meeting.boardId;
});

/** From the person's home onto the meeting's board, with no form ([N12]). */
async function boardFromHome(context: RecordedContext, name: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(links[name] ?? '');
  await page.getByTestId('join-board').click();
  await page.waitForURL(`**/b/${boardId}`);
  await page.getByTestId('board-screen').waitFor({ timeout: 30_000 });
  await page.getByTestId('board-surveys-toggle').waitFor(SEEN);
  return page;
}

/** The request under the top bar, the form in the panel, one point on every scale, sent. */
async function answerOnBoard(
  page: Page,
  value: number,
  labels: { open: string; send: string },
  shoot?: string,
) {
  const prompt = page.getByTestId('board-survey-prompt');
  await prompt.waitFor(SEEN);
  await prompt.getByRole('button', { name: labels.open }).click();
  const form = page.getByTestId('board-surveys-panel').getByTestId('survey-answer-form');
  await form.waitFor(SEEN);
  const scales = form.locator('fieldset');
  for (let index = 0; index < (await scales.count()); index++) {
    await scales
      .nth(index)
      .getByRole('radio', { name: String(value), exact: true })
      .check();
  }
  if (shoot) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, shoot);
    // The phone's list of the step lies under the open panel; its English labels are its own
    // test's matter (their visible text is not in their accessible name), not this panel's.
    const violations = await seriousViolations(page, ['[data-testid="phone-list"]']);
    expect(violations, describeViolations(violations)).toEqual([]);
  }
  await form.getByRole('button', { name: labels.send }).click();
  await page.getByTestId('board-survey-thanks').waitFor(SEEN);
  expect(await page.getByTestId('board-survey-prompt').count()).toBe(0);
}

describe('surveys on the board', () => {
  it('the pair asks for the evaluation, two answer from the board, results show from three answers', async () => {
    // Felicja at her laptop, in Polish.
    // bypassCSP: axe is injected as an inline script, which the app's CSP refuses (test/support/axe.ts).
    const desk = await setup.browser.newContext({ bypassCSP: true });
    const felicja = await boardFromHome(desk, 'Felicja Nowak');
    // Ala at her laptop; Basia on her phone, in English.
    const laptop = await setup.browser.newContext();
    const ala = await boardFromHome(laptop, 'Ala Płocka');
    const phone = await setup.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'en-GB',
      bypassCSP: true,
    });
    const basia = await boardFromHome(phone, 'Basia Włocławska');
    // Nothing asked yet: no request on anyone's screen.
    expect(await ala.getByTestId('board-survey-prompt').count()).toBe(0);

    await felicja.getByTestId('board-surveys-toggle').click();
    const panel = felicja.getByTestId('board-surveys-panel');
    await panel.getByRole('button', { name: 'Poproś o ewaluację spotkania' }).click();
    const count = panel.getByTestId('board-survey-count');
    await expect.poll(() => count.textContent(), SEEN).toBe('0 osób odpowiedziało');
    expect(await panel.textContent()).toContain('Sala wypełnia: Ewaluacja spotkania');

    await answerOnBoard(ala, 4, { open: 'Wypełnij teraz', send: 'Wyślij odpowiedzi' });
    await expect.poll(() => count.textContent(), SEEN).toBe('1 osoba odpowiedziała');

    expect(await basia.getByTestId('board-survey-prompt').textContent()).toContain(
      'The facilitators ask you to fill in a survey: Meeting evaluation.',
    );
    await screenshot(basia, 'board-surveys-phone-en-prompt');
    await answerOnBoard(
      basia,
      2,
      { open: 'Fill it in now', send: 'Send answers' },
      'board-surveys-phone-en-form',
    );
    await expect.poll(() => count.textContent(), SEEN).toBe('2 osoby odpowiedziały');
    await screenshot(felicja, 'board-surveys-facilitator-pl-count');

    // The projector in the room.
    const boards = boardListResponseSchema.parse(await call('GET', '/api/boards', setup.server.adminToken));
    const projector = await setup.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const room = await projector.newPage();
    await room.goto(boards.boards.find((board) => board.id === boardId)?.invites.room ?? '');
    await room.getByTestId('room-join').waitFor(SEEN);
    await room.fill('input[name=city]', 'Płock');
    await room.click('button[type=submit]');
    await room.getByTestId('room-display').waitFor(SEEN);
    await waitForBoard(room, { control: true });
    expect(await room.getByTestId('room-survey').count()).toBe(0);

    // Shown to the room with two anonymous answers: why there is nothing yet, on every screen.
    await panel.getByRole('button', { name: 'Pokaż wyniki sali' }).first().click();
    for (const page of [felicja, ala, basia]) {
      await page.getByTestId('board-surveys-panel').getByTestId('survey-results-withheld').waitFor(SEEN);
      expect(await page.getByTestId('survey-results').count()).toBe(0);
    }
    expect(await ala.getByTestId('survey-results-withheld').textContent()).toBe(
      'Wyniki pojawią się od 3 odpowiedzi, żeby nie dało się rozpoznać niczyjej. Na razie: 2 odpowiedzi.',
    );
    expect(await basia.getByTestId('survey-results-withheld').textContent()).toContain(
      'Results appear from 3 answers',
    );
    await room.getByTestId('room-survey').getByTestId('survey-results-withheld').waitFor(SEEN);

    // Cezary answers from his home page: the third answer, and the charts appear on the board.
    const cezary = inviteToken(links['Cezary Płocki'] ?? '');
    const pending = surveyWithViewerSchema.array().parse(
      (
        (await call('GET', `/api/networks/${networkId}/surveys`, cezary)) as {
          surveys: unknown[];
        }
      ).surveys,
    );
    const evaluation = pending.find((entry) => entry.survey.kind === 'evaluation');
    expect(evaluation?.viewer.canAnswer).toBe(true);
    const answers: SurveyAnswerValue[] = (evaluation?.survey.questions ?? []).flatMap((q) =>
      q.type === 'scale' ? [{ questionId: q.id, type: 'scale' as const, value: 3 }] : [],
    );
    await call('POST', `/api/networks/${networkId}/surveys/${evaluation?.survey.id}/answers`, cezary, {
      answers,
    });

    for (const page of [felicja, ala, basia]) {
      await page.getByTestId('board-surveys-panel').getByTestId('survey-results').waitFor(SEEN);
    }
    await expect.poll(() => count.textContent(), SEEN).toBe('3 osoby odpowiedziały');
    await room.getByTestId('room-survey').getByTestId('survey-results').waitFor(SEEN);
    await screenshot(room, 'board-surveys-room-display-results');
    const first = ala.getByTestId('survey-results').locator('.survey-result').first();
    // 4, 2 and 3: the mean 3, one answer on each of those points.
    expect(await first.getByTestId('survey-mean').textContent()).toContain('średnia 3');
    expect(await first.locator('svg title').textContent()).toContain('2: 1, 3: 1, 4: 1');
    await screenshot(felicja, 'board-surveys-facilitator-pl-results');
    await screenshot(basia, 'board-surveys-phone-en-results');
    const violations = await seriousViolations(felicja);
    expect(violations, describeViolations(violations)).toEqual([]);

    for (const context of [desk, laptop, phone, projector]) expect(context.pageErrors()).toEqual([]);
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
