/**
 * The facilitator–expert pair prepares a meeting's board before its day (issue #11, [N12]), in
 * Chromium at 1280×800: on the pair's home a meeting three weeks away offers "Przygotuj tablicę
 * spotkania", which opens its board with no join form; a representative invited to the same
 * meeting sees no way onto the board until the meeting's day.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createMeetingResponseSchema, createdResponseSchema, networkDetailSchema } from '@empiria/shared';
import { apiCall, inviteToken } from '../support/api';
import { screenshot } from '../support/browser';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });

/** Ten o'clock, three weeks from now, on Warsaw's clock: a meeting whose board is not live yet. */
function inThreeWeeks(): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(
    new Date(Date.now() + 21 * 24 * 3600 * 1000),
  );
  return `${day}T10:00`;
}

async function setUp() {
  const token = setup.server.adminToken;
  const call = (method: string, url: string, body?: unknown, as = token) =>
    apiCall(setup.server, method, url, { token: as, body });
  const { id } = createdResponseSchema.parse(
    await call('POST', '/api/networks', {
      name: 'Miasto zielone',
      theme: 'Zieleń i retencja w mieście',
      facilitator: { name: 'Fela Nowak' },
      experts: [{ name: 'Edward Ekspert' }],
    }),
  );
  for (const city of ['Gdynia', 'Ełk']) {
    await call('POST', `/api/networks/${id}/members`, { city, membership: 'programme-laureate' });
  }
  await call('POST', `/api/networks/${id}/people`, {
    name: 'Alicja Gdyńska',
    city: 'Gdynia',
    role: 'representative',
  });
  const people = networkDetailSchema.parse(await call('GET', `/api/networks/${id}`)).people;
  const link = (name: string) => people.find((p) => p.name === name)?.link ?? '';
  const meeting = createMeetingResponseSchema.parse(
    await call(
      'POST',
      `/api/networks/${id}/meetings`,
      {
        title: 'Spotkanie 2 — deszczówka',
        startsAt: inThreeWeeks(),
        mode: 'in-person',
        hostCity: 'Ełk',
        agenda: [{ kind: 'step', format: 'format-0', stepId: 'welcome', minutes: 30 }],
      },
      inviteToken(link('Fela Nowak')),
    ),
  );
  return { link, meeting };
}

async function openHome(link: string): Promise<Page> {
  const context = await setup.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByTestId('next-meeting').waitFor();
  return page;
}

describe('the pair prepares a meeting’s board before its day', () => {
  it('offers the pair "Przygotuj tablicę spotkania" and nobody else a way onto a future board', async () => {
    const { link, meeting } = await setUp();

    // The representative, invited: the meeting, her answer, no board yet.
    const alicja = await openHome(link('Alicja Gdyńska'));
    expect(await alicja.getByTestId('next-meeting').textContent()).toContain('Spotkanie 2 — deszczówka');
    expect(await alicja.getByTestId('answer').count()).toBe(1);
    expect(await alicja.getByTestId('join-board').count()).toBe(0);
    expect(await alicja.getByTestId('prepare-board').count()).toBe(0);

    // The expert sees the button too.
    const edward = await openHome(link('Edward Ekspert'));
    expect(await edward.getByTestId('prepare-board').textContent()).toBe('Przygotuj tablicę spotkania');
    expect(await edward.getByTestId('join-board').count()).toBe(0);

    // The facilitator prepares the board: onto it with no join form, as herself.
    const fela = await openHome(link('Fela Nowak'));
    const prepare = fela.getByRole('button', { name: 'Przygotuj tablicę spotkania' });
    expect(await prepare.count()).toBe(1);
    expect(await fela.getByTestId('join-board').count()).toBe(0);
    await screenshot(fela, 'home-pair-prepare');
    await prepare.click();
    await fela.waitForURL(`**/b/${meeting.boardId}`);
    await fela.getByTestId('board-screen').waitFor({ timeout: 30_000 });
    expect(await fela.getByTestId('join-form').count()).toBe(0);
    expect(await fela.getByTestId('my-identity').textContent()).toContain('Fela Nowak');
    await screenshot(fela, 'home-pair-prepared-board');

    for (const page of [alicja, edward, fela]) await page.context().close();
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
