/**
 * A participant on a phone (390 × 844, touch): the board opens as a list — the step's
 * instruction, its zones with their notes in readable type, a field under each zone — with the
 * canvas one tap away. A note written into a zone through the list is a real note in that zone on
 * a desktop participant's canvas; a vote is cast through the list's buttons and counts, and its
 * ranking shows once closed. The top bar fits a 360–390 px screen with the timer running, its
 * connection badge named and shaped (not only coloured); private writing is said in the list,
 * one's own notes marked "only you".
 * Screenshots: test/artifacts/phone-*.png.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { format2, layoutFormat } from '@empiria/formats';
import type { CreateBoardResponse } from '@empiria/shared';
import { apiCall, createBoard } from '../support/api';
import { screenshot } from '../support/browser';
import { joinBoard, sessionTokenIn } from '../support/board-page';
import { serverAndBrowserPerFile } from '../support/server-per-file';

/** The smallest text of a note on a phone's list: a phone's body text. */
const PHONE_NOTE_MIN_PX = 16;

const setup = serverAndBrowserPerFile();
let board: CreateBoardResponse;
let ewa: Page;
let jan: Page;
let ala: Page;
const layout = layoutFormat(format2);

async function desktop(invite: string, name: string, city: string): Promise<Page> {
  const context = await setup.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => localStorage.setItem('empiria.language', 'pl'));
  return joinBoard(context, invite, { name, city, where: 'online' }, { ready: { control: true } });
}

interface NoteSeen {
  id: string;
  text: string;
  zone: { stepId: string; zoneId: string; cellId?: string } | null;
  box: { x: number; y: number; w: number; h: number };
}

function notesOn(page: Page): Promise<NoteSeen[]> {
  return page.evaluate(() => {
    const editor = window.__empiria!.editor as unknown as {
      getCurrentPageShapes(): Array<{ id: string; type: string; meta: Record<string, unknown> }>;
      getShapePageBounds(id: string): { x: number; y: number; w: number; h: number };
      getShapeUtil(shape: unknown): { getText?(shape: unknown): string | undefined };
    };
    return editor
      .getCurrentPageShapes()
      .filter((shape) => shape.type === 'note')
      .map((shape) => {
        const { x, y, w, h } = editor.getShapePageBounds(shape.id);
        return {
          id: shape.id,
          text: editor.getShapeUtil(shape).getText?.(shape) ?? '',
          zone: ((shape.meta.empiria ?? {}) as { zone?: NoteSeen['zone'] }).zone ?? null,
          box: { x, y, w, h },
        };
      });
  });
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  text: string;
}

/** Where each element matching `selector` is on screen, and the text it shows. */
function boxesOf(page: Page, selector: string): Promise<Box[]> {
  return page.evaluate(
    (css) =>
      [...document.querySelectorAll<HTMLElement>(css)].map((element) => {
        const { left, right, top, bottom, width } = element.getBoundingClientRect();
        return { left, right, top, bottom, width, text: element.innerText };
      }),
    selector,
  );
}

/** The top bar's parts a person needs, each whole on a screen `width` px wide. */
async function expectTopBarFits(page: Page, width: number): Promise<void> {
  const [bar] = await boxesOf(page, '.board-topbar');
  expect(bar!.right).toBeLessThanOrEqual(width);
  expect(await page.evaluate(() => document.querySelector('.board-topbar')!.scrollWidth)).toBeLessThanOrEqual(
    width,
  );
  for (const selector of [
    '[data-testid=timer-chip]',
    '[data-testid=timer-time]',
    '[data-testid=connection-status]',
    '[data-testid=hand-button]',
    '[data-testid=summary-open]',
  ]) {
    const boxes = await boxesOf(page, selector);
    expect(boxes.length, selector).toBeGreaterThan(0);
    for (const box of boxes) {
      expect(box.left, selector).toBeGreaterThanOrEqual(0);
      expect(box.right, selector).toBeLessThanOrEqual(width);
      expect(box.width, selector).toBeGreaterThan(10);
    }
  }
  // The time left reads whole; nothing covers it.
  const [time] = await boxesOf(page, '[data-testid=timer-time]');
  expect(time!.text).toMatch(/^\d+:\d\d$/);
  const onTop = await page.evaluate(() => {
    const element = document.querySelector('[data-testid=timer-time]')!;
    const { left, right, top, bottom } = element.getBoundingClientRect();
    return element.contains(document.elementFromPoint((left + right) / 2, (top + bottom) / 2));
  });
  expect(onTop).toBe(true);
}

