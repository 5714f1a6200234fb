/**
 * Surveys in Chromium (issue #13 item 3, vademecum III.1): the expert makes the trust survey from
 * its template on the network's surveys page, changes a question and opens it; four representatives
 * answer from their homes ("Ankiety do wypełnienia"), the first on her phone; the expert sees the
 * results as charts; and on the meeting's board, Format 0's trust step shows the same results to
 * a participant. Screenshots on the phone (390×844) and the desktop, looked at.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  boardListResponseSchema,
  createMeetingResponseSchema,
  createdResponseSchema,
  networkDetailSchema,
} from '@empiria/shared';
import { apiCall } from '../support/api';
import { describeViolations, seriousViolations } from '../support/axe';
import { joinBoard } from '../support/board-page';
import { screenshot, type RecordedContext } from '../support/browser';
import { SEEN } from '../support/network-pages';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });

const admin = () => setup.server.adminToken;
const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token, body });

const EDITED_QUESTION = 'Na ile ufam, że możemy tu rozmawiać otwarcie o problemach miast?';
/** Four representatives, their city and the point each gives to every scale question. */
const REPRESENTATIVES = [
  { name: 'Ala Gdyńska', city: 'Gdynia', value: 4, text: 'Więcej czasu na rozmowy w małych grupach' },
  { name: 'Basia Gdyńska', city: 'Gdynia', value: 5, text: '' },
  { name: 'Celina Sopocka', city: 'Sopot', value: 3, text: 'Poznać się przed spotkaniem' },
  { name: 'Damian Sopocki', city: 'Sopot', value: 4, text: '' },
] as const;

let networkId: string;
let boardId: string;
let participantInvite: string;
const links: Record<string, string> = {};

