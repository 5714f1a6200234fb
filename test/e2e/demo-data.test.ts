/**
 * The demo data from the admin home (issue #11, item 7): one click asks first, the confirmation
 * says what will be created, and then the eight ZMP networks are on the list; a second load says
 * the data is already there.
 */
import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile();

describe('demo data on the admin home', () => {
  it('loads only after a confirmation, then lists the eight networks', async () => {
    const context = await setup.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${setup.server.baseUrl}/?admin=${setup.server.adminToken}`);
    const button = page.getByRole('button', { name: 'Wczytaj dane demonstracyjne' });
    await button.scrollIntoViewIfNeeded();
    await button.click();

    // Asked first: nothing is created by the first click.
    const dialog = page.getByRole('alertdialog', { name: 'Wczytaj dane demonstracyjne' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('osiem sieci ZMP');
    expect(await page.locator('[data-network-id]').count()).toBe(0);
    await screenshot(page, 'demo-data-confirm-pl');
    await dialog.getByRole('button', { name: 'Anuluj' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('[data-network-id]').count()).toBe(0);

    await button.click();
    await dialog.getByRole('button', { name: 'Wczytaj dane demonstracyjne' }).click();
    await page.getByRole('status').filter({ hasText: 'Wczytano dane demonstracyjne: 8 sieci.' }).waitFor();
    await page.locator('[data-network-id]').nth(7).waitFor();
    const names = await page.locator('[data-network-id] h3').allTextContents();
    expect(names).toEqual([
      'Miasto cyfrowe',
      'Zasoby miast',
      'Miasto obywateli',
      'Miasto dostępne i sprawiedliwe',
      'Miasto przedsiębiorcze',
      'Miasto neutralne klimatycznie',
      'Zasoby kadrowe w miastach',
      'Leadership',
    ]);
    expect(await page.locator('[data-network-id]').first().textContent()).toContain('12 miast');
    await page.locator('[data-network-id]').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'demo-data-networks-pl');

    await button.click();
    await dialog.getByRole('button', { name: 'Wczytaj dane demonstracyjne' }).click();
    await page.getByRole('alert').filter({ hasText: 'Dane demonstracyjne są już wczytane.' }).waitFor();
    expect(await page.locator('[data-network-id]').count()).toBe(8);
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
