import type { Page } from 'playwright-core';

/**
 * What a person does on a network's pages (`/n/<id>`, `/me`), for end-to-end tests: the same
 * labels and buttons a facilitator reads, so a test breaks when the words on screen change.
 */

/** Waits for something a person would see; generous, since other browsers and the server share the machine. */
export const SEEN = { timeout: 15_000 } as const;

/** "Dodaj miasto": one member city with its membership type, and waits for its row. */
export async function addMemberCity(page: Page, city: string, membership: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Dodaj miasto do sieci' });
  await form.getByLabel('Miasto', { exact: true }).fill(city);
  await form.getByRole('combobox', { name: /^Rodzaj członkostwa/ }).selectOption(membership);
  await form.getByRole('button', { name: 'Dodaj miasto' }).click();
  await page.locator(`tr[data-city="${city}"]`).waitFor(SEEN);
}

/** "Dodaj osobę": a person with a role in the network (and a city, '' for none), and waits for the row. */
export async function addNetworkPerson(page: Page, name: string, role: string, city: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Dodaj osobę' });
  await form.getByLabel('Imię i nazwisko', { exact: true }).fill(name);
  await form.getByRole('combobox', { name: /^Rola w sieci/ }).selectOption(role);
  await form.getByRole('combobox', { name: /^Miasto/ }).selectOption(city);
  await form.getByRole('button', { name: 'Dodaj osobę' }).click();
  await page.locator(`tr[data-person="${name}"]`).waitFor(SEEN);
}

/**
 * "Kopiuj link osobisty" for one person, and the link as the office would paste it into a
 * message: from the clipboard (the context needs clipboard permissions), or, when the browser
 * refused to copy, from the field the page shows instead.
 */
export async function copyPersonalLink(page: Page, name: string): Promise<string> {
  const button = page.getByRole('button', { name: `Kopiuj link osobisty: ${name}` });
  await button.click();
  const row = page.locator(`tr[data-person="${name}"]`);
  const fallback = row.locator('input.invite-url');
  await Promise.race([row.getByText('Skopiowano', { exact: true }).waitFor(SEEN), fallback.waitFor(SEEN)]);
  const link =
    (await fallback.count()) > 0
      ? await fallback.inputValue()
      : await page.evaluate(() => navigator.clipboard.readText());
  if (!/\/me\?token=/.test(link)) throw new Error(`not a personal link for ${name}: ${link}`);
  return link;
}

/** The agenda editor's rows, by their titles. */
export function agendaRows(page: Page): Promise<string[]> {
  return page
    .locator('.meeting-form [data-agenda-item]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-agenda-item') ?? ''));
}

/** A Warsaw wall-clock time, `2027-03-15T10:00`, as the meeting form's date field takes it. */
export type WarsawLocal = string;

/** This hour on Warsaw's clock: a meeting that starts now, so its board is live today. */
export function thisHourInWarsaw(now = new Date()): WarsawLocal {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Warsaw',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:00`;
}

/** The Warsaw date `days` after `from`'s, at `time` (`09:30`). */
export function daysLater(from: WarsawLocal, days: number, time: string): WarsawLocal {
  const date = new Date(`${from.slice(0, 10)}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return `${date.toISOString().slice(0, 10)}T${time}`;
}
