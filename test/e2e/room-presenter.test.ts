/**
 * The room display as a room reads it (presenter mode), on a 1920 × 1080 projector: the current
 * sheet fills the screen as text — every note's text rendered at 28 px or more, cluster names
 * shown, nobody's cursor over the notes, Polish letters in a sans font — old vote results leave
 * when the step moves on, and at the approval step the meeting note is shown large.
 * Screenshots: test/artifacts/presenter-*.png.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { format2, layoutFormat } from '@empiria/formats';
import type { CreateBoardResponse } from '@empiria/shared';
import { apiCall, createBoard } from '../support/api';
import { screenshot } from '../support/browser';
import { joinBoard, sessionTokenIn, waitForBoard } from '../support/board-page';
import { serverAndBrowserPerFile } from '../support/server-per-file';
import { makeNote } from '../support/canvas-page';

/** The smallest note text the room display may render at 1080p: readable from 6–8 m. */
const ROOM_NOTE_MIN_PX = 28;

const setup = serverAndBrowserPerFile();
let board: CreateBoardResponse;
let ewa: Page;
let jan: Page;
let room: Page;
const steps = format2.steps;

async function person(invite: string, name: string, city: string, language: 'pl' | 'en'): Promise<Page> {
  const context = await setup.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript((lang) => localStorage.setItem('empiria.language', lang), language);
  return joinBoard(context, invite, { name, city, where: 'room' }, { ready: { control: true } });
}

async function goToStep(index: number): Promise<void> {
  const id = steps[index]!.id;
  // One click per step, each awaited: a second click before the first landed would overshoot.
  const current = await ewa.evaluate(() => window.__empiria!.currentStepId());
  const at = steps.findIndex((step) => step.id === current);
  for (let next = at + 1; next <= index; next++) {
    await ewa.getByTestId('step-next').click();
    await ewa.waitForFunction((stepId) => window.__empiria!.currentStepId() === stepId, steps[next]!.id, {
      timeout: 10_000,
    });
  }
  await room.locator(`[data-testid=room-step][data-step-id="${id}"]`).waitFor({ timeout: 10_000 });
}

/** Every note's text on the room display's sheet: its rendered size, whether it is on screen. */
function renderedNotes(page: Page) {
  return page.locator('[data-testid=room-sheet] [data-testid=zone-note-text]').evaluateAll((labels) =>
    labels.map((label) => {
      const box = label.getBoundingClientRect();
      const style = getComputedStyle(label);
      return {
        text: label.textContent ?? '',
        px: Number.parseFloat(style.fontSize),
        font: style.fontFamily,
        onScreen: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
        width: box.width,
      };
    }),
  );
}

const LONG_BARRIER =
  'Brak wspólnego biletu dla całej aglomeracji trójmiejskiej — każdy przewoźnik ma własną taryfę i własne strefy';

const barriers = [
  'Brak danych o potrzebach mieszkańców',
  'Zbyt długie procedury zamówień',
  'Żółć i złość radnych: opór części rady',
  'Niedofinansowany transport publiczny',
  'Brak ścieżek rowerowych do szkół',
  'Nieczytelna informacja pasażerska',
  'Za mało parkingów P+R',
  'Brak koordynacji między wydziałami',
];

