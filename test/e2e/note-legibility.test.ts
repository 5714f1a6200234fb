/**
 * What the board draws over its own text leaves it legible.
 *
 * A sticky note's text is never covered by what the board draws on it: the author's line at its
 * bottom (when the facilitator shows authors) and a vote's rank at its top. Checked as a person
 * sees it — the boxes of the note's drawn lines of text against the boxes of its labels on the
 * screen, and the text not cut off by the note — on a laptop (1280×800, at the step's view and
 * zoomed out, where the labels grow) and on a phone's canvas (390×844).
 *
 * A sheet's heading is not cut into fragments by the step's view on a laptop: the view starts at
 * the zones, not inside the instruction, and the banners (private writing, a vote) stay in the
 * band above the sheet. Screenshots: test/artifacts/note-legibility-*.png.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { format2, layoutFormat } from '@empiria/formats';
import { apiRequest, createBoard } from '../support/api';
import { joinBoard, sessionTokenIn, waitForBoard } from '../support/board-page';
import { screenshot } from '../support/browser';
import { makeNote, waitForCameraAtRest } from '../support/canvas-page';
import { notesOnScreen } from '../support/note-on-screen';
import type { NoteOnScreen, Rect } from '../support/note-on-screen';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile();

const facts = layoutFormat(format2)
  .sheets.find((sheet) => sheet.stepId === 'challenge')!
  .zones.find((zone) => zone.zoneId === 'facts')!.body;

/** A long note (its text fills it and makes it grow), a two-line one and a one-word one. */
const NOTES = [
  {
    id: 'shape:long',
    text: 'Brak koordynacji między wydziałami urzędu a spółkami komunalnymi, które obsługują przewozy w gminach ościennych',
  },
  {
    id: 'shape:medium',
    text: 'Brak wspólnego biletu dla całej aglomeracji — każdy przewoźnik ma własną taryfę',
  },
  { id: 'shape:short', text: 'Rozkłady' },
].map((note, i) => ({ ...note, x: facts.x + 20 + i * 230, y: facts.y + 30 }));

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

interface LabelledNote extends NoteOnScreen {
  /** The labels drawn on the note, by test id. */
  labels: Array<{ what: string; rect: Rect }>;
}

/** What `page` draws of each note: its lines of text, its box and the labels over it. */
async function notesOnScreenWithLabels(page: Page, ids: string[]): Promise<LabelledNote[]> {
  const notes = await notesOnScreen(page, ids);
  const labels = await page.evaluate(
    (ids) =>
      ids.map((id) =>
        [
          ...document.querySelectorAll<HTMLElement>(
            `[data-note-id="${id}"] [data-testid], [data-target-id="${id}"] > [data-testid]`,
          ),
        ]
          .filter((el) => el.getClientRects().length > 0)
          .map((el) => {
            const r = el.getBoundingClientRect();
            return {
              what: el.dataset.testid!,
              rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
            };
          }),
      ),
    ids,
  );
  return notes.map((note, i) => ({ ...note, labels: labels[i]! }));
}

const overlap = (a: Rect, b: Rect) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

/** Every note drawn in full, with text, and no label over any of its lines; the labels checked. */
async function expectLegible(page: Page, expectedLabels: Record<string, string[]>): Promise<void> {
  const notes = await notesOnScreenWithLabels(
    page,
    NOTES.map((note) => note.id),
  );
  const window = page.viewportSize()!;
  for (const note of notes) {
    expect(note.lines.length, `${note.id} shows its text`).toBeGreaterThan(0);
    expect(note.card, `${note.id} is drawn`).not.toBeNull();
    expect(
      note.card!.left >= 0 && note.card!.top >= 0 && note.card!.right <= window.width,
      `${note.id} is on screen`,
    ).toBe(true);
    expect(note.clipped, `${note.id}'s text fits the note`).toBe(false);
    for (const line of note.lines) {
      expect(line.top >= note.card!.top - 0.5 && line.bottom <= note.card!.bottom + 0.5).toBe(true);
    }
    expect(note.labels.map((label) => label.what).sort(), `${note.id}'s labels`).toEqual(
      [...(expectedLabels[note.id] ?? [])].sort(),
    );
    for (const label of note.labels) {
      const covered = note.lines.filter((line) => overlap(line, label.rect));
      expect(covered, `${label.what} over a line of ${note.id}`).toEqual([]);
    }
  }
}

