/**
 * Walking a format's steps in real browsers: a facilitator and two participants on a Format 2
 * board. After each move all three show the same step and their cameras are on its sheet; a
 * participant cannot move the group (the server drops their write to the control document); a
 * participant who looked around finds their way back with one click; notes know their zone and
 * the facilitator tidies a zone. Then one board per format, photographed as the facilitator sees
 * it, in Polish and in English (test/artifacts/formats-*.png).
 *
 * The page exposes `window.__empiria` (client/src/session/test-hooks.ts) for reading state.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getFormat } from '@empiria/formats';
import type { FormatDefinition } from '@empiria/formats';
import type { BoardFormat } from '@empiria/shared';
import { createBoard } from '../support/api';
import { screenshot } from '../support/browser';
import type { RecordedContext } from '../support/browser';
import { serverAndBrowserPerFile } from '../support/server-per-file';
import {
  joinBoard as joinBoardPage,
  waitForBoard as waitForBoardPage,
  type BoardReady,
} from '../support/board-page';

type Language = 'pl' | 'en';

interface Person {
  name: string;
  page: Page;
  language: Language;
}

// Debug logs include the server's "dropped a write from a read-only connection".
const setup = serverAndBrowserPerFile({ env: { LOG_LEVEL: 'debug' } });

/** What this file's tests wait for before using a board page. */
const READY: BoardReady = { control: true };
const waitForBoard = (page: Page) => waitForBoardPage(page, READY);
const joinBoard = (context: RecordedContext, inviteUrl: string, name: string, city: string): Promise<Page> =>
  joinBoardPage(context, inviteUrl, { name, city }, { ready: READY });

function format(id: BoardFormat): FormatDefinition {
  const definition = getFormat(id);
  if (!definition) throw new Error(`no format ${id}`);
  return definition;
}

async function openContext(
  language: Language,
  viewport = { width: 1280, height: 800 },
): Promise<RecordedContext> {
  const context = await setup.browser.newContext({ viewport });
  await context.addInitScript((lang) => localStorage.setItem('empiria.language', lang), language);
  return context;
}

/**
 * Waits until the person's screen shows `stepId` as the current step with its sheet's full width in
 * view (at a readable zoom a laptop shows the sheet from its top, not all of its height).
 */
async function waitOnSheet(page: Page, stepId: string): Promise<void> {
  await page.waitForFunction(
    (id) => {
      const hooks = window.__empiria;
      if (!hooks || hooks.currentStepId() !== id || hooks.followMode() !== 'following') return false;
      const viewed = hooks.viewedSheet();
      return viewed !== null && viewed.stepId === id && viewed.widthShare > 0.85;
    },
    stepId,
    { timeout: 10_000 },
  );
}

/** Everyone shows the step's title and instruction in their language, and looks at its sheet. */
async function expectAllOnStep(people: Person[], definition: FormatDefinition, index: number) {
  const step = definition.steps[index]!;
  for (const { page, language, name } of people) {
    await waitOnSheet(page, step.id);
    const panel = page.getByTestId('current-step');
    expect(await panel.getAttribute('data-step-id'), name).toBe(step.id);
    expect(await page.getByTestId('current-step-title').textContent(), name).toBe(step.title[language]);
    expect(await page.getByTestId('current-step-instruction').textContent(), name).toBe(
      step.instruction[language],
    );
    const current = page.getByTestId('agenda').locator('[aria-current="step"]');
    expect(await current.getAttribute('data-step-id'), name).toBe(step.id);
  }
}

function droppedWrites(): number {
  return setup.server
    .logRecords()
    .filter((record) => record.msg === 'dropped a write from a read-only connection').length;
}

