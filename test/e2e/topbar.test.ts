/**
 * The board's top bar at its fullest — a network meeting's board (so "Surveys" with a survey to
 * fill in), the timer running, a raised hand, the meeting notes waiting for the group's decision —
 * for Felicja, the facilitator, and Ala, a participant, each on a 1024 × 768 laptop or tablet,
 * then 1280 × 800, 1366 × 768 and 1920 × 1080, in Polish and in English: every control whole and
 * inside the window, none over another, each named, the board's title still readable. When the
 * connection drops with a note unsent, the bar may take a second row, still with nothing cut.
 * Basia's phone (390 px, English) names its connection badge and tells its states apart by shape
 * and words, not colour. Screenshots: test/artifacts/topbar-*.png, looked at.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { apiCall } from '../support/api';
import { screenshot } from '../support/browser';
import { sessionTokenIn, waitForBoard } from '../support/board-page';
import { makeNote } from '../support/canvas-page';
import { makeNetworkMeeting } from '../support/network-meeting';
import { SEEN } from '../support/network-pages';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile();

const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token, body });

const SCREENS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const LAPTOP = SCREENS[0];

const links: Record<string, string> = {};
let boardId: string;
let felicja: Page;
let ala: Page;
let basia: Page;

beforeAll(async () => {
  const meeting = await makeNetworkMeeting(setup.server, {
    people: [
      ['Ala Płocka', 'Płock'],
      ['Basia Włocławska', 'Włocławek'],
    ],
    title: 'Spotkanie 3 — bulwary nad Wisłą i ich mieszkańcy',
    mode: 'hybrid',
    agenda: [{ kind: 'step', format: 'format-2', stepId: 'challenge', minutes: 90 }],
  });
  Object.assign(links, meeting.links);
  boardId = meeting.boardId;
});

/** From the person's home onto the meeting's board. */
async function boardFromHome(context: BrowserContext, name: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(links[name] ?? '');
  await page.getByTestId('join-board').click();
  await page.waitForURL(`**/b/${boardId}`);
  await waitForBoard(page, { control: true });
  await page.getByTestId('board-surveys-toggle').waitFor(SEEN);
  return page;
}

async function laptop(name: string): Promise<Page> {
  const context = await setup.browser.newContext({ viewport: { ...LAPTOP } });
  await context.addInitScript(() => localStorage.setItem('empiria.language', 'pl'));
  return boardFromHome(context, name);
}

/** The language's own button when it shows; a bar folded to one button shows the other one only. */
async function setLanguage(page: Page, language: 'pl' | 'en'): Promise<void> {
  const active = page.locator(`.board-topbar .language-switcher button[lang=${language}].is-active`);
  if ((await active.count()) === 0) {
    await page.locator(`.board-topbar .language-switcher button[lang=${language}]`).click();
  }
  await page.locator(`html[lang=${language}]`).waitFor();
}

/** Layout settles: the bar folds on resize, before the frame after it. */
async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/** The top bar's parts a person reads or presses (those that are there for this person). */
const CONTROLS = [
  '[data-testid=board-title]',
  '[data-testid=timer-chip]',
  '[data-testid=console-toggle]',
  '[data-testid=hand-button]',
  '[data-testid=hybrid-menu-button]',
  '[data-testid=board-surveys-toggle]',
  '[data-testid=summary-open]',
  '[data-testid=connection-status]',
  '[data-testid=my-identity]',
  '[data-testid=people-toggle]',
  '.board-topbar .language-switcher button',
];

/**
 * What a person would see wrong in the top bar: an expected control missing or hidden, one cut by
 * the window's edge or below the bar, one over another (or covered at its centre), a button with
 * no name, the board's title squeezed below a readable width, the page wider than the window.
 */