describe('a note’s text is never covered by its labels', () => {
  it('by its author or its rank, on a laptop (at the step’s view and zoomed out) and on a phone', async () => {
    const board = await createBoard(
      setup.server,
      'Sieć „Mobilność miejska” — czytelne karteczki',
      'format-2',
    );
    const laptop = await setup.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await laptop.addInitScript(() => localStorage.setItem('empiria.language', 'pl'));
    const ewa = await joinBoard(
      laptop,
      board.invites.facilitator,
      { name: 'Ewa Zielińska', city: 'Warszawa' },
      { ready: { control: true, facilitation: true } },
    );
    const phone = await setup.browser.newContext(PHONE);
    await phone.addInitScript(() => localStorage.setItem('empiria.language', 'pl'));
    const ala = await joinBoard(
      phone,
      board.invites.participant,
      { name: 'Małgorzata Szczepańska-Wójcik', city: 'Bielsko-Biała', where: 'room' },
      { ready: { control: true } },
    );

    for (const note of NOTES) await makeNote(ewa, note.id, note.text, note.x, note.y, { color: 'orange' });
    const authors = Object.fromEntries(NOTES.map((note) => [note.id, ['note-author']]));

    // A vote on the three, one dot on the long note, closed: it ranks first.
    const ewaToken = await sessionTokenIn(ewa, board.id);
    const opened = await apiRequest(setup.server, 'POST', `/api/boards/${board.id}/votes`, {
      token: ewaToken,
      body: { targets: NOTES.map((note) => note.id), stepId: 'challenge', votesPerPerson: 3 },
    });
    expect(opened.status).toBe(201);
    const { sessionId } = (opened.body as { voting: { sessionId: string } }).voting;
    const ballot = await apiRequest(
      setup.server,
      'POST',
      `/api/boards/${board.id}/votes/${sessionId}/ballots`,
      {
        token: await sessionTokenIn(ala, board.id),
        body: { targetId: 'shape:long' },
      },
    );
    expect(ballot.status).toBeLessThan(300);
    const closed = await apiRequest(
      setup.server,
      'POST',
      `/api/boards/${board.id}/votes/${sessionId}/close`,
      {
        token: ewaToken,
      },
    );
    expect(closed.status).toBeLessThan(300);
    const ranked = { ...authors, 'shape:long': ['note-author', 'vote-place'] };

    // The laptop, at the step's view.
    await ewa.locator('[data-target-id="shape:long"] [data-testid=vote-place]').waitFor();
    await waitForCameraAtRest(ewa);
    await expectLegible(ewa, ranked);
    await screenshot(ewa, 'note-legibility-laptop');

    // Zoomed out to where the labels are drawn larger than the note's text (D48's --k).
    await ewa.evaluate(
      ({ x, y }) => {
        const editor = window.__empiria!.editor;
        editor.setCamera({ x: -x + 300, y: -y + 600, z: 0.36 }, { immediate: true });
      },
      { x: NOTES[0]!.x, y: NOTES[0]!.y },
    );
    await waitForCameraAtRest(ewa);
    await expectLegible(ewa, ranked);
    await screenshot(ewa, 'note-legibility-laptop-zoomed-out');

    // The phone's canvas, at the step's view.
    await ala.getByTestId('phone-view-canvas').tap();
    await ala.locator('.tl-canvas').waitFor({ state: 'visible' });
    await waitForBoard(ala, { control: true });
    await ala.locator('[data-target-id="shape:long"] [data-testid=vote-place]').waitFor();
    await waitForCameraAtRest(ala);
    await expectLegible(ala, ranked);
    await screenshot(ala, 'note-legibility-phone');
  });
});

/**
 * Screen pixels a step's camera keeps free above the sheet for tldraw's menus and the banners
 * (`INSETS.top` in client/src/follow/camera-follower.ts).
 */
const TOP_BAND = 56;

const barriers = layoutFormat(format2).sheets.find((sheet) => sheet.stepId === 'barriers')!;

/**
 * The boxes of the current sheet's heading lines (its number, title and instruction), each with
 * whether it is drawn (not hidden by the board), the canvas's and the banners'.
 */