describe('walking the steps', () => {
  it('moves everyone through Format 2; refuses a participant’s move; brings a wanderer back', async () => {
    const f2 = format('format-2');
    const ids = f2.steps.map((step) => step.id);
    const board = await createBoard(setup.server, 'Sieć „Mobilność miejska” — spotkanie 2', 'format-2');
    const ewa = await joinBoard(
      await openContext('pl'),
      board.invites.facilitator,
      'Ewa Zielińska',
      'Warszawa',
    );
    const anna = await joinBoard(
      await openContext('pl'),
      board.invites.participant,
      'Anna Kowalska',
      'Lublin',
    );
    const jan = await joinBoard(await openContext('en'), board.invites.participant, 'Jan Nowak', 'Gdańsk');
    const people: Person[] = [
      { name: 'facilitator', page: ewa, language: 'pl' },
      { name: 'Anna', page: anna, language: 'pl' },
      { name: 'Jan', page: jan, language: 'en' },
    ];

    // Step 1 on opening: the server started the board on it, and every camera went to its sheet.
    await expectAllOnStep(people, f2, 0);
    // Participants get no buttons to move the group.
    expect(await anna.getByTestId('step-controls').count()).toBe(0);
    expect(await anna.locator('.agenda-go').count()).toBe(0);

    // Step 2 by the button, step 3 by the keyboard, step 4 by the button again.
    await ewa.getByTestId('step-next').click();
    await expectAllOnStep(people, f2, 1);
    await ewa.locator('body').press('Alt+ArrowRight');
    await expectAllOnStep(people, f2, 2);
    await ewa.getByTestId('step-next').click();
    await expectAllOnStep(people, f2, 3);
    await screenshot(ewa, 'formats-walk-facilitator-step4-pl');
    await screenshot(jan, 'formats-walk-participant-step4-en');

    // Jumping ahead asks first, in plain words; "stay" stays.
    await ewa.locator(`.agenda-item[data-step-id="${ids[6]}"] .agenda-go`).click();
    const question = ewa.getByTestId('skip-question');
    await question.waitFor();
    expect(await question.textContent()).toContain(f2.steps[4]!.title.pl);
    await screenshot(ewa, 'formats-skip-question-pl');
    await question.getByRole('button', { name: 'Zostań przy kroku 4' }).click();
    expect(await question.count()).toBe(0);
    expect(await ewa.evaluate(() => window.__empiria!.currentStepId())).toBe(ids[3]);

    // Anna writes the control document by hand (the UI offers her no way): the server drops it.
    const dropped = droppedWrites();
    await anna.evaluate((id) => window.__empiria!.forceControlStep(0, id), ids[0]!);
    // Her own copy shows the refused write until she reloads…
    await anna.waitForFunction((id) => window.__empiria!.currentStepId() === id, ids[0]);
    await expect.poll(droppedWrites, { timeout: 5_000 }).toBeGreaterThan(dropped);
    // …while the facilitator and Jan stay on the facilitator's step.
    for (const page of [ewa, jan]) {
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => window.__empiria!.currentStepId())).toBe(ids[3]);
    }
    await anna.reload();
    await waitForBoard(anna);
    await waitOnSheet(anna, ids[3]!);

    // Jan looks around (scrolls the canvas away): he stays put when the group moves on…
    await jan.mouse.move(700, 450);
    await jan.mouse.wheel(2500, 0);
    await jan.waitForFunction(() => window.__empiria!.followMode() === 'looking-around');
    const back = jan.getByTestId('back-to-group');
    await back.waitFor();
    expect(await back.textContent()).toContain('Back to the group');
    await ewa.getByTestId('step-next').click();
    await waitOnSheet(ewa, ids[4]!);
    await waitOnSheet(anna, ids[4]!);
    await jan.waitForFunction((id) => window.__empiria!.currentStepId() === id, ids[4]);
    expect(await jan.getByTestId('current-step-title').textContent()).toBe(f2.steps[4]!.title.en);
    const viewed = await jan.evaluate(() => window.__empiria!.viewedSheet());
    expect(viewed !== null && viewed.stepId === ids[4] && viewed.widthShare > 0.85).toBe(false);
    await screenshot(jan, 'formats-looking-around-en');
    // …and one click takes him to the group's sheet.
    await back.click();
    await waitOnSheet(jan, ids[4]!);
    expect(await back.count()).toBe(0);

    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });

  it('records a note’s zone and tidies a zone in one undoable change', async () => {
    const f2 = format('format-2');
    const board = await createBoard(setup.server, 'Porządek w polach', 'format-2');
    const ewa = await joinBoard(
      await openContext('pl'),
      board.invites.facilitator,
      'Ewa Zielińska',
      'Warszawa',
    );
    const anna = await joinBoard(
      await openContext('pl'),
      board.invites.participant,
      'Anna Kowalska',
      'Lublin',
    );
    await waitOnSheet(anna, f2.steps[0]!.id);

    // Anna puts three notes on top of each other in "What we know" (the first sheet's second zone).
    const ids = await anna.evaluate(() => {
      const editor = window.__empiria!.editor;
      const made: string[] = [];
      for (let i = 0; i < 3; i++) {
        const id = `shape:e2e-note-${i}`;
        editor.createShape({ id, type: 'note', x: 300 + i * 30, y: 1300 + i * 30 });
        made.push(id);
      }
      return made;
    });
    const zoneOf = (page: Page, id: string) =>
      page.evaluate((shapeId) => {
        const shape = window.__empiria!.editor.getShape(shapeId);
        return (shape?.meta.empiria as { zone?: unknown } | undefined)?.zone ?? null;
      }, id);
    expect(await zoneOf(anna, ids[0]!)).toEqual({ stepId: 'challenge', zoneId: 'facts' });
    // Moved off the sheets, the zone goes.
    await anna.evaluate(
      (id) => void window.__empiria!.editor.updateShape({ id, type: 'note', x: -900 }),
      ids[2]!,
    );
    expect(await zoneOf(anna, ids[2]!)).toBeNull();
    await anna.evaluate(
      (id) => void window.__empiria!.editor.updateShape({ id, type: 'note', x: 360 }),
      ids[2]!,
    );
    expect(await zoneOf(anna, ids[2]!)).toEqual({ stepId: 'challenge', zoneId: 'facts' });
    // The facilitator receives the notes with their zone.
    await ewa.waitForFunction(
      (id) => (window.__empiria!.editor.getShape(id)?.meta.empiria as { zone?: unknown })?.zone !== undefined,
      ids[2]!,
    );

    // The facilitator tidies the zone: no two notes overlap any more, all still in the zone.
    const tidy = ewa.getByTestId('tidy-zones').locator('[data-zone-id="facts"]');
    await tidy.click();
    await ewa.getByTestId('tidy-zones').getByRole('status').waitFor();
    const boxes = await ewa.evaluate(
      (noteIds) =>
        noteIds.map((id) => {
          const shape = window.__empiria!.editor.getShape(id)!;
          return { x: shape.x, y: shape.y, zone: (shape.meta.empiria as { zone?: unknown }).zone };
        }),
      ids,
    );
    for (let i = 0; i < boxes.length; i++) {
      expect(boxes[i]!.zone).toEqual({ stepId: 'challenge', zoneId: 'facts' });
      for (let j = i + 1; j < boxes.length; j++) {
        const apart =
          Math.abs(boxes[i]!.x - boxes[j]!.x) >= 200 || Math.abs(boxes[i]!.y - boxes[j]!.y) >= 200;
        expect(apart, `notes ${i} and ${j} overlap`).toBe(true);
      }
    }
    await screenshot(ewa, 'formats-tidy-pl');
    // "Tidied 3 notes…" confirms one click: it goes by itself after a few seconds.
    await ewa.getByTestId('tidy-zones').getByRole('status').waitFor({ state: 'detached', timeout: 9000 });
    // One undo puts them all back.
    await ewa.evaluate(() => void window.__empiria!.editor.undo());
    const undone = await ewa.evaluate(
      (noteIds) => noteIds.map((id) => window.__empiria!.editor.getShape(id)!.x),
      ids,
    );
    expect(undone).toEqual([300, 330, 360]);

    // A participant cannot unlock, move, delete or select the template — not even by asking
    // tldraw to ignore the lock — while the facilitator can unlock it.
    const sheetId = await anna.evaluate(
      () =>
        window
          .__empiria!.editor.getCurrentPageShapes()
          .find((shape) => (shape.meta.empiria as { part?: string } | undefined)?.part === 'sheet')!.id,
    );
    const attempt = await anna.evaluate((id) => {
      const editor = window.__empiria!.editor;
      const before = editor.getShape(id)!;
      editor.toggleLock([id]);
      const unlocked = !editor.getShape(id)!.isLocked;
      editor.run(
        () => {
          editor.updateShape({ id, type: before.type, x: before.x + 500 });
          editor.setSelectedShapes([id]);
          editor.deleteShapes([id]);
        },
        { ignoreShapeLock: true },
      );
      const after = editor.getShape(id);
      return {
        unlocked,
        exists: after !== undefined,
        dx: after ? after.x - before.x : null,
        selected: editor.getSelectedShapeIds(),
      };
    }, sheetId);
    expect(attempt).toEqual({ unlocked: false, exists: true, dx: 0, selected: [] });
    const facilitatorUnlocks = await ewa.evaluate((id) => {
      const editor = window.__empiria!.editor;
      editor.toggleLock([id]);
      const unlocked = !editor.getShape(id)!.isLocked;
      editor.toggleLock([id]);
      return unlocked && editor.getShape(id)!.isLocked;
    }, sheetId);
    expect(facilitatorUnlocks).toBe(true);
  });
});

