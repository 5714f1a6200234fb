/**
 * "Wyślij zaproszenia e-mailem" on a meeting of the network page (issue #11, item 3): the
 * facilitator sends, a real SMTP server started by the test receives, and the page lists each
 * person's outcome — sent, no address, refused by the mail server. A server without SMTP says how
 * to configure it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMeetingResponseSchema,
  createdResponseSchema,
  networkDetailSchema,
  type NetworkPerson,
} from '@empiria/shared';
import { apiCall } from '../support/api';
import { launchBrowser, screenshot, type BrowserHandle } from '../support/browser';
import { startServer, type ServerHandle } from '../support/server-process';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';
import { dumpServerLogsOnFailure } from '../support/vitest-hooks';

const REJECTED = 'odrzucona@example.pl';
let smtp: SmtpCapture;
let browser: BrowserHandle;

dumpServerLogsOnFailure();

beforeAll(async () => {
  smtp = await startSmtpCapture({ reject: [REJECTED] });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await smtp?.close();
});

/** A network with its facilitator, three invitees (one without e-mail, one refused) and a meeting. */
async function setUp(server: ServerHandle) {
  const token = server.adminToken;
  const call = (method: string, url: string, body?: unknown) => apiCall(server, method, url, { token, body });
  const { id } = createdResponseSchema.parse(
    await call('POST', '/api/networks', {
      name: 'Miasto obywateli',
      theme: 'Partycypacja',
      facilitator: { name: 'Fela Nowak', email: 'fela@example.pl' },
    }),
  );
  await call('POST', `/api/networks/${id}/members`, { city: 'Gdynia', membership: 'leader-of-change' });
  await call('POST', `/api/networks/${id}/people`, {
    name: 'Anna Kowalska',
    email: 'anna@example.pl',
    city: 'Gdynia',
    role: 'representative',
  });
  await call('POST', `/api/networks/${id}/people`, {
    name: 'Zofia Bez Adresu',
    city: 'Gdynia',
    role: 'representative',
  });
  await call('POST', `/api/networks/${id}/people`, {
    name: 'Olga Odrzucona',
    email: REJECTED,
    city: 'Gdynia',
    role: 'representative',
  });
  const meeting = createMeetingResponseSchema.parse(
    await call('POST', `/api/networks/${id}/meetings`, {
      title: 'Spotkanie 1',
      startsAt: '2027-03-15T10:00',
      mode: 'online',
      agenda: [{ kind: 'step', format: 'format-0', stepId: 'welcome', minutes: 30 }],
    }),
  );
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${id}`));
  const fela = detail.people.find((p) => p.role === 'facilitator') as NetworkPerson;
  return { id, meetingId: meeting.id, felaToken: new URL(fela.link as string).searchParams.get('token') };
}

describe('sending invitations by e-mail from the network page', () => {
  it('sends and lists each person’s outcome', async () => {
    const server = await startServer({
      env: { SMTP_URL: smtp.url, SMTP_FROM: 'Biuro ZMP <sieci@example.pl>' },
    });
    try {
      const { id, meetingId, felaToken } = await setUp(server);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/n/${id}?token=${felaToken}`);
      const card = page.locator(`[data-meeting-id="${meetingId}"]`);
      await card.locator('summary').click();
      await card.getByRole('button', { name: 'Wyślij zaproszenia e-mailem' }).click();
      const outcome = card.locator(`[data-send-invitations="${meetingId}"] [role="status"]`);
      await outcome.getByText('Wysłano 2 zaproszenia.').waitFor();
      expect(await outcome.locator('li[data-outcome="sent"]').allTextContents()).toEqual([
        'Fela Nowak · fela@example.pl — wysłano',
        'Anna Kowalska · anna@example.pl — wysłano',
      ]);
      expect(await outcome.locator('li[data-outcome="no-email"]').textContent()).toBe(
        'Zofia Bez Adresu — brak adresu e-mail — przekaż link inaczej',
      );
      expect(await outcome.locator('li[data-outcome="failed"]').textContent()).toMatch(
        /^Olga Odrzucona · odrzucona@example\.pl — nie wysłano: 550/,
      );
      expect(smtp.messages.map((m) => m.envelopeTo[0]).sort()).toEqual([
        'anna@example.pl',
        'fela@example.pl',
      ]);
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, 'invitation-mail-sent-pl');

      // A second click sends only what is new: nothing, and says so.
      await card.getByRole('button', { name: 'Wyślij zaproszenia e-mailem' }).click();
      await outcome.getByText('2 osoby dostały już tę wersję zaproszenia.').waitFor();
      expect(smtp.messages).toHaveLength(2);
      context.assertNoForeignRequests(server.baseUrl);
    } finally {
      await server.stop();
    }
  });

  it('says how to configure SMTP when the server has none', async () => {
    const server = await startServer();
    try {
      const { id, meetingId, felaToken } = await setUp(server);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/n/${id}?token=${felaToken}`);
      const card = page.locator(`[data-meeting-id="${meetingId}"]`);
      await card.locator('summary').click();
      await card.getByRole('button', { name: 'Wyślij zaproszenia e-mailem' }).click();
      const alert = card.locator('[data-error-code="smtp_not_configured"]');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('SMTP_URL');
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, 'invitation-mail-not-configured-pl');
      context.assertNoForeignRequests(server.baseUrl);
    } finally {
      await server.stop();
    }
  });
});