function headingOnScreen(page: Page) {
  return page.evaluate(() => {
    const plain = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const editor = window.__empiria!.editor;
    const step = window.__empiria!.currentStepId();
    const lines: Array<{
      left: number;
      top: number;
      right: number;
      bottom: number;
      text: string;
      drawn: boolean;
    }> = [];
    for (const shape of editor.getCurrentPageShapes()) {
      const meta = shape.meta.empiria as { kind?: string; stepId?: string; part?: string } | undefined;
      if (meta?.kind !== 'template' || meta.stepId !== step) continue;
      if (meta.part !== 'title' && meta.part !== 'instruction' && meta.part !== 'badge') continue;
      const text = document.querySelector(`.tl-shape[data-shape-id="${shape.id}"] .tl-rich-text`);
      const drawn = !!text && getComputedStyle(text).visibility !== 'hidden';
      const walker = text ? document.createTreeWalker(text, NodeFilter.SHOW_TEXT) : null;
      for (let node = walker?.nextNode(); node; node = walker!.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
          if (r.width > 1 && r.height > 1) lines.push({ ...plain(r), text: node.textContent ?? '', drawn });
        }
      }
    }
    const canvas = document.querySelector('.tl-canvas')!.getBoundingClientRect();
    const banners = [...document.querySelectorAll('.activity-banner')].map((el) =>
      plain(el.getBoundingClientRect()),
    );
    return { lines, canvas: plain(canvas), banners };
  });
}

describe('a sheet’s heading is not cut into fragments by the step’s view', () => {
  it('on a laptop the view starts at the zones, and the banners stay in the band above them', async () => {
    const board = await createBoard(setup.server, 'Sieć „Mobilność miejska” — nagłówek arkusza', 'format-2');
    for (const language of ['pl', 'en'] as const) {
      const laptop = await setup.browser.newContext({ viewport: { width: 1280, height: 800 } });
      await laptop.addInitScript((lang) => localStorage.setItem('empiria.language', lang), language);
      const page = await joinBoard(
        laptop,
        board.invites.facilitator,
        { name: language === 'pl' ? 'Ewa Zielińska' : 'Fela Nowak', city: 'Warszawa' },
        { ready: { control: true, facilitation: true } },
      );
      if (language === 'pl') {
        await page.getByTestId('step-next').click();
        await page.waitForFunction(() => window.__empiria!.currentStepId() === 'barriers');
        await page.getByTestId('private-start').click();
      }
      await page.getByTestId('private-banner').waitFor();
      // The step's camera has glided to the barriers sheet (centred on its zones) and rests.
      await page.waitForFunction(
        (x) => {
          const editor = window.__empiria!.editor as unknown as {
            getViewportPageBounds(): { x: number; w: number };
          };
          const view = editor.getViewportPageBounds();
          return Math.abs(view.x + view.w / 2 - x) < 40;
        },
        barriers.zones[0]!.body.x + barriers.zones[0]!.body.w / 2,
        { timeout: 10_000 },
      );
      await waitForCameraAtRest(page);
      const { lines, canvas, banners } = await headingOnScreen(page);
      const band = canvas.top + TOP_BAND;
      // No line of the heading in the sheet's part of the canvas (below the band): the view
      // does not start inside the instruction.
      const inView = lines.filter(
        (line) =>
          line.bottom > band + 0.5 &&
          line.top < canvas.bottom &&
          line.right > canvas.left &&
          line.left < canvas.right,
      );
      expect(inView.map((line) => line.text)).toEqual([]);
      // Nor a fragment of it in the band (D55): the instruction's last line reaches into it at
      // this zoom, and the board hides the heading while the person follows this view.
      const onCanvas = (line: (typeof lines)[number]) =>
        line.bottom > canvas.top + 0.5 &&
        line.top < canvas.bottom &&
        line.right > canvas.left &&
        line.left < canvas.right;
      expect(lines.filter(onCanvas).length, 'the heading reaches into the band').toBeGreaterThan(0);
      expect(lines.filter((line) => onCanvas(line) && line.drawn).map((line) => line.text)).toEqual([]);
      // The banners end within the band.
      expect(banners.length).toBeGreaterThan(0);
      for (const banner of banners) expect(banner.bottom).toBeLessThanOrEqual(band + 0.5);
      await screenshot(page, `note-legibility-heading-${language}`);

      // Scrolled up to read it, the person sees the heading: hidden only in the step's view.
      await page.mouse.move(canvas.left + 300, canvas.top + 300);
      await page.mouse.wheel(0, -400);
      await page.getByTestId('back-to-group').waitFor();
      await waitForCameraAtRest(page);
      const after = await headingOnScreen(page);
      const drawnNow = after.lines.filter((line) => onCanvas(line) && line.drawn);
      expect(drawnNow.length, 'the heading is drawn once the person looks around').toBeGreaterThan(0);
    }
  });
});
