/**
 * Running a Format 2 session in real browsers: a facilitator and two participants, each in their
 * own browser context. The timer reads the same on every screen (one laptop's clock is 90 s
 * fast); a participant cannot start it; "bring everyone here" and "follow me" move the others'
 * views; private notes stay out of everyone else's canvas document until the reveal; clustering;
 * dot voting with the limit enforced and the ranking after the close. Screenshots of the console,
 * private writing and a vote's results go to test/artifacts/facilitation-*.png.
 *
 * The page exposes `window.__empiria` (client/src/session/test-hooks.ts) and
 * `window.__empiriaFacilitation` (client/src/facilitation/test-hooks.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cityNoteColor } from '@empiria/shared';
import type { CreateBoardResponse } from '@empiria/shared';
import { apiRequest, createBoard } from '../support/api';
import { screenshot } from '../support/browser';
import type { RecordedContext } from '../support/browser';
import { serverAndBrowserPerFile } from '../support/server-per-file';
import {
  joinBoard as joinBoardPage,
  sessionTokenIn,
  waitForBoard as waitForBoardPage,
  type BoardReady,
} from '../support/board-page';
import { makeNote, waitForTextEditor } from '../support/canvas-page';

declare global {
  interface Window {
    __empiriaFacilitation?: {
      canvasJson(): string;
      serverNow(): number;
      clockOffset(): number;
      followMode(): string;
      voting(): { sessionId: string; status: string } | null;
    };
  }
}

type Language = 'pl' | 'en';
interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const setup = serverAndBrowserPerFile();

/** A browser context in `language`; `clockSkewMs` moves its `Date.now()` (a laptop's wrong clock). */
/** What this file's tests wait for before using a board page. */
const READY: BoardReady = { control: true, facilitation: true };
const waitForBoard = (page: Page) => waitForBoardPage(page, READY);
const joinBoard = (context: RecordedContext, inviteUrl: string, name: string, city: string): Promise<Page> =>
  joinBoardPage(context, inviteUrl, { name, city }, { ready: READY });

async function openContext(
  language: Language,
  options: { clockSkewMs?: number; viewport?: { width: number; height: number } } = {},
): Promise<RecordedContext> {
  const context = await setup.browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  await context.addInitScript((lang) => localStorage.setItem('empiria.language', lang), language);
  if (options.clockSkewMs) {
    await context.addInitScript((skew) => {
      const real = Date.now.bind(Date);
      Date.now = () => real() + skew;
    }, options.clockSkewMs);
  }
  return context;
}

interface Session {
  board: CreateBoardResponse;
  ewa: Page;
  anna: Page;
  jan: Page;
}

/** A Format 2 board with Ewa (facilitator, PL), Anna (participant, PL) and Jan (participant, EN, clock 90 s fast). */
async function session(title: string): Promise<Session> {
  const board = await createBoard(setup.server, title, 'format-2');
  const ewa = await joinBoard(
    await openContext('pl', { viewport: { width: 1440, height: 900 } }),
    board.invites.facilitator,
    'Ewa Zielińska',
    'Warszawa',
  );
  const anna = await joinBoard(await openContext('pl'), board.invites.participant, 'Anna Kowalska', 'Lublin');
  const jan = await joinBoard(
    await openContext('en', { clockSkewMs: 90_000 }),
    board.invites.participant,
    'Jan Nowak',
    'Gdańsk',
  );
  for (const page of [ewa, anna, jan]) {
    await page.waitForFunction(() => window.__empiria!.people().length === 3, null, { timeout: 10_000 });
  }
  return { board, ewa, anna, jan };
}

function viewport(page: Page): Promise<Box> {
  return page.evaluate(() => {
    const editor = window.__empiria!.editor as unknown as {
      getViewportPageBounds(): { x: number; y: number; w: number; h: number };
    };
    const { x, y, w, h } = editor.getViewportPageBounds();
    return { x, y, w, h };
  });
}

