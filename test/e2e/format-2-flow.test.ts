/**
 * Format 2 as a facilitator runs it, checked by what people SEE (issue #10): the revealed notes
 * are drawn with their text at a readable size and none covers another; the facilitator carries
 * the notes, the clusters and the vote's winners into the next sheets in one action each, and the
 * drafted note keeps all of it; cluster frames do not overlap; the test card's fields take text.
 * Screenshots go to test/artifacts/format-2-*.png.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { format2, layoutFormat } from '@empiria/formats';
import type { CreateBoardResponse } from '@empiria/shared';
import { createBoard } from '../support/api';
import { screenshot } from '../support/browser';
import type { RecordedContext } from '../support/browser';
import { serverAndBrowserPerFile } from '../support/server-per-file';
import { joinBoard as joinBoardPage, type BoardReady } from '../support/board-page';
import { makeNote, pointOnCanvas, writeNoteAt, waitForTextEditor } from '../support/canvas-page';

const setup = serverAndBrowserPerFile();

const READY: BoardReady = { control: true, facilitation: true };
const layout = layoutFormat(format2);
const sheet = (stepId: string) => layout.sheets.find((s) => s.stepId === stepId)!;

/**
 * The smallest label a revealed note may have on the facilitator's 1440×900 screen at the step's
 * default zoom, in CSS px of rendered text: readable without zooming (tldraw shrinks a note whose
 * longest word does not fit to about 10 px at the step's zoom; a normal one is ~12–13 px). A note
 * a person makes at the same zoom has the same size (checked below); 0 px was the bug.
 */
const MIN_LABEL_PX = 10;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

