/**
 * The network's public page in Chromium (issue #13 item 6; rules PUB1–PUB4): the facilitator opens
 * "Strona publiczna" on the network page; two city representatives approve a Format 3 note and
 * agree on their boards to publish it; an anonymous visitor (a fresh browser, no token) finds it on
 * the public page, reads its printable page and its model practice, and the feed parses as XML;
 * when one representative withdraws consent the note is gone from the page at the next load and
 * its address answers 404. Screenshots test/artifacts/publication-*.png, looked at.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  SUMMARY_RECORD,
  boardListResponseSchema,
  createMeetingResponseSchema,
  createdResponseSchema,
  insertSummaryBlocks,
  networkDetailSchema,
  run,
  summaryBody,
} from '@empiria/shared';
import { apiCall, apiRequest, join } from '../support/api';
import { seriousViolations } from '../support/axe';
import { screenshot, type RecordedContext } from '../support/browser';
import { joinBoard } from '../support/board-page';
import { serverAndBrowserPerFile } from '../support/server-per-file';
import { connectDoc, type DocConnection } from '../support/yjs-client';

const MODEL_LINE = 'Krok 1: wspólna diagnoza podwórka z mieszkańcami';
const DRAFT_LINE = 'Roboczo: kwota dotacji do uzgodnienia';

const setup = serverAndBrowserPerFile();
const connections: DocConnection[] = [];

afterAll(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
});

const admin = () => setup.server.adminToken;
const call = (method: string, url: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token: admin(), body });

async function openContext(): Promise<RecordedContext> {
  const context = await setup.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => localStorage.setItem('empiria.language', 'pl'));
  return context;
}

async function openNotes(page: Page): Promise<void> {
  await page.getByTestId('summary-open').click();
  await page.getByTestId('summary-screen').waitFor();
}

async function approve(page: Page): Promise<void> {
  await page.getByTestId('approve').click();
  const question = page.getByTestId('approve-question');
  await question.waitFor();
  await question.getByRole('button').first().click();
}

async function answer(page: Page, publicly: 'yes' | 'no'): Promise<void> {
  await page.locator('input[name=consent-observers][value=yes]').check();
  await page.locator(`input[name=consent-public][value=${publicly}]`).check();
  await page.getByTestId('consent-save').click();
}

const publicState = (page: Page, state: string) =>
  page.locator(`[data-testid=sharing-public][data-state=${state}]`).waitFor({ timeout: 10_000 });

describe('the public page of a network', () => {
  it('shows a note once its group agrees to publish, to anyone, and takes it down when consent is withdrawn', async () => {
    // ---- the network, a Format 3 meeting, its note (as the facilitator's editor writes it) ----
    const { id: networkId } = createdResponseSchema.parse(
      await call('POST', '/api/networks', {
        name: 'Zielone podwórka',
        theme: 'Rewitalizacja podwórek i zieleń w centrach miast',
        facilitator: { name: 'Fela Nowak' },
        organiser: { name: 'Olga Kowal' },
      }),
    );
    for (const [city, membership] of [
      ['Łódź', 'programme-laureate'],
      ['Kutno', 'programme-finalist'],
      ['Radom', 'observer'],
    ]) {
      await call('POST', `/api/networks/${networkId}/members`, { city, membership });
    }
    const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${networkId}`));
    const felaLink = detail.people.find((p) => p.name === 'Fela Nowak')?.link ?? '';
    const felaToken = new URL(felaLink).searchParams.get('token') ?? '';
    const { meeting } = createMeetingResponseSchema.parse(
      await call('POST', `/api/networks/${networkId}/meetings`, {
        title: 'Spotkanie 3 — modelowa praktyka',
        startsAt: '2025-06-12T10:00',
        mode: 'in-person',
        hostCity: 'Łódź',
        agenda: [{ kind: 'step', format: 'format-3', stepId: 'model', minutes: 90 }],
      }),
    );
    const invites = boardListResponseSchema
      .parse(await call('GET', '/api/boards'))
      .boards.find((b) => b.id === meeting.boardId)?.invites;
    if (!invites) throw new Error('no board');
    const fela = await join(setup.server, meeting.boardId, invites.facilitator, 'Fela Nowak', 'Warszawa');
    const summary = await connectDoc(setup.server, meeting.boardId, 'summary', fela.sessionToken);
    connections.push(summary);
    summary.doc.transact(() => {
      insertSummaryBlocks(summaryBody(summary.doc), 0, [
        {
          type: 'heading',
          level: 2,
          sectionId: 'model.1',
          runs: [run('Modelowa praktyka: podwórko sąsiedzkie')],
        },
        {
          type: 'bulletList',
          items: [
            [{ type: 'paragraph', runs: [run(MODEL_LINE)] }],
            [{ type: 'paragraph', runs: [run('Krok 2: projekt z udziałem dzieci i seniorów')] }],
          ],
        },
      ]);
      summary.doc.getMap(SUMMARY_RECORD).set('meetingTitle', 'Spotkanie 3 — modelowa praktyka');
    });

    // ---- the facilitator opens the public page from the network page ----
    const felaPage = await (await openContext()).newPage();
    await felaPage.goto(`${setup.server.baseUrl}/n/${networkId}?token=${felaToken}`);
    const section = felaPage.getByRole('region', { name: 'Strona publiczna' });
    await section.getByText('Strona publiczna jest zamknięta').waitFor({ timeout: 15_000 });
    await section.scrollIntoViewIfNeeded();
    await screenshot(felaPage, 'publication-network-page-closed');
    await section.getByRole('button', { name: 'Otwórz stronę publiczną' }).click();
    await section.getByText('Strona publiczna jest otwarta od').waitFor();
    const publicUrl = await section
      .getByRole('link', { name: 'Zobacz stronę publiczną' })
      .getAttribute('href');
    expect(publicUrl).toBe(`${setup.server.baseUrl}/public/networks/${networkId}`);

    // ---- an anonymous visitor: a fresh browser, no token, nothing published yet ----
    const visitorContext = await setup.browser.newContext({ viewport: { width: 1024, height: 900 } });
    const visitor = await visitorContext.newPage();
    await visitor.goto(publicUrl!);
    await visitor.getByRole('heading', { name: 'Zielone podwórka', level: 1 }).waitFor();
    await visitor.getByText('Na razie nie ma tu opublikowanych notatek.').waitFor();
    expect(await visitor.locator('.cities li').allTextContents()).toEqual([
      'Łódź',
      'Kutno',
      'Radom (miasto obserwator)',
    ]);

    // ---- two representatives approve the note and agree to publish it, on their boards ----
    const reps: Page[] = [];
    for (const [name, city] of [
      ['Łucja Łódzka', 'Łódź'],
      ['Karol Kutnowski', 'Kutno'],
    ] as const) {
      const page = await joinBoard(await openContext(), invites.participant, { name, city });
      await openNotes(page);
      reps.push(page);
    }
    const [lucja, karol] = reps as [Page, Page];
    await lucja.getByText(MODEL_LINE).waitFor();
    const frozen = await apiRequest(setup.server, 'POST', `/api/boards/${meeting.boardId}/summary/versions`, {
      token: fela.sessionToken,
      body: { rule: 'consent' },
    });
    expect(frozen.status).toBe(201);
    for (const page of reps) await approve(page);
    for (const page of reps) {
      await page.locator('[data-testid=approval-status][data-status=approved]').waitFor({ timeout: 10_000 });
    }
    // After the approval, the facilitator keeps writing: a draft, for the board only.
    summary.doc.transact(() =>
      insertSummaryBlocks(summaryBody(summary.doc), 0, [{ type: 'paragraph', runs: [run(DRAFT_LINE)] }]),
    );
    await answer(lucja, 'yes');
    await publicState(karol, 'undecided');
    // One yes of two: still nothing on the public page.
    await visitor.reload();
    await visitor.getByText('Na razie nie ma tu opublikowanych notatek.').waitFor();
    await answer(karol, 'yes');
    await publicState(lucja, 'shared');

    // ---- the visitor finds it: the note, its model practice, its printable page, the feed ----
    await visitor.reload();
    const noteLink = visitor.getByRole('link', { name: 'Spotkanie 3 — modelowa praktyka', exact: true });
    await noteLink.waitFor();
    await visitor.getByText(MODEL_LINE).waitFor();
    expect(await visitor.content()).not.toContain(DRAFT_LINE);
    expect(await visitor.evaluate(() => document.scripts.length)).toBe(0);
    await screenshot(visitor, 'publication-public-page-pl');
    await visitor.goto(`${publicUrl}?lang=en`);
    await visitor.getByRole('heading', { name: 'Member cities' }).waitFor();
    await screenshot(visitor, 'publication-public-page-en');
    await visitor.goto(publicUrl!);

    await noteLink.click();
    await visitor.waitForURL(`**/public/networks/${networkId}/notes/${meeting.id}`);
    await visitor.getByText(MODEL_LINE).waitFor();
    expect(await visitor.content()).not.toContain(DRAFT_LINE);
    await screenshot(visitor, 'publication-public-note');
    await visitor.emulateMedia({ media: 'print' });
    expect(await visitor.getByRole('link', { name: '← Strona sieci' }).isVisible()).toBe(false);
    await visitor.emulateMedia({ media: 'screen' });

    // axe finds nothing serious on the page nor on the note (a context that lets axe's script in).
    const axePage = await (await setup.browser.newContext({ bypassCSP: true })).newPage();
    for (const url of [publicUrl!, `${publicUrl}/notes/${meeting.id}`]) {
      await axePage.goto(url);
      expect(await seriousViolations(axePage)).toEqual([]);
    }

    // The feed, parsed by the browser's own XML parser (fetched outside the page: the page's CSP
    // lets it connect nowhere, as it should).
    const feedXml = String(
      (await apiRequest(setup.server, 'GET', `/public/networks/${networkId}/feed.xml`)).body,
    );
    const feed = await visitor.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const atom = 'http://www.w3.org/2005/Atom';
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.namespaceURI,
        entries: [...doc.getElementsByTagNameNS(atom, 'entry')].map((entry) => ({
          title: entry.getElementsByTagNameNS(atom, 'title')[0]?.textContent,
          link: entry.getElementsByTagNameNS(atom, 'link')[0]?.getAttribute('href'),
        })),
      };
    }, feedXml);
    expect(feed).toEqual({
      error: 0,
      root: 'http://www.w3.org/2005/Atom',
      entries: [
        {
          title: 'Spotkanie 3 — modelowa praktyka',
          link: `${setup.server.baseUrl}/public/networks/${networkId}/notes/${meeting.id}`,
        },
      ],
    });

    // The facilitator's network page counts it.
    await felaPage.reload();
    await section.getByText('Grupa zgodziła się opublikować 1 notatkę.').waitFor({ timeout: 15_000 });
    await section.scrollIntoViewIfNeeded();
    await screenshot(felaPage, 'publication-network-page-open');

    // ---- Karol withdraws consent: gone at the next load, its address 404 ----
    await answer(karol, 'no');
    await publicState(lucja, 'refused');
    await visitor.goto(publicUrl!);
    await visitor.getByText('Na razie nie ma tu opublikowanych notatek.').waitFor();
    expect(await visitor.content()).not.toContain(MODEL_LINE);
    const gone = await visitor.goto(`${publicUrl}/notes/${meeting.id}`);
    expect(gone?.status()).toBe(404);
    expect(await visitor.content()).not.toContain(MODEL_LINE);
    await visitor.goto(publicUrl!);
    await screenshot(visitor, 'publication-public-page-withdrawn');

    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
