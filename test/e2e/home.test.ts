/**
 * A representative's home from her personal link (issue #11 item 2, [N12]), in Chromium on a phone
 * and on a laptop: the token leaves the address bar, she answers "online" (kept after a reload),
 * downloads the calendar file, and presses the big button onto the meeting's board — no join
 * form, her name in the people panel; her second device is the same board person (one voice).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  createMeetingResponseSchema,
  createdResponseSchema,
  networkDetailSchema,
  peopleResponseSchema,
  joinResponseSchema,
} from '@empiria/shared';
import { apiCall, inviteToken } from '../support/api';
import { screenshot } from '../support/browser';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });

/** This hour on Warsaw's clock, `2027-03-15T10:00`: a meeting under way now, so its board is live. */
function thisHourInWarsaw(): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Warsaw',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date())
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:00`;
}

async function setUp() {
  const token = setup.server.adminToken;
  const call = (method: string, url: string, body?: unknown, as = token) =>
    apiCall(setup.server, method, url, { token: as, body });
  const { id } = createdResponseSchema.parse(
    await call('POST', '/api/networks', {
      name: 'Miasto cyfrowe',
      theme: 'Cyfryzacja usług miejskich',
      facilitator: { name: 'Fela Nowak' },
      experts: [{ name: 'Edward Ekspert' }],
    }),
  );
  for (const city of ['Gdynia', 'Ełk', 'Lublin', 'Kielce', 'Płock', 'Radom']) {
    await call('POST', `/api/networks/${id}/members`, {
      city,
      membership: city === 'Radom' ? 'observer' : 'programme-laureate',
    });
  }
  await call('POST', `/api/networks/${id}/people`, {
    name: 'Alicja Gdyńska',
    city: 'Gdynia',
    role: 'representative',
  });
  await call('POST', `/api/networks/${id}/people`, {
    name: 'Ewa Ełcka',
    city: 'Ełk',
    role: 'representative',
  });
  const people = networkDetailSchema.parse(await call('GET', `/api/networks/${id}`)).people;
  const link = (name: string) => people.find((p) => p.name === name)?.link ?? '';
  const meeting = createMeetingResponseSchema.parse(
    await call(
      'POST',
      `/api/networks/${id}/meetings`,
      {
        title: 'Spotkanie 1 — start sieci',
        startsAt: thisHourInWarsaw(),
        mode: 'hybrid',
        hostCity: 'Gdynia',
        venue: 'Urząd Miasta, al. Piłsudskiego 52',
        room: 'Sala 101',
        agenda: [
          { kind: 'step', format: 'format-0', stepId: 'welcome', minutes: 30 },
          { kind: 'expert-input', title: 'Cyfrowe usługi w Tallinnie', minutes: 45 },
          { kind: 'break', minutes: 15 },
          { kind: 'step', format: 'format-0', stepId: 'expectations' },
        ],
      },
      inviteToken(link('Fela Nowak')),
    ),
  );
  return { id, link, meeting, felaToken: inviteToken(link('Fela Nowak')) };
}

describe('a representative’s home from her personal link', () => {
  it('answers, downloads the calendar, and joins the board with no form, as one person on two devices', async () => {
    const { link, meeting, felaToken } = await setUp();
    const alicja = link('Alicja Gdyńska');

    // Her phone.
    const phone = await setup.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      acceptDownloads: true,
    });
    const page = await phone.newPage();
    await page.goto(alicja);
    await page.getByTestId('next-meeting').waitFor();
    // The token left the address bar (and so the history), and stays in this browser.
    expect(new URL(page.url()).pathname).toBe('/me');
    expect(new URL(page.url()).search).toBe('');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Alicja Gdyńska');
    const next = page.getByTestId('next-meeting');
    expect(await next.textContent()).toContain('Spotkanie 1 — start sieci');
    expect(await next.textContent()).toContain('Sala 101');
    expect(await next.textContent()).toContain('Cyfrowe usługi w Tallinnie');
    expect(await next.textContent()).toContain('Jeszcze nie odpowiedziałeś(-aś).');

    await page.getByRole('button', { name: 'Będę on-line' }).click();
    await page.getByText('Twoja odpowiedź: Będę on-line').waitFor();
    await page.reload();
    await page.getByText('Twoja odpowiedź: Będę on-line').waitFor();
    expect(new URL(page.url()).search).toBe('');
    expect(await page.getByRole('button', { name: 'Będę on-line' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    // The calendar file comes as text/calendar, fetched with the token in a header, not a URL.
    const [download, calendar] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse((response) => response.url().endsWith('/invitation.ics')),
      page.getByTestId('calendar').click(),
    ]);
    expect(calendar.headers()['content-type']).toContain('text/calendar');
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const saved = await readFile(await download.path(), 'utf8');
    expect(saved.slice(0, 15)).toBe('BEGIN:VCALENDAR');
    expect(saved).toContain('SUMMARY:Spotkanie 1');

    await screenshot(page, 'home-phone-pl');

    // Onto the board: no form, and the board knows where she is from her answer.
    await page.getByTestId('join-board').click();
    await page.waitForURL(`**/b/${meeting.boardId}`);
    await page.getByTestId('board-screen').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('my-identity').textContent()).toContain('Alicja Gdyńska');
    await screenshot(page, 'home-joined-board-phone');
    expect(await page.getByTestId('join-form').count()).toBe(0);
    expect(await page.evaluate((id) => localStorage.getItem(`empiria.where.${id}`), meeting.boardId)).toBe(
      'online',
    );

    // Her laptop: the same link, the same board person.
    const laptop = await setup.browser.newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    const second = await laptop.newPage();
    await second.goto(alicja);
    await second.getByTestId('join-board').waitFor();
    await screenshot(second, 'home-laptop-pl');
    await second.getByTestId('join-board').click();
    await second.waitForURL(`**/b/${meeting.boardId}`);
    await second.getByTestId('board-screen').waitFor({ timeout: 30_000 });
    expect(await second.getByTestId('join-form').count()).toBe(0);
    const panel = second.getByTestId('people-panel');
    await panel.waitFor();
    await expect.poll(async () => await panel.textContent(), { timeout: 10_000 }).toContain('Alicja Gdyńska');
    await screenshot(second, 'home-joined-board-laptop');

    // One voice: the board has one Alicja, whichever device she came from.
    const fela = joinResponseSchema.parse(
      await apiCall(setup.server, 'POST', `/api/me/meetings/${meeting.id}/join`, {
        token: felaToken,
        body: {},
      }),
    );
    const board = peopleResponseSchema.parse(
      await apiCall(setup.server, 'GET', `/api/boards/${meeting.boardId}/people`, {
        token: fela.sessionToken,
      }),
    );
    expect(board.people.filter((person) => person.name === 'Alicja Gdyńska')).toHaveLength(1);

    await phone.close();
    await laptop.close();
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
