/**
 * A network's archive, its attendance matrix, search and the office overview in Chromium (issue
 * #11, items 5–6): the office reads the overview on the admin home, opens a network's archive,
 * reads the matrix, finds an approved note by a query without Polish letters and downloads it; a
 * representative sees the same archive through her personal link (no drafts' count) and nothing
 * of another network. Screenshots at 1280×800 and on a phone; axe on the archive page.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YKeyValue } from 'y-utility/y-keyvalue';
import type { Page } from 'playwright-core';
import {
  CANVAS_RECORDS_ARRAY,
  SUMMARY_RECORD,
  boardListResponseSchema,
  createMeetingResponseSchema,
  createdResponseSchema,
  insertSummaryBlocks,
  networkDetailSchema,
  run,
  summaryBody,
  type CreateMeetingRequest,
  type JoinResponse,
} from '@empiria/shared';
import { apiCall, join } from '../support/api';
import { describeViolations, seriousViolations } from '../support/axe';
import { ARTIFACTS_DIR, screenshot } from '../support/browser';
import { noteRecord } from '../support/canvas-records';
import { serverAndBrowserPerFile } from '../support/server-per-file';
import { connectDoc, type DocConnection } from '../support/yjs-client';

const setup = serverAndBrowserPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });
const connections: DocConnection[] = [];

afterAll(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
});

const admin = () => setup.server.adminToken;
const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token, body });

interface Net {
  id: string;
  /** A person's personal token, by (the start of) their name. */
  token: (name: string) => string;
  personId: (name: string) => string;
}