function topBarProblems(page: Page, expected: string[], selectors = CONTROLS): Promise<string[]> {
  return page.evaluate(
    ({ selectors, expected }) => {
      const problems: string[] = [];
      const bar = document.querySelector('.board-topbar')!.getBoundingClientRect();
      const seen: Array<{ name: string; box: DOMRect; element: HTMLElement }> = [];
      for (const selector of selectors) {
        const elements = [...document.querySelectorAll<HTMLElement>(selector)].filter(
          (element) => element.getClientRects().length > 0,
        );
        if (expected.includes(selector) && elements.length === 0) problems.push(`${selector}: not shown`);
        for (const element of elements) {
          const box = element.getBoundingClientRect();
          const name = `${selector}${elements.length > 1 ? `[lang=${element.lang}]` : ''}`;
          if (box.width < 20 || box.height < 20) problems.push(`${name}: ${box.width}×${box.height} px`);
          if (box.left < 0 || box.right > innerWidth || box.top < bar.top || box.bottom > bar.bottom) {
            problems.push(
              `${name}: outside the bar (${Math.round(box.left)}–${Math.round(box.right)} of ${innerWidth})`,
            );
          }
          const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          if (!hit || !element.contains(hit)) problems.push(`${name}: covered at its centre`);
          if (element.tagName === 'BUTTON') {
            const named =
              element.getAttribute('aria-label') ||
              element.textContent?.trim() ||
              element.getAttribute('title');
            if (!named) problems.push(`${name}: no name`);
          }
          for (const other of seen) {
            const overlapX = Math.min(box.right, other.box.right) - Math.max(box.left, other.box.left);
            const overlapY = Math.min(box.bottom, other.box.bottom) - Math.max(box.top, other.box.top);
            if (overlapX > 0.5 && overlapY > 0.5) problems.push(`${name} over ${other.name}`);
          }
          seen.push({ name, box, element });
        }
      }
      // A phone reads the title at the top of its list; the bar keeps it for screen readers.
      const title = document.querySelector('[data-testid=board-title]')!.getBoundingClientRect();
      if (selectors.includes('[data-testid=board-title]') && title.width < 140) {
        problems.push(`the board's title squeezed to ${Math.round(title.width)} px`);
      }
      if (document.documentElement.scrollWidth > innerWidth) {
        problems.push(
          `the page is ${document.documentElement.scrollWidth} px wide in a ${innerWidth} px window`,
        );
      }
      return problems;
    },
    { selectors, expected },
  );
}

/** A phone's bar: the tools, no title, people or language (phone.css). */
const PHONE_CONTROLS = CONTROLS.filter(
  (selector) =>
    !['board-title', 'my-identity', 'people-toggle', 'language-switcher'].some((part) =>
      selector.includes(part),
    ),
);
const FACILITATOR = ['[data-testid=console-toggle]'];
const PARTICIPANT = ['[data-testid=hand-button]'];
const EVERYONE = CONTROLS.filter((selector) => ![...FACILITATOR, ...PARTICIPANT].includes(selector));

async function barHeight(page: Page): Promise<number> {
  return (await page.locator('.board-topbar').boundingBox())!.height;
}

