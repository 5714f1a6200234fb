/**
 * The office's networks on the admin home (issue #11, the first screen of networks): a network
 * made through the API shows with its theme and its counts, in Polish plural forms.
 */
import { describe, expect, it } from 'vitest';
import { createdResponseSchema } from '@empiria/shared';
import { apiCall } from '../support/api';
import { screenshot } from '../support/browser';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile();

describe('networks on the admin home', () => {
  it('lists each network with its theme, member cities, people and meetings', async () => {
    const token = setup.server.adminToken;
    const { id } = createdResponseSchema.parse(
      await apiCall(setup.server, 'POST', '/api/networks', {
        token,
        body: {
          name: 'Miasto cyfrowe',
          theme: 'Cyfryzacja usług miejskich',
          facilitator: { name: 'Fela Nowak' },
        },
      }),
    );
    for (const city of ['Gdynia', 'Ełk', 'Lublin', 'Radom', 'Kielce']) {
      await apiCall(setup.server, 'POST', `/api/networks/${id}/members`, {
        token,
        body: { city, membership: city === 'Radom' ? 'observer' : 'programme-laureate' },
      });
    }
    await apiCall(setup.server, 'POST', `/api/networks/${id}/people`, {
      token,
      body: { name: 'Ala Gdyńska', city: 'Gdynia', role: 'representative' },
    });

    const context = await setup.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${setup.server.baseUrl}/?admin=${token}`);
    const card = page.locator(`[data-network-id="${id}"]`);
    await card.waitFor();
    expect(await page.getByRole('heading', { name: 'Sieci', exact: true }).count()).toBe(1);
    expect(await card.locator('h3').textContent()).toBe('Miasto cyfrowe');
    expect(await card.textContent()).toContain('Cyfryzacja usług miejskich');
    expect(await card.textContent()).toContain('5 miast · 2 osoby · 0 spotkań');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'networks-admin-list-pl');
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
