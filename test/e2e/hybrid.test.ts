/**
 * A hybrid Format 2 meeting in real browsers: the facilitator (Ewa, in the room), the organiser
 * as the room's scribe (Olek, in the room), an online participant (Jan, English) and the room
 * display on the projector. The room display follows the facilitator's steps, shows the step in
 * large type, the timer and the vote's results, and publishes no presence; the scribe types 20
 * paper notes into the sheet's zones by keyboard (none overlap, each in its zone, all seen by Jan)
 * — the rate is printed; a photo of the paper sheet lands below the sheet and loads for Jan; the
 * sheets print; everyone's place shows, and an online hand stands out for the facilitator.
 * Screenshots: test/artifacts/hybrid-*.png.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { format2, layoutFormat } from '@empiria/formats';
import { cityNoteColor } from '@empiria/shared';
import type { CreateBoardResponse } from '@empiria/shared';
import { apiCall, createBoard } from '../support/api';
import { screenshot } from '../support/browser';
import { waitForCameraAtRest } from '../support/canvas-page';
import type { RecordedContext } from '../support/browser';
import { pngWithLocation } from '../support/images';
import { serverAndBrowserPerFile } from '../support/server-per-file';
import {
  joinBoard as joinBoardPage,
  sessionTokenIn,
  waitForBoard as waitForBoardPage,
  type BoardReady,
} from '../support/board-page';

type Language = 'pl' | 'en';
type Place = 'room' | 'online';

interface NoteView {
  id: string;
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
  zone: { stepId: string; zoneId: string; cellId?: string } | null;
  source: string | null;
  author: string | null;
}

const setup = serverAndBrowserPerFile();
let board: CreateBoardResponse;
let ewa: Page;
let olek: Page;
let jan: Page;
let room: Page;

const layout = layoutFormat(format2);
const steps = format2.steps;

/** What this file's tests wait for before using a board page. */
const READY: BoardReady = { control: true };
const waitForBoard = (page: Page) => waitForBoardPage(page, READY);
const joinBoard = (
  context: RecordedContext,
  inviteUrl: string,
  name: string,
  city: string,
  where: Place,
  shot?: string,
): Promise<Page> =>
  joinBoardPage(
    context,
    inviteUrl,
    { name, city, where },
    {
      ready: READY,
      beforeSubmit: shot ? async (page: Page) => void (await screenshot(page, shot)) : undefined,
    },
  );

async function openContext(
  language: Language,
  viewport = { width: 1280, height: 800 },
): Promise<RecordedContext> {
  const context = await setup.browser.newContext({ viewport });
  await context.addInitScript((lang) => localStorage.setItem('empiria.language', lang), language);
  return context;
}

/** Every sticky note on a page's canvas, with its page box, zone, source and author. */
function notesOn(page: Page): Promise<NoteView[]> {
  return page.evaluate(() => {
    const editor = window.__empiria!.editor as unknown as {
      getCurrentPageShapes(): Array<{ id: string; type: string; meta: Record<string, unknown> }>;
      getShapePageBounds(id: string): { x: number; y: number; w: number; h: number } | undefined;
      getShape(id: string): { props: Record<string, unknown> } | undefined;
      getShapeUtil(shape: unknown): { getText?(shape: unknown): string | undefined };
    };
    return editor
      .getCurrentPageShapes()
      .filter((shape) => shape.type === 'note')
      .map((shape) => {
        const bounds = editor.getShapePageBounds(shape.id)!;
        const empiria = (shape.meta.empiria ?? {}) as {
          zone?: NoteView['zone'];
          source?: string;
          author?: { name: string };
        };
        return {
          id: shape.id,
          text: editor.getShapeUtil(shape).getText?.(shape) ?? '',
          x: bounds.x,
          y: bounds.y,
          w: bounds.w,
          h: bounds.h,
          color: String(editor.getShape(shape.id)!.props.color),
          zone: empiria.zone ?? null,
          source: empiria.source ?? null,
          author: empiria.author?.name ?? null,
        };
      });
  });
}

