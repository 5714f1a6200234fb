/**
 * The facilitator's report in Chromium (issue #13 item 2): the facilitator opens "Sprawozdanie"
 * on the meeting in the network page, finds it prefilled (who attended, from the organiser's
 * list; planned and actual minutes, from the board whose steps were moved), writes the
 * difficulties (saved by themselves), submits it; the office overview shows it submitted and an
 * older meeting's report overdue. Screenshots looked at.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  boardListResponseSchema,
  createMeetingResponseSchema,
  createdResponseSchema,
  moveToStep,
  networkDetailSchema,
} from '@empiria/shared';
import { apiCall, join } from '../support/api';
import { describeViolations, seriousViolations } from '../support/axe';
import { screenshot } from '../support/browser';
import { daysLater, SEEN, thisHourInWarsaw } from '../support/network-pages';
import { serverAndBrowserPerFile } from '../support/server-per-file';
import { connectDoc } from '../support/yjs-client';

const setup = serverAndBrowserPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });

const admin = () => setup.server.adminToken;
const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token, body });
const minute = 60_000;

let networkId: string;
let heldId: string;
const links: Record<string, string> = {};
const people: Record<string, string> = {};

beforeAll(async () => {
  networkId = createdResponseSchema.parse(
    await call('POST', '/api/networks', admin(), {
      name: 'Zielone miasta',
      theme: 'Zieleń i klimat',
      facilitator: { name: 'Felicja Nowak' },
      experts: [{ name: 'Edward Zieliński' }],
      organiser: { name: 'Olga Lis' },
    }),
  ).id;
  await call('POST', `/api/networks/${networkId}/members`, admin(), {
    city: 'Gdynia',
    membership: 'programme-laureate',
  });
  await call('POST', `/api/networks/${networkId}/people`, admin(), {
    name: 'Ala Gdyńska',
    city: 'Gdynia',
    role: 'representative',
  });
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${networkId}`, admin()));
  for (const person of detail.people) {
    links[person.name] = person.link ?? '';
    people[person.name] = person.id;
  }
  const today = thisHourInWarsaw();
  // An older meeting nobody reported on: 20 days ago, past the two weeks.
  await call('POST', `/api/networks/${networkId}/meetings`, admin(), {
    title: 'Spotkanie 1 — start sieci',
    startsAt: daysLater(today, -20, '10:00'),
    mode: 'online',
    agenda: [{ kind: 'free-discussion', title: '', minutes: 60 }],
  });
  const held = createMeetingResponseSchema.parse(
    await call('POST', `/api/networks/${networkId}/meetings`, admin(), {
      title: 'Spotkanie 2 — zieleń',
      startsAt: daysLater(today, -2, '10:00'),
      mode: 'online',
      agenda: [
        { kind: 'step', format: 'format-2', stepId: 'challenge', minutes: 20 },
        { kind: 'break', title: '', minutes: 15 },
        { kind: 'step', format: 'format-2', stepId: 'barriers', minutes: 20 },
      ],
    }),
  );
  heldId = held.id;

  // The organiser marked Ala in the room.
  await call('PUT', `/api/networks/${networkId}/meetings/${heldId}/attendance/marks`, admin(), {
    entry: `person:${people['Ala Gdyńska'] ?? ''}`,
    status: 'room',
  });
  // The meeting ran on its board: the challenge took 32 minutes, the break 12, then barriers.
  const board = boardListResponseSchema
    .parse(await call('GET', '/api/boards', admin()))
    .boards.find((candidate) => candidate.id === held.boardId);
  if (!board) throw new Error('the meeting’s board is not listed');
  const felicja = await join(setup.server, board.id, board.invites.facilitator, 'Felicja Nowak', 'Gdynia');
  const control = await connectDoc(setup.server, board.id, 'control', felicja.sessionToken);
  const t0 = Date.now() - 2 * 24 * 60 * minute;
  moveToStep(control.doc, { index: 0, id: 'challenge', startedAt: t0 });
  moveToStep(control.doc, { index: 1, id: 'break', startedAt: t0 + 32 * minute });
  moveToStep(control.doc, { index: 2, id: 'barriers', startedAt: t0 + 44 * minute });
  // Give the server the update before leaving the document.
  await new Promise((resolve) => setTimeout(resolve, 500));
  control.destroy();
});

describe('facilitator’s report', () => {
  it('the facilitator files it prefilled; the office sees it submitted and another one overdue', async () => {
    // bypassCSP: axe is injected as an inline script, which the app's CSP refuses.
    const desk = await setup.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await desk.newPage();
    await page.goto(links['Felicja Nowak'] ?? '');
    await page.getByTestId('home').waitFor(SEEN);
    await page.goto(`${setup.server.baseUrl}/n/${networkId}`);
    const open = page.getByRole('link', { name: 'Sprawozdanie ze spotkania „Spotkanie 2 — zieleń”' });
    await open.waitFor(SEEN);
    await page.locator(`[data-meeting-id="${heldId}"]`).scrollIntoViewIfNeeded();
    await screenshot(page, 'report-network-page-link');
    await open.click();

    await page.getByRole('heading', { name: 'Spotkanie 2 — zieleń', level: 1 }).waitFor(SEEN);
    expect(await page.locator('[data-report-status]').textContent()).toBe('Nowe, jeszcze niezapisane');
    // Attendance from the organiser's list, times from the board.
    const attendance = page.locator('[data-report-section="attendance"]');
    await expect.poll(() => attendance.textContent()).toContain('Ala Gdyńska');
    expect(await attendance.textContent()).toContain('na sali');
    const agenda = page.locator('[data-report-section="agenda"]');
    expect(await agenda.locator('[data-step="challenge"] input[type="number"]').inputValue()).toBe('32');
    expect(await agenda.locator('[data-step="break"] input[type="number"]').inputValue()).toBe('12');
    expect(await agenda.locator('[data-step="barriers"] input[type="number"]').inputValue()).toBe('');
    expect(await agenda.locator('tfoot').textContent()).toContain('55');
    // 44 measured minutes are compared with their own plan (35), not the whole meeting's 55.
    expect(await agenda.locator('[data-agenda-partial]').textContent()).toBe(
      'Czas faktyczny zmierzono dla 2 z 3 punktów programu; plan dla nich to 35 min.',
    );
    await screenshot(page, 'report-prefilled');
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    await page
      .getByRole('textbox', { name: 'Trudności' })
      .fill(
        'Łącze w sali w Gdyni zrywało się dwa razy; wyzwanie zajęło o 12 minut więcej, skróciliśmy przerwę.',
      );
    await page.getByText(/^Zapisano o /).waitFor(SEEN);
    expect(await page.locator('[data-report-status]').textContent()).toBe('Wersja robocza');
    await screenshot(page, 'report-draft-saved');

    await page.getByRole('button', { name: 'Złóż sprawozdanie w biurze' }).click();
    await page.locator('[data-report-status="submitted"]').waitFor(SEEN);
    expect(await page.getByText('Sprawozdanie jest w biurze ZMP.', { exact: false }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Trudności' }).count()).toBe(0);
    expect(await page.locator('[data-report-section="difficulties"]').textContent()).toContain(
      'Łącze w sali w Gdyni',
    );
    await screenshot(page, 'report-submitted');

    // The office, on its home: the overview's reports column.
    const office = await setup.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const officePage = await office.newPage();
    await officePage.goto(`${setup.server.baseUrl}/?admin=${admin()}`);
    const row = officePage.locator(`[data-overview-network="${networkId}"]`);
    await row.waitFor(SEEN);
    const reports = row.locator('[data-col="reports"]');
    expect(await reports.locator('[data-reports="submitted"]').textContent()).toBe('1 złożone');
    expect(await reports.locator('[data-reports="overdue"]').textContent()).toContain(
      'Spotkanie 1 — start sieci',
    );
    expect(await reports.locator('[data-reports="due"]').count()).toBe(0);
    await row.scrollIntoViewIfNeeded();
    await screenshot(officePage, 'report-office-overview');

    // The office opens the submitted report: nothing to edit, and "return for corrections".
    await officePage.goto(`${setup.server.baseUrl}/n/${networkId}/meetings/${heldId}/report`);
    await officePage.locator('[data-report-status="submitted"]').waitFor(SEEN);
    expect(await officePage.getByRole('button', { name: 'Zwróć do poprawy' }).count()).toBe(1);
    expect(await officePage.getByRole('button', { name: 'Złóż sprawozdanie w biurze' }).count()).toBe(0);

    // The organiser on her phone reads the filed report: nothing wider than the screen but the tables' own scroll.
    const phone = await setup.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const olga = await phone.newPage();
    await olga.goto(links['Olga Lis'] ?? '');
    await olga.getByTestId('home').waitFor(SEEN);
    await olga.goto(`${setup.server.baseUrl}/n/${networkId}/meetings/${heldId}/report`);
    await olga.locator('[data-report-status="submitted"]').waitFor(SEEN);
    expect(
      await olga.getByText('Sprawozdanie piszą koordynator i eksperci sieci', { exact: false }).count(),
    ).toBe(1);
    expect(await olga.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(olga, 'report-phone-organiser');

    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
    await phone.close();
    await desk.close();
    await office.close();
  });
});
