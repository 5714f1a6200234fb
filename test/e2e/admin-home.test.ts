/**
 * The office's admin home and network page as the office stumbled on them (issue #11), in
 * Chromium at 1280×800: the networks come first (overview, "Nowa sieć", the list), then the
 * boards; a meeting's board says whose meeting it is and keeps its invite links folded, a
 * standalone board shows them; each network's archive is linked once. On the network page the
 * add-city and add-person forms start again from their defaults after each add.
 */
import { describe, expect, it } from 'vitest';
import { createMeetingResponseSchema, createdResponseSchema } from '@empiria/shared';
import { apiCall, createBoard } from '../support/api';
import { screenshot } from '../support/browser';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile();

const NETWORK = 'Miasto w ruchu';

async function setUp() {
  const call = (method: string, url: string, body?: unknown) =>
    apiCall(setup.server, method, url, { token: setup.server.adminToken, body });
  const { id } = createdResponseSchema.parse(
    await call('POST', '/api/networks', { name: NETWORK, theme: 'Mobilność aktywna' }),
  );
  await call('POST', `/api/networks/${id}/members`, { city: 'Gdynia', membership: 'programme-laureate' });
  const meeting = createMeetingResponseSchema.parse(
    await call('POST', `/api/networks/${id}/meetings`, {
      title: 'Spotkanie 1 — rowery',
      startsAt: '2099-03-15T10:00',
      mode: 'hybrid',
      hostCity: 'Gdynia',
      agenda: [{ kind: 'step', format: 'format-0', stepId: 'welcome', minutes: 30 }],
    }),
  );
  const standalone = await createBoard(setup.server, 'Warsztat ad hoc');
  return { networkId: id, meetingBoardId: meeting.boardId, standaloneId: standalone.id };
}

describe('the admin home and the network page’s forms', () => {
  it('puts the networks first, tells meeting boards apart, and resets the add forms', async () => {
    const { networkId, meetingBoardId, standaloneId } = await setUp();
    const context = await setup.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${setup.server.baseUrl}/?admin=${setup.server.adminToken}`);
    await page.locator(`[data-overview-network="${networkId}"]`).waitFor();
    await page.locator(`[data-board-id="${meetingBoardId}"] [data-testid="board-owner"] a`).waitFor();

    // Networks first, boards after.
    const headings = await page.locator('main h2').allTextContents();
    const at = (text: string) => headings.findIndex((heading) => heading.trim() === text);
    expect(at('Wszystkie sieci')).toBeGreaterThanOrEqual(0);
    expect(at('Wszystkie sieci')).toBeLessThan(at('Nowa sieć'));
    expect(at('Nowa sieć')).toBeLessThan(at('Sieci'));
    expect(at('Sieci')).toBeLessThan(at('Tablice'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sieci i tablice');

    // The meeting's board names its network; its six invite links are folded away.
    const meetingCard = page.locator(`[data-board-id="${meetingBoardId}"]`);
    expect(await meetingCard.getByTestId('board-owner').textContent()).toBe(
      `Tablica spotkania sieci ${NETWORK}`,
    );
    expect(await meetingCard.getByTestId('board-owner').getByRole('link').getAttribute('href')).toBe(
      `/n/${networkId}`,
    );
    const folded = meetingCard.locator('details.board-card-invites');
    expect(await folded.getAttribute('open')).toBeNull();
    expect(await meetingCard.locator('.invite-row').first().isVisible()).toBe(false);
    await folded.locator('summary').click();
    // One link per role, the guest expert's included ([G1]).
    expect(await meetingCard.locator('.invite-row').count()).toBe(7);
    expect(await meetingCard.locator('.invite-row[data-role=guest] .invite-role').textContent()).toBe(
      'Gość – ekspert zewnętrzny',
    );
    expect(await meetingCard.locator('.invite-row').first().isVisible()).toBe(true);
    await folded.locator('summary').click();

    // A standalone board: no network, its invite links in view.
    const standaloneCard = page.locator(`[data-board-id="${standaloneId}"]`);
    expect(await standaloneCard.getByTestId('board-owner').count()).toBe(0);
    expect(await standaloneCard.locator('.invite-row').first().isVisible()).toBe(true);

    // One archive link per network on this screen (the overview's).
    expect(await page.getByRole('link', { name: `Archiwum sieci ${NETWORK}` }).count()).toBe(1);
    await screenshot(page, 'admin-home-networks-first');
    await page.screenshot({ path: 'test/artifacts/admin-home-networks-first-full.png', fullPage: true });

    // ---- the network page: each add starts again from the defaults ----
    await page.goto(`${setup.server.baseUrl}/n/${networkId}`);
    await page.getByRole('heading', { name: NETWORK, level: 1 }).waitFor();
    const addCity = page.getByRole('form', { name: 'Dodaj miasto do sieci' });
    const membership = addCity.getByRole('combobox', { name: /^Rodzaj członkostwa/ });
    expect(await membership.inputValue()).toBe('programme-laureate');
    await addCity.getByLabel('Miasto', { exact: true }).fill('Radom');
    await membership.selectOption('observer');
    await addCity.getByRole('button', { name: 'Dodaj miasto' }).click();
    await page.locator('tr[data-city="Radom"]').waitFor();
    // The row shows as the store updates, a moment before the form hears the outcome: poll.
    await expect.poll(() => addCity.getByLabel('Miasto', { exact: true }).inputValue()).toBe('');
    await expect.poll(() => membership.inputValue()).toBe('programme-laureate');

    const addPerson = page.getByRole('form', { name: 'Dodaj osobę' });
    const role = addPerson.getByRole('combobox', { name: /^Rola w sieci/ });
    const city = addPerson.getByRole('combobox', { name: /^Miasto/ });
    await addPerson.getByLabel('Imię i nazwisko', { exact: true }).fill('Zofia Zastępczyni');
    await role.selectOption('substitute');
    await city.selectOption('Gdynia');
    await addPerson.getByRole('button', { name: 'Dodaj osobę' }).click();
    await page.locator('tr[data-person="Zofia Zastępczyni"]').waitFor();
    await expect.poll(() => addPerson.getByLabel('Imię i nazwisko', { exact: true }).inputValue()).toBe('');
    await expect.poll(() => role.inputValue()).toBe('representative');
    await expect.poll(() => city.inputValue()).toBe('');
    await screenshot(page, 'admin-network-forms-reset');

    await context.close();
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
