/**
 * The network page (issue #11 items 1, 3), in Chromium at 1280×800: the office creates a network
 * of six cities (one observer) with people; the facilitator, through their personal link, plans
 * meeting 1 (Format 0, all steps) and meeting 2 (Format 2's steps with a 15-minute break and a
 * 20-minute expert input, reordered once) and sees the totals; the organiser, through theirs,
 * changes the venue but finds the agenda read-only (N3). Bad input is shown where it was made.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { format0, format2 } from '@empiria/formats';
import { networkDetailSchema, type NetworkDetail } from '@empiria/shared';
import { apiCall } from '../support/api';
import { screenshot } from '../support/browser';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile();

const CITIES: [string, string][] = [
  ['Gdynia', 'programme-laureate'],
  ['Ełk', 'programme-laureate'],
  ['Lublin', 'programme-finalist'],
  ['Kielce', 'programme-finalist'],
  ['Płock', 'leader-of-change'],
  ['Radom', 'observer'],
];

async function readNetwork(networkId: string): Promise<NetworkDetail> {
  return networkDetailSchema.parse(
    await apiCall(setup.server, 'GET', `/api/networks/${networkId}`, { token: setup.server.adminToken }),
  );
}

function personalToken(link: string | null): string {
  const token = link ? new URL(link).searchParams.get('token') : null;
  if (!token) throw new Error(`no personal token in ${link}`);
  return token;
}

async function addPerson(page: Page, name: string, role: string, city: string) {
  const form = page.getByRole('form', { name: 'Dodaj osobę' });
  await form.getByLabel('Imię i nazwisko', { exact: true }).fill(name);
  await form.getByRole('combobox', { name: /^Rola w sieci/ }).selectOption(role);
  await form.getByRole('combobox', { name: /^Miasto/ }).selectOption(city);
  await form.getByRole('button', { name: 'Dodaj osobę' }).click();
  await page.locator(`tr[data-person="${name}"]`).waitFor();
}

async function agendaNames(page: Page): Promise<string[]> {
  return page
    .locator('.meeting-form [data-agenda-item]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-agenda-item') ?? ''));
}

describe('the network page', () => {
  it('lets the office, the facilitator and the organiser run a network', async () => {
    // ---- the office: "Nowa sieć", six cities, people ----
    const office = await (await setup.browser.newContext()).newPage();
    await office.goto(`${setup.server.baseUrl}/?admin=${setup.server.adminToken}`);
    const create = office.getByRole('form', { name: 'Nowa sieć' });
    await create.getByLabel('Nazwa sieci', { exact: true }).fill('Miasto dostępne');
    await create.getByLabel('Temat', { exact: true }).fill('Dostępność przestrzeni i usług miejskich');
    await create.getByRole('button', { name: 'Utwórz sieć' }).click();
    await office.waitForURL(/\/n\/[A-Za-z0-9_-]+$/);
    const networkId = new URL(office.url()).pathname.split('/')[2] ?? '';
    await office.getByRole('heading', { name: 'Miasto dostępne', level: 1 }).waitFor();

    const addCity = office.getByRole('form', { name: 'Dodaj miasto do sieci' });
    for (const [city, membership] of CITIES) {
      await addCity.getByLabel('Miasto', { exact: true }).fill(city);
      await addCity.getByRole('combobox', { name: /^Rodzaj członkostwa/ }).selectOption(membership);
      await addCity.getByRole('button', { name: 'Dodaj miasto' }).click();
      await office.locator(`tr[data-city="${city}"]`).waitFor();
    }
    // A city added twice, however spelled, is refused and said so next to the form (N7).
    await addCity.getByLabel('Miasto', { exact: true }).fill('  gdynia ');
    await addCity.getByRole('button', { name: 'Dodaj miasto' }).click();
    const refusal = addCity.locator('[data-error-code="already_member"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe('To miasto już jest członkiem tej sieci.');
    expect(await office.locator('tr[data-city]').count()).toBe(6);
    expect(await office.locator('#members-heading + p').textContent()).toBe(
      '6 miast · w rdzeniu sieci: 5 · obserwatorzy: 1',
    );
    await office.locator('#members-heading').scrollIntoViewIfNeeded();
    await screenshot(office, 'network-page-members-pl');

    await addPerson(office, 'Fela Nowak', 'facilitator', '');
    await addPerson(office, 'Olga Wrona', 'organiser', '');
    await addPerson(office, 'Ala Gdyńska', 'representative', 'Gdynia');
    await addPerson(office, 'Bartek Morski', 'representative', 'Gdynia');
    await addPerson(office, 'Ewa Ełcka', 'representative', 'Ełk');
    await addPerson(office, 'Lena Lubelska', 'representative', 'Lublin');
    await addPerson(office, 'Kamil Kielecki', 'representative', 'Kielce');
    await addPerson(office, 'Piotr Płocki', 'representative', 'Płock');
    await addPerson(office, 'Rita Radomska', 'representative', 'Radom');
    // The office sees and hands out personal links (N1).
    expect(await office.getByRole('button', { name: 'Kopiuj link osobisty: Ala Gdyńska' }).count()).toBe(1);
    // Replacing a link warns first, then the old one stops working.
    const before = (await readNetwork(networkId)).people.find((person) => person.name === 'Rita Radomska');
    await office.getByRole('button', { name: 'Wymień link osobisty: Rita Radomska' }).click();
    const warning = office.getByRole('alertdialog', { name: 'Wymień link' });
    expect(await warning.textContent()).toContain('Stary link przestanie działać od razu');
    await warning.getByRole('button', { name: 'Tak, wymień link' }).click();
    await office.getByText('Gotowe: stary link już nie działa.').waitFor();
    const after = (await readNetwork(networkId)).people.find((person) => person.name === 'Rita Radomska');
    expect(after?.link).not.toBe(before?.link);
    await office.locator('#people-heading').scrollIntoViewIfNeeded();
    await screenshot(office, 'network-page-people-pl');

    const detail = await readNetwork(networkId);
    expect(detail.members).toHaveLength(6);
    const link = (name: string) =>
      personalToken(detail.people.find((person) => person.name === name)?.link ?? null);

    // ---- the facilitator, through their personal link ----
    const facilitator = await (await setup.browser.newContext()).newPage();
    await facilitator.goto(`${setup.server.baseUrl}/n/${networkId}?token=${link('Fela Nowak')}`);
    await facilitator.getByRole('heading', { name: 'Miasto dostępne', level: 1 }).waitFor();
    expect(new URL(facilitator.url()).search).toBe(''); // the token left the address bar
    expect(await facilitator.getByText('Jesteś tu jako: koordynator-facylitator').count()).toBe(1);

    // An empty agenda is refused by the server and shown next to the agenda (N9).
    await facilitator.getByRole('button', { name: 'Zaplanuj spotkanie' }).click();
    const form = facilitator.getByRole('form', { name: 'Zaplanuj spotkanie' });
    await form.getByText(/Propozycja: .* – dotąd gościło 0 spotkań/).waitFor();
    await form.getByLabel('Tytuł spotkania', { exact: true }).fill('Spotkanie otwierające');
    await form.getByLabel('Data i godzina rozpoczęcia', { exact: true }).fill('2030-03-14T10:00');
    await form.getByRole('button', { name: 'Zaplanuj i utwórz tablicę' }).click();
    await form
      .locator('.agenda-editor')
      .getByText('Program jest pusty: dodaj co najmniej jeden punkt.')
      .waitFor();

    // Meeting 1: Format 0, every step with its format's minutes.
    await form.getByRole('combobox', { name: /^Format pracy/ }).selectOption('format-0');
    await form.getByRole('button', { name: `Dodaj ${format0.steps.length} zaznaczonych kroków` }).click();
    expect(await agendaNames(facilitator)).toEqual(format0.steps.map((step) => step.title.pl));
    const format0Minutes = format0.steps.reduce((sum, step) => sum + step.minutes, 0);
    const total0 = await form.locator('#agenda-total').textContent();
    expect(total0).toContain(`Razem: ${Math.floor(format0Minutes / 60)} godz. ${format0Minutes % 60} min`);
    await form.locator('.agenda-editor').scrollIntoViewIfNeeded();
    await screenshot(facilitator, 'network-page-agenda-format-0-pl');
    await form.getByRole('button', { name: 'Zaplanuj i utwórz tablicę' }).click();
    await facilitator.locator('.meeting-card').first().waitFor();

    // Meeting 2: Format 2's steps, a break and an expert input, the input moved up once.
    await facilitator.getByRole('button', { name: 'Zaplanuj spotkanie' }).click();
    await form.getByLabel('Tytuł spotkania', { exact: true }).fill('Generowanie rozwiązań');
    await form.getByLabel('Data i godzina rozpoczęcia', { exact: true }).fill('2030-06-12T09:30');
    await form.getByRole('combobox', { name: /^Forma spotkania/ }).selectOption('hybrid');
    await form.getByRole('combobox', { name: /^Format pracy/ }).selectOption('format-2');
    await form.getByRole('button', { name: /^Dodaj \d+ zaznaczon/ }).click();
    await form.getByRole('combobox', { name: /^Rodzaj/ }).selectOption('break');
    await form.getByLabel('Minuty', { exact: true }).fill('15');
    await form.getByRole('button', { name: 'Dodaj punkt' }).click();
    await form.getByRole('combobox', { name: /^Rodzaj/ }).selectOption('expert-input');
    await form.getByLabel('Tytuł (nieobowiązkowy)', { exact: true }).fill('Dostępność cyfrowa w praktyce');
    await form.getByLabel('Minuty', { exact: true }).fill('20');
    await form.getByRole('button', { name: 'Dodaj punkt' }).click();
    const up = form.getByRole('button', { name: 'Przesuń wyżej: Dostępność cyfrowa w praktyce' });
    await up.focus();
    await facilitator.keyboard.press('Enter'); // keyboard, not only the mouse
    const names = await agendaNames(facilitator);
    const format2Titles = format2.steps.map((step) => step.title.pl);
    expect(names).toEqual([...format2Titles, 'Dostępność cyfrowa w praktyce', 'Przerwa']);
    const format2Minutes = format2.steps.reduce((sum, step) => sum + step.minutes, 0);
    const total2 = format2Minutes + 35;
    const end = new Date(Date.UTC(2030, 5, 12, 9, 30 + total2)).toISOString().slice(11, 16);
    expect(await form.locator('#agenda-total').textContent()).toContain(`koniec o ${end}`);
    await form.locator('.agenda-editor').scrollIntoViewIfNeeded();
    await screenshot(facilitator, 'network-page-agenda-format-2-pl');
    await form.getByRole('button', { name: 'Zaplanuj i utwórz tablicę' }).click();
    await facilitator.locator('.meeting-card').nth(1).waitFor();

    const planned = await readNetwork(networkId);
    expect(planned.meetings.map((meeting) => meeting.title)).toEqual([
      'Spotkanie otwierające',
      'Generowanie rozwiązań',
    ]);
    const meeting2 = planned.meetings[1]!;
    expect(meeting2.agenda.slice(-2)).toEqual([
      { kind: 'expert-input', title: 'Dostępność cyfrowa w praktyce', minutes: 20 },
      { kind: 'break', title: '', minutes: 15 },
    ]);
    expect(meeting2.endsAt).toBe(`2030-06-12T${end}`);
    expect(planned.meetings[0]!.agenda).toHaveLength(format0.steps.length);

    // Answers show on the meeting's invitations.
    const ala = planned.people.find((person) => person.name === 'Ala Gdyńska')!;
    await apiCall(
      setup.server,
      'PUT',
      `/api/networks/${networkId}/meetings/${meeting2.id}/invitations/${ala.id}/answer`,
      {
        token: link('Ala Gdyńska'),
        body: { answer: 'online' },
      },
    );
    await facilitator.reload();
    const card2 = facilitator.locator(`[data-meeting-id="${meeting2.id}"]`);
    await card2.getByText('Zaproszenia: 9 osób · 1 odpowiedź').waitFor();
    await card2.locator('summary').click();
    expect(await card2.locator('tr[data-invitee="Ala Gdyńska"] .answer').textContent()).toBe('będzie online');
    expect(await card2.textContent()).toContain('1 z ');
    await card2.scrollIntoViewIfNeeded();
    await screenshot(facilitator, 'network-page-meetings-pl');

    // ---- the organiser: the practical fields only (N3) ----
    const organiser = await (await setup.browser.newContext()).newPage();
    await organiser.goto(`${setup.server.baseUrl}/n/${networkId}?token=${link('Olga Wrona')}`);
    const card1 = organiser.locator(`[data-meeting-id="${planned.meetings[0]!.id}"]`);
    await card1.getByRole('button', { name: 'Zmień szczegóły' }).click();
    const edit = organiser.getByRole('form', { name: 'Zmień szczegóły' });
    expect(await edit.getByLabel('Tytuł spotkania', { exact: true }).isDisabled()).toBe(true);
    expect(await edit.getByLabel('Data i godzina rozpoczęcia', { exact: true }).isDisabled()).toBe(true);
    expect(await edit.getByRole('button', { name: /^Przesuń/ }).count()).toBe(0);
    expect(await edit.locator('.agenda-editor input').count()).toBe(0);
    expect(
      await edit.getByText('Program ustala para prowadzących – tu możesz go tylko przeczytać.').count(),
    ).toBe(1);
    // No personal links for the organiser, and no changes to cities or people.
    expect(await organiser.getByRole('button', { name: /Kopiuj link osobisty/ }).count()).toBe(0);
    expect(await organiser.getByRole('form', { name: 'Dodaj miasto do sieci' }).count()).toBe(0);
    await edit
      .getByLabel('Adres lub budynek', { exact: true })
      .fill('Urząd Miasta Gdyni, al. Piłsudskiego 52/54');
    await edit.getByLabel('Sala', { exact: true }).fill('Sala Rady');
    await edit.locator('.agenda-editor').scrollIntoViewIfNeeded();
    await screenshot(organiser, 'network-page-organiser-pl');
    await edit.getByRole('button', { name: 'Zapisz' }).click();
    await card1
      .getByText('Urząd Miasta Gdyni, al. Piłsudskiego 52/54, Sala Rady', { exact: false })
      .waitFor();
    const changed = (await readNetwork(networkId)).meetings[0]!;
    expect(changed.venue).toBe('Urząd Miasta Gdyni, al. Piłsudskiego 52/54');
    expect(changed.agenda).toEqual(planned.meetings[0]!.agenda);

    // The office's list links to the page.
    await office.goto(`${setup.server.baseUrl}/`);
    await office.locator(`[data-network-id="${networkId}"] a[href="/n/${networkId}"]`).waitFor();

    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  }, 180_000);
});
