/**
 * The organiser keeps a meeting's attendance list on the network page, in Chromium (issue #12
 * item 4, [N18]–[N19]): Olga, the network's organiser, opens the page with her personal link,
 * marks two representatives present and one absent, adds an unannounced substitute of Ełk, and the
 * archive's attendance matrix shows it. She cannot invite until the facilitator ticks "the
 * organiser may invite" for that meeting; then she can. Screenshots at 1280×800.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  createMeetingResponseSchema,
  createdResponseSchema,
  networkDetailSchema,
  type CreateMeetingRequest,
} from '@empiria/shared';
import { apiCall } from '../support/api';
import { describeViolations, seriousViolations } from '../support/axe';
import { ARTIFACTS_DIR, screenshot } from '../support/browser';
import { SEEN } from '../support/network-pages';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });

const admin = () => setup.server.adminToken;
const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token, body });

let networkId: string;
let meetingId: string;
let tokenOf: (name: string) => string;
let personIdOf: (name: string) => string;

beforeAll(async () => {
  ({ id: networkId } = createdResponseSchema.parse(
    await call('POST', '/api/networks', admin(), {
      name: 'Zasoby miast',
      theme: 'Finansowanie rozwoju',
      facilitator: { name: 'Fela Nowak' },
      organiser: { name: 'Olga Organizatorka' },
    }),
  ));
  for (const city of ['Łódź', 'Ełk', 'Kalisz']) {
    await call('POST', `/api/networks/${networkId}/members`, admin(), {
      city,
      membership: 'programme-laureate',
    });
    await call('POST', `/api/networks/${networkId}/people`, admin(), {
      name: `Reprezentant ${city}`,
      city,
      role: 'representative',
    });
  }
  // Not invited by default: someone the organiser may invite once the pair lets her.
  await call('POST', `/api/networks/${networkId}/people`, admin(), {
    name: 'Zenon Zastępca',
    city: 'Kalisz',
    role: 'substitute',
  });
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${networkId}`, admin()));
  const person = (name: string) => {
    const found = detail.people.find((p) => p.name === name);
    if (!found?.link) throw new Error(`no ${name}`);
    return found;
  };
  tokenOf = (name) => new URL(person(name).link ?? '').searchParams.get('token') as string;
  personIdOf = (name) => person(name).id;
  const meeting: CreateMeetingRequest = {
    title: 'Spotkanie 1 — finansowanie',
    startsAt: '2025-03-10T10:00',
    mode: 'hybrid',
    hostCity: 'Kalisz',
    agenda: [{ kind: 'step', format: 'format-0', stepId: 'welcome', minutes: 60 }],
  };
  ({ id: meetingId } = createMeetingResponseSchema.parse(
    await call('POST', `/api/networks/${networkId}/meetings`, admin(), meeting),
  ));
  // Łódź answered "online" from its personal link.
  await call(
    'PUT',
    `/api/networks/${networkId}/meetings/${meetingId}/invitations/${personIdOf('Reprezentant Łódź')}/answer`,
    tokenOf('Reprezentant Łódź'),
    { answer: 'online' },
  );
});

/** The attendance list of the meeting, opened. */
async function openList(page: Page) {
  const list = page.locator(`[data-attendance-of="${meetingId}"]`);
  const toggle = list.getByRole('button', { name: /^Lista obecności/ });
  await toggle.waitFor(SEEN);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await list.locator('table').waitFor(SEEN);
  return list;
}

const row = (page: Page, name: string) =>
  page.locator(`[data-attendance-of="${meetingId}"] tr[data-attendee="${name}"]`);

async function markAs(page: Page, name: string, status: 'W sali' | 'Online' | 'Nieobecność') {
  const group = page.getByRole('group', { name: `Obecność: ${name}` });
  await group.getByRole('button', { name: status, exact: true }).click();
  await group
    .getByRole('button', { name: status, exact: true })
    .and(page.locator('[aria-pressed="true"]'))
    .waitFor(SEEN);
}

/** The archive matrix's rows: the city and its visible marks. */
async function matrixRows(page: Page): Promise<string[][]> {
  return page.locator('[data-testid="attendance-matrix"] tbody tr').evaluateAll((rows) =>
    rows.map((tr) =>
      [...tr.querySelectorAll('th, td')].map((cell) => {
        const clone = cell.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
        return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
      }),
    ),
  );
}