function overlapping(a: NoteView, b: NoteView): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The room display shows `stepId` as the current step, its sheet whole and filling the canvas. */
async function roomOnStep(page: Page, stepId: string): Promise<void> {
  await page.waitForFunction(
    (id) => {
      const hooks = window.__empiria;
      const viewed = hooks?.viewedSheet();
      return (
        hooks?.currentStepId() === id &&
        document.querySelector('[data-testid=room-step]')?.getAttribute('data-step-id') === id &&
        viewed?.stepId === id &&
        viewed.visibleShare > 0.99
      );
    },
    stepId,
    { timeout: 10_000 },
  );
}

async function fontSize(page: Page, testId: string): Promise<number> {
  return page
    .getByTestId(testId)
    .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
}

async function openRoomDisplay(
  language: Language,
  viewport: { width: number; height: number },
  city?: string,
): Promise<Page> {
  const context = await openContext(language, viewport);
  const page = await context.newPage();
  await page.goto(board.invites.room);
  await page.getByTestId('room-join').waitFor();
  if (city) {
    await page.fill('input[name=city]', city);
    await page.click('button[type=submit]');
  }
  await page.getByTestId('room-display').waitFor();
  await waitForBoard(page);
  return page;
}

describe('a hybrid Format 2 meeting', () => {
  it('joins everyone with their place; the room display asks only where the room is', async () => {
    board = await createBoard(setup.server, 'Sieć „Mobilność miejska” — spotkanie hybrydowe', 'format-2');
    ewa = await joinBoard(
      await openContext('pl', { width: 1440, height: 900 }),
      board.invites.facilitator,
      'Ewa Zielińska',
      'Warszawa',
      'room',
      'hybrid-join-where-pl',
    );
    olek = await joinBoard(
      await openContext('pl', { width: 1440, height: 900 }),
      board.invites.organiser,
      'Olek Wiśniewski',
      'Gdynia',
      'room',
    );
    jan = await joinBoard(
      await openContext('en', { width: 1440, height: 900 }),
      board.invites.participant,
      'Jan Nowak',
      'Gdańsk',
      'online',
    );

    // A projector at 1280 × 720: no name asked, only the room's city, remembered for next time.
    room = await openRoomDisplay('pl', { width: 1280, height: 720 }, 'Gdynia');
    expect(await room.evaluate(() => localStorage.getItem('empiria.roomPlace'))).toBe('Gdynia');
    expect(await room.evaluate(() => window.__empiria!.editor.getIsReadonly())).toBe(true);
    // No editing chrome at all: tldraw's toolbar, menus and style panel are hidden.
    expect(await room.locator('.tlui-toolbar, .tlui-menu-zone, .tlui-style-panel').count()).toBe(0);
    await room.getByTestId('connection-status').waitFor();
    expect(await room.getByTestId('connection-status').getAttribute('data-status')).toBe('connected');
    // Its state reads by its shape too, not only by its colour: a cloud with a tick.
    expect(await room.locator('[data-testid=connection-status] [data-icon] svg').count()).toBe(1);
    expect(await room.locator('[data-testid=connection-status] [data-icon]').getAttribute('data-icon')).toBe(
      'cloud-check',
    );

    // The people list shows each person's place; the room display is nobody (no presence).
    await ewa.waitForFunction(() => window.__empiria!.people().length === 3);
    const people = await ewa.evaluate(() => window.__empiria!.people());
    expect(people).not.toContain('Ekran sali');
    // The console and the people list take turns on the right: open the list.
    if ((await ewa.getByTestId('people-panel').count()) === 0) await ewa.locator('.people-toggle').click();
    const place = (id: string) =>
      ewa.locator(`.person:has-text("${id}") [data-testid=person-place]`).getAttribute('data-place');
    await ewa.locator('[data-testid=person-place]').nth(2).waitFor();
    expect(await place('Jan Nowak')).toBe('online');
    expect(await place('Olek Wiśniewski')).toBe('room');
    expect(await place('Ewa Zielińska')).toBe('room');
    // The device remembers the answer for the next join form.
    expect(await jan.evaluate(() => localStorage.getItem('empiria.where'))).toBe('online');
  });

  it('the room display follows the facilitator’s steps in large type', async () => {
    await roomOnStep(room, steps[0]!.id);
    expect(await room.getByTestId('room-step-title').textContent()).toBe(steps[0]!.title.pl);
    // Readable from the back of the room: at 1280 × 720, no text of the step under 28 px.
    expect(await fontSize(room, 'room-step-instruction')).toBeGreaterThanOrEqual(28);
    expect(await fontSize(room, 'room-step-title')).toBeGreaterThanOrEqual(40);

    await ewa.getByTestId('step-next').click();
    await roomOnStep(room, steps[1]!.id);
    expect(await room.getByTestId('room-step-title').textContent()).toBe(steps[1]!.title.pl);
    await ewa.locator('body').press('Alt+ArrowRight');
    await ewa.getByTestId('step-next').click();
    await roomOnStep(room, steps[3]!.id);
    expect(await room.getByTestId('room-step-instruction').textContent()).toBe(steps[3]!.instruction.pl);
    // The camera is the room display's own: a wheel on the projector's laptop moves nothing.
    await room.mouse.move(1000, 400);
    await room.mouse.wheel(0, 800);
    await room.waitForTimeout(300);
    await roomOnStep(room, steps[3]!.id);
  });

  let rate = 0;

  it('the scribe types 20 paper notes into the zones by keyboard; the online participant sees them', async () => {
    // Olek opens "Wpisywanie z sali" from the "Sala" menu; the focus is in the note field.
    await olek.getByTestId('hybrid-menu-button').click();
    await olek.getByTestId('hybrid-menu').waitFor();
    await screenshot(olek, 'hybrid-menu-organiser-pl');
    await olek.getByTestId('scribe-toggle').click();
    await olek.getByTestId('scribe-panel').waitFor();
    await olek.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'scribe-text');
    const targets = await olek.getByTestId('scribe-target').evaluateAll((buttons) =>
      buttons.map((b) => ({
        number: Number(b.dataset.number),
        zoneId: b.dataset.zoneId!,
        cellId: b.dataset.cellId!,
      })),
    );
    // "Which barriers first": the area to vote on, then the three cells of "First".
    expect(targets.map((t) => `${t.number}:${t.zoneId}/${t.cellId}`)).toEqual([
      '1:candidates/',
      '2:top/barrier-1',
      '3:top/barrier-2',
      '4:top/barrier-3',
    ]);

    const texts = [
      'Brak danych o potrzebach mieszkańców',
      'Zbyt długie procedury zamówień',
      'Mało rowerów miejskich poza centrum',
      'Brak koordynacji między wydziałami',
      'Opór części radnych',
      'Niedofinansowany transport publiczny',
      'Brak ścieżek rowerowych do szkół',
      'Nieczytelna informacja pasażerska',
      'Za mało parkingów P+R',
      'Rozkłady nie pasują do zmian w zakładach',
      '5 lat czekania na decyzje środowiskowe',
      'Brak danych',
      'Procedury',
      'Koordynacja',
      'Dostępność przystanków dla osób z niepełnosprawnościami',
      'Brak wiat',
      'Budżet',
      'Ludzie',
      'Komunikacja z mieszkańcami',
      'Prawo zamówień',
    ];
    // 11 notes into the area, 3 into each cell: the zone's number first, then the text, Enter.
    const plan = texts.map((text, i) => ({ text, number: i < 11 ? 1 : 2 + ((i - 11) % 3) }));
    const stepId = steps[3]!.id;
    const started = Date.now();
    for (const { number, text } of plan) {
      await olek.keyboard.type(String(number));
      await olek.keyboard.type(text);
      await olek.keyboard.press('Enter');
    }
    await olek.waitForFunction(
      () =>
        window
          .__empiria!.editor.getCurrentPageShapes()
          .filter((s) => s.type === 'note' && (s.meta.empiria as { source?: string })?.source === 'room')
          .length === 20,
    );
    const typed = Date.now() - started;
    await jan.waitForFunction(
      () =>
        window
          .__empiria!.editor.getCurrentPageShapes()
          .filter((s) => s.type === 'note' && (s.meta.empiria as { source?: string })?.source === 'room')
          .length === 20,
      null,
      { timeout: 10_000 },
    );
    const seen = Date.now() - started;
    rate = 20 / (typed / 60_000);
    console.info(
      `[hybrid] scribe: 20 notes typed and placed in ${(typed / 1000).toFixed(1)} s ` +
        `(${rate.toFixed(0)} notes/min, keyboard at machine speed); all seen online after ${(seen / 1000).toFixed(1)} s`,
    );

    // What Jan (online) sees: each note where it was meant to go, with its text, none overlapping.
    const notes = await notesOn(jan);
    expect(notes).toHaveLength(20);
    for (const { text, number } of plan) {
      const note = notes.find((n) => n.text === text);
      expect(note, text).toBeDefined();
      const target = targets.find((t) => t.number === number)!;
      expect(note!.zone, text).toEqual(
        target.cellId
          ? { stepId, zoneId: target.zoneId, cellId: target.cellId }
          : { stepId, zoneId: target.zoneId },
      );
      expect(note!.source).toBe('room');
      expect(note!.author).toBe('Olek Wiśniewski');
      expect(note!.color).toBe(cityNoteColor('Gdynia'));
      // Inside its zone's rectangle on the sheet, as the layout draws it.
      const sheet = layout.sheets.find((s) => s.stepId === stepId)!;
      const zone = sheet.zones.find((z) => z.zoneId === target.zoneId)!;
      const rect = target.cellId ? zone.cells.find((c) => c.cellId === target.cellId)! : zone.body;
      expect(note!.x).toBeGreaterThanOrEqual(rect.x);
      expect(note!.y).toBeGreaterThanOrEqual(rect.y);
      expect(note!.x + note!.w).toBeLessThanOrEqual(rect.x + rect.w);
      expect(note!.y + note!.h).toBeLessThanOrEqual(rect.y + rect.h);
    }
    for (let i = 0; i < notes.length; i++) {
      for (let j = i + 1; j < notes.length; j++) {
        expect(overlapping(notes[i]!, notes[j]!), `${notes[i]!.text} / ${notes[j]!.text}`).toBe(false);
      }
    }
    // The note that starts with a digit kept it (typed after its zone's number).
    expect(notes.some((n) => n.text === '5 lat czekania na decyzje środowiskowe')).toBe(true);
    // Marked as written in the room, on Jan's screen too.
    expect(await jan.getByTestId('room-note-badge').count()).toBeGreaterThan(0);
    expect(await jan.getByTestId('room-note-badge').first().textContent()).toContain('room');
    // The focus stayed in the field all along.
    expect(await olek.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'scribe-text',
    );

    // Pick zone 3 by the arrow keys and leave a note half-typed, for the picture.
    await olek.keyboard.press('ArrowDown');
    await olek.keyboard.press('ArrowDown');
    await olek.keyboard.type('Brak wspólnego biletu');
    await screenshot(olek, 'hybrid-scribe-pl');
    await olek.keyboard.press('Escape');
    expect(await olek.getByTestId('scribe-text').inputValue()).toBe('');
    expect(rate).toBeGreaterThan(20);
  });

  it('the scribe panel in English', async () => {
    await jan.getByTestId('hybrid-menu-button').click();
    await jan.getByTestId('scribe-toggle').click();
    await jan.getByTestId('scribe-panel').waitFor();
    expect(await jan.getByTestId('scribe-panel').textContent()).toContain('Zones of the sheet');
    await screenshot(jan, 'hybrid-scribe-en');
    await jan.getByRole('button', { name: 'Close the scribe panel' }).click();
  });

  it('the room display shows the timer and the vote’s results', async () => {
    const ewaToken = await sessionTokenIn(ewa, board.id);
    await apiCall(setup.server, 'POST', `/api/boards/${board.id}/timer`, {
      token: ewaToken,
      body: { action: 'start', seconds: 7 * 60 },
    });
    await room.locator('[data-testid=room-timer][data-phase=running]').waitFor();
    expect(await room.locator('.room-timer-time').textContent()).toMatch(/^[67]:\d\d$/);

    // A vote on the notes of the area, two voters, closed: the ranking shows on the wall.
    const notes = await notesOn(ewa);
    const candidates = notes
      .filter((n) => n.zone?.zoneId === 'candidates')
      .sort((a, b) => a.y - b.y || a.x - b.x);
    const vote = (await apiCall(setup.server, 'POST', `/api/boards/${board.id}/votes`, {
      token: ewaToken,
      body: { targets: candidates.map((n) => n.id), stepId: steps[3]!.id, votesPerPerson: 3 },
    })) as { voting: { sessionId: string } };
    await room.locator('[data-testid=room-vote][data-status=open]').waitFor();
    const ballots: Array<[Page, number[]]> = [
      [olek, [0, 1, 3]],
      [jan, [0, 1, 4]],
      [ewa, [0, 2, 3]],
    ];
    for (const [page, picks] of ballots) {
      const token = await sessionTokenIn(page, board.id);
      for (const pick of picks) {
        await apiCall(
          setup.server,
          'POST',
          `/api/boards/${board.id}/votes/${vote.voting.sessionId}/ballots`,
          {
            token,
            body: { targetId: candidates[pick]!.id },
          },
        );
      }
    }
    await apiCall(setup.server, 'POST', `/api/boards/${board.id}/votes/${vote.voting.sessionId}/close`, {
      token: ewaToken,
    });
    await room.locator('[data-testid=room-vote][data-status=closed]').waitFor();
    const entries = await room.getByTestId('room-vote-entry').allTextContents();
    expect(entries[0]).toContain(candidates[0]!.text);
    expect(entries[0]).toContain('3 głosy');
    await screenshot(room, 'hybrid-room-display-720p-pl');

    // A full-HD projector in English.
    const roomEn = await openRoomDisplay('en', { width: 1920, height: 1080 }, 'Gdynia');
    await roomOnStep(roomEn, steps[3]!.id);
    await roomEn.locator('[data-testid=room-vote][data-status=closed]').waitFor();
    expect(await fontSize(roomEn, 'room-step-instruction')).toBeGreaterThanOrEqual(40);
    expect(await roomEn.getByTestId('room-step-title').textContent()).toBe(steps[3]!.title.en);
    await screenshot(roomEn, 'hybrid-room-display-1080p-en');
    // Reopened on the same device, it joins by itself (the room's place is remembered).
    await roomEn.reload();
    await roomEn.getByTestId('room-display').waitFor();
    await roomEn.context().close();
  });

  it('an online hand stands out for the facilitator', async () => {
    await jan.getByTestId('hand-button').click();
    const card = ewa.getByTestId('online-hands');
    await card.waitFor();
    expect(await card.textContent()).toContain('Jan Nowak');
    await screenshot(ewa, 'hybrid-online-hand-pl');
    // Olek's hand (in the room) does not show there.
    await olek.getByTestId('hand-button').click();
    // Two hands wait now (the console's button counts them); the card still names Jan only.
    await ewa.getByTestId('console-toggle').filter({ hasText: '2' }).waitFor();
    expect(await card.textContent()).not.toContain('Olek');
    await jan.getByTestId('hand-button').click();
    await card.waitFor({ state: 'detached' });
  });

  it('a photo of the paper sheet lands below the sheet and loads for everyone', async () => {
    const stepId = steps[3]!.id;
    // Not an image: refused in plain words, before anything is sent.
    await olek.getByTestId('photo-input').setInputFiles({
      name: 'notatki.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('to nie jest zdjęcie'),
    });
    await olek.locator('[data-testid=photo-status][data-phase=failed]').waitFor();
    expect(await olek.getByTestId('photo-status').textContent()).toContain('To nie jest zdjęcie');

    await olek.getByTestId('photo-input').setInputFiles({
      name: 'arkusz.png',
      mimeType: 'image/png',
      buffer: pngWithLocation(680, 990),
    });
    await olek.locator('[data-testid=photo-status][data-phase=done]').waitFor({ timeout: 15_000 });

    // Jan sees an image shape below the sheet and its image loads from our own origin.
    const photoId = await jan.waitForFunction(
      (id) =>
        window
          .__empiria!.editor.getCurrentPageShapes()
          .find(
            (s) =>
              s.type === 'image' &&
              (s.meta.empiria as { photo?: { stepId: string } } | undefined)?.photo?.stepId === id,
          )?.id ?? null,
      stepId,
      { timeout: 10_000 },
    );
    const id = (await photoId.jsonValue()) as string;
    const sheet = layout.sheets.find((s) => s.stepId === stepId)!;
    const bounds = await jan.evaluate((shapeId) => {
      const editor = window.__empiria!.editor as unknown as {
        getShapePageBounds(id: string): { x: number; y: number; w: number; h: number };
        zoomToBounds(box: { x: number; y: number; w: number; h: number }, opts?: unknown): void;
      };
      return editor.getShapePageBounds(shapeId);
    }, id);
    expect(bounds.y).toBeGreaterThan(sheet.y + sheet.h);
    // The sheet with its photo below, on Jan's screen.
    await jan.evaluate(
      ({ box }) => {
        const editor = window.__empiria!.editor as unknown as {
          zoomToBounds(box: { x: number; y: number; w: number; h: number }, opts?: unknown): void;
        };
        editor.zoomToBounds(box, { inset: 80 });
      },
      { box: { x: sheet.x, y: sheet.y, w: sheet.w, h: bounds.y + bounds.h - sheet.y } },
    );
    const image = jan.locator(`.tl-shape[data-shape-id="${id}"] img`);
    await image.waitFor({ timeout: 10_000 });
    await jan.waitForFunction(
      (shapeId) => {
        const img = document.querySelector<HTMLImageElement>(`.tl-shape[data-shape-id="${shapeId}"] img`);
        return img !== null && img.complete && img.naturalWidth > 0;
      },
      id,
      { timeout: 10_000 },
    );
    expect(await image.getAttribute('src')).toMatch(/^\/api\/photos\/[A-Za-z0-9_-]{16}$/);
    await screenshot(jan, 'hybrid-sheet-with-photo-en');
    await screenshot(olek, 'hybrid-photo-added-pl');

    // The same in Polish, on Ewa's screen.
    await ewa.evaluate(
      ({ box }) => {
        const editor = window.__empiria!.editor as unknown as {
          zoomToBounds(box: { x: number; y: number; w: number; h: number }, opts?: unknown): void;
        };
        editor.zoomToBounds(box, { inset: 80 });
      },
      { box: { x: sheet.x, y: sheet.y, w: sheet.w, h: bounds.y + bounds.h - sheet.y } },
    );
    await ewa.waitForFunction(
      (shapeId) =>
        (document.querySelector<HTMLImageElement>(`.tl-shape[data-shape-id="${shapeId}"] img`)
          ?.naturalWidth ?? 0) > 0,
      id,
    );
    await screenshot(ewa, 'hybrid-sheet-with-photo-pl');
  });

  it('prints the sheets: the page opens in a new tab and the print dialog is called', async () => {
    await ewa.context().addInitScript(() => {
      window.print = () => {
        (window as unknown as { __printed: boolean }).__printed = true;
      };
    });
    await ewa.getByTestId('hybrid-menu-button').click();
    await ewa.getByTestId('print-section').waitFor();
    await ewa.getByText('A4', { exact: true }).click();
    const [tab] = await Promise.all([
      ewa.context().waitForEvent('page'),
      ewa.getByTestId('print-sheets').click(),
    ]);
    await tab.waitForURL(/^blob:/, { timeout: 15_000 });
    await tab.waitForLoadState('load');
    const html = await tab.content();
    for (const step of steps) expect(html).toContain(step.title.pl.replace(/&/g, '&amp;'));
    await tab
      .waitForFunction(() => (window as unknown as { __printed?: boolean }).__printed === true, null, {
        timeout: 5_000,
      })
      .catch(() => undefined);
    console.info(
      `[hybrid] print: ${tab.url().slice(0, 40)}…, print() called: ${await tab.evaluate(
        () => (window as unknown as { __printed?: boolean }).__printed === true,
      )}`,
    );
    await tab.close();
    // A participant has no print section.
    await jan.getByTestId('hybrid-menu-button').click();
    await jan.getByTestId('hybrid-menu').waitFor();
    expect(await jan.getByTestId('print-section').count()).toBe(0);
    await screenshot(jan, 'hybrid-menu-participant-en');
    await jan.keyboard.press('Escape');
  });

  it('the room display reconnects by itself and says so meanwhile', async () => {
    await setup.server.stop();
    await room
      .locator('[data-testid=connection-status]:not([data-status=connected])')
      .waitFor({ timeout: 15_000 });
    expect(await room.getByTestId('connection-status').textContent()).toMatch(/łączenie|Offline/);
    expect(
      await room.locator('[data-testid=connection-status] [data-icon]').getAttribute('data-icon'),
    ).toMatch(/^(sync|cloud-off)$/);
    await screenshot(room, 'hybrid-room-display-reconnecting-pl');
    await setup.restartServer();
    await room.locator('[data-testid=connection-status][data-status=connected]').waitFor({ timeout: 30_000 });
    await waitForBoard(ewa);
    await ewa.getByTestId('step-next').click();
    await roomOnStep(room, steps[4]!.id);
  });

  it('the room display goes where the facilitator brings everyone, and follows her view', async () => {
    type Box = { x: number; y: number; w: number; h: number };
    const viewOf = (page: Page) =>
      page.evaluate(() => {
        const editor = window.__empiria!.editor as unknown as { getViewportPageBounds(): Box };
        const { x, y, w, h } = editor.getViewportPageBounds();
        return { x, y, w, h };
      });
    const centre = (box: Box) => ({ x: box.x + box.w / 2, y: box.y + box.h / 2 });
    // As a person's own gesture does, the move stops any glide still under way (a follow's or a
    // refit's), which would otherwise carry her camera on after what she summoned (seen in CI).
    const showOnEwa = async (box: Box) => {
      await waitForCameraAtRest(ewa);
      await ewa.evaluate((target) => {
        const editor = window.__empiria!.editor as unknown as {
          stopCameraAnimation(): void;
          zoomToBounds(box: Box, opts?: unknown): void;
        };
        editor.stopCameraAnimation();
        editor.zoomToBounds(target, { immediate: true });
      }, box);
    };
    /** The room display shows Ewa's view: the same centre, all of it in sight. */
    const roomShowsEwa = async () => {
      await expect
        .poll(
          async () => {
            const ewaView = await viewOf(ewa);
            const roomView = await viewOf(room);
            const a = centre(ewaView);
            const b = centre(roomView);
            return Math.hypot(a.x - b.x, a.y - b.y) < 0.05 * ewaView.w && roomView.w >= ewaView.w * 0.98;
          },
          { timeout: 10_000 },
        )
        .toBe(true);
    };
    if ((await ewa.getByTestId('summon').count()) === 0) await ewa.getByTestId('console-toggle').click();
    // Her camera settles on the group's sheet first (the step just changed, the console opened).
    await ewa.waitForFunction((id) => {
      const viewed = window.__empiria!.viewedSheet();
      return (
        window.__empiria!.followMode() === 'following' && viewed?.stepId === id && viewed.widthShare > 0.85
      );
    }, steps[4]!.id);
    await ewa.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
    );

    // Ewa looks at the "Solutions" rows' first row and brings everyone there.
    const sheet = layout.sheets.find((s) => s.stepId === steps[4]!.id)!;
    const row = sheet.zones[0]!.cells[0]!;
    await showOnEwa(row);
    await ewa.getByTestId('summon').click();
    await room.locator('[data-testid=room-focus-note][data-kind=summon]').waitFor();
    expect(await room.getByTestId('room-focus-note').textContent()).toContain('Ewa Zielińska');
    await roomShowsEwa();

    // "Follow me": the room display goes along with her view as she moves.
    await ewa.getByTestId('follow-me').click();
    await room.locator('[data-testid=room-focus-note][data-kind=leader]').waitFor();
    await showOnEwa(sheet.zones[0]!.cells[2]!);
    await roomShowsEwa();
    await screenshot(room, 'hybrid-room-display-follow-pl');
    await ewa.getByTestId('follow-me-stop').click();

    // The next step puts the room display back on the group's sheet.
    await ewa.getByTestId('step-next').click();
    await roomOnStep(room, steps[5]!.id);
    expect(await room.getByTestId('room-focus-note').count()).toBe(0);
  });

  it('a participant in the room sends a photo from a phone', async () => {
    const phone = await setup.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    await phone.addInitScript(() => localStorage.setItem('empiria.language', 'pl'));
    const ala = await joinBoard(phone, board.invites.participant, 'Ala Kowalska', 'Sopot', 'room');
    await ala.getByTestId('hybrid-menu-button').click();
    await ala.getByTestId('photo-add').waitFor();
    await screenshot(ala, 'hybrid-phone-menu-pl');
    // The menu's button opens the camera: the file input asks for the back camera.
    expect(await ala.getByTestId('photo-input').getAttribute('capture')).toBe('environment');
    expect(await ala.getByTestId('photo-input').getAttribute('accept')).toBe('image/*');
    await ala.keyboard.press('Escape');
    await ala.getByTestId('photo-input').setInputFiles({
      name: 'IMG_2041.png',
      mimeType: 'image/png',
      buffer: pngWithLocation(900, 1200),
    });
    await ala.locator('[data-testid=photo-status][data-phase=done]').waitFor({ timeout: 15_000 });
    await screenshot(ala, 'hybrid-phone-photo-done-pl');
    await phone.close();
  });

  it('on a blank board the room display shows everything on it', async () => {
    const blank = await createBoard(setup.server, 'Spotkanie bez formatu', 'blank');
    const lead = await openContext('pl');
    const olga = await lead.newPage();
    await olga.goto(blank.invites.facilitator);
    await olga.getByTestId('join-form').waitFor();
    await olga.fill('input[name=name]', 'Olga Lis');
    await olga.fill('input[name=city]', 'Gdynia');
    await olga.click('button[type=submit]');
    await waitForBoard(olga);
    await olga.evaluate(() => {
      window.__empiria!.editor.createShape({ id: 'shape:far-away', type: 'note', x: 5000, y: 3000 });
    });
    const display = await openContext('pl', { width: 1280, height: 720 });
    const page = await display.newPage();
    await page.goto(blank.invites.room);
    await page.getByTestId('room-join').waitFor();
    await page.fill('input[name=city]', 'Gdynia');
    await page.click('button[type=submit]');
    await page.getByTestId('room-display').waitFor();
    await waitForBoard(page);
    await page.waitForFunction(() => {
      const editor = window.__empiria!.editor as unknown as {
        getViewportPageBounds(): { x: number; y: number; w: number; h: number };
      };
      const view = editor.getViewportPageBounds();
      return view.x <= 5000 && view.x + view.w >= 5200 && view.y <= 3000 && view.y + view.h >= 3200;
    });
    expect(await page.getByTestId('room-step').count()).toBe(0);
    // (The language init script cannot reach localStorage on the new tab's about:blank: not ours.)
    expect(display.pageErrors().filter((e) => !e.includes("'localStorage'"))).toEqual([]);
    await lead.close();
    await display.close();
  });

  it('the admin’s invite list has the room display’s link', async () => {
    const context = await openContext('pl', { width: 1280, height: 900 });
    const page = await context.newPage();
    await page.goto(`${setup.server.baseUrl}/?admin=${setup.server.adminToken}`);
    const row = page.locator(`[data-board-id="${board.id}"] .invite-row[data-role=room]`);
    await row.waitFor();
    expect(await row.locator('.invite-role').textContent()).toBe('Ekran sali');
    expect(await row.locator('input').inputValue()).toBe(board.invites.room);
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test/artifacts/hybrid-admin-invites-pl.png' });
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