describe('each format, as the facilitator sees it', () => {
  for (const id of ['format-0', 'format-1', 'format-2', 'format-3'] as const) {
    it(`${id} in Polish and English`, async () => {
      const definition = format(id);
      const board = await createBoard(setup.server, `Sieć „Zielone miasta” — ${definition.name.pl}`, id);
      const context = await openContext('pl', { width: 1440, height: 900 });
      const page = await joinBoard(context, board.invites.facilitator, 'Ewa Zielińska', 'Warszawa');
      await waitOnSheet(page, definition.steps[0]!.id);
      // Read at a laptop's distance: the room reads it on the room display, in its own large type
      // (room-presenter.test.ts), and on the sheet's heading.
      const fontSize = await page
        .getByTestId('current-step-instruction')
        .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(18);
      await screenshot(page, `formats-${id}-facilitator-pl`);

      const canvas = page.locator('.tl-canvas');
      const step = definition.steps[0]!;
      // The sheet's heading is on the canvas in the reader's language; the step's view shows it
      // whole or leaves it out of sight (beside a narrow canvas the step panel says it already).
      const shown = { state: 'attached' } as const;
      await canvas.getByText(step.instruction.pl, { exact: true }).waitFor(shown);

      // In English the panel and the sheets read in English: each person reads the template in
      // their language, while the board's records stay as the server wrote them (Polish).
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByTestId('current-step-title').getByText(step.title.en).waitFor();
      await canvas.getByText(step.instruction.en, { exact: true }).waitFor(shown);
      expect(await canvas.getByText(step.instruction.pl, { exact: true }).count()).toBe(0);
      const stored = await page.evaluate(
        (stepId) =>
          window
            .__empiria!.editor.getCurrentPageShapes()
            .filter((shape) => {
              const meta = shape.meta.empiria as { part?: string; stepId?: string } | undefined;
              return meta?.part === 'instruction' && meta.stepId === stepId;
            })
            .map((shape) => JSON.stringify(shape.props)),
        step.id,
      );
      expect(stored.join()).toContain(step.instruction.pl.slice(0, 20));
      await screenshot(page, `formats-${id}-facilitator-en`);

      await page.getByTestId('format-guide-open').click();
      await page.getByTestId('format-guide').getByText(definition.name.en).waitFor();
      await screenshot(page, `formats-${id}-guide-en`);
      await context.close();
    });
  }

  it('format-2 for a participant on a phone', async () => {
    const definition = format('format-2');
    const board = await createBoard(setup.server, 'Spotkanie w sali', 'format-2');
    const context = await openContext('pl', { width: 390, height: 844 });
    const page = await joinBoard(context, board.invites.participant, 'Anna Kowalska', 'Lublin');
    await waitOnSheet(page, definition.steps[0]!.id);
    // A phone opens on the list (phone mode): the step's title heads it.
    expect(await page.getByTestId('phone-step-title').textContent()).toBe(definition.steps[0]!.title.pl);
    await screenshot(page, 'formats-format-2-participant-phone-pl');
    await context.close();
  });
});