describe("the organiser's attendance list on the network page", () => {
  it('marks two present and one absent, adds an unannounced substitute; the archive matrix shows it', async () => {
    // bypassCSP: axe is injected as an inline script, which the app's CSP refuses.
    const context = await setup.browser.newContext({
      viewport: { width: 1280, height: 800 },
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.goto(`${setup.server.baseUrl}/n/${networkId}?token=${tokenOf('Olga Organizatorka')}`);
    const list = await openList(page);
    expect(await list.getByRole('button', { name: /^Lista obecności/ }).textContent()).toContain(
      'Lista obecności',
    );
    expect(await list.getByRole('button', { name: /^Lista obecności/ }).textContent()).toContain(
      'jeszcze nieprowadzona',
    );
    // It starts from the answers: Łódź said online.
    expect(await row(page, 'Reprezentant Łódź').textContent()).toContain('będzie online');
    expect(await row(page, 'Reprezentant Łódź').getAttribute('data-attended')).toBe('online');

    // Łódź came to the room after all; Kalisz was in the room; Ełk's representative did not come.
    await markAs(page, 'Reprezentant Łódź', 'W sali');
    await markAs(page, 'Reprezentant Kalisz', 'W sali');
    await markAs(page, 'Reprezentant Ełk', 'Nieobecność');
    // "Cofnij" goes back to what the answer says (Łódź: online), then she marks the room again.
    await row(page, 'Reprezentant Łódź')
      .getByRole('button', { name: 'Cofnij zaznaczenie: Reprezentant Łódź' })
      .click();
    await expect
      .poll(() => row(page, 'Reprezentant Łódź').getAttribute('data-attended'), SEEN)
      .toBe('online');
    expect(await row(page, 'Reprezentant Łódź').textContent()).toContain('online · z odpowiedzi lub tablicy');
    await markAs(page, 'Reprezentant Łódź', 'W sali');
    expect(await row(page, 'Reprezentant Ełk').getAttribute('data-attended')).toBe('no');
    expect(await list.getByRole('button', { name: /^Lista obecności/ }).textContent()).toContain(
      'prowadzona',
    );

    // Ełk sent a substitute nobody announced.
    const form = page.getByRole('form', { name: 'Dodaj osobę, która przyszła bez zapowiedzi' });
    await form.getByLabel('Kto to jest').selectOption('substitute');
    await form.getByLabel('Imię i nazwisko').fill('Zofia Zastępczyni');
    await form.getByLabel('Miasto').selectOption('Ełk');
    await form.getByLabel('Gdzie').selectOption('room');
    await form.getByRole('button', { name: 'Dodaj do listy' }).click();
    await row(page, 'Zofia Zastępczyni').waitFor(SEEN);
    expect(await row(page, 'Zofia Zastępczyni').textContent()).toContain('zastępstwo bez zapowiedzi · Ełk');
    expect(await form.getByLabel('Imię i nazwisko').inputValue()).toBe('');

    const attended = await list
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((tr) => [tr.getAttribute('data-attendee'), tr.getAttribute('data-attended')]),
      );
    expect(attended).toEqual([
      ['Fela Nowak', 'no'],
      ['Olga Organizatorka', 'no'],
      ['Reprezentant Ełk', 'no'],
      ['Reprezentant Kalisz', 'room'],
      ['Reprezentant Łódź', 'room'],
      ['Zofia Zastępczyni', 'room'],
    ]);
    expect(await list.getByRole('button', { name: /^Lista obecności/ }).textContent()).toContain(
      '3 osoby obecne',
    );
    // Without the pair's grant the organiser neither adds invitees nor sends invitations.
    expect(await page.locator(`[data-invitations-of="${meetingId}"] .invitations-add`).count()).toBe(0);
    expect(await page.getByText('Opiekun organizacyjny może zapraszać na to spotkanie').count()).toBe(0);
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await list.scrollIntoViewIfNeeded();
    await screenshot(page, 'attendance-organiser-list');
    // The list alone, at its real size, to read it as the organiser does.
    await list.screenshot({ path: path.join(ARTIFACTS_DIR, 'attendance-organiser-list-close.png') });

    // The archive's matrix reads the kept list: Ełk was there through its substitute.
    await page.goto(`${setup.server.baseUrl}/n/${networkId}/archive`);
    await page.locator('[data-testid="attendance-matrix"]').waitFor(SEEN);
    expect(await matrixRows(page)).toEqual([
      ['Łódź', 'w sali', '100% (1 z 1)'],
      ['Ełk', 'w sali', '100% (1 z 1)'],
      ['Kalisz', 'w sali', '100% (1 z 1)'],
    ]);
    await screenshot(page, 'attendance-archive-matrix');
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
    await context.close();
  });

  it('the organiser invites only once the facilitator lets her, for that meeting', async () => {
    const pairContext = await setup.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const pair = await pairContext.newPage();
    await pair.goto(`${setup.server.baseUrl}/n/${networkId}?token=${tokenOf('Fela Nowak')}`);
    const invitations = pair.locator(`[data-invitations-of="${meetingId}"]`);
    await invitations.locator('summary').waitFor(SEEN);
    await invitations.locator('summary').click();
    const grant = invitations.getByLabel('Opiekun organizacyjny może zapraszać na to spotkanie');
    expect(await grant.isChecked()).toBe(false);
    await grant.check();
    // Stored: the checkbox is enabled again, ticked, once the server has answered.
    await expect.poll(() => grant.isEnabled(), SEEN).toBe(true);
    expect(await grant.isChecked()).toBe(true);
    await invitations.scrollIntoViewIfNeeded();
    await screenshot(pair, 'attendance-pair-grant');

    const context = await setup.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${setup.server.baseUrl}/n/${networkId}?token=${tokenOf('Olga Organizatorka')}`);
    const hers = page.locator(`[data-invitations-of="${meetingId}"]`);
    await hers.locator('summary').waitFor(SEEN);
    await hers.locator('summary').click();
    await hers.getByText('Para koordynator–ekspert pozwoliła Ci zapraszać na to spotkanie.').waitFor(SEEN);
    await hers
      .getByLabel('Zaproś kolejną osobę')
      .selectOption({ label: 'Zenon Zastępca (Kalisz) – zastępca' });
    await hers.getByRole('button', { name: 'Zaproś', exact: true }).click();
    await hers.locator('tr[data-invitee="Zenon Zastępca"]').waitFor(SEEN);
    await hers.scrollIntoViewIfNeeded();
    await screenshot(page, 'attendance-organiser-granted');
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
    await context.close();
    await pairContext.close();
  });
});