beforeAll(async () => {
  networkId = createdResponseSchema.parse(
    await call('POST', '/api/networks', admin(), {
      name: 'Miasta nad morzem',
      theme: 'Turystyka i mieszkańcy',
      facilitator: { name: 'Felicja Nowak' },
      experts: [{ name: 'Edward Zieliński' }],
    }),
  ).id;
  for (const city of ['Gdynia', 'Sopot']) {
    await call('POST', `/api/networks/${networkId}/members`, admin(), {
      city,
      membership: 'programme-laureate',
    });
  }
  for (const person of REPRESENTATIVES) {
    await call('POST', `/api/networks/${networkId}/people`, admin(), {
      name: person.name,
      city: person.city,
      role: 'representative',
    });
  }
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${networkId}`, admin()));
  for (const person of detail.people) links[person.name] = person.link ?? '';
  boardId = createMeetingResponseSchema.parse(
    await call('POST', `/api/networks/${networkId}/meetings`, admin(), {
      title: 'Spotkanie otwierające',
      startsAt: '2099-03-10T10:00',
      mode: 'online',
      agenda: [
        { kind: 'step', format: 'format-0', stepId: 'trust', minutes: 15 },
        { kind: 'step', format: 'format-0', stepId: 'contract', minutes: 30 },
      ],
    }),
  ).boardId;
  const boards = boardListResponseSchema.parse(await call('GET', '/api/boards', admin()));
  participantInvite = boards.boards.find((board) => board.id === boardId)?.invites.participant ?? '';
});

/** From the person's home: "Ankiety do wypełnienia", the survey's form, every question answered. */
async function answerFromHome(page: Page, person: (typeof REPRESENTATIVES)[number], shoot: boolean) {
  await page.goto(links[person.name] ?? '');
  await page.getByTestId('home').waitFor(SEEN);
  const pending = page.getByTestId('survey-pending');
  await pending.waitFor(SEEN);
  expect(await pending.textContent()).toContain('Ankiety do wypełnienia');
  if (shoot) await screenshot(page, 'surveys-phone-home-pending');
  await pending.getByRole('link', { name: 'Ankieta zaufania' }).click();
  const form = page.getByTestId('survey-answer-form');
  await form.waitFor(SEEN);
  // Sending with nothing chosen says what is missing and sends nothing.
  await form.getByRole('button', { name: 'Wyślij odpowiedzi' }).click();
  await page.getByText('Zaznacz odpowiedź na każde pytanie ze skalą.').waitFor(SEEN);
  const scales = form.locator('fieldset');
  for (let index = 0; index < (await scales.count()); index++) {
    await scales
      .nth(index)
      .getByRole('radio', { name: String(person.value), exact: true })
      .check();
  }
  if (person.text) await form.locator('textarea').first().fill(person.text);
  if (shoot) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'surveys-phone-answering');
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  }
  await form.getByRole('button', { name: 'Wyślij odpowiedzi' }).click();
  await page.getByTestId('survey-answered').waitFor(SEEN);
  expect(await form.count()).toBe(0);
  if (shoot) await screenshot(page, 'surveys-phone-answered');
}

describe('surveys', () => {
  it('the expert sends the trust survey, four representatives answer, the results appear on the trust step', async () => {
    // Edward, the expert, at his desk: from his home to the network's surveys.
    const desk = await setup.browser.newContext({ bypassCSP: true });
    const edward = await desk.newPage();
    await edward.goto(links['Edward Zieliński'] ?? '');
    await edward.getByTestId('home').waitFor(SEEN);
    await edward.getByTestId('surveys-link').first().click();
    await edward.getByRole('heading', { name: 'Nowa ankieta' }).waitFor(SEEN);
    await edward.getByTestId('survey-new-kind').selectOption('trust');
    await edward.getByTestId('survey-create').click();
    await edward.getByRole('heading', { name: 'Pytania' }).waitFor(SEEN);
    // The template's first question, changed before the survey opens.
    const first = edward.locator('.survey-editor-question').first();
    await first.getByLabel('Treść (polski)').fill(EDITED_QUESTION);
    await screenshot(edward, 'surveys-desktop-draft');
    await edward.getByTestId('survey-open').click();
    await expect.poll(() => edward.getByTestId('survey-status').textContent(), SEEN).toBe('Otwarta');
    // [SV6] no answers yet: the pair reads why there are no results, not empty charts.
    await edward.getByTestId('survey-results-withheld').waitFor(SEEN);

    // The four representatives, each from their home; Ala on her phone.
    const contexts: RecordedContext[] = [desk];
    for (const [index, person] of REPRESENTATIVES.entries()) {
      const context = await setup.browser.newContext(
        index === 0
          ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true }
          : { bypassCSP: true },
      );
      contexts.push(context);
      await answerFromHome(await context.newPage(), person, index === 0);
    }
    // Answered: the home no longer asks.
    const ala = contexts[1]!.pages()[0]!;
    await ala.goto(`${setup.server.baseUrl}/me`);
    await ala.getByTestId('home').waitFor(SEEN);
    await ala.getByTestId('surveys-link').first().waitFor(SEEN);
    expect(await ala.getByTestId('survey-pending').count()).toBe(0);

    // The expert's results: four answers, the edited question's bars and mean (4+5+3+4)/4 = 4.
    await edward.reload();
    const results = edward.getByTestId('survey-results');
    await results.waitFor(SEEN);
    expect(await edward.getByTestId('survey-respondents').textContent()).toBe('4 odpowiedzi');
    const edited = results.locator('.survey-result').first();
    expect(await edited.locator('.survey-question').textContent()).toBe(EDITED_QUESTION);
    expect(await edited.getByTestId('survey-mean').textContent()).toContain('średnia 4');
    // The chart's text alternative says every bar's count.
    expect(await edited.locator('svg title').textContent()).toContain('3: 1, 4: 2, 5: 1');
    expect(await results.textContent()).toContain('Więcej czasu na rozmowy w małych grupach');
    await screenshot(edward, 'surveys-desktop-results');

    // On the meeting's board: the trust step (the agenda's first) shows the same results.
    const boardContext = await setup.browser.newContext({ bypassCSP: true });
    contexts.push(boardContext);
    const board = await joinBoard(
      boardContext,
      participantInvite,
      { name: 'Ala Gdyńska', city: 'Gdynia' },
      { ready: { control: true } },
    );
    const panel = board.getByTestId('trust-results');
    await panel.waitFor(SEEN);
    expect(await panel.textContent()).toContain('Wyniki ankiety zaufania');
    expect(await panel.textContent()).toContain('4 odpowiedzi');
    expect(await panel.textContent()).toContain(EDITED_QUESTION);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(board, 'surveys-board-trust-step');

    for (const context of contexts) expect(context.pageErrors()).toEqual([]);
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
