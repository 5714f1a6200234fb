/**
 * A Format 2 board on 1280 × 800 laptops: on entering a step the camera shows the current sheet
 * readable in the canvas the side panels leave — every note's text at 13 px or more (tldraw draws
 * it at 22 page units; the sheet's zones at zoom 0.6 or more) — without anyone touching the zoom.
 * The step panel folds to a rail and comes back; the canvas refits each time.
 * Screenshots: test/artifacts/laptop-*.png.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CreateBoardResponse } from '@empiria/shared';
import { createBoard } from '../support/api';
import { screenshot } from '../support/browser';
import { joinBoard } from '../support/board-page';
import { serverAndBrowserPerFile } from '../support/server-per-file';
import { makeNote } from '../support/canvas-page';

/**
 * The smallest rendered note text on a 1280 × 800 laptop after a step change: 13 px for a note's
 * text at its size (22 page units); tldraw itself shrinks the text of a note whose longest word
 * does not fit its width ("Niedofinansowany": 17 units), and that never goes under 10 px.
 */
const LAPTOP_NOTE_MIN_PX = 13;
const LAPTOP_SHRUNK_NOTE_MIN_PX = 10;

const setup = serverAndBrowserPerFile();
let board: CreateBoardResponse;
let ewa: Page;
let jan: Page;

async function laptop(invite: string, name: string, city: string): Promise<Page> {
  const context = await setup.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => localStorage.setItem('empiria.language', 'pl'));
  return joinBoard(context, invite, { name, city, where: 'online' }, { ready: { control: true } });
}

/** The follow camera has settled on `stepId`'s sheet (its full width in view) and stays. */
async function settledOn(page: Page, stepId: string): Promise<void> {
  await page.waitForFunction(
    (id) => {
      const hooks = window.__empiria!;
      const viewed = hooks.viewedSheet();
      return hooks.followMode() === 'following' && viewed?.stepId === id && viewed.widthShare > 0.85;
    },
    stepId,
    { timeout: 10_000 },
  );
  // The glide ends: two frames with the same camera.
  await page.waitForFunction(
    () =>
      new Promise<boolean>((done) => {
        const editor = window.__empiria!.editor as unknown as {
          getCamera(): { x: number; y: number; z: number };
        };
        const a = JSON.stringify(editor.getCamera());
        requestAnimationFrame(() =>
          requestAnimationFrame(() => done(JSON.stringify(editor.getCamera()) === a)),
        );
      }),
  );
}

/** Each note's label as drawn: its font size times every scale applied to it, and whether it is in the canvas. */
function noteLabels(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('.board-canvas')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.tl-note__container .tl-text-content__wrapper')].map(
      (label) => {
        const box = label.getBoundingClientRect();
        const scale = box.width / label.offsetWidth;
        const units = Number.parseFloat(getComputedStyle(label).fontSize);
        return {
          text: label.textContent ?? '',
          units,
          px: units * scale,
          inCanvas:
            box.left >= canvas.left &&
            box.right <= canvas.right &&
            box.top >= canvas.top &&
            box.bottom <= canvas.bottom,
        };
      },
    );
  });
}

function expectReadable(labels: Awaited<ReturnType<typeof noteLabels>>): void {
  console.info(
    `[laptop] ${labels.map((l) => `${l.text}: ${l.px.toFixed(1)} px (${l.units} units)`).join('; ')}`,
  );
  expect(labels.some((label) => label.units >= 22)).toBe(true);
  for (const label of labels) {
    expect(label.px, label.text).toBeGreaterThanOrEqual(
      label.units >= 22 ? LAPTOP_NOTE_MIN_PX : LAPTOP_SHRUNK_NOTE_MIN_PX,
    );
    expect(label.inCanvas, label.text).toBe(true);
  }
}

const barriers = [
  'Brak danych o potrzebach mieszkańców',
  'Zbyt długie procedury zamówień',
  'Opór części radnych',
  'Niedofinansowany transport publiczny',
  'Brak ścieżek rowerowych do szkół',
  'Za mało parkingów P+R',
];

describe('a Format 2 board on a 1280 × 800 laptop', () => {
  it('shows a participant the current sheet’s notes at 13 px or more on entering the step', async () => {
    board = await createBoard(setup.server, 'Sieć „Mobilność miejska” — laptopy', 'format-2');
    ewa = await laptop(board.invites.facilitator, 'Ewa Zielińska', 'Warszawa');
    jan = await laptop(board.invites.participant, 'Jan Nowak', 'Gdańsk');
    // The notes are on the barriers sheet before the group gets there (as after a reveal).
    for (const [i, text] of barriers.entries()) {
      await makeNote(ewa, `shape:laptop-${i}`, text, 1660 + (i % 4) * 290, 560 + Math.floor(i / 4) * 260);
    }
    await ewa.getByTestId('step-next').click();
    await settledOn(jan, 'barriers');
    await screenshot(jan, 'laptop-participant-barriers-pl');
    const labels = await noteLabels(jan);
    expect(labels.map((l) => l.text).sort()).toEqual([...barriers].sort());
    expectReadable(labels);
    // Jan never touched the zoom: he is still following the group.
    expect(await jan.evaluate(() => window.__empiria!.followMode())).toBe('following');
    await screenshot(jan, 'laptop-participant-barriers-pl');
  });

  it('the facilitator folds the step panel: the canvas refits readable; the panel comes back', async () => {
    // Both panels open (the step on the left, the console on the right) leave ~600 px of canvas.
    await ewa.getByTestId('facilitator-console').waitFor();
    await settledOn(ewa, 'barriers');
    await screenshot(ewa, 'laptop-facilitator-panels-open-pl');
    const before = (await ewa.locator('.board-canvas').boundingBox())!.width;

    await ewa.getByTestId('step-panel-collapse').click();
    await ewa.getByTestId('step-rail').waitFor();
    expect(await ewa.getByTestId('step-panel').count()).toBe(0);
    const after = (await ewa.locator('.board-canvas').boundingBox())!.width;
    expect(after).toBeGreaterThan(before + 200);
    await settledOn(ewa, 'barriers');
    await ewa.waitForFunction((min) => {
      const zoom = (window.__empiria!.editor as unknown as { getZoomLevel(): number }).getZoomLevel();
      return zoom * 22 >= min;
    }, LAPTOP_NOTE_MIN_PX);
    expectReadable(await noteLabels(ewa));
    await screenshot(ewa, 'laptop-facilitator-step-panel-folded-pl');

    // The next step: the camera goes there, readable, with the panel still folded.
    await ewa.getByTestId('step-next').click();
    await ewa.locator('[data-testid=step-rail][data-step-id=grouping]').waitFor();
    await settledOn(ewa, 'grouping');
    const zoom = await ewa.evaluate(() =>
      (window.__empiria!.editor as unknown as { getZoomLevel(): number }).getZoomLevel(),
    );
    expect(zoom).toBeGreaterThanOrEqual(0.59);

    // Folded it stays after a reload (per device); one click brings it back.
    await ewa.reload();
    await ewa.getByTestId('step-rail').waitFor();
    await ewa.getByTestId('step-panel-expand').click();
    await ewa.getByTestId('current-step-title').waitFor();
    expect(await ewa.getByTestId('current-step-title').textContent()).toBe('Grupowanie');
    // The console on the right folds and comes back too.
    await ewa.getByRole('button', { name: 'Zamknij panel prowadzenia' }).click();
    expect(await ewa.getByTestId('facilitator-console').count()).toBe(0);
    await ewa.getByTestId('console-toggle').click();
    await ewa.getByTestId('facilitator-console').waitFor();
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
