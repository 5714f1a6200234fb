/**
 * Each page of the app is a chunk of its own (D49). When a page's chunk does not load, the person
 * sees why and a button that loads the page again, not a blank window; once the network is back
 * the button brings the page.
 */
import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile();

describe('a page whose code does not load', () => {
  it('says so, in the reader’s language, and loads the page when asked again', async () => {
    const context = await setup.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const chunk = '**/assets/HomeRoute-*.js';
    await page.route(chunk, (route) => route.abort('internetdisconnected'));
    await page.goto(`${setup.server.baseUrl}/me`);

    const failed = page.getByTestId('page-failed');
    await failed.waitFor();
    expect(await failed.getByRole('heading').textContent()).toBe('Nie udało się wczytać strony');
    await screenshot(page, 'page-load-failed-phone-pl');

    await page.unroute(chunk);
    await failed.getByRole('button', { name: 'Spróbuj ponownie' }).click();
    await page.getByTestId('home-no-link').waitFor();
    expect(await page.getByTestId('page-failed').count()).toBe(0);
    await context.close();
  });
});
