/**
 * A representative who cannot come names who comes instead, from her home on a phone (issue #11
 * item 2, [N10]): "Nie mogę być" opens the picker ("bez zastępstwa" first, only her city's people
 * in the network), the answer is saved with the substitute, the home says "Zastępuje Cię: …" after
 * a reload, and the substitute's own home then shows the invitation to answer.
 */
import { describe, expect, it } from 'vitest';
import {
  createMeetingResponseSchema,
  createdResponseSchema,
  invitationListResponseSchema,
  networkDetailSchema,
} from '@empiria/shared';
import { apiCall, inviteToken } from '../support/api';
import { screenshot } from '../support/browser';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });

async function setUp() {
  const call = (method: string, url: string, body?: unknown, as = setup.server.adminToken) =>
    apiCall(setup.server, method, url, { token: as, body });
  const { id } = createdResponseSchema.parse(
    await call('POST', '/api/networks', {
      name: 'Miasto dostępne i sprawiedliwe',
      theme: 'Dostępność usług publicznych',
      facilitator: { name: 'Fela Nowak' },
    }),
  );
  for (const city of ['Gdynia', 'Ełk']) {
    await call('POST', `/api/networks/${id}/members`, { city, membership: 'programme-laureate' });
  }
  for (const [name, city, role] of [
    ['Alicja Gdyńska', 'Gdynia', 'representative'],
    ['Beata Gdyńska', 'Gdynia', 'representative'],
    ['Zofia Gdyńska', 'Gdynia', 'substitute'],
    ['Ewa Ełcka', 'Ełk', 'representative'],
  ] as const) {
    await call('POST', `/api/networks/${id}/people`, { name, city, role });
  }
  const people = networkDetailSchema.parse(await call('GET', `/api/networks/${id}`)).people;
  const person = (name: string) => people.find((p) => p.name === name);
  const felaToken = inviteToken(person('Fela Nowak')?.link ?? '');
  const meeting = createMeetingResponseSchema.parse(
    await call(
      'POST',
      `/api/networks/${id}/meetings`,
      {
        title: 'Spotkanie 3 — dostępność przestrzeni',
        startsAt: '2099-09-14T10:00',
        mode: 'in-person',
        hostCity: 'Ełk',
        agenda: [{ kind: 'step', format: 'format-0', stepId: 'welcome', minutes: 30 }],
      },
      felaToken,
    ),
  );
  const invitations = async () =>
    invitationListResponseSchema.parse(
      await call('GET', `/api/networks/${id}/meetings/${meeting.id}/invitations`, undefined, felaToken),
    ).invitations;
  return { person, meeting, invitations };
}

describe('naming a substitute from home', () => {
  it('"Nie mogę być" with Zofia instead: saved, shown after a reload, and Zofia is invited', async () => {
    const { person, invitations } = await setUp();
    // A substitute is invited only when someone names her: not yet.
    expect((await invitations()).map((i) => i.name)).not.toContain('Zofia Gdyńska');

    const phone = await setup.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await phone.newPage();
    await page.goto(person('Alicja Gdyńska')?.link ?? '');
    await page.getByTestId('next-meeting').waitFor();

    await page.getByRole('button', { name: 'Nie mogę być' }).click();
    const picker = page.getByTestId('substitute-picker');
    await picker.waitFor();
    // Nothing is saved before she says who comes: the picker is part of the answer.
    expect(await page.getByText('Jeszcze nie odpowiedziałeś(-aś).').count()).toBe(1);
    const select = page.getByLabel('Kto przyjdzie zamiast Ciebie?');
    // "bez zastępstwa" first and chosen; only her city's people, not herself, not Ełk's.
    expect(await select.locator('option').allTextContents()).toEqual([
      'bez zastępstwa',
      'Beata Gdyńska',
      'Zofia Gdyńska',
    ]);
    expect(await select.inputValue()).toBe('');
    await select.selectOption({ label: 'Zofia Gdyńska' });
    await screenshot(page, 'home-substitute-picker-phone');
    await page.getByRole('button', { name: 'Zapisz odpowiedź' }).click();

    await page.getByTestId('substitute-chosen').waitFor();
    expect(await page.getByTestId('substitute-chosen').textContent()).toBe('Zastępuje Cię: Zofia Gdyńska');
    await page.getByText('Twoja odpowiedź: Nie mogę być').waitFor();
    await page.reload();
    await page.getByTestId('substitute-chosen').waitFor();
    expect(await page.getByTestId('substitute-chosen').textContent()).toBe('Zastępuje Cię: Zofia Gdyńska');
    expect(await page.getByRole('button', { name: 'Nie mogę być' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await screenshot(page, 'home-substitute-chosen-phone');

    // The server has it as she saw it: her answer names Zofia, and Zofia is invited in her place.
    const saved = await invitations();
    expect(saved.find((i) => i.name === 'Alicja Gdyńska')).toMatchObject({
      answer: 'cannot-come',
      substituteId: person('Zofia Gdyńska')?.id,
    });
    expect(saved.find((i) => i.name === 'Zofia Gdyńska')).toMatchObject({
      substituteFor: person('Alicja Gdyńska')?.id,
      answer: null,
    });

    // Zofia's own home, on her phone: the invitation is there to answer.
    const zofiaPhone = await setup.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const zofia = await zofiaPhone.newPage();
    await zofia.goto(person('Zofia Gdyńska')?.link ?? '');
    const next = zofia.getByTestId('next-meeting');
    await next.waitFor();
    expect(await next.textContent()).toContain('Spotkanie 3 — dostępność przestrzeni');
    expect(await zofia.getByTestId('answer').textContent()).toContain('Jeszcze nie odpowiedziałeś(-aś).');
    expect(await zofia.getByTestId('standing-in-for').textContent()).toBe('Zastępujesz: Alicja Gdyńska');
    await zofia.getByRole('button', { name: 'Będę na sali' }).click();
    await zofia.getByText('Twoja odpowiedź: Będę na sali').waitFor();
    await screenshot(zofia, 'home-substitute-invited-phone');

    await phone.close();
    await zofiaPhone.close();
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
