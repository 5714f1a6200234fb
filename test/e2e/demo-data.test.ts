/**
 * The demo data from the admin home (issue #11, item 7): one click asks first, the confirmation
 * says what will be created, and then the eight ZMP networks are on the list; a second load says
 * the data is already there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type BrowserHandle } from '../support/browser';
import { startServer, type ServerHandle } from '../support/server-process';

let server: ServerHandle;
let browser: BrowserHandle;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('demo data on the admin home', () => {
  it('loads only after a confirmation, then lists the eight networks', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/?admin=${server.adminToken}`);
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
    browser.assertNoForeignRequests(server.baseUrl);
  });
});
