/**
 * The network forum in Chromium (issue #12 item 5): an observer city's representative, on her
 * phone, opens the forum from her home and posts a need; the facilitator sees the unread count on
 * her home, opens the forum, turns the need into an agenda item of the planned meeting, and the
 * network page's agenda shows it. Screenshots on the phone (390×844) and the desktop, looked at.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createMeetingResponseSchema,
  createdResponseSchema,
  meetingSchema,
  networkDetailSchema,
} from '@empiria/shared';
import { apiCall } from '../support/api';
import { describeViolations, seriousViolations } from '../support/axe';
import { screenshot } from '../support/browser';
import { agendaRows, SEEN } from '../support/network-pages';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });

const admin = () => setup.server.adminToken;
const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token, body });

const NEED_TITLE = 'Jak utrzymać łąki kwietne przy suszy?';
const NEED_BODY =
  'W Radomiu łąki wysychają w lipcu.\nCzy ktoś ma doświadczenia? Nasz opis: https://radom.pl/laki';

let networkId: string;
let meetingId: string;
const links: Record<string, string> = {};

beforeAll(async () => {
  networkId = createdResponseSchema.parse(
    await call('POST', '/api/networks', admin(), {
      name: 'Zielone miasta',
      theme: 'Zieleń i klimat',
      facilitator: { name: 'Felicja Nowak' },
      experts: [{ name: 'Edward Zieliński' }],
    }),
  ).id;
  await call('POST', `/api/networks/${networkId}/members`, admin(), {
    city: 'Gdynia',
    membership: 'programme-laureate',
  });
  await call('POST', `/api/networks/${networkId}/members`, admin(), {
    city: 'Radom',
    membership: 'observer',
  });
  await call('POST', `/api/networks/${networkId}/people`, admin(), {
    name: 'Rita Radomska',
    city: 'Radom',
    role: 'representative',
  });
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${networkId}`, admin()));
  for (const person of detail.people) links[person.name] = person.link ?? '';
  meetingId = createMeetingResponseSchema.parse(
    await call('POST', `/api/networks/${networkId}/meetings`, admin(), {
      title: 'Spotkanie 2 — zieleń',
      startsAt: '2099-05-20T10:00',
      mode: 'online',
      agenda: [
        { kind: 'step', format: 'format-2', stepId: 'challenge', minutes: 60 },
        { kind: 'break', minutes: 15 },
      ],
    }),
  ).id;
});

describe('network forum', () => {
  it('an observer posts a need from her home; the facilitator puts it on the agenda', async () => {
    // Rita, observer city Radom, on her phone.
    const phone = await setup.browser.newContext({
      // bypassCSP: axe is injected as an inline script, which the app's CSP refuses.
      viewport: { width: 390, height: 844 },
      bypassCSP: true,
      isMobile: true,
      hasTouch: true,
    });
    const rita = await phone.newPage();
    await rita.goto(links['Rita Radomska'] ?? '');
    await rita.getByTestId('home').waitFor(SEEN);
    await rita.getByRole('link', { name: 'Forum sieci' }).click();
    await rita.getByRole('heading', { name: 'Zielone miasta' }).waitFor(SEEN);
    await rita.getByText('Nie ma jeszcze wątków. Zacznij pierwszy.').waitFor(SEEN);
    await rita.getByRole('button', { name: 'Nowy wątek' }).click();
    const form = rita.getByRole('form', { name: 'Nowy wątek' });
    await form.getByRole('radio', { name: /Obserwacja \/ potrzeba/ }).check();
    await form.getByLabel('Tytuł').fill(NEED_TITLE);
    await form.getByLabel('Treść').fill(NEED_BODY);
    await screenshot(rita, 'forum-phone-new-need');
    const formViolations = await seriousViolations(rita);
    expect(formViolations, describeViolations(formViolations)).toEqual([]);
    await form.getByRole('button', { name: 'Opublikuj' }).click();
    await rita.getByRole('heading', { name: NEED_TITLE }).waitFor(SEEN);
    // Plain text with its line break, the address a link to that address only.
    const link = rita.locator('.forum-text a');
    expect(await link.getAttribute('href')).toBe('https://radom.pl/laki');
    expect(await link.getAttribute('rel')).toContain('noopener');
    await expect.poll(() => rita.locator('.forum-post').first().textContent()).toContain('miasto obserwator');
    expect(await rita.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(rita, 'forum-phone-need-posted');

    // Felicja, the facilitator, at her desk: her home says there is something new.
    const desk = await setup.browser.newContext({ bypassCSP: true });
    const fela = await desk.newPage();
    await fela.goto(links['Felicja Nowak'] ?? '');
    const unread = fela.getByTestId('forum-unread');
    await unread.waitFor(SEEN);
    expect(await unread.textContent()).toBe('1 nowy wpis');
    await screenshot(fela, 'forum-desktop-home-unread');
    await fela.getByTestId('forum-link').click();
    const row = fela.locator(`[data-thread="${NEED_TITLE}"]`);
    await row.waitFor(SEEN);
    expect(await row.getByTestId('forum-thread-unread').textContent()).toBe('1 nowy');
    await screenshot(fela, 'forum-desktop-list');
    await row.getByRole('link').click();
    await fela.getByRole('heading', { name: NEED_TITLE }).waitFor(SEEN);

    const agendaForm = fela.getByRole('form', { name: 'Dodaj do programu spotkania' });
    await agendaForm.getByRole('combobox', { name: 'Spotkanie' }).selectOption(meetingId);
    await agendaForm.getByLabel('Czas (minuty)').fill('20');
    await screenshot(fela, 'forum-desktop-need-agenda-form');
    const threadViolations = await seriousViolations(fela);
    expect(threadViolations, describeViolations(threadViolations)).toEqual([]);
    await agendaForm.getByRole('button', { name: 'Dodaj do programu' }).click();
    const onAgenda = fela.getByTestId('forum-on-agenda');
    await onAgenda.waitFor(SEEN);
    expect(await onAgenda.textContent()).toContain('Dodano do programu spotkania');
    expect(await onAgenda.textContent()).toContain('Spotkanie 2 — zieleń');
    expect(await agendaForm.count()).toBe(0);
    await screenshot(fela, 'forum-desktop-need-on-agenda');

    // The meeting's agenda holds the need, as the network page shows it.
    const meeting = meetingSchema.parse(
      (
        (await call('GET', `/api/networks/${networkId}/meetings/${meetingId}`, admin())) as {
          meeting: unknown;
        }
      ).meeting,
    );
    expect(meeting.agenda.at(-1)).toEqual({ kind: 'free-discussion', title: NEED_TITLE, minutes: 20 });
    await onAgenda.getByRole('link', { name: 'Zobacz spotkanie' }).click();
    const card = fela.locator(`[data-meeting-id="${meetingId}"]`);
    await card.waitFor(SEEN);
    await card.getByRole('button', { name: 'Zmień szczegóły' }).click();
    await expect.poll(() => agendaRows(fela)).toContain(NEED_TITLE);
    await screenshot(fela, 'forum-desktop-network-agenda');

    // Read: the home's count is gone. Rita sees where her need went.
    await fela.goto(`${setup.server.baseUrl}/me`);
    await fela.getByTestId('forum-link').waitFor(SEEN);
    expect(await fela.getByTestId('forum-unread').count()).toBe(0);
    await rita.reload();
    await rita.getByTestId('forum-on-agenda').waitFor(SEEN);
    await screenshot(rita, 'forum-phone-need-on-agenda');

    expect(phone.pageErrors()).toEqual([]);
    expect(desk.pageErrors()).toEqual([]);
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