async function openContext(language: 'pl' | 'en', width = 1280, height = 800): Promise<RecordedContext> {
  const context = await setup.browser.newContext({ viewport: { width, height } });
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
  const board = await createBoard(setup.server, title, 'format-2');
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

interface Thing {
  id: string;
  type: string;
  text: string;
  parentId: string;
  bounds: Box;
}

/** The group's notes and clusters as this person's board has them, page bounds. */
function things(page: Page): Promise<Thing[]> {
  return page.evaluate(() => {
    const editor = window.__empiria!.editor as unknown as {
      getCurrentPageShapes(): Array<{
        id: string;
        type: string;
        parentId: string;
        meta: { empiria?: { kind?: string; cluster?: { name: string } } };
      }>;
      getShapeUtil(shape: unknown): { getText?(shape: unknown): string | undefined };
      getShapePageBounds(id: string): { x: number; y: number; w: number; h: number };
    };
    return editor
      .getCurrentPageShapes()
      .filter((s) => s.meta.empiria?.kind !== 'template' && (s.type === 'note' || s.meta.empiria?.cluster))
      .map((s) => {
        const { x, y, w, h } = editor.getShapePageBounds(s.id);
        return {
          id: s.id,
          type: s.type,
          parentId: s.parentId,
          text: s.meta.empiria?.cluster?.name ?? editor.getShapeUtil(s).getText?.(s) ?? '',
          bounds: { x, y, w, h },
        };
      });
  });
}

const within = (box: Box, area: Box) =>
  box.x >= area.x && box.y >= area.y && box.x + box.w <= area.x + area.w && box.y + box.h <= area.y + area.h;

function select(page: Page, ids: string[]): Promise<void> {
  return page.evaluate((list) => {
    const editor = window.__empiria!.editor as unknown as { select(...ids: string[]): void };
    editor.select(...list);
  }, ids);
}

/** The screen box of the selection's action bar and of every note on the screen. */
function actionBarAndNotes(page: Page): Promise<{ bar: Box; notes: Array<{ id: string; box: Box }> }> {
  return page.evaluate(() => {
    const r = document.querySelector('[data-testid=selection-actions]')!.getBoundingClientRect();
    const notes = [...document.querySelectorAll<HTMLElement>('.tl-shape[data-shape-type=note]')].map((el) => {
      const b = el.getBoundingClientRect();
      return { id: el.dataset.shapeId ?? '', box: { x: b.x, y: b.y, w: b.width, h: b.height } };
    });
    return { bar: { x: r.x, y: r.y, w: r.width, h: r.height }, notes };
  });
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
      const at = await pointOnCanvas(page, spot);
      for (const text of list) await writeNoteAt(page, at, text);
    }
    await ewa.getByTestId('private-counts').filter({ hasText: '6 karteczek' }).waitFor({ timeout: 15_000 });

    // For comparison: a note the facilitator makes herself, at the same zoom, off the zone.
    await ewa.getByTestId('reveal').click();
    await ewa.getByTestId('reveal-confirm').click();
    const all = [...texts.anna, ...texts.jan];
    const noteTextsOn = (page: Page) =>
      page.evaluate(() => {
        const editor = window.__empiria!.editor;
        return editor
          .getCurrentPageShapes()
          .filter((s) => s.type === 'note')
          .map((s) => editor.getShapeUtil(s).getText?.(s));
      });
    for (const page of pages) {
      await expect
        .poll(
          async () => {
            const seen = await noteTextsOn(page);
            return all.filter((t) => !seen.includes(t)).length === 0 ? 'all' : seen;
          },
          { timeout: 15_000 },
        )
        .toBe('all');
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
    // Below the revealed notes (two rows), where the screen shows the zone at any default zoom.
    const away = await pointOnCanvas(ewa, { x: body.x + body.w * 0.7, y: body.y + 560 });
    await writeNoteAt(ewa, away, 'Notatka prowadzącej');
    const own = (await seenNotes(ewa)).find((n) => n.text === 'Notatka prowadzącej')!;
    expect(Math.abs(own.labelPx - revealedPx)).toBeLessThan(0.5);
    console.info(`[format-2] revealed note label ${revealedPx.toFixed(1)} px at the default zoom (1440×900)`);
  });

  it('carries the barriers, the clusters and the vote’s winners on, sheet by sheet, and the drafted note keeps all of it', async () => {
    const { ewa, anna, jan } = await session('Sieć „Energia” — przenoszenie');
    const pages = [ewa, anna, jan];
    await nextStep(pages, ewa, 'barriers');
    const barriers = sheet('barriers').zones[0]!.body;
    const texts = [
      'Brak budżetu',
      'Drogie licencje',
      'Za mało ludzi',
      'Rotacja kadr',
      'Brak danych o potrzebach',
    ];
    for (const [i, text] of texts.entries()) {
      await makeNote(
        anna,
        `shape:barrier-${i}`,
        text,
        barriers.x + 40 + (i % 3) * 260,
        barriers.y + 40 + Math.floor(i / 3) * 260,
      );
    }
    for (const page of pages)
      await page.waitForFunction(() => window.__empiria!.editor.getShape('shape:barrier-4') !== undefined);

    // Step 3: one click in the console brings the whole previous sheet over.
    await nextStep(pages, ewa, 'grouping');
    await ewa.getByTestId('carry-count').filter({ hasText: '5 elementów' }).waitFor();
    await ewa.getByTestId('carry-previous').click();
    const grouping = sheet('grouping').zones[0]!.body;
    for (const page of [ewa, jan]) {
      await expect
        .poll(async () => (await things(page)).filter((t) => within(t.bounds, grouping)).length, {
          timeout: 10_000,
        })
        .toBe(5);
      expectNoOverlap(await things(page));
    }
    await screenshot(ewa, 'format-2-carried-to-grouping-pl');

    // The group clusters: two barriers about money, two about people, one stays loose.
    await select(anna, ['shape:barrier-0', 'shape:barrier-1']);
    await anna.getByTestId('cluster-make').click();
    await select(anna, ['shape:barrier-2', 'shape:barrier-3']);
    await anna.getByTestId('cluster-make').click();
    // The bar with "Ungroup" over the selected cluster covers none of the other notes.
    await anna.getByTestId('cluster-ungroup').waitFor();
    const { bar, notes } = await actionBarAndNotes(anna);
    const inCluster = await anna.evaluate(() =>
      window
        .__empiria!.editor.getCurrentPageShapes()
        .filter((s) => (s as unknown as { parentId: string }).parentId.startsWith('shape:'))
        .map((s) => s.id),
    );
    for (const note of notes) {
      if (note.id === 'shape:barrier-2' || note.id === 'shape:barrier-3') continue;
      expect(overlaps(bar, note.box), `the action bar covers ${note.id} (${inCluster.join(',')})`).toBe(
        false,
      );
    }
    const named = async (page: Page, id: string, name: string) =>
      page.evaluate(
        ({ id, name }) => {
          const editor = window.__empiria!.editor as unknown as {
            getShape(id: string): { parentId: string };
            updateShape(partial: object): void;
          };
          const frame = editor.getShape(id).parentId;
          editor.updateShape({ id: frame, type: 'frame', props: { name } });
          return frame;
        },
        { id, name },
      );
    const money = await named(anna, 'shape:barrier-0', 'Pieniądze');
    const people = await named(anna, 'shape:barrier-2', 'Ludzie');
    await ewa.waitForFunction(
      (id) =>
        (window.__empiria!.editor.getShape(id)?.meta.empiria as { cluster?: { name: string } })?.cluster
          ?.name === 'Ludzie',
      people,
    );
    // Clusters and their names lie clear of each other and of the loose note.
    const frames = (await things(ewa)).filter((t) => t.type === 'frame');
    expect(frames).toHaveLength(2);
    const titled = (b: Box) => ({ ...b, y: b.y - 40, h: b.h + 40 });
    expect(overlaps(titled(frames[0]!.bounds), titled(frames[1]!.bounds))).toBe(false);
    const loose = (await things(ewa)).find((t) => t.id === 'shape:barrier-4')!;
    for (const frame of frames) expect(overlaps(frame.bounds, loose.bounds)).toBe(false);
    await select(anna, []);
    await screenshot(ewa, 'format-2-clusters-pl');

    // Someone drags one cluster onto the other; "Uporządkuj" lays them out apart again, each
    // with its notes inside it.
    await anna.evaluate(
      ({ moving, onto }) => {
        const editor = window.__empiria!.editor as unknown as {
          getShape(id: string): { x: number; y: number };
          updateShape(partial: object): void;
        };
        const target = editor.getShape(onto);
        editor.updateShape({ id: moving, type: 'frame', x: target.x + 60, y: target.y + 40 });
      },
      { moving: people, onto: money },
    );
    await ewa.waitForFunction(
      ({ moving, onto }) => {
        const editor = window.__empiria!.editor as unknown as { getShape(id: string): { x: number } };
        return editor.getShape(moving).x === editor.getShape(onto).x + 60;
      },
      { moving: people, onto: money },
    );
    await ewa.getByTestId('tidy-zones').locator('[data-zone-id="clusters"]').click();
    await expect
      .poll(async () => {
        const [a, b] = (await things(ewa)).filter((t) => t.type === 'frame');
        return overlaps(titled(a!.bounds), titled(b!.bounds));
      })
      .toBe(false);
    for (const t of await things(ewa)) {
      if (t.type !== 'note') continue;
      const frame = (await things(ewa)).find((f) => f.id === t.parentId);
      if (frame) expect(within(t.bounds, frame.bounds), t.text).toBe(true);
    }
    expectNoOverlap((await things(ewa)).filter((t) => t.parentId === 'page:page'));

    // Step 4: the clusters (with their notes) and the loose note come over; the group votes.
    await nextStep(pages, ewa, 'priorities');
    await ewa.getByTestId('carry-previous').click();
    const candidates = sheet('priorities').zones.find((z) => z.zoneId === 'candidates')!.body;
    await expect
      .poll(
        async () =>
          (await things(jan)).filter((t) => t.parentId === 'page:page' && within(t.bounds, candidates))
            .length,
        { timeout: 10_000 },
      )
      .toBe(3);
    await ewa.getByTestId('vote-open').click();
    for (const page of [anna, jan]) await page.getByTestId('vote-banner').waitFor();
    const hit = (page: Page, id: string) =>
      page.locator(`[data-testid=vote-target][data-target-id="${id}"] .fac-vote-hit`);
    for (const page of [anna, jan]) {
      await hit(page, people).click();
      await page.waitForTimeout(300);
    }
    await hit(anna, money).click();
    await ewa.getByTestId('vote-close').click();
    await ewa.getByTestId('vote-close-confirm').click();
    await ewa.getByTestId('vote-ranking').waitFor();

    // Step 5: the winners, in the order of votes, at the start of the rows "Barrier 1", "Barrier 2".
    await nextStep(pages, ewa, 'solutions');
    await ewa.getByTestId('carry-winners').click();
    const rows = sheet('solutions').zones[0]!.cells;
    for (const page of [ewa, anna]) {
      await expect
        .poll(
          async () => {
            const all = await things(page);
            return rows
              .slice(0, 2)
              .map((row) => all.find((t) => t.type === 'note' && within(t.bounds, row))?.text ?? null);
          },
          { timeout: 10_000 },
        )
        .toEqual(['Ludzie', 'Pieniądze']);
    }
    // White: a row's title, not one city's note. Carried once: the console says they are there.
    const colours = await ewa.evaluate(() =>
      window
        .__empiria!.editor.getCurrentPageShapes()
        .filter((s) => (s.meta.empiria as { carried?: { copyOf?: unknown } } | undefined)?.carried?.copyOf)
        .map((s) => s.props.color),
    );
    expect(colours).toEqual(['white', 'white']);
    await ewa.getByTestId('carry-no-vote').filter({ hasText: 'już' }).waitFor({ timeout: 5000 });
    expect(await ewa.getByTestId('carry-winners').count()).toBe(0);
    // The participants' screens draw the names, readable.
    const seen = (await seenNotes(anna)).filter((n) => n.text === 'Ludzie' || n.text === 'Pieniądze');
    expect(seen).toHaveLength(2);
    for (const note of seen) expect(note.labelPx).toBeGreaterThanOrEqual(MIN_LABEL_PX);
    await makeNote(jan, 'shape:idea-1', 'Wolontariat seniorów', rows[0]!.x + 260, rows[0]!.y + 30);
    await makeNote(jan, 'shape:idea-2', 'Wspólny zakup licencji', rows[1]!.x + 260, rows[1]!.y + 30);
    await ewa.waitForFunction(() => window.__empiria!.editor.getShape('shape:idea-2') !== undefined);
    await screenshot(ewa, 'format-2-winners-carried-pl');

    // The drafted note has the barriers, the groups with their members, the ranking, the barriers
    // to work on and the solutions per barrier.
    await ewa.getByTestId('summary-open').click();
    await ewa.getByTestId('summary-screen').waitFor();
    await ewa.getByTestId('draft-button').click();
    await ewa.waitForFunction(
      () => document.querySelector('[data-testid=note-text]')?.textContent?.includes('Wolontariat') ?? false,
      null,
      { timeout: 10_000 },
    );
    // The note's lines as a reader sees them: headings (without their comment buttons) and paragraphs.
    const draft = await ewa.evaluate(() =>
      [...document.querySelectorAll('[data-testid=note-text] :is(h1, h2, p)')].map((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('button').forEach((button) => button.remove());
        return copy.textContent?.trim() ?? '';
      }),
    );
    console.info(`[format-2] drafted note:\n${draft.join('\n')}`);
    const after = (heading: string) => draft.slice(draft.indexOf(heading) + 1);
    expect(draft).toContain('Bariery i ograniczenia');
    expect(after('Bariery i ograniczenia').slice(0, 5).sort()).toEqual([...texts].sort());
    expect(after('Grupowanie').slice(0, 7)).toEqual(
      [
        'Pieniądze',
        'Brak budżetu',
        'Drogie licencje',
        'Ludzie',
        'Za mało ludzi',
        'Rotacja kadr',
        'Pozostałe',
      ].filter((line) => draft.includes(line)),
    );
    expect(after('Ranking barier').slice(0, 2)).toEqual(['Ludzie — 2 głosy', 'Pieniądze — 1 głos']);
    expect(after('Rozwiązania dla barier').slice(0, 4)).toEqual([
      'Bariera 1: Ludzie',
      'Wolontariat seniorów',
      'Bariera 2: Pieniądze',
      'Wspólny zakup licencji',
    ]);
    expect(after('Bariery do pracy').slice(0, 2)).toEqual(['Bariera 1: Ludzie', 'Bariera 2: Pieniądze']);
    await screenshot(ewa, 'format-2-drafted-note-pl');

    // A cluster dragged by hand onto another sheet takes its notes' zones along: the meeting
    // notes read them where they now are.
    await anna.evaluate(
      ({ id, x, y }) => {
        const editor = window.__empiria!.editor as unknown as { updateShape(partial: object): void };
        editor.updateShape({ id, type: 'frame', x, y });
      },
      { id: money, x: grouping.x + 20, y: grouping.y + grouping.h - 400 },
    );
    await jan.waitForFunction(
      () =>
        ['shape:barrier-0', 'shape:barrier-1'].every(
          (id) =>
            (window.__empiria!.editor.getShape(id)?.meta.empiria as { zone?: { stepId: string } } | undefined)
              ?.zone?.stepId === 'grouping',
        ),
      null,
      { timeout: 10_000 },
    );
  });

  it('the test card’s fields take the group’s answers below their labels, and the drafted test plan has them', async () => {
    const { ewa, anna, jan } = await session('Sieć „Energia” — karta testu');
    const pages = [ewa, anna, jan];
    for (const stepId of ['barriers', 'grouping', 'priorities', 'solutions', 'impact-effort']) {
      await nextStep(pages, ewa, stepId);
    }
    // A solution the group put in "high impact, low effort", carried to the test cards from its selection.
    const best = sheet('impact-effort').zones[0]!.cells.find((c) => c.cellId === 'high-impact.low-effort')!;
    await makeNote(anna, 'shape:best', 'Wspólny zakup licencji', best.x + 20, best.y + 20);
    await ewa.waitForFunction(() => window.__empiria!.editor.getShape('shape:best') !== undefined);
    await select(ewa, ['shape:best']);
    await ewa.getByTestId('carry-next').filter({ hasText: 'Na arkusz 7' }).click();

    await nextStep(pages, ewa, 'test-plan');
    const zone = sheet('test-plan').zones[0]!;
    const cell = (id: string) => zone.cells.find((c) => c.cellId === id)!;
    const label = (id: string) => zone.headers.find((h) => h.headerId === id)!;
    // Anna fills the pilot city of card 1: a click on the empty field, typing, Escape.
    await anna.locator('[data-testid=card-field][data-cell-id="1.pilot-city"]').click();
    await anna.waitForFunction(() => window.__empiria!.editor.getEditingShapeId() !== null);
    await waitForTextEditor(anna);
    await anna.keyboard.type('Lublin, od marca');
    await anna.keyboard.press('Escape');
    await anna
      .locator('[data-testid=card-field][data-cell-id="1.pilot-city"]')
      .waitFor({ state: 'detached' });

    // Everyone sees both answers inside their fields, under the labels, readable.
    const fieldTexts = (page: Page) =>
      page.evaluate(() => {
        const editor = window.__empiria!.editor as unknown as {
          getCurrentPageShapes(): Array<{
            id: string;
            type: string;
            meta: { empiria?: { field?: boolean; zone?: { cellId?: string } } };
          }>;
          getShapeUtil(shape: unknown): { getText?(shape: unknown): string | undefined };
          getShapePageBounds(id: string): { x: number; y: number; w: number; h: number };
          getZoomLevel(): number;
        };
        return editor
          .getCurrentPageShapes()
          .filter((s) => s.type === 'text' && s.meta.empiria?.field)
          .map((s) => {
            const el = document.querySelector(`.tl-shape[data-shape-id="${s.id}"] .tl-rich-text`);
            const { x, y, w, h } = editor.getShapePageBounds(s.id);
            return {
              cellId: s.meta.empiria!.zone!.cellId!,
              text: editor.getShapeUtil(s).getText?.(s) ?? '',
              bounds: { x, y, w, h },
              px: el ? parseFloat(getComputedStyle(el).fontSize) * editor.getZoomLevel() : 0,
            };
          });
      });
    for (const page of [ewa, jan]) {
      await expect
        .poll(async () => (await fieldTexts(page)).map((f) => `${f.cellId}: ${f.text}`).sort(), {
          timeout: 10_000,
        })
        .toEqual(['1.pilot-city: Lublin, od marca', '1.solution: Wspólny zakup licencji']);
      for (const field of await fieldTexts(page)) {
        expect(within(field.bounds, cell(field.cellId)), field.cellId).toBe(true);
        expect(overlaps(field.bounds, label(field.cellId)), field.cellId).toBe(false);
        expect(field.px).toBeGreaterThanOrEqual(MIN_LABEL_PX);
      }
    }
    // The notes' matrix keeps its note: the card took its words.
    expect(await ewa.evaluate(() => window.__empiria!.editor.getShape('shape:best') !== undefined)).toBe(
      true,
    );
    await screenshot(ewa, 'format-2-test-card-pl');

    await ewa.getByTestId('summary-open').click();
    await ewa.getByTestId('summary-screen').waitFor();
    await ewa.getByTestId('draft-button').click();
    await ewa.waitForFunction(
      () =>
        document
          .querySelector('[data-testid=note-text]')
          ?.textContent?.includes('Miasto pilotażowe: Lublin, od marca') ?? false,
      null,
      { timeout: 10_000 },
    );
    const text = await ewa.locator('[data-testid=note-text]').textContent();
    expect(text).toContain('Rozwiązanie: Wspólny zakup licencji');
  });
});