function setCamera(page: Page, camera: { x: number; y: number; z: number }): Promise<void> {
  return page.evaluate((to) => {
    const editor = window.__empiria!.editor as unknown as { setCamera(c: object, o?: object): void };
    editor.setCamera(to, { immediate: true });
  }, camera);
}

const centre = (box: Box) => ({ x: box.x + box.w / 2, y: box.y + box.h / 2 });

/** `follower` shows all of `leader`'s view, centred on the same point. */
async function waitShowing(follower: Page, leader: Page): Promise<void> {
  const target = await viewport(leader);
  await expect
    .poll(
      async () => {
        const view = await viewport(follower);
        const a = centre(view);
        const b = centre(target);
        const covers = view.w >= target.w - 2 || view.h >= target.h - 2;
        return Math.hypot(a.x - b.x, a.y - b.y) < 3 && covers;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
}

function canvasJson(page: Page): Promise<string> {
  return page.evaluate(() => window.__empiriaFacilitation!.canvasJson());
}

function noteTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const editor = window.__empiria!.editor;
    return editor
      .getCurrentPageShapes()
      .filter((shape) => shape.type === 'note')
      .map((shape) => editor.getShapeUtil(shape).getText?.(shape) ?? '');
  });
}

async function waitForNoteText(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const editor = window.__empiria!.editor;
      return editor
        .getCurrentPageShapes()
        .some((shape) => shape.type === 'note' && editor.getShapeUtil(shape).getText?.(shape) === expected);
    },
    text,
    { timeout: 15_000 },
  );
}

/** Moves the group one step on and waits until everyone shows it. */
async function nextStep(pages: Page[], lead: Page, stepId: string): Promise<void> {
  await lead.getByTestId('step-next').click();
  for (const page of pages) {
    await page.waitForFunction((id) => window.__empiria!.currentStepId() === id, stepId, { timeout: 10_000 });
  }
}

