/**
 * A participant on a phone (390 × 844, touch): the board opens as a list — the step's
 * instruction, its zones with their notes in readable type, a field under each zone — with the
 * canvas one tap away. A note written into a zone through the list is a real note in that zone on
 * a desktop participant's canvas; a vote is cast through the list's buttons and counts.
 * Screenshots: test/artifacts/phone-*.png.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { format2, layoutFormat } from '@empiria/formats';
import type { CreateBoardResponse } from '@empiria/shared';
import { apiCall, createBoard } from '../support/api';
import { screenshot } from '../support/browser';
import { joinBoard } from '../support/board-page';
import { serverAndBrowserPerFile } from '../support/server-per-file';

/** The smallest text of a note on a phone's list: a phone's body text. */
const PHONE_NOTE_MIN_PX = 16;

const setup = serverAndBrowserPerFile();
let board: CreateBoardResponse;
let ewa: Page;
let jan: Page;
let ala: Page;
const layout = layoutFormat(format2);

function sessionToken(page: Page): Promise<string> {
  return page.evaluate(
    (id) =>
      (JSON.parse(localStorage.getItem(`empiria.session.${id}`) ?? '{}') as { sessionToken: string })
        .sessionToken,
    board.id,
  );
}

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
    await screenshot(ala, 'phone-list-empty-pl');
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
    const token = await sessionToken(ewa);
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