describe('a participant on a phone', () => {
  it('reads the step as a list, in one row of top bar and no step panel over it', async () => {
    board = await createBoard(setup.server, 'Sieć „Mobilność miejska” — spotkanie 5', 'format-2');
    ewa = await desktop(board.invites.facilitator, 'Ewa Zielińska', 'Warszawa');
    jan = await desktop(board.invites.participant, 'Jan Nowak', 'Gdańsk');
    const phone = await setup.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    await phone.addInitScript(() => localStorage.setItem('empiria.language', 'pl'));
    ala = await joinBoard(
      phone,
      board.invites.participant,
      { name: 'Ala Kowalska', city: 'Sopot', where: 'room' },
      { ready: { control: true } },
    );
    // The board opens on its first step, "The challenge".
    await ala.locator('[data-testid=phone-step][data-step-id=challenge]').waitFor({ timeout: 10_000 });
    expect(await ala.getByTestId('phone-list').isVisible()).toBe(true);
    // The top bar is one row; the step panel does not take half the screen.
    const bar = await ala.locator('.board-topbar').boundingBox();
    expect(bar!.height).toBeLessThanOrEqual(64);
    expect(await ala.getByTestId('step-panel').isVisible()).toBe(false);
    // The challenge sheet's two zones are sections of the list.
    expect(await ala.getByTestId('zone-section').count()).toBe(2);
    // The board's title reads whole at the top of the list (the top bar has no room for it).
    expect(await ala.getByTestId('phone-board-title').innerText()).toBe(
      'Sieć „Mobilność miejska” — spotkanie 5',
    );
    await screenshot(ala, 'phone-list-empty-pl');
  });

  it('keeps the timer, the tools and the connection in one row of top bar, at 390 and 360 px', async () => {
    const token = await sessionTokenIn(ewa, board.id);
    await apiCall(setup.server, 'POST', `/api/boards/${board.id}/timer`, {
      token,
      body: { action: 'start', seconds: 600 },
    });
    await ala.getByTestId('timer-chip').waitFor({ timeout: 10_000 });
    await expectTopBarFits(ala, 390);
    // Connected: named for screen readers in Polish, and seen as a cloud with a tick — a shape of
    // its own, not a coloured dot (reconnecting and offline have theirs, and their words).
    const status = ala.getByTestId('connection-status');
    expect(await status.getAttribute('data-status')).toBe('connected');
    expect(await status.textContent()).toContain('Połączono');
    await ala
      .getByRole('status', { name: 'Połączenie: Połączono · wszystko zapisane', exact: true })
      .waitFor();
    const icon = status.locator('.status-icon');
    expect(await icon.getAttribute('data-icon')).toBe('cloud-check');
    expect((await icon.boundingBox())!.width).toBeGreaterThanOrEqual(16);
    expect((await ala.locator('.board-topbar').boundingBox())!.height).toBeLessThanOrEqual(64);
    await screenshot(ala, 'phone-topbar-timer-pl');
    await ala.setViewportSize({ width: 360, height: 740 });
    try {
      await expectTopBarFits(ala, 360);
    } finally {
      await ala.setViewportSize({ width: 390, height: 844 });
    }
  });

  it('grows the note field with a long note, up to six lines', async () => {
    const field = ala
      .locator('[data-testid=zone-section][data-zone-id=facts]')
      .getByTestId('phone-write-text');
    const empty = (await field.boundingBox())!.height;
    await field.tap();
    await field.pressSequentially(
      'Brak wspólnego biletu dla całej aglomeracji trójmiejskiej, każdy przewoźnik ma własną taryfę',
      { delay: 2 },
    );
    // Every line of it shows: the field is as tall as its text, nothing scrolled out of sight.
    const fit = await field.evaluate((element: HTMLTextAreaElement) => ({
      height: element.getBoundingClientRect().height,
      scrollHeight: element.scrollHeight,
      clientHeight: element.clientHeight,
      lineHeight: Number.parseFloat(getComputedStyle(element).lineHeight),
    }));
    expect(fit.height).toBeGreaterThan(empty + 2 * fit.lineHeight);
    expect(fit.scrollHeight).toBeLessThanOrEqual(fit.clientHeight + 1);
    await screenshot(ala, 'phone-write-long-pl');
    // A very long one stops at six lines and scrolls.
    await field.fill('Linia tekstu karteczki. '.repeat(40));
    const capped = await field.evaluate((element: HTMLTextAreaElement) => ({
      clientHeight: element.clientHeight,
      scrollHeight: element.scrollHeight,
      lineHeight: Number.parseFloat(getComputedStyle(element).lineHeight),
    }));
    expect(capped.clientHeight).toBeLessThanOrEqual(6 * capped.lineHeight + 24);
    expect(capped.scrollHeight).toBeGreaterThan(capped.clientHeight);
    await field.fill('');
    await expect.poll(() => field.evaluate((element) => element.getBoundingClientRect().height)).toBe(empty);
  });

  it('writes a note into a zone through the list; it lands in that zone on a desktop canvas', async () => {
    const text = 'Brak wspólnego biletu dla całej aglomeracji';
    const facts = ala.locator('[data-testid=zone-section][data-zone-id=facts]');
    await facts.getByTestId('phone-write-text').tap();
    await facts.getByTestId('phone-write-text').fill(text);
    await facts.getByRole('button', { name: /Nowa karteczka/ }).tap();
    await facts.getByTestId('zone-note-text').filter({ hasText: text }).waitFor({ timeout: 10_000 });
    expect(await facts.getByTestId('phone-write-text').inputValue()).toBe('');
    // Readable on the phone.
    const px = await facts
      .getByTestId('zone-note-text')
      .first()
      .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    expect(px).toBeGreaterThanOrEqual(PHONE_NOTE_MIN_PX);

    // Jan (desktop) sees it on his canvas, in the "facts" zone, inside its rectangle.
    await jan.waitForFunction(
      (expected) => {
        const editor = window.__empiria!.editor;
        return editor
          .getCurrentPageShapes()
          .some((shape) => shape.type === 'note' && editor.getShapeUtil(shape).getText?.(shape) === expected);
      },
      text,
      { timeout: 10_000 },
    );
    const note = (await notesOn(jan)).find((n) => n.text === text)!;
    expect(note.zone).toEqual({ stepId: 'challenge', zoneId: 'facts' });
    const zone = layout.sheets
      .find((s) => s.stepId === 'challenge')!
      .zones.find((z) => z.zoneId === 'facts')!;
    expect(note.box.x).toBeGreaterThanOrEqual(zone.body.x);
    expect(note.box.y).toBeGreaterThanOrEqual(zone.body.y);
    expect(note.box.x + note.box.w).toBeLessThanOrEqual(zone.body.x + zone.body.w);
    expect(note.box.y + note.box.h).toBeLessThanOrEqual(zone.body.y + zone.body.h);
    // It is Ala's, in her city's colour, and a second one goes beside it, not on it.
    await facts.getByTestId('phone-write-text').fill('Rozkłady nie pasują do zmian w zakładach');
    await facts.getByTestId('phone-write-text').press('Enter');
    await facts.getByTestId('zone-note').nth(1).waitFor();
    await screenshot(ala, 'phone-list-written-pl');
  });

  it('votes through the list; the vote counts', async () => {
    await jan.waitForFunction(
      () => window.__empiria!.editor.getCurrentPageShapes().filter((s) => s.type === 'note').length === 2,
    );
    const notes = await notesOn(jan);
    const token = await sessionTokenIn(ewa, board.id);
    const vote = (await apiCall(setup.server, 'POST', `/api/boards/${board.id}/votes`, {
      token,
      body: { targets: notes.map((n) => n.id), stepId: 'challenge', votesPerPerson: 2 },
    })) as { voting: { sessionId: string } };
    const section = ala.getByTestId('phone-vote');
    await section.waitFor({ timeout: 10_000 });
    expect(await ala.getByTestId('phone-votes-left').textContent()).toBe('Zostały Ci 2 głosy');
    const first = section.locator(`[data-testid=phone-vote-item][data-target-id="${notes[0]!.id}"]`);
    await first.getByTestId('phone-vote-cast').tap();
    await first.getByTestId('phone-vote-mine').waitFor();
    expect(await ala.getByTestId('phone-votes-left').textContent()).toBe('Został Ci 1 głos');
    // One vote per note (the vote's default): the note says so, rather than a greyed-out button.
    expect(await first.getByTestId('phone-vote-mine').innerText()).toContain(
      'Oddano — jeden głos na pozycję',
    );
    expect(await first.getByTestId('phone-vote-cast').count()).toBe(0);
    expect(await first.getByTestId('phone-vote-withdraw').isVisible()).toBe(true);
    const second = section.locator(`[data-testid=phone-vote-item][data-target-id="${notes[1]!.id}"]`);
    expect(await second.getByTestId('phone-vote-cast').isEnabled()).toBe(true);
    await screenshot(ala, 'phone-vote-pl');
    // Nothing of the canvas' voting banner covers the list.
    expect(await ala.locator('[data-testid=vote-banner]').isVisible()).toBe(false);

    const closed = (await apiCall(
      setup.server,
      'POST',
      `/api/boards/${board.id}/votes/${vote.voting.sessionId}/close`,
      {
        token,
      },
    )) as { voting: { ranking: Array<{ targetId: string; votes: number }> } };
    expect(closed.voting.ranking.find((r) => r.targetId === notes[0]!.id)?.votes).toBe(1);
    await section.waitFor({ state: 'detached' });
    // The list shows what won, with its votes, as the canvas' sheet does.
    const results = ala.getByTestId('phone-vote-results');
    await results.waitFor({ timeout: 10_000 });
    expect(await results.isVisible()).toBe(true);
    expect(await results.innerText()).toContain('Wyniki głosowania');
    const rows = results.getByTestId('phone-vote-result');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-place')).toBe('1');
    expect(await rows.first().innerText()).toContain(notes[0]!.text);
    expect(await rows.first().getByTestId('phone-vote-count').innerText()).toBe('1 głos');
    const [box] = await boxesOf(ala, '[data-testid=phone-vote-results]');
    expect(box!.right).toBeLessThanOrEqual(390);
    await screenshot(ala, 'phone-vote-results-pl');
  });

  it('says in the list that private writing runs, and marks my notes as only mine', async () => {
    await ewa.getByTestId('step-next').click();
    await ala.locator('[data-testid=phone-step][data-step-id=barriers]').waitFor({ timeout: 10_000 });
    expect(await ala.getByTestId('phone-private').count()).toBe(0);
    await ewa.getByTestId('private-start').click();
    const line = ala.getByTestId('phone-private');
    await line.waitFor({ timeout: 10_000 });
    expect(await line.innerText()).toContain('Pisanie indywidualne — Twoje karteczki widzisz tylko Ty');
    const [box] = await boxesOf(ala, '[data-testid=phone-private]');
    expect(box!.left).toBeGreaterThanOrEqual(0);
    expect(box!.right).toBeLessThanOrEqual(390);
    expect(box!.bottom).toBeLessThanOrEqual(844);

    const text = 'Brak pieniędzy na wspólny bilet';
    const field = ala.getByTestId('phone-write-text').first();
    await field.fill(text);
    await field.press('Enter');
    const mine = ala.getByTestId('zone-note').filter({ hasText: text });
    await mine.getByTestId('phone-private-badge').waitFor({ timeout: 10_000 });
    expect(await mine.getByTestId('phone-private-badge').innerText()).toContain('Tylko Ty');
    await line.filter({ hasText: 'Masz 1 karteczkę' }).waitFor();
    await screenshot(ala, 'phone-private-pl');

    // Revealed: the line goes, and the note is everyone's.
    await ewa.getByTestId('reveal').click();
    await ewa.getByTestId('reveal-confirm').click();
    await line.waitFor({ state: 'detached', timeout: 10_000 });
    await mine.getByTestId('phone-private-badge').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await mine.count()).toBe(1);
  });

  it('keeps the canvas one tap away', async () => {
    await ala.getByTestId('phone-view-canvas').tap();
    await ala.locator('.tl-canvas').waitFor({ state: 'visible' });
    expect(await ala.getByTestId('phone-list').count()).toBe(0);
    await screenshot(ala, 'phone-canvas-pl');
    await ala.getByTestId('phone-view-list').tap();
    await ala.getByTestId('phone-list').waitFor();
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