describe('the board’s top bar, facilitator and participant, 1024 px and up', () => {
  it('at its fullest: every control whole and in sight, none over another, in one row, PL and EN', async () => {
    felicja = await laptop('Felicja Nowak');
    ala = await laptop('Ala Płocka');
    // The timer runs, Ala's hand is up, the meeting's evaluation is asked for.
    const token = await sessionTokenIn(felicja, boardId);
    await call('POST', `/api/boards/${boardId}/timer`, token, { action: 'start', seconds: 1500 });
    await ala.getByTestId('hand-button').click();
    await felicja.locator('.console-toggle-hands').waitFor(SEEN);
    await felicja.getByTestId('board-surveys-toggle').click();
    await felicja
      .getByTestId('board-surveys-panel')
      .getByRole('button', { name: 'Poproś o ewaluację spotkania' })
      .click();
    await felicja.getByTestId('board-surveys-toggle').click();
    await ala.locator('.board-surveys-pending').waitFor(SEEN);
    for (const page of [felicja, ala]) await page.getByTestId('timer-chip').waitFor(SEEN);

    for (const [who, page, own] of [
      ['facilitator', felicja, FACILITATOR],
      ['participant', ala, PARTICIPANT],
    ] as const) {
      for (const language of ['pl', 'en'] as const) {
        await setLanguage(page, language);
        for (const size of SCREENS) {
          await page.setViewportSize({ ...size });
          await nextFrames(page);
          const where = `${who} ${language} ${size.width}`;
          expect(await topBarProblems(page, [...EVERYONE, ...own]), where).toEqual([]);
          expect(await barHeight(page), where).toBeLessThanOrEqual(64);
          if (size.width <= 1280) await screenshot(page, `topbar-${who}-${language}-${size.width}`);
        }
        // At 1920 px every tool says its word.
        const summary = page.getByTestId('summary-open').locator('.summary-button-text');
        expect((await summary.boundingBox())!.width, `${who} ${language} 1920`).toBeGreaterThan(60);
        // At 1024 px a tool's word goes to its name: the buttons read the same to a screen reader.
        await page.setViewportSize({ ...LAPTOP });
        await nextFrames(page);
        const notes = language === 'pl' ? 'Notatka ze spotkania' : 'Meeting notes';
        await page.getByRole('button', { name: notes }).waitFor();
        const room = language === 'pl' ? 'Sala' : 'Room';
        await page.getByRole('button', { name: room, exact: true }).waitFor();
        // The other language stays one click away, named in its own language.
        const other = language === 'pl' ? 'English' : 'Polski';
        expect(
          await page
            .locator('.board-topbar .language-switcher')
            .getByRole('button', { name: other })
            .isVisible(),
        ).toBe(true);
      }
      await setLanguage(page, 'pl');
    }
    // A tablet held upright and a narrow window: the tools may take a second row, nothing is cut.
    for (const [who, page, own] of [
      ['facilitator', felicja, FACILITATOR],
      ['participant', ala, PARTICIPANT],
    ] as const) {
      for (const size of [
        { width: 768, height: 1024 },
        { width: 640, height: 900 },
      ]) {
        await page.setViewportSize(size);
        await nextFrames(page);
        const where = `${who} pl ${size.width}`;
        expect(await topBarProblems(page, [...EVERYONE, ...own]), where).toEqual([]);
        expect(await barHeight(page), where).toBeLessThanOrEqual(110);
      }
      await screenshot(page, `topbar-${who}-pl-640`);
      await page.setViewportSize({ ...LAPTOP });
    }
    const consoleName = await felicja.getByTestId('console-toggle').getAttribute('aria-label');
    expect(consoleName).toBe('Prowadzenie · podniesione ręce: 1');
  });

  it('the meeting notes asking for a decision: the badge fits beside everything else', async () => {
    // Felicja writes the notes and freezes the version; Ala is asked to decide.
    await felicja.getByTestId('summary-open').click();
    await felicja
      .locator('[data-testid=note-text] :is(p, h1, h2, h3)')
      .last()
      .click({ position: { x: 2, y: 4 } });
    await felicja.keyboard.type('Ustalenia: wspólny bilet dla aglomeracji.', { delay: 5 });
    const freeze = felicja.getByTestId('approval-freeze');
    await expect.poll(() => freeze.isEnabled(), SEEN).toBe(true);
    await freeze.click();
    await felicja.getByTestId('approval-freeze-question').getByRole('button').first().click();
    await felicja.locator('[data-testid=approval-status][data-status="voting"]').waitFor(SEEN);
    await felicja.getByTestId('summary-close').click();
    await ala.locator('.summary-button.is-asking').waitFor(SEEN);

    for (const [who, page, own] of [
      ['facilitator', felicja, FACILITATOR],
      ['participant', ala, PARTICIPANT],
    ] as const) {
      for (const language of ['pl', 'en'] as const) {
        await setLanguage(page, language);
        for (const size of SCREENS.slice(0, 2)) {
          await page.setViewportSize({ ...size });
          await nextFrames(page);
          const where = `${who} ${language} ${size.width}`;
          expect(await topBarProblems(page, [...EVERYONE, ...own]), where).toEqual([]);
          expect(await barHeight(page), where).toBeLessThanOrEqual(64);
        }
        await page.setViewportSize({ ...LAPTOP });
        await nextFrames(page);
        await screenshot(page, `topbar-asking-${who}-${language}-1024`);
      }
      await setLanguage(page, 'pl');
    }
    // However little of it shows, the button says what waits.
    await ala.getByRole('button', { name: 'Notatka ze spotkania czeka na Twoją decyzję' }).waitFor();
  });

  it('on a phone, the connection badge is named and its states differ by shape and word, not colour', async () => {
    const phone = await setup.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
      locale: 'en-GB',
    });
    basia = await boardFromHome(phone, 'Basia Włocławska');
    const status = basia.getByTestId('connection-status');
    await basia.locator('[data-testid=connection-status][data-status=connected]').waitFor(SEEN);
    // Named for a screen reader, in English; the tooltip says the same.
    await basia.getByRole('status', { name: 'Connection: Connected · all saved', exact: true }).waitFor();
    expect(await status.getAttribute('title')).toBe('Connection: Connected · all saved');
    // Seen: a cloud with a tick (no word beside it, in a 360 px bar), drawn large enough to make out.
    const icon = status.locator('.status-icon');
    expect(await icon.getAttribute('data-icon')).toBe('cloud-check');
    expect((await icon.boundingBox())!.width).toBeGreaterThanOrEqual(16);
    expect((await status.locator('.status-label').boundingBox())!.width).toBeLessThanOrEqual(1);
    // Every tool in sight, at 390 and 360 px, with a survey to fill in and the notes asking for a
    // decision besides the timer and the hand.
    await basia.locator('.summary-button.is-asking').waitFor(SEEN);
    await basia.getByTestId('hand-button').tap();
    await basia.locator('.hand-button.is-raised').waitFor(SEEN);
    const phoneParts = PHONE_CONTROLS.filter((selector) => !selector.includes('console'));
    for (const width of [390, 360]) {
      await basia.setViewportSize({ width, height: 800 });
      await nextFrames(basia);
      expect(await topBarProblems(basia, phoneParts, PHONE_CONTROLS), `phone ${width}`).toEqual([]);
      await screenshot(basia, `topbar-phone-connected-en-${width}`);
    }
    await basia.setViewportSize({ width: 390, height: 844 });
  });

  it('the connection lost with a note unsent: said in words and its own icon, nothing cut', async () => {
    for (const page of [felicja, ala]) {
      await page.setViewportSize({ ...LAPTOP });
      await setLanguage(page, 'pl');
    }
    await setup.server.stop();
    for (const page of [felicja, ala, basia]) {
      await page.locator('[data-testid=connection-status]:not([data-status=connected])').waitFor(SEEN);
    }
    await makeNote(ala, 'shape:written-offline', 'Brak wspólnego biletu', 240, 320);
    await ala.locator('[data-testid=connection-status][data-pending="1"]').waitFor(SEEN);

    for (const [who, page, own] of [
      ['facilitator', felicja, FACILITATOR],
      ['participant', ala, PARTICIPANT],
    ] as const) {
      for (const language of ['pl', 'en'] as const) {
        await setLanguage(page, language);
        await nextFrames(page);
        const where = `${who} ${language} offline`;
        expect(await topBarProblems(page, [...EVERYONE, ...own]), where).toEqual([]);
        // The state in words, beside its icon (not the cloud with a tick).
        const status = page.getByTestId('connection-status');
        expect((await status.locator('.status-label').boundingBox())!.width, where).toBeGreaterThan(30);
        expect(await status.locator('.status-icon').getAttribute('data-icon'), where).not.toBe('cloud-check');
        await screenshot(page, `topbar-offline-${who}-${language}-1024`);
      }
    }
    expect(await ala.getByTestId('connection-status').innerText()).toContain('1 change waiting to be sent');

    // The phone: its own row, in words, with the icon of its state.
    const status = basia.getByTestId('connection-status');
    const state = (await status.getAttribute('data-status'))!;
    const word = state === 'offline' ? 'Offline' : 'Reconnecting…';
    await basia.getByRole('status', { name: `Connection: ${word}`, exact: true }).waitFor();
    expect(await status.locator('.status-icon').getAttribute('data-icon')).toBe(
      state === 'offline' ? 'cloud-off' : 'sync',
    );
    expect((await status.locator('.status-label').boundingBox())!.width).toBeGreaterThan(30);
    const phoneParts = PHONE_CONTROLS.filter((selector) => !selector.includes('console'));
    expect(await topBarProblems(basia, phoneParts, PHONE_CONTROLS), 'phone offline').toEqual([]);
    await screenshot(basia, 'topbar-phone-offline-en');

    // Back: the note goes out, the badge is the cloud with a tick again.
    await setup.restartServer();
    await ala
      .locator('[data-testid=connection-status][data-status=connected][data-pending="0"]')
      .waitFor({ timeout: 30_000 });
    await basia
      .locator('[data-testid=connection-status][data-status=connected]')
      .waitFor({ timeout: 30_000 });
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
