/**
 * The facilitator's screen on a laptop (1280 × 800, 1366 × 768) and a 1920 × 1080 screen, in
 * Polish and English: the step panel keeps "previous" and "next" in sight whatever the
 * instruction's length, with the step's line clear of the fold button; the console's dot voting
 * names the step it is for, and an earlier step's result is labelled with its step; the top
 * bar's tools say what they are, in words where there is room and to a screen reader always
 * (test/e2e/topbar.test.ts measures the whole bar).
 * Screenshots: test/artifacts/facilitator-laptop-*.png.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formats } from '@empiria/formats';
import type { CreateBoardResponse } from '@empiria/shared';
import { createBoard } from '../support/api';
import type { BoardFormat } from '@empiria/shared';
import { screenshot } from '../support/browser';
import { joinBoard } from '../support/board-page';
import { makeNote } from '../support/canvas-page';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile();

const SCREENS = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** The longest instruction of any format, and the step that has it. */
function longestInstruction(): { formatId: BoardFormat; index: number; length: number } {
  let best: { formatId: BoardFormat; index: number; length: number } = {
    formatId: 'blank',
    index: -1,
    length: 0,
  };
  for (const format of Object.values(formats)) {
    format.steps.forEach((step, index) => {
      const length = Math.max(step.instruction.pl.length, step.instruction.en.length);
      if (length > best.length) best = { formatId: format.id as BoardFormat, index, length };
    });
  }
  return best;
}

async function facilitator(
  formatId: BoardFormat,
  title: string,
  size: { width: number; height: number } = SCREENS[0],
): Promise<{ page: Page; board: CreateBoardResponse }> {
  const board = await createBoard(setup.server, title, formatId);
  const page = await person(board.invites.facilitator, 'Ewa Zielińska', 'Warszawa', size);
  return { page, board };
}

async function person(
  invite: string,
  name: string,
  city: string,
  size: { width: number; height: number } = SCREENS[0],
): Promise<Page> {
  const context = await setup.browser.newContext({ viewport: { ...size } });
  await context.addInitScript(() => localStorage.setItem('empiria.language', 'pl'));
  return joinBoard(
    context,
    invite,
    { name, city, where: 'room' },
    { ready: { control: true, facilitation: true } },
  );
}

async function goToStep(page: Page, index: number): Promise<void> {
  for (;;) {
    const at = await page.getByTestId('current-step').getAttribute('data-step-index');
    if (at !== null && Number(at) === index) return;
    await page.getByTestId('step-panel').getByTestId('step-next').click();
    await page
      .locator(`[data-testid=current-step][data-step-index="${at === null ? 0 : Number(at) + 1}"]`)
      .waitFor();
  }
}

async function setLanguage(page: Page, language: 'pl' | 'en'): Promise<void> {
  // A crowded top bar shows only the other language's button.
  if ((await page.locator(`.language-switcher button[lang=${language}].is-active`).count()) === 0) {
    await page.locator(`.language-switcher button[lang=${language}]`).click();
  }
  await page
    .locator(`html[lang=${language}], .language-switcher button[lang=${language}].is-active`)
    .first()
    .waitFor();
}

/**
 * What a person sees wrong in the step panel: a step button outside the window or covered
 * (the point at its centre is something else), or the step's line running under the fold button.
 */
function stepPanelProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const panel = document.querySelector('[data-testid=step-panel]');
    if (!panel) return ['no step panel'];
    for (const id of ['step-previous', 'step-next']) {
      const button = panel.querySelector<HTMLElement>(`[data-testid=${id}]`);
      if (!button) {
        problems.push(`${id}: missing`);
        continue;
      }
      const box = button.getBoundingClientRect();
      if (
        box.height === 0 ||
        box.top < 0 ||
        box.left < 0 ||
        box.bottom > innerHeight ||
        box.right > innerWidth
      ) {
        problems.push(
          `${id}: outside the window (${Math.round(box.top)}–${Math.round(box.bottom)} of ${innerHeight})`,
        );
        continue;
      }
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (!hit || !button.contains(hit)) {
        problems.push(`${id}: covered by ${hit ? `${hit.tagName}.${hit.className}` : 'nothing'}`);
      }
    }
    const fold = panel.querySelector('[data-testid=step-panel-collapse]')?.getBoundingClientRect();
    const line = panel.querySelectorAll<HTMLElement>('.current-step-eyebrow > *');
    for (const part of line) {
      const box = part.getBoundingClientRect();
      if (
        fold &&
        box.right > fold.left &&
        box.left < fold.right &&
        box.bottom > fold.top &&
        box.top < fold.bottom
      ) {
        problems.push(`step line “${part.textContent}” under the fold button`);
      }
    }
    return problems;
  });
}