describe('facilitation', () => {
  it('timer alike on every screen; refused to a participant; bring everyone here; follow me', async () => {
    const { board, ewa, anna, jan } = await session('Sieć „Mobilność” — minutnik i widok grupy');

    // Participants get neither the console nor any way to the timer.
    expect(await anna.getByTestId('console-toggle').count()).toBe(0);
    expect(await anna.getByTestId('facilitator-console').count()).toBe(0);
    await ewa.getByTestId('facilitator-console').waitFor();

    // Anna tries the timer through the API with her own token: refused.
    const annaToken = await sessionTokenIn(anna, board.id);
    const refused = await apiRequest(setup.server, 'POST', `/api/boards/${board.id}/timer`, {
      token: annaToken,
      body: { action: 'start', seconds: 300 },
    });
    expect(refused.status).toBe(403);
    expect(await anna.getByTestId('timer-chip').count()).toBe(0);

    // Jan's laptop clock is 90 s fast; his screen corrects by the offset to the server clock.
    await jan.waitForFunction(() => Math.abs(window.__empiriaFacilitation!.clockOffset() + 90_000) < 2_000);

    await ewa.getByTestId('timer-preset-5').click();
    const pages = [ewa, anna, jan];
    for (const page of pages) await page.locator('[data-testid=timer-chip][data-phase=running]').waitFor();
    await ewa.waitForTimeout(1200);
    const seconds = await Promise.all(
      pages.map((page) =>
        page.evaluate(() => {
          const chip = document.querySelector<HTMLElement>('[data-testid=timer-chip]')!;
          return Number(chip.dataset.remainingMs) / 1000;
        }),
      ),
    );
    expect(Math.max(...seconds) - Math.min(...seconds)).toBeLessThan(1);
    expect(Math.min(...seconds)).toBeGreaterThan(290);
    expect(Math.max(...seconds)).toBeLessThanOrEqual(300);
    // What the room reads: the same minutes and seconds (within a second's tick).
    const labels = await Promise.all(pages.map((page) => page.getByTestId('timer-time').textContent()));
    for (const label of labels) expect(label).toMatch(/^4:5\d$|^5:00$/);
    await screenshot(ewa, 'facilitation-console-timer-pl');

    // Pause: every screen shows the same frozen time; a reload keeps it.
    await ewa.getByRole('button', { name: 'Pauza' }).click();
    for (const page of pages) await page.locator('[data-testid=timer-chip][data-phase=paused]').waitFor();
    await anna.reload();
    await waitForBoard(anna);
    await anna.locator('[data-testid=timer-chip][data-phase=paused]').waitFor();
    const frozen = await Promise.all(pages.map((page) => page.getByTestId('timer-time').textContent()));
    expect(new Set(frozen).size).toBe(1);
    await ewa.getByTestId('timer-stop').click();
    for (const page of pages) await page.getByTestId('timer-chip').waitFor({ state: 'detached' });

    // Any length: two seconds, typed. At zero every screen says so.
    await ewa.getByPlaceholder('np. 7 lub 7:30').fill('2s');
    await ewa.getByPlaceholder('np. 7 lub 7:30').press('Enter');
    for (const page of pages) await page.getByTestId('time-up').waitFor({ timeout: 10_000 });
    expect(await jan.getByTestId('time-up').textContent()).toContain('Time’s up');
    await screenshot(jan, 'facilitation-time-up-en');
    await ewa.getByTestId('timer-stop').click();
    for (const page of pages) await page.getByTestId('time-up').waitFor({ state: 'detached' });

    // On her laptop the step's view starts at the first sheet's zones: its heading is hidden (D55).
    const headingMask = anna.getByTestId('sheet-heading-mask');
    await headingMask.waitFor({ state: 'attached' });
    // Bring everyone here: Ewa looks at the third sheet, zoomed in; one click moves the others.
    await setCamera(ewa, { x: -3300, y: -500, z: 0.7 });
    await ewa.getByTestId('summon').click();
    await waitShowing(anna, ewa);
    await waitShowing(jan, ewa);
    // Ewa's view, not the step's: Anna's canvas is drawn as it is.
    await headingMask.waitFor({ state: 'detached' });
    await anna.getByTestId('fac-notice').filter({ hasText: 'Ewa Zielińska' }).waitFor();
    // Summoned is not "looking around": the next step still takes them along (then back here).
    for (const page of [anna, jan])
      await page.waitForFunction(() => window.__empiria!.followMode() === 'following');
    await nextStep(pages, ewa, 'barriers');
    for (const page of [anna, jan]) {
      await page.waitForFunction(() => window.__empiria!.viewedSheet()?.stepId === 'barriers', null, {
        timeout: 10_000,
      });
    }
    // The step's view again, at the new sheet's zones.
    await headingMask.waitFor({ state: 'attached' });

    // Follow me: the others track Ewa's view as she moves.
    await ewa.getByTestId('follow-me').click();
    for (const page of [anna, jan]) {
      await page.waitForFunction(() => window.__empiriaFacilitation!.followMode() === 'following');
    }
    await setCamera(ewa, { x: -150, y: -200, z: 0.45 });
    await waitShowing(anna, ewa);
    await waitShowing(jan, ewa);
    // The group moves on, and Anna scrolls away at once, while the new sheet's glide has barely
    // begun: her wheel is hers, not the step's (camera-mover.ts), so she steps away; one click takes
    // her back.
    await nextStep(pages, ewa, 'grouping');
    await anna.mouse.move(700, 450);
    await anna.mouse.wheel(0, 1500);
    await anna.waitForFunction(() => window.__empiriaFacilitation!.followMode() === 'away');
    const back = anna.getByTestId('follow-return');
    expect(await back.textContent()).toContain('Wróć do prowadzącej/prowadzącego');
    await screenshot(anna, 'facilitation-follow-away-pl');
    await setCamera(ewa, { x: -1600, y: -250, z: 0.5 });
    // Jan still follows; Anna stays where she went.
    await waitShowing(jan, ewa);
    await back.click();
    await waitShowing(anna, ewa);
    await ewa.getByTestId('follow-me-stop').click();
    for (const page of [anna, jan]) {
      await page.waitForFunction(() => window.__empiriaFacilitation!.followMode() === 'idle');
    }

    // Jan follows Anna alone, from the people list, and stops.
    await jan.getByTestId('people-panel').getByRole('button', { name: 'Follow Anna Kowalska' }).click();
    await jan.waitForFunction(() => window.__empiriaFacilitation!.followMode() === 'following');
    await setCamera(anna, { x: -2000, y: -900, z: 0.9 });
    await waitShowing(jan, anna);
    expect(await ewa.evaluate(() => window.__empiriaFacilitation!.followMode())).toBe('idle');
    await jan.getByTestId('follow-stop').click();
    await jan.waitForFunction(() => window.__empiriaFacilitation!.followMode() === 'idle');

    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });

  it('private notes stay out of everyone else’s document until the reveal', async () => {
    const { ewa, anna, jan } = await session('Sieć „Zielone miasta” — pisanie indywidualne');
    const pages = [ewa, anna, jan];
    await nextStep(pages, ewa, 'barriers');

    await ewa.getByTestId('private-start').click();
    for (const page of pages) await page.getByTestId('private-banner').waitFor();

    // Anna writes with the N key at her pointer, Jan pastes two lines: one note per line.
    const secret = 'Brak budżetu na szkolenia urzędników';
    await anna.mouse.move(700, 480);
    await anna.keyboard.press('n');
    await anna.waitForFunction(() => window.__empiria!.editor.getEditingShapeId() !== null);
    await waitForTextEditor(anna);
    await anna.keyboard.type(secret);
    await anna.keyboard.press('Escape');
    await waitForNoteText(anna, secret);
    await jan.evaluate(() => {
      const editor = window.__empiria!.editor as unknown as {
        putExternalContent(content: object): Promise<void>;
      };
      return editor.putExternalContent({
        type: 'text',
        text: '- Too little time\n- No data on residents',
        sources: [],
      });
    });
    await waitForNoteText(jan, 'Too little time');
    await waitForNoteText(jan, 'No data on residents');

    // The note is Anna's, in her city's colour, marked private on her screen only.
    const annaNote = await anna.evaluate((text) => {
      const editor = window.__empiria!.editor;
      const shape = editor
        .getCurrentPageShapes()
        .find((s) => s.type === 'note' && editor.getShapeUtil(s).getText?.(s) === text)!;
      return {
        id: shape.id,
        meta: shape.meta,
        color: (shape as unknown as { props: { color: string } }).props.color,
      };
    }, secret);
    expect(annaNote.color).toBe(cityNoteColor('Lublin'));
    expect(annaNote.meta.empiria).toMatchObject({
      author: { name: 'Anna Kowalska', city: 'Lublin' },
      private: expect.any(String),
    });
    await anna.getByTestId('private-badge').first().waitFor();

    // The counts reach everyone; the texts reach no one's canvas document, not even Anna's own.
    await ewa.getByTestId('private-counts').filter({ hasText: '3 karteczki' }).waitFor({ timeout: 10_000 });
    expect(await ewa.getByTestId('private-counts').textContent()).toContain('piszą 2 osoby');
    await anna.waitForTimeout(800);
    for (const page of pages) expect(await canvasJson(page)).not.toContain(secret);
    await anna.getByTestId('private-banner').filter({ hasText: 'Masz 1 karteczkę' }).waitFor();

    // Anna's network drops while she writes: the note waits on her device and goes when it is back.
    const offlineText = 'Brak sieci w urzędzie';
    await anna.context().setOffline(true);
    await anna.mouse.move(560, 620);
    await anna.keyboard.press('n');
    await anna.waitForFunction(() => window.__empiria!.editor.getEditingShapeId() !== null);
    await waitForTextEditor(anna);
    await anna.keyboard.type(offlineText);
    await anna.keyboard.press('Escape');
    await anna.getByTestId('private-banner').filter({ hasText: '1 czeka na wysłanie' }).waitFor();
    await anna.context().setOffline(false);
    await ewa.getByTestId('private-counts').filter({ hasText: '4 karteczki' }).waitFor({ timeout: 20_000 });
    await anna
      .getByTestId('private-banner')
      .filter({ hasText: 'czeka na wysłanie' })
      .waitFor({ state: 'detached' });
    await anna.waitForTimeout(800);
    for (const page of pages) {
      const json = await canvasJson(page);
      expect(json).not.toContain(secret);
      expect(json).not.toContain(offlineText);
      expect(json).not.toContain('Too little time');
    }
    expect(await noteTexts(jan)).not.toContain(secret);
    expect(await noteTexts(ewa)).not.toContain(secret);
    await screenshot(anna, 'facilitation-private-writing-pl');
    await screenshot(jan, 'facilitation-private-writing-en');
    await screenshot(ewa, 'facilitation-private-writing-console-pl');

    // A reload keeps Anna's note (from the server), still private.
    await anna.reload();
    await waitForBoard(anna);
    await waitForNoteText(anna, secret);
    await anna.getByTestId('private-badge').first().waitFor();
    expect(await canvasJson(anna)).not.toContain(secret);

    // The reveal asks once, then everyone has every note — the same shapes, no longer private.
    await ewa.getByTestId('reveal').click();
    await ewa.getByTestId('reveal-confirm').click();
    for (const page of pages) {
      await waitForNoteText(page, secret);
      await waitForNoteText(page, offlineText);
      await waitForNoteText(page, 'No data on residents');
      await page.getByTestId('private-banner').waitFor({ state: 'detached' });
    }
    const after = await anna.evaluate(
      (id) => window.__empiria!.editor.getShape(id)?.meta ?? null,
      annaNote.id,
    );
    expect(after?.empiria).toMatchObject({ author: { name: 'Anna Kowalska' } });
    expect((after?.empiria as { private?: unknown }).private).toBeUndefined();
    expect(await canvasJson(jan)).toContain(secret);
    expect((await noteTexts(anna)).filter((text) => text === secret)).toHaveLength(1);
    expect(await anna.getByTestId('private-badge').count()).toBe(0);
  });

  it('clusters notes; dot voting with the limit enforced and the ranking after the close', async () => {
    const { board, ewa, anna, jan } = await session('Sieć „Energia” — głosowanie kropkowe');
    const pages = [ewa, anna, jan];
    await nextStep(pages, ewa, 'barriers');

    // Five barriers on the barriers sheet (x 1560…2920).
    const texts = ['Brak danych', 'Za mało ludzi', 'Procedury przetargowe', 'Brak budżetu', 'Brak szkoleń'];
    for (const [i, text] of texts.entries()) {
      await makeNote(ewa, `shape:barrier-${i}`, text, 1640 + (i % 3) * 260, 760 + Math.floor(i / 3) * 300);
    }
    for (const page of pages) await waitForNoteText(page, 'Brak szkoleń');

    // Anna clusters the last two: they go into a named frame that moves as one.
    await anna.evaluate(() => {
      const editor = window.__empiria!.editor as unknown as { select(...ids: string[]): void };
      editor.select('shape:barrier-3', 'shape:barrier-4');
    });
    await anna.getByTestId('cluster-make').click();
    const clusterId = await anna.evaluate(
      () =>
        (window.__empiria!.editor.getShape('shape:barrier-3') as unknown as { parentId: string }).parentId,
    );
    expect(clusterId.startsWith('shape:')).toBe(true);
    await ewa.waitForFunction(
      (id) =>
        (window.__empiria!.editor.getShape(id)?.meta.empiria as { cluster?: { name: string } })?.cluster
          ?.name === 'Nowa grupa',
      clusterId,
    );

    // Ewa opens a vote on the sheet: three notes and the cluster, three votes each.
    await ewa.getByTestId('vote-targets').filter({ hasText: '4 elementy' }).waitFor();
    await ewa.getByTestId('vote-open').click();
    for (const page of [anna, jan]) await page.getByTestId('vote-banner').waitFor();
    const targets = await anna.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-testid=vote-target]')].map(
        (el) => el.dataset.targetId!,
      ),
    );
    expect(targets).toHaveLength(4);
    expect(targets).toContain(clusterId);

    const hit = (page: Page, id: string) =>
      page.locator(`[data-testid=vote-target][data-target-id="${id}"] .fac-vote-hit`);
    const left = (page: Page) => page.getByTestId('votes-left').getAttribute('data-left');
    expect(await anna.getByTestId('votes-left').textContent()).toContain('Zostały Ci 3 głosy');
    for (const [i, id] of [clusterId, 'shape:barrier-0', 'shape:barrier-2'].entries()) {
      await hit(anna, id).click();
      await expect.poll(() => left(anna)).toBe(String(2 - i));
    }
    // The fourth is refused, in plain words.
    await hit(anna, 'shape:barrier-1').click();
    await anna
      .getByTestId('fac-notice')
      .filter({ hasText: 'Wykorzystano już wszystkie Twoje głosy' })
      .waitFor();
    expect(await left(anna)).toBe('0');
    // The server refuses it too, whatever the client does.
    const { sessionId } = (await anna.evaluate(() => window.__empiriaFacilitation!.voting()))!;
    const fourth = await apiRequest(
      setup.server,
      'POST',
      `/api/boards/${board.id}/votes/${sessionId}/ballots`,
      {
        token: await sessionTokenIn(anna, board.id),
        body: { targetId: 'shape:barrier-1' },
      },
    );
    expect(fourth.status).toBe(409);
    expect(fourth.body).toMatchObject({ error: { code: 'no_votes_left' } });
    await screenshot(anna, 'facilitation-voting-pl');

    // Jan places two dots, takes one back by clicking it, places it elsewhere.
    await hit(jan, clusterId).click();
    await expect.poll(() => left(jan)).toBe('2');
    await hit(jan, 'shape:barrier-1').click();
    await expect.poll(() => left(jan)).toBe('1');
    await jan
      .locator(`[data-testid=vote-target][data-target-id="shape:barrier-1"] [data-testid=my-dot]`)
      .click();
    await expect.poll(() => left(jan)).toBe('2');
    await hit(jan, 'shape:barrier-0').click();
    await expect.poll(() => left(jan)).toBe('1');
    await ewa.getByTestId('vote-status').filter({ hasText: '2 osoby' }).waitFor();
    // Results are hidden until the close.
    expect(await jan.locator('[data-testid=vote-total], [data-testid=vote-place]').count()).toBe(0);

    await ewa.getByTestId('vote-close').click();
    await ewa.getByTestId('vote-close-confirm').click();
    const ranking = ewa.getByTestId('vote-ranking');
    await ranking.waitFor();
    const rows = await ranking
      .locator('li')
      .evaluateAll((items) =>
        items.map((li) => [
          li.getAttribute('data-target-id'),
          li.querySelector('.ranking-votes')?.textContent,
        ]),
      );
    // A tie shares the place and keeps the sheet's order (top to bottom).
    expect(rows[0]).toEqual(['shape:barrier-0', '2 głosy']);
    expect(rows[1]).toEqual([clusterId, '2 głosy']);
    expect(rows.at(-1)).toEqual(['shape:barrier-1', '0 głosów']);
    for (const page of [anna, jan]) {
      await page
        .locator(`[data-testid=vote-target][data-target-id="${clusterId}"] [data-testid=vote-place]`)
        .waitFor();
    }
    expect(
      await jan
        .locator(`[data-testid=vote-target][data-target-id="${clusterId}"]`)
        .getAttribute('data-place'),
    ).toBe('1');
    await screenshot(ewa, 'facilitation-vote-results-console-pl');
    await screenshot(jan, 'facilitation-vote-results-en');
    await screenshot(anna, 'facilitation-vote-results-pl');
    // The same console in English.
    await ewa.locator('.board-topbar .language-switcher button', { hasText: 'EN' }).click();
    await ewa.getByTestId('vote-ranking').getByText('2 votes').first().waitFor();
    await screenshot(ewa, 'facilitation-vote-results-console-en');
    await ewa.locator('.board-topbar .language-switcher button', { hasText: 'PL' }).click();

    // The close is announced at once on every screen (checked again below: gone at the next step).
    for (const page of [anna, jan]) await page.getByTestId('vote-closed-banner').waitFor({ timeout: 5000 });

    // Ungroup (while its sheet is in view): the cluster's notes go back onto the page, where they were.
    const before = await anna.evaluate(() => {
      const editor = window.__empiria!.editor as unknown as {
        getShapePageBounds(id: string): { x: number; y: number };
      };
      return editor.getShapePageBounds('shape:barrier-3');
    });
    await anna.evaluate((id) => {
      const editor = window.__empiria!.editor as unknown as { select(...ids: string[]): void };
      editor.select(id);
    }, clusterId);
    await anna.getByTestId('cluster-ungroup').click();
    await ewa.waitForFunction((id) => window.__empiria!.editor.getShape(id) === undefined, clusterId);
    const after = await ewa.evaluate(() => {
      const editor = window.__empiria!.editor as unknown as {
        getShape(id: string): { parentId: string };
        getShapePageBounds(id: string): { x: number; y: number };
      };
      return {
        parent: editor.getShape('shape:barrier-3').parentId,
        at: editor.getShapePageBounds('shape:barrier-3'),
      };
    });
    expect(after.parent.startsWith('page:')).toBe(true);
    expect(Math.abs(after.at.x - before.x) + Math.abs(after.at.y - before.y)).toBeLessThan(1);

    // "Voting closed — the results are on the sheet" announces the close: it is there (on the
    // server's clock: Jan's laptop runs 90 s fast) until the group moves on, then gone at once on
    // every screen (not only after its 20 s).
    await nextStep(pages, ewa, 'grouping');
    for (const page of [anna, jan]) {
      await page.getByTestId('vote-closed-banner').waitFor({ state: 'detached', timeout: 3000 });
    }
  });
  it('raised hands, a locked sheet, authors on and off; observers get none of the tools', async () => {
    const { board, ewa, anna, jan } = await session('Sieć „Woda” — ręce i blokady');

    // Anna raises her hand; Ewa sees who and from where, and lowers it.
    await anna.getByTestId('hand-button').click();
    const queue = ewa.getByTestId('hands-queue');
    await queue.locator('.hand-item').filter({ hasText: 'Anna Kowalska' }).waitFor();
    expect(await queue.textContent()).toContain('Lublin');
    expect(await ewa.getByTestId('console-toggle').textContent()).toContain('1');
    expect(await anna.getByTestId('hand-button').getAttribute('aria-pressed')).toBe('true');
    await screenshot(ewa, 'facilitation-hand-raised-pl');
    await queue.getByRole('button', { name: 'Opuść rękę: Anna Kowalska' }).click();
    await anna.locator('[data-testid=hand-button][aria-pressed=false]').waitFor();
    await queue.locator('.hand-item').waitFor({ state: 'detached' });

    // Authors show on notes until Ewa hides them.
    await makeNote(anna, 'shape:anna-1', 'Nie wiemy, ile to kosztuje', 300, 1300);
    await waitForNoteText(jan, 'Nie wiemy, ile to kosztuje');
    const author = jan.locator('[data-note-id="shape:anna-1"] [data-testid=note-author]');
    await author.waitFor();
    expect(await author.textContent()).toBe('Anna Kowalska · Lublin');
    await ewa.getByTestId('show-authors').uncheck();
    await author.waitFor({ state: 'detached' });
    await ewa.getByTestId('show-authors').check();
    await author.waitFor();
    // Zoomed out past reading them, Jan's board draws no labels; zoomed back, they return.
    const camera = await jan.evaluate(() => {
      const editor = window.__empiria!.editor;
      const before = editor.getCamera();
      editor.setCamera({ ...before, z: 0.1 });
      return before;
    });
    await author.waitFor({ state: 'hidden' });
    expect(await jan.locator('.fac-note-frame:visible').count()).toBe(0);
    await jan.evaluate((before) => {
      window.__empiria!.editor.setCamera(before);
    }, camera);
    await author.waitFor({ state: 'visible' });

    // Ewa locks the first sheet: Anna can no longer add, move or delete notes on it.
    await ewa.getByTestId('lock-challenge').click();
    await anna.locator('[data-testid=locked-sheet][data-step-id=challenge]').waitFor();
    await ewa.locator('[data-testid=console-agenda] tr[data-step-id=challenge] .agenda-lock').waitFor();
    await makeNote(anna, 'shape:anna-2', 'Za późno', 500, 1300);
    await anna.evaluate(() => {
      const editor = window.__empiria!.editor;
      editor.updateShape({ id: 'shape:anna-1', type: 'note', x: 900 });
      editor.deleteShapes(['shape:anna-1']);
    });
    await anna.getByTestId('fac-notice').filter({ hasText: 'Ten arkusz jest zablokowany' }).waitFor();
    const stillThere = await anna.evaluate(() => {
      const editor = window.__empiria!.editor;
      return {
        one: editor.getShape('shape:anna-1')?.x ?? null,
        two: editor.getShape('shape:anna-2') ?? null,
      };
    });
    expect(stillThere).toEqual({ one: 300, two: null });
    await screenshot(anna, 'facilitation-locked-sheet-pl');
    // The facilitator may still tidy a locked sheet.
    await ewa.evaluate(() => {
      window.__empiria!.editor.updateShape({ id: 'shape:anna-1', type: 'note', x: 340 });
    });
    await anna.waitForFunction(() => window.__empiria!.editor.getShape('shape:anna-1')?.x === 340);
    // Unlocked, Anna works again.
    await ewa.getByTestId('lock-challenge').click();
    await anna.locator('[data-testid=locked-sheet]').waitFor({ state: 'detached' });
    await makeNote(anna, 'shape:anna-3', 'Teraz już można', 500, 1300);
    await waitForNoteText(ewa, 'Teraz już można');

    // An observer: no console, no hand, nothing to vote with.
    // (Observers follow the stream, where the facilitation layer is never mounted: [P7].)
    const olga = await joinBoardPage(await openContext('pl'), board.invites.observer, {
      name: 'Olga Wiśniewska',
      city: 'Poznań',
    });
    await olga.getByTestId('stream-badge').waitFor();
    // The opening step is open to observers by default: Olga reads its notes. Ewa closes it from
    // the console's agenda, and Olga gets the "closed part" screen; opened again, the sheet is back.
    await olga.getByTestId('room-sheet').getByText('Teraz już można').waitFor({ timeout: 10_000 });
    const access = ewa.getByTestId('observer-access-challenge');
    expect(await access.getAttribute('data-access')).toBe('open');
    await access.click();
    await olga.getByTestId('stream-closed').waitFor({ timeout: 10_000 });
    expect(await olga.content()).not.toContain('Teraz już można');
    await access.scrollIntoViewIfNeeded();
    await screenshot(ewa, 'facilitation-observer-access-closed-pl');
    await screenshot(olga, 'facilitation-observer-closed-pl');
    await access.click();
    await olga.getByTestId('room-sheet').getByText('Teraz już można').waitFor({ timeout: 10_000 });
    for (const testId of ['console-toggle', 'facilitator-console', 'hand-button']) {
      expect(await olga.getByTestId(testId).count(), testId).toBe(0);
    }
  });
});