describe('the room display in presenter mode', () => {
  it('shows the current sheet’s notes at 28 px or more at 1080p, and no cursors', async () => {
    board = await createBoard(setup.server, 'Sieć „Mobilność miejska” — spotkanie 4', 'format-2');
    ewa = await person(board.invites.facilitator, 'Ewa Zielińska', 'Warszawa', 'pl');
    jan = await person(board.invites.participant, 'Jan Nowak', 'Gdańsk', 'pl');
    const context = await setup.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await context.addInitScript(() => localStorage.setItem('empiria.language', 'pl'));
    room = await context.newPage();
    await room.goto(board.invites.room);
    await room.getByTestId('room-join').waitFor();
    await room.fill('input[name=city]', 'Gdynia');
    await room.click('button[type=submit]');
    await room.getByTestId('room-display').waitFor();
    await waitForBoard(room, { control: true });

    await goToStep(1);
    // Eight barriers on the barriers sheet (x 1640…2840, y 512…1900), as the reveal lays them out.
    for (const [i, text] of barriers.entries()) {
      await makeNote(ewa, `shape:presenter-${i}`, text, 1660 + (i % 4) * 290, 560 + Math.floor(i / 4) * 260, {
        color: 'light-blue',
      });
    }
    await room.waitForFunction(
      (count) =>
        document.querySelectorAll('[data-testid=room-sheet] [data-testid=zone-note]').length === count,
      barriers.length,
      { timeout: 10_000 },
    );
    const notes = await renderedNotes(room);
    expect(notes.map((n) => n.text).sort()).toEqual([...barriers].sort());
    for (const note of notes) {
      expect(note.px, note.text).toBeGreaterThanOrEqual(ROOM_NOTE_MIN_PX);
      expect(note.onScreen, note.text).toBe(true);
      // A sans font, where "ł" never reads as "t" (not tldraw's handwriting).
      expect(note.font).not.toContain('tldraw_draw');
    }
    // One zone on the sheet: no zone number to call out, so no lone "1" under step 2's title.
    expect(await room.locator('[data-testid=room-sheet] .zs-number').count()).toBe(0);
    // The step's instruction is read from the back of the room: 28 px or more.
    const instructionPx = await room
      .getByTestId('room-step-instruction')
      .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    expect(instructionPx).toBeGreaterThanOrEqual(28);
    // The sheet takes the screen: its area is most of the projector.
    const stage = await room.getByTestId('room-sheet').boundingBox();
    expect(stage!.width).toBeGreaterThan(1920 * 0.95);
    expect(stage!.height).toBeGreaterThan(1080 * 0.6);

    // People move their pointers over the sheet: Jan sees Ewa's cursor, the projector none.
    await ewa.mouse.move(700, 400);
    await ewa.mouse.move(720, 420, { steps: 5 });
    await jan.locator('.tl-nametag').first().waitFor({ timeout: 10_000 });
    await room.waitForTimeout(500);
    expect(await room.locator('.tl-cursor, .tl-nametag').count()).toBe(0);
    await screenshot(room, 'presenter-barriers-1080p-pl');
  });

  it('draws the clusters with their names; a vote’s results leave with their step', async () => {
    await goToStep(2);
    // Ewa moves the barriers to the grouping sheet and clusters two of them.
    await ewa.evaluate(() => {
      const editor = window.__empiria!.editor as unknown as {
        getShape(id: string): { x: number } | undefined;
        updateShapes(shapes: object[]): void;
      };
      const moved = [];
      for (let i = 0; i < 8; i++) {
        const id = `shape:presenter-${i}`;
        moved.push({ id, type: 'note', x: editor.getShape(id)!.x + 1560 });
      }
      editor.updateShapes(moved);
    });
    await ewa.evaluate(() => {
      const editor = window.__empiria!.editor as unknown as { select(...ids: string[]): void };
      editor.select('shape:presenter-1', 'shape:presenter-7');
    });
    await ewa.getByTestId('cluster-make').click();
    const clusterId = await ewa.evaluate(
      () =>
        (window.__empiria!.editor.getShape('shape:presenter-1') as unknown as { parentId: string }).parentId,
    );
    await room
      .locator('[data-testid=room-sheet] [data-testid=zone-cluster-name]')
      .first()
      .waitFor({ timeout: 10_000 });
    expect(await room.getByTestId('zone-cluster-name').allTextContents()).toEqual(['Nowa grupa']);
    const cluster = room.getByTestId('zone-cluster');
    expect(await cluster.getByTestId('zone-note-text').allTextContents()).toEqual(
      expect.arrayContaining([barriers[1], barriers[7]]),
    );
    const clusterPx = await room
      .getByTestId('zone-cluster-name')
      .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    expect(clusterPx).toBeGreaterThanOrEqual(ROOM_NOTE_MIN_PX * 0.85);
    for (const note of await renderedNotes(room)) expect(note.px).toBeGreaterThanOrEqual(ROOM_NOTE_MIN_PX);

    // A vote on the grouping sheet: its results show beside the sheet, then leave with the step.
    const token = await sessionTokenIn(ewa, board.id);
    const vote = (await apiCall(setup.server, 'POST', `/api/boards/${board.id}/votes`, {
      token,
      body: { targets: [clusterId, 'shape:presenter-4'], stepId: steps[2]!.id, votesPerPerson: 2 },
    })) as { voting: { sessionId: string } };
    // One of the voted notes says a lot: the room must still read it whole.
    await ewa.evaluate((text) => {
      const editor = window.__empiria!.editor as unknown as { updateShape(shape: object): void };
      editor.updateShape({
        id: 'shape:presenter-4',
        type: 'note',
        props: {
          richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
        },
      });
    }, LONG_BARRIER);
    // The room display reads a result's text from its own copy of the board: wait until it has it.
    await room.waitForFunction(
      (text) => JSON.stringify(window.__empiria!.editor.getShape('shape:presenter-4')?.props).includes(text),
      LONG_BARRIER,
      { timeout: 10_000 },
    );
    const janToken = await sessionTokenIn(jan, board.id);
    for (const targetId of [clusterId, 'shape:presenter-4']) {
      await apiCall(setup.server, 'POST', `/api/boards/${board.id}/votes/${vote.voting.sessionId}/ballots`, {
        token: janToken,
        body: { targetId },
      });
    }
    await apiCall(setup.server, 'POST', `/api/boards/${board.id}/votes/${vote.voting.sessionId}/close`, {
      token,
    });
    await room.locator('[data-testid=room-vote][data-status=closed]').waitFor();
    const entries = room.getByTestId('room-vote-entry');
    // A vote each: both share first place, in either order.
    const texts = await entries.allTextContents();
    expect(texts).toHaveLength(2);
    expect(texts.join(' | ')).toContain('Nowa grupa');
    expect(texts.join(' | ')).toContain(LONG_BARRIER);
    // Nothing of a result's text is cut off when there are few of them: no hidden line (a few
    // pixels of a descender's room do not count).
    const hiddenLines = await entries.evaluateAll((items) =>
      items.map((item) => {
        const text = item.querySelector('.room-vote-text') as HTMLElement;
        const line = Number.parseFloat(getComputedStyle(text).lineHeight);
        return Math.round((text.scrollHeight - text.clientHeight) / line);
      }),
    );
    expect(hiddenLines).toEqual([0, 0]);
    await screenshot(room, 'presenter-grouping-vote-1080p-pl');
    await goToStep(3);
    await room.waitForTimeout(300);
    expect(await room.getByTestId('room-vote').count()).toBe(0);
  });

  it('shows the meeting note large at the approval step', async () => {
    await goToStep(steps.length - 1);
    await ewa.getByTestId('summary-open').click();
    await ewa.getByTestId('draft-button').click();
    await ewa.getByTestId('draft-report').waitFor();
    await room.getByTestId('room-meeting-note').waitFor({ timeout: 10_000 });
    await room.waitForFunction(
      (text) => document.querySelector('[data-testid=room-meeting-note-body]')?.textContent?.includes(text),
      barriers[0]!,
      { timeout: 10_000 },
    );
    const px = await room
      .getByTestId('room-meeting-note-body')
      .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    expect(px).toBeGreaterThanOrEqual(ROOM_NOTE_MIN_PX);
    const box = await room.getByTestId('room-meeting-note').boundingBox();
    expect(box!.width).toBeGreaterThan(1920 * 0.9);
    await screenshot(room, 'presenter-meeting-note-1080p-pl');
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });

  it('shows a note longer than a 720p screen page by page, turned by the facilitator or at the display', async () => {
    // A long meeting: 36 more barriers, drafted again into the note.
    const body = layoutFormat(format2).sheets.find((s) => s.stepId === 'barriers')!.zones[0]!.body;
    const many = Array.from(
      { length: 36 },
      (_, i) => `Bariera numer ${i + 1}: opis, który zajmuje dwie linijki`,
    );
    for (const [i, text] of many.entries()) {
      await makeNote(
        ewa,
        `shape:long-${i}`,
        text,
        body.x + 10 + (i % 6) * 198,
        body.y + 10 + Math.floor(i / 6) * 205,
      );
    }
    await room.setViewportSize({ width: 1280, height: 720 });
    await ewa.getByTestId('draft-button').click();
    await room.waitForFunction(
      (text) => document.querySelector('[data-testid=room-meeting-note-body]')?.textContent?.includes(text),
      many.at(-1)!,
      { timeout: 10_000 },
    );
    const mark = room.getByTestId('room-page');
    await mark.waitFor({ timeout: 10_000 });
    const count = Number(await mark.getAttribute('data-count'));
    expect(count).toBeGreaterThan(1);
    expect(await mark.getAttribute('data-page')).toBe('0');
    expect(
      await room
        .getByTestId('room-meeting-note-body')
        .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize)),
    ).toBeGreaterThanOrEqual(ROOM_NOTE_MIN_PX);
    /** Which of the note's items are wholly on the screen now. */
    const onScreen = () =>
      room.locator('[data-testid=room-meeting-note-body] li').evaluateAll((items) =>
        items
          .filter((item) => {
            const box = item.getBoundingClientRect();
            return box.width > 0 && box.left >= 0 && box.right <= innerWidth;
          })
          .map((item) => item.textContent ?? ''),
      );
    const first = await onScreen();
    expect(first.length).toBeGreaterThan(0);
    await screenshot(room, 'presenter-meeting-note-720p-page-1');

    // The facilitator turns the page from the note they read out: other items, none cut at the edge.
    await ewa.getByTestId('summary-screen').getByTestId('room-page-next').click();
    await room.locator('[data-testid=room-page][data-page="1"]').waitFor({ timeout: 10_000 });
    const second = await onScreen();
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((text) => first.includes(text))).toEqual([]);
    await screenshot(room, 'presenter-meeting-note-720p-page-2');
    expect(await ewa.getByTestId('summary-screen').getByTestId('room-page-asked').textContent()).toContain(
      '2',
    );

    // At the display, ← goes back; the facilitator's next turn counts from what they asked.
    await room.keyboard.press('ArrowLeft');
    await room.locator('[data-testid=room-page][data-page="0"]').waitFor();
    expect(await onScreen()).toEqual(first);
    await ewa.getByTestId('summary-screen').getByTestId('room-page-previous').click();
    await room.locator('[data-testid=room-page][data-page="0"]').waitFor();
    await room.setViewportSize({ width: 1920, height: 1080 });
  });
});
