/**
 * One person, one voice in a real browser ([I1], [I2]): a participant whose session is gone joins
 * again from the same browser and is the same person (one entry in the facilitator's list, the
 * same id, so their notes stay theirs); the same human joining from a second browser is a second
 * entry, which the facilitator merges through the list — and the list shows one.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createBoard } from '../support/api';
import { screenshot } from '../support/browser';
import { joinBoard } from '../support/board-page';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile();

/** The person id this page's session speaks for (what the server put in the join answer). */
function personId(page: Page, boardId: string): Promise<string> {
  return page.evaluate((id) => {
    const stored = JSON.parse(localStorage.getItem(`empiria.session.${id}`) ?? 'null') as {
      identity: { id: string };
    } | null;
    if (!stored) throw new Error('no session stored');
    return stored.identity.id;
  }, boardId);
}

/** The entries of the facilitator's list under the participants' link. */
const participantRows = (page: Page) =>
  page.locator('.roster-group[data-role=participant] [data-testid=roster-person]');

describe("the facilitator's list of people", () => {
  it('[I1][I2] a re-join from the same browser is one entry; two browsers of one person are merged into one', async () => {
    const board = await createBoard(setup.server, 'Sieć — lista osób');
    const felaContext = await setup.browser.newContext({ viewport: { width: 1280, height: 860 } });
    const fela = await joinBoard(felaContext, board.invites.facilitator, {
      name: 'Fela Nowak',
      city: 'Lublin',
    });

    // Ala joins, then her session is gone (expired, or storage of sessions cleared): she joins
    // again from the same browser and is the same person.
    const laptop = await setup.browser.newContext();
    const ala = await joinBoard(laptop, board.invites.participant, {
      name: 'Ala Wiśniewska',
      city: 'Gdynia',
    });
    const first = await personId(ala, board.id);
    await ala.evaluate((id) => localStorage.removeItem(`empiria.session.${id}`), board.id);
    await ala.reload();
    await ala.getByTestId('join-form').waitFor();
    await ala.click('button[type=submit]'); // name and city are remembered on this device
    await ala.getByTestId('board-screen').waitFor();
    expect(await personId(ala, board.id)).toBe(first);
    await ala.reload();
    await ala.getByTestId('board-screen').waitFor();
    expect(await personId(ala, board.id)).toBe(first);

    // The facilitator's console opens the list (the people panel gives way to the console).
    await fela.getByTestId('console-people').click();
    const roster = fela.getByTestId('people-roster');
    await roster.waitFor();
    await expect.poll(() => participantRows(fela).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => participantRows(fela).first().textContent()).toContain('Ala Wiśniewska');

    // The same human on a phone: another browser, another entry.
    const phone = await setup.browser.newContext();
    const alaPhone = await joinBoard(phone, board.invites.participant, { name: 'Ala W.', city: 'Gdynia' });
    const second = await personId(alaPhone, board.id);
    expect(second).not.toBe(first);
    await expect.poll(() => participantRows(fela).count(), { timeout: 15_000 }).toBe(2);
    await expect
      .poll(() => fela.locator(`[data-person-id="${second}"] .roster-meta`).textContent(), {
        timeout: 15_000,
      })
      .toContain('na tablicy');
    await screenshot(fela, 'people-roster-two-devices');

    // The facilitator merges the phone's entry into the laptop's, and is asked once.
    const phoneRow = fela.locator(`[data-person-id="${second}"]`);
    await phoneRow.getByTestId('roster-merge').click();
    await phoneRow.getByTestId('roster-merge-target').selectOption(first);
    await phoneRow.getByTestId('roster-merge-go').click();
    const question = phoneRow.getByTestId('roster-merge-question');
    await expect.poll(() => question.textContent()).toContain('Połączyć „Ala W.” z „Ala Wiśniewska”?');
    await screenshot(fela, 'people-roster-merge-question');
    await question.getByRole('button', { name: 'Tak, połącz' }).click();

    await expect.poll(() => participantRows(fela).count(), { timeout: 15_000 }).toBe(1);
    const merged = fela.locator(`[data-person-id="${first}"]`);
    await expect.poll(() => merged.getByTestId('roster-aliases').textContent()).toContain('Ala W. (Gdynia)');
    await screenshot(fela, 'people-roster');

    // Removing asks once, in plain words; the facilitator thinks better of it.
    await merged.getByTestId('roster-remove').click();
    await expect
      .poll(() => merged.getByTestId('roster-remove-question').textContent())
      .toContain('Usunąć „Ala Wiśniewska” z tablicy?');
    await screenshot(fela, 'people-roster-remove-question');
    await merged.getByTestId('roster-remove-question').getByRole('button', { name: 'Anuluj' }).click();

    // The phone joins again as Ala herself.
    await alaPhone.evaluate((id) => localStorage.removeItem(`empiria.session.${id}`), board.id);
    await alaPhone.reload();
    await alaPhone.getByTestId('join-form').waitFor();
    await alaPhone.click('button[type=submit]');
    await alaPhone.getByTestId('board-screen').waitFor();
    expect(await personId(alaPhone, board.id)).toBe(first);
    await expect.poll(() => participantRows(fela).count()).toBe(1);
  });
});