describe('the facilitator’s screen on a laptop', () => {
  it('keeps both step buttons in sight, whatever the instruction’s length, and the step line clear of the fold', async () => {
    const longest = longestInstruction();
    expect(longest.index).toBeGreaterThan(0);
    const { page } = await facilitator(
      longest.formatId,
      'Sieć „Mobilność miejska” — spotkanie 5: wspólny bilet',
    );
    await goToStep(page, longest.index);
    for (const language of ['pl', 'en'] as const) {
      await setLanguage(page, language);
      for (const size of SCREENS) {
        await page.setViewportSize({ ...size });
        await page.waitForTimeout(150);
        expect(await stepPanelProblems(page), `${language} ${size.width}×${size.height}`).toEqual([]);
        await screenshot(page, `facilitator-laptop-step-${language}-${size.width}`);
      }
    }
    // The longest instruction a format may have (formats/src/step.ts: 170 characters).
    await page.getByTestId('current-step-instruction').evaluate((element) => {
      element.textContent = `${'Napiszcie w ciszy, co utrudnia to działanie. '.repeat(4)}`.slice(0, 170);
    });
    for (const size of SCREENS.slice(0, 2)) {
      await page.setViewportSize({ ...size });
      await page.waitForTimeout(150);
      expect(await stepPanelProblems(page), `170 characters, ${size.width}×${size.height}`).toEqual([]);
    }
    await screenshot(page, 'facilitator-laptop-step-longest-1366');
    await page.context().close();
  });

  it('the console’s dot voting is the current step’s; an earlier result is labelled with its step', async () => {
    const { page } = await facilitator('format-2', 'Sieć „Energia” — głosowanie na laptopie');
    await page.getByTestId('facilitator-console').waitFor();
    const section = page.getByTestId('console-vote');
    await goToStep(page, 1);
    for (const [i, text] of ['Brak danych', 'Za mało ludzi', 'Procedury przetargowe'].entries()) {
      await makeNote(page, `shape:barrier-${i}`, text, 1640 + i * 260, 760);
    }
    await expect.poll(() => section.locator('h3').textContent()).toBe('Głosowanie kropkowe · krok 2');
    await section.getByTestId('vote-targets').filter({ hasText: '3 elementy' }).waitFor();
    await section.getByTestId('vote-open').click();
    await section.getByTestId('vote-close').click();
    await section.getByTestId('vote-close-confirm').click();
    await section.getByTestId('vote-ranking').waitFor();

    // Step 3: the console offers step 3's vote; step 2's result is there, named, folded.
    await goToStep(page, 2);
    await expect.poll(() => section.locator('h3').textContent()).toBe('Głosowanie kropkowe · krok 3');
    await section.getByTestId('vote-targets').waitFor();
    expect(await section.getByTestId('vote-ranking').isVisible()).toBe(false);
    const earlier = section.getByTestId('vote-earlier').locator('summary');
    expect(await earlier.textContent()).toBe('Wyniki z kroku 2: Bariery i ograniczenia');
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'facilitator-laptop-vote-next-step-pl');
    await earlier.click();
    expect(await section.getByTestId('vote-ranking').isVisible()).toBe(true);
    await screenshot(page, 'facilitator-laptop-vote-earlier-open-pl');

    // A vote left open on step 3 still shows on step 4 (it has to be closed), named by its step.
    await earlier.click();
    await makeNote(page, 'shape:group-0', 'Finanse', 3300, 760);
    await section
      .getByTestId('vote-targets')
      .filter({ hasText: /element/ })
      .waitFor();
    await section.getByTestId('vote-open').click();
    await section.getByTestId('vote-close').waitFor();
    await goToStep(page, 3);
    await expect.poll(() => section.locator('h3').textContent()).toBe('Głosowanie kropkowe · krok 4');
    expect(await section.getByTestId('vote-from-step').textContent()).toBe(
      'Głosowanie z kroku 3: Grupowanie',
    );
    expect(await section.getByTestId('vote-close').isVisible()).toBe(true);

    await setLanguage(page, 'en');
    await expect.poll(() => section.locator('h3').textContent()).toBe('Dot voting · step 4');
    expect(await section.getByTestId('vote-from-step').textContent()).toBe('The vote from step 3: Grouping');
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'facilitator-laptop-vote-open-earlier-en');
    await page.context().close();
  });

  it('the top bar’s tools: a word beside the icon where there is room, a name for a screen reader at any width', async () => {
    const { page, board } = await facilitator('format-2', 'Sieć „Mobilność miejska” — pasek narzędzi');
    await goToStep(page, 0);
    // A participant raises a hand: the console's button counts it.
    const jan = await person(board.invites.participant, 'Jan Nowak', 'Gdańsk');
    await jan.getByTestId('hand-button').click();
    await page.locator('.console-toggle-hands').waitFor();
    // The timer runs: the top bar at its fullest.
    await page.getByTestId('timer-preset-5').click();
    await page.getByTestId('timer-chip').waitFor();

    for (const language of ['pl', 'en'] as const) {
      await setLanguage(page, language);
      const room = language === 'pl' ? 'Sala' : 'Room';
      for (const width of [1280, 1366, 1920]) {
        await page.setViewportSize({ width, height: width === 1920 ? 1080 : 800 });
        const button = page.getByTestId('hybrid-menu-button');
        // The button inside the window; at 1920 px its word drawn beside the icon (narrower, the
        // board's title may need the room: top-bar-fit.ts).
        const box = (await button.boundingBox())!;
        expect(box.x + box.width, `${language} ${width}`).toBeLessThanOrEqual(width);
        if (width === 1920) {
          const word = (await button.getByText(room, { exact: true }).boundingBox())!;
          expect(word.width, `${language} ${width}`).toBeGreaterThan(20);
        }
        await screenshot(page, `facilitator-laptop-topbar-${language}-${width}`);
      }
      // Narrower, the icons stay alone; every button still has a name.
      for (const width of [1100, 1024, 960]) {
        await page.setViewportSize({ width, height: 800 });
        const unnamed = await page.locator('.board-topbar button').evaluateAll((buttons) =>
          buttons
            .filter((button) => (button as HTMLElement).offsetParent !== null)
            .filter(
              (button) =>
                !(button as HTMLElement).innerText.trim() &&
                !button.getAttribute('aria-label') &&
                !button.getAttribute('title'),
            )
            .map((button) => button.outerHTML.slice(0, 120)),
        );
        expect(unnamed, `${language} ${width}`).toEqual([]);
        await page.getByRole('button', { name: room, exact: true }).waitFor();
        const consoleName =
          language === 'pl' ? 'Prowadzenie · podniesione ręce: 1' : 'Console · raised hands: 1';
        await page.getByRole('button', { name: consoleName, exact: true }).waitFor({ timeout: 2000 });
        if (width === 1024) await screenshot(page, `facilitator-laptop-topbar-${language}-${width}`);
      }
    }
    await jan.context().close();
    await page.context().close();
  });
});