async function makeNetwork(name: string, cities: string[]): Promise<Net> {
  const { id } = createdResponseSchema.parse(
    await call('POST', '/api/networks', admin(), {
      name,
      theme: 'Finansowanie rozwoju miast',
      facilitator: { name: `Fela ${name}` },
      organiser: { name: `Olga ${name}` },
    }),
  );
  for (const city of cities) {
    await call('POST', `/api/networks/${id}/members`, admin(), { city, membership: 'programme-laureate' });
    await call('POST', `/api/networks/${id}/people`, admin(), {
      name: `Reprezentant ${city}`,
      city,
      role: 'representative',
    });
  }
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${id}`, admin()));
  const person = (name: string) => {
    const found = detail.people.find((p) => p.name === name || p.name.startsWith(name));
    if (!found) throw new Error(`no ${name}`);
    return found;
  };
  return {
    id,
    token: (name) => new URL(person(name).link ?? '').searchParams.get('token') ?? '',
    personId: (name) => person(name).id,
  };
}

const meetingRequest = (title: string, startsAt: string): CreateMeetingRequest => ({
  title,
  startsAt,
  mode: 'hybrid',
  hostCity: null,
  agenda: [{ kind: 'step', format: 'format-0', stepId: 'welcome', minutes: 60 }],
});

let net: Net;
let other: Net;
const meetings: Record<'first' | 'second' | 'third', { id: string; boardId: string }> = {} as never;

async function boardInvites(boardId: string) {
  const boards = boardListResponseSchema.parse(await call('GET', '/api/boards', admin())).boards;
  const board = boards.find((b) => b.id === boardId);
  if (!board) throw new Error('no board');
  return board.invites;
}

async function open(boardId: string, doc: 'canvas' | 'summary', who: JoinResponse) {
  const connection = await connectDoc(setup.server, boardId, doc, who.sessionToken);
  connections.push(connection);
  return connection;
}

const NOTE_TEXT = 'Przejrzeliśmy źródła finansowania: fundusze norweskie i KPO dla Łodzi i Kalisza.';

beforeAll(async () => {
  net = await makeNetwork('Zasoby miast', ['Łódź', 'Ełk', 'Kalisz']);
  other = await makeNetwork('Miasto zielone', ['Opole']);
  const made = async (title: string, startsAt: string) =>
    createMeetingResponseSchema.parse(
      await call('POST', `/api/networks/${net.id}/meetings`, admin(), meetingRequest(title, startsAt)),
    );
  meetings.first = await made('Spotkanie 1 — finansowanie', '2025-03-10T10:00');
  meetings.second = await made('Spotkanie 2 — budżet', '2025-06-12T10:00');
  meetings.third = await made('Spotkanie 3', '2099-06-10T10:00');
  await call(
    'POST',
    `/api/networks/${other.id}/meetings`,
    admin(),
    meetingRequest('Zielone 1', '2025-02-01T10:00'),
  );

  const answer = (person: string, meetingId: string, value: string) =>
    call(
      'PUT',
      `/api/networks/${net.id}/meetings/${meetingId}/invitations/${net.personId(person)}/answer`,
      net.token(person),
      { answer: value },
    );
  // Meeting 1: Łódź online, Ełk cannot come, Kalisz joins the board (present, place unknown: a
  // join that said nowhere, [N14]). Meeting 2: Łódź in the room, Ełk cannot come, Kalisz silent.
  await answer('Reprezentant Łódź', meetings.first.id, 'online');
  await answer('Reprezentant Ełk', meetings.first.id, 'cannot-come');
  await answer('Reprezentant Łódź', meetings.second.id, 'in-person');
  await answer('Reprezentant Ełk', meetings.second.id, 'cannot-come');

  const invites = await boardInvites(meetings.first.boardId);
  const fela = await join(
    setup.server,
    meetings.first.boardId,
    invites.facilitator,
    'Fela Zasoby',
    'Warszawa',
  );
  const kalisz = await join(
    setup.server,
    meetings.first.boardId,
    invites.participant,
    'Reprezentant Kalisz',
    'Kalisz',
  );
  const canvas = await open(meetings.first.boardId, 'canvas', kalisz);
  canvas.doc.transact(() =>
    new YKeyValue<unknown>(canvas.doc.getArray(CANVAS_RECORDS_ARRAY)).set(
      'shape:k1',
      noteRecord('shape:k1', { text: 'Budżet obywatelski w Łodzi', x: 5000, y: 5000 }),
    ),
  );
  const summary = await open(meetings.first.boardId, 'summary', fela);
  summary.doc.transact(() => {
    insertSummaryBlocks(summaryBody(summary.doc), 0, [
      { type: 'heading', level: 2, sectionId: null, runs: [run('Ustalenia')] },
      { type: 'paragraph', runs: [run(NOTE_TEXT)] },
    ]);
    summary.doc.getMap(SUMMARY_RECORD).set('meetingTitle', 'Spotkanie 1 — finansowanie');
  });
  const kaliszSummary = await open(meetings.first.boardId, 'summary', kalisz);
  await kaliszSummary.waitFor(
    (doc) => summaryBody(doc).toString().includes('źródła'),
    10_000,
    'note reached',
  );
  const board = (path: string, who: JoinResponse, body?: unknown) =>
    call('POST', `/api/boards/${meetings.first.boardId}${path}`, who.sessionToken, body);
  const frozen = (await board('/summary/versions', fela, { rule: 'consent' })) as {
    approval: { versionId: string };
  };
  await board('/summary/decisions', kalisz, { versionId: frozen.approval.versionId, decision: 'approve' });
});

/** The texts of the matrix: a row per city, its cells' visible words. */
async function matrixRows(page: Page): Promise<string[][]> {
  return page.locator('[data-testid="attendance-matrix"] tbody tr').evaluateAll((rows) =>
    rows.map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => {
        const clone = cell.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
        return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
      }),
    ),
  );
}

describe('the archive in the browser', () => {
  it('the office: overview row → archive → matrix → search without diacritics → Markdown download', async () => {
    const context = await setup.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${setup.server.baseUrl}/?admin=${admin()}`);

    // The overview: every figure of the network, the cities that missed two meetings in words.
    const row = page.locator(`[data-overview-network="${net.id}"]`);
    await row.waitFor();
    expect(await page.getByRole('heading', { name: 'Wszystkie sieci' }).count()).toBe(1);
    const cell = async (col: string) => (await row.locator(`[data-col="${col}"]`).textContent())?.trim();
    expect(await cell('members')).toBe('3');
    expect(await cell('meetings')).toBe('2 odbyte · 1 zaplanowane');
    expect(await cell('notes')).toBe('1 zatwierdzona · 1 czeka na zatwierdzenie');
    expect(await cell('attendance')).toBe('50%');
    expect(await cell('missing')).toBe('Uwaga: Ełk');
    expect(await row.getByRole('link', { name: 'Zasoby miast', exact: true }).getAttribute('href')).toBe(
      `/n/${net.id}`,
    );
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    // The admin home is long (networks, then boards): the overview's own picture, as the office sees it.
    await page
      .locator('.office-overview')
      .screenshot({ path: path.join(ARTIFACTS_DIR, 'archive-office-overview.png') });

    await row.getByRole('link', { name: 'Archiwum sieci Zasoby miast' }).click();
    await page.waitForURL(`**/n/${net.id}/archive`);
    await page.getByRole('heading', { name: 'Zasoby miast', level: 1 }).waitFor();

    // The matrix: cities × meetings (oldest first), marks in words, the rate in %.
    const headers = await page
      .locator('[data-testid="attendance-matrix"] thead th')
      .evaluateAll((cells) => cells.map((c) => (c.textContent ?? '').trim()));
    expect(headers).toEqual([
      'Miasto',
      'Spotkanie 1 — finansowanie10.03.2025',
      'Spotkanie 2 — budżet12.06.2025',
      'Spotkanie 310.06.2099',
      'Frekwencja',
    ]);
    expect(await matrixRows(page)).toEqual([
      ['Łódź', 'on-line', 'w sali', 'przed nami', '100% (2 z 2)'],
      ['Ełk', '—', '—', 'przed nami', '0% (0 z 2)'],
      ['Kalisz', 'obecne', '—', 'przed nami', '50% (1 z 2)'],
    ]);
    expect(await page.locator('[data-testid="attendance-matrix"] caption').textContent()).toContain(
      'Obecność miast członkowskich',
    );
    expect(await page.locator('[data-testid="attendance-matrix"] th[scope="row"]').count()).toBe(3);

    // Meetings newest first; the approved one says when and by whom; the others why not.
    const meetingTitles = await page.locator('.archive-meeting h3').allTextContents();
    expect(meetingTitles).toEqual(['Spotkanie 3', 'Spotkanie 2 — budżet', 'Spotkanie 1 — finansowanie']);
    const first = page.locator(`.archive-meeting[data-meeting-id="${meetings.first.id}"]`);
    expect(await first.textContent()).toContain('Kto zatwierdził: Reprezentant Kalisz (Kalisz)');
    expect(await first.textContent()).toContain('1 wersja poddana zatwierdzeniu');
    expect(
      await page.locator(`.archive-meeting[data-meeting-id="${meetings.second.id}"]`).textContent(),
    ).toContain('Notatka jeszcze niezatwierdzona');
    expect(
      await page.locator(`.archive-meeting[data-meeting-id="${meetings.third.id}"]`).textContent(),
    ).toContain('Notatka powstanie po spotkaniu');
    await screenshot(page, 'archive-office-page');

    // Search without Polish letters, submitted with Enter: the hit shows "źródła" highlighted.
    const box = page.getByRole('searchbox', { name: 'Czego szukasz?' });
    await box.fill('zrodla');
    await box.press('Enter');
    const hits = page.locator('[data-testid="search-hits"] .archive-hit');
    await hits.first().waitFor();
    expect(await page.locator('.archive-search-status').textContent()).toBe('1 wynik dla „zrodla”');
    const hit = hits.first();
    expect(await hit.locator('mark').allTextContents()).toEqual(['źródła']);
    expect(await hit.locator('.archive-hit-snippet').textContent()).toContain(NOTE_TEXT);
    expect(await hit.locator('.archive-hit-where').textContent()).toBe(
      'Zatwierdzona notatka · sekcja „Ustalenia”',
    );
    expect(await hit.locator('h3').textContent()).toContain('Spotkanie 1 — finansowanie');
    await page.locator('#archive-search-heading').scrollIntoViewIfNeeded();
    await screenshot(page, 'archive-office-search');

    // The hit's Markdown: the approved version, with the note's text.
    const [fromHit] = await Promise.all([
      page.waitForEvent('download'),
      hit.getByRole('button', { name: 'Pobierz notatkę (Markdown)' }).click(),
    ]);
    expect(fromHit.suggestedFilename()).toBe('notatka-2025-03-10-spotkanie-1-finansowanie.md');
    const markdown = await readFile((await fromHit.path()) ?? '', 'utf8');
    expect(markdown).toContain(NOTE_TEXT);
    expect(markdown).toContain('Ustalenia');

    // The same from the meeting's own download buttons; Word too.
    const [fromMeeting] = await Promise.all([
      page.waitForEvent('download'),
      first.getByRole('button', { name: 'Markdown' }).click(),
    ]);
    expect(await readFile((await fromMeeting.path()) ?? '', 'utf8')).toBe(markdown);
    const [word] = await Promise.all([
      page.waitForEvent('download'),
      first.getByRole('button', { name: 'Word' }).click(),
    ]);
    expect(word.suggestedFilename()).toMatch(/\.docx$/);
    expect((await readFile((await word.path()) ?? '')).subarray(0, 2).toString()).toBe('PK');

    // The PDF: the approved version's print page in a tab of its own (saved as PDF from there).
    const [printTab] = await Promise.all([
      context.waitForEvent('page'),
      first.getByRole('button', { name: 'PDF (wydruk)' }).click(),
    ]);
    await printTab.waitForFunction((text) => document.body.textContent?.includes(text), NOTE_TEXT);
    await printTab.close();

    // A board's sticky note is found too, and says where it is.
    await box.fill('budzet obywatelski');
    await box.press('Enter');
    await page.locator('.archive-hit[data-source="board"]').waitFor();
    expect(await page.locator('.archive-hit mark').allTextContents()).toEqual(['Budżet', 'obywatelski']);
    expect(
      await page
        .locator('.archive-hit[data-source="board"]')
        .getByRole('link', { name: 'Otwórz tablicę' })
        .getAttribute('href'),
    ).toBe(`/b/${meetings.first.boardId}`);

    // Nothing found says so.
    await box.fill('xylofon');
    await box.press('Enter');
    await page.getByText('Nic nie znaleziono dla „xylofon”.').waitFor();

    // The same page in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Attendance list' }).waitFor();
    expect((await matrixRows(page))[0]).toEqual([
      'Łódź',
      'online',
      'in the room',
      'to come',
      '100% (2 of 2)',
    ]);
    await screenshot(page, 'archive-office-page-en');

    expect(context.pageErrors()).toEqual([]);
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });

  it('a representative through her personal link: approved notes only, no drafts’ count, no other network', async () => {
    const context = await setup.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${setup.server.baseUrl}/n/${net.id}/archive?token=${net.token('Reprezentant Ełk')}`);
    await page.getByRole('heading', { name: 'Zasoby miast', level: 1 }).waitFor();
    // The token left the address bar at once.
    expect(new URL(page.url()).search).toBe('');
    expect(await page.getByRole('link', { name: '← Moja strona' }).count()).toBe(1);
    const first = page.locator(`.archive-meeting[data-meeting-id="${meetings.first.id}"]`);
    expect(await first.textContent()).toContain('Kto zatwierdził: Reprezentant Kalisz (Kalisz)');
    expect(await first.textContent()).not.toContain('poddana zatwierdzeniu');
    expect(await page.locator('.archive-downloads').count()).toBe(1);

    const box = page.getByRole('searchbox', { name: 'Czego szukasz?' });
    await box.fill('ZRODLA');
    await box.press('Enter');
    await page.locator('.archive-hit mark').first().waitFor();
    expect(await page.locator('.archive-hit mark').allTextContents()).toEqual(['źródła']);
    await screenshot(page, 'archive-representative');

    // Her link on another network's archive: refused, nothing of that network shown.
    await page.goto(`${setup.server.baseUrl}/n/${other.id}/archive?token=${net.token('Reprezentant Ełk')}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('należy do innej sieci');
    expect(await page.locator('body').textContent()).not.toContain('Miasto zielone');
    await screenshot(page, 'archive-other-network-refused');
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });

  it('on a phone the matrix scrolls sideways with the cities kept in view', async () => {
    const context = await setup.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await context.addInitScript((token) => localStorage.setItem('empiria.adminToken', token), admin());
    const page = await context.newPage();
    await page.goto(`${setup.server.baseUrl}/n/${net.id}/archive`);
    const scroller = page.locator('.attendance-scroll');
    await scroller.waitFor();
    const widths = await scroller.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(widths.scroll).toBeGreaterThan(widths.client);
    // The page itself does not scroll sideways: only the table does.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await scroller.scrollIntoViewIfNeeded();
    await screenshot(page, 'archive-phone-matrix');
    const city = page.locator('[data-testid="attendance-matrix"] tbody th').first();
    const before = await city.boundingBox();
    await scroller.evaluate((el) => el.scrollBy(200, 0));
    await page.waitForFunction(() => (document.querySelector('.attendance-scroll')?.scrollLeft ?? 0) > 0);
    const after = await city.boundingBox();
    expect(after?.x).toBeCloseTo(before?.x ?? -1, 0);
    await screenshot(page, 'archive-phone-matrix-scrolled');
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });

  it('has no serious or critical accessibility violation (axe), with search results shown', async () => {
    const context = await setup.browser.newContext({ bypassCSP: true });
    await context.addInitScript((token) => localStorage.setItem('empiria.adminToken', token), admin());
    const page = await context.newPage();
    await page.goto(`${setup.server.baseUrl}/n/${net.id}/archive`);
    const box = page.getByRole('searchbox', { name: 'Czego szukasz?' });
    await box.fill('zrodla');
    await box.press('Enter');
    await page.locator('.archive-hit mark').first().waitFor();
    await page.locator('.attendance-legend summary').click();
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    await page.goto(`${setup.server.baseUrl}/`);
    await page.locator('[data-overview-network]').first().waitFor();
    const adminViolations = await seriousViolations(page);
    expect(adminViolations, describeViolations(adminViolations)).toEqual([]);
  });
});
