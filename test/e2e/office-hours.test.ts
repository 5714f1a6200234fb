/**
 * The expert's office hours in Chromium (issue #13 item 4): the expert publishes a series from
 * her home, a core city's representative books a slot with a question on her phone (390×844) and
 * sees it on her home, the expert sees the booking with the question and answers it, and the Q&A
 * log finds it by "zlobek". Screenshots on the phone and the desktop, looked at.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createdResponseSchema, networkDetailSchema, warsawDate } from '@empiria/shared';
import { apiCall } from '../support/api';
import { describeViolations, seriousViolations } from '../support/axe';
import { screenshot } from '../support/browser';
import { SEEN } from '../support/network-pages';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });

const admin = () => setup.server.adminToken;
const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token, body });

const QUESTION = 'Jak zorganizować żłobek gminny w starym budynku szkoły?';
const ANSWER = 'Najpierw ekspertyza budowlana. Kalisz zrobił to w 2024 r. — kontakt: wydział edukacji.';
const DAY = 24 * 60 * 60 * 1000;

let networkId: string;
const links: Record<string, string> = {};

beforeAll(async () => {
  networkId = createdResponseSchema.parse(
    await call('POST', '/api/networks', admin(), {
      name: 'Usługi społeczne',
      theme: 'Opieka nad dziećmi i seniorami',
      facilitator: { name: 'Felicja Nowak' },
      experts: [{ name: 'Edyta Zielińska' }],
    }),
  ).id;
  await call('POST', `/api/networks/${networkId}/members`, admin(), {
    city: 'Gdynia',
    membership: 'programme-laureate',
  });
  await call('POST', `/api/networks/${networkId}/people`, admin(), {
    name: 'Alicja Gdyńska',
    city: 'Gdynia',
    role: 'representative',
  });
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${networkId}`, admin()));
  for (const person of detail.people) links[person.name] = person.link ?? '';
});

describe('office hours', () => {
  it('the expert publishes slots, a representative books one on her phone, the expert answers, the log finds it', async () => {
    // Edyta, the expert, at her desk: from her home to the office hours.
    const desk = await setup.browser.newContext({ bypassCSP: true });
    const edyta = await desk.newPage();
    await edyta.goto(links['Edyta Zielińska'] ?? '');
    await edyta.getByTestId('home-office-hours-link').click();
    await edyta.getByRole('heading', { name: 'Usługi społeczne' }).waitFor(SEEN);
    await edyta.getByText('Nie ma jeszcze terminów.', { exact: false }).waitFor(SEEN);

    // Every two weeks from tomorrow, for four weeks: three slots.
    const tomorrow = warsawDate(new Date(Date.now() + DAY));
    const weekday = new Date(`${tomorrow}T12:00:00Z`).getUTCDay() || 7;
    await edyta.getByRole('button', { name: 'Dodaj terminy dyżurów' }).click();
    const form = edyta.getByRole('form', { name: 'Nowe terminy dyżurów' });
    await form.getByLabel('Dzień tygodnia').selectOption(String(weekday));
    await form.getByLabel('Godzina rozpoczęcia').fill('16:00');
    await form.getByLabel('Pierwszy dzień').fill(tomorrow);
    await form.getByLabel('Ostatni dzień').fill(warsawDate(new Date(Date.now() + 29 * DAY)));
    await form.getByLabel('Link do spotkania online').fill('https://meet.example.org/dyzur-uslugi');
    await expect
      .poll(() => form.getByTestId('office-hours-preview').textContent())
      .toMatch(/^3 terminy: od /);
    await screenshot(edyta, 'office-hours-desktop-series-form');
    const formViolations = await seriousViolations(edyta);
    expect(formViolations, describeViolations(formViolations)).toEqual([]);
    await form.getByRole('button', { name: 'Opublikuj terminy' }).click();
    await edyta.getByText('Opublikowano 3 terminy.').waitFor(SEEN);
    expect(await edyta.getByTestId('office-hours-slot').count()).toBe(3);
    await screenshot(edyta, 'office-hours-desktop-published');

    // Alicja, Gdynia's representative, on her phone: her home, then a slot with her question.
    const phone = await setup.browser.newContext({
      viewport: { width: 390, height: 844 },
      bypassCSP: true,
      isMobile: true,
      hasTouch: true,
    });
    const alicja = await phone.newPage();
    await alicja.goto(links['Alicja Gdyńska'] ?? '');
    await alicja.getByText('Nie masz rezerwacji dyżuru.').waitFor(SEEN);
    await alicja.getByTestId('home-office-hours-link').click();
    const first = alicja.getByTestId('office-hours-slot').first();
    await first.waitFor(SEEN);
    expect(await first.textContent()).toContain('16:00–17:00');
    expect(await first.textContent()).toContain('Wolny');
    await first.getByRole('button', { name: 'Zarezerwuj' }).click();
    await first.getByRole('textbox', { name: 'Twoje pytanie do eksperta' }).fill(QUESTION);
    await screenshot(alicja, 'office-hours-phone-booking');
    const bookingViolations = await seriousViolations(alicja);
    expect(bookingViolations, describeViolations(bookingViolations)).toEqual([]);
    await first.getByRole('button', { name: 'Zarezerwuj termin' }).click();
    await expect.poll(() => first.textContent()).toContain('Twoja rezerwacja');
    expect(await first.textContent()).toContain(QUESTION);
    expect(await first.textContent()).toContain('Czeka na odpowiedź eksperta.');
    // The next slot is still free and bookable.
    expect(await alicja.getByRole('button', { name: 'Zarezerwuj' }).count()).toBe(2);
    expect(await alicja.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(alicja, 'office-hours-phone-booked');
    await alicja.goto(`${setup.server.baseUrl}/me`);
    const onHome = alicja.getByTestId('home-office-hours-booking');
    await onHome.waitFor(SEEN);
    expect(await onHome.textContent()).toContain(QUESTION);
    await screenshot(alicja, 'office-hours-phone-home');

    // Edyta sees the booking with the question and who asks, and answers it.
    await edyta.reload();
    const booked = edyta.getByTestId('office-hours-slot').first();
    await expect.poll(() => booked.textContent()).toContain(QUESTION);
    expect(await booked.textContent()).toContain('Pyta: Alicja Gdyńska (Gdynia)');
    expect(await booked.textContent()).toContain('Zajęty');
    await screenshot(edyta, 'office-hours-desktop-booking-seen');
    await booked.getByRole('button', { name: 'Wpisz odpowiedź' }).click();
    await booked.getByRole('textbox', { name: 'Odpowiedź' }).fill(ANSWER);
    await booked.getByRole('button', { name: 'Zapisz odpowiedź' }).click();
    // Saved: the form closes and the answer is shown as text, with a way to change it.
    await booked.getByRole('button', { name: 'Zmień odpowiedź' }).waitFor(SEEN);
    expect(await booked.locator('.office-hours-answer-text').textContent()).toBe(ANSWER);
    expect(await booked.getByRole('textbox').count()).toBe(0);
    await screenshot(edyta, 'office-hours-desktop-answered');

    // The last slot is cancelled, after a second click that says what it means.
    const last = edyta.getByTestId('office-hours-slot').last();
    await last.getByRole('button', { name: 'Odwołaj termin' }).click();
    const confirm = last.getByRole('group', { name: 'Odwołaj termin' });
    expect(await confirm.textContent()).toContain('Odwołać ten termin? Nikt go już nie zarezerwuje.');
    await screenshot(edyta, 'office-hours-desktop-cancel-confirm');
    await confirm.getByRole('button', { name: 'Tak, odwołaj' }).click();
    await expect.poll(() => last.locator('.office-hours-status').textContent()).toBe('Odwołany');
    expect(await last.getByRole('button').count()).toBe(0);

    // On Alicja's phone the cancelled slot says so and is not bookable.
    await alicja.goto(`${setup.server.baseUrl}/n/${networkId}/office-hours`);
    const cancelled = alicja.getByTestId('office-hours-slot').last();
    await expect.poll(() => cancelled.locator('.office-hours-status').textContent()).toBe('Odwołany');
    expect(await cancelled.getByRole('button', { name: 'Zarezerwuj' }).count()).toBe(0);

    // The log, on Alicja's phone: "zlobek" finds "żłobek".
    await alicja.goto(`${setup.server.baseUrl}/n/${networkId}/office-hours/log`);
    await alicja.getByRole('searchbox', { name: 'Szukaj w pytaniach i odpowiedziach' }).fill('zlobek');
    await alicja.getByRole('button', { name: 'Szukaj' }).click();
    await expect.poll(() => alicja.url()).toContain('q=zlobek');
    const entry = alicja.getByTestId('office-hours-log-entry');
    await entry.waitFor(SEEN);
    expect(await entry.count()).toBe(1);
    expect(await entry.textContent()).toContain(QUESTION);
    expect(await entry.textContent()).toContain(ANSWER);
    expect(await entry.textContent()).toContain('Odpowiada: Edyta Zielińska');
    expect(await alicja.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(alicja, 'office-hours-phone-log');
    await alicja.getByRole('searchbox', { name: 'Szukaj w pytaniach i odpowiedziach' }).fill('przedszkole');
    await alicja.getByRole('button', { name: 'Szukaj' }).click();
    await alicja.getByTestId('office-hours-log-empty').waitFor(SEEN);
    expect(await alicja.getByTestId('office-hours-log-empty').textContent()).toBe(
      'Nic nie znaleziono dla „przedszkole”.',
    );

    expect(phone.pageErrors()).toEqual([]);
    expect(desk.pageErrors()).toEqual([]);
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
