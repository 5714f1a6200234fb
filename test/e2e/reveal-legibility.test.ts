/**
 * Notes written in private show their whole text once revealed, as a note typed on the board does
 * (decision D54): on another participant's screen each revealed note's lines of text lie inside
 * its card and the label is not cut off, and the reveal spaces the notes by their heights, so no
 * two overlap. Two participants write long notes (many lines) and a short one on the same spot, as
 * people writing in private do; five more notes reach the server without the height their
 * author's screen measured (as from a client older than D54), for which the server's estimate
 * must do — and that estimate is checked against tldraw's own measure in the browser.
 * Screenshots: test/artifacts/reveal-legibility-*.png.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { estimatedNoteGrowY, format2, formats, layoutFormat } from '@empiria/formats';
import { apiCall, createBoard } from '../support/api';
import { joinBoard, sessionTokenIn } from '../support/board-page';
import type { RecordedContext } from '../support/browser';
import { screenshot } from '../support/browser';
import { pointOnCanvas, waitForCameraAtRest, writeNoteAt } from '../support/canvas-page';
import { notesOnScreen } from '../support/note-on-screen';
import type { NoteOnScreen, Rect } from '../support/note-on-screen';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile();

const barriers = layoutFormat(format2).sheets.find((sheet) => sheet.stepId === 'barriers')!.zones[0]!.body;
/** Where everybody drops their notes: the same spot, as people writing in private do. */
const SPOT = { x: barriers.x + 320, y: barriers.y + 260 };

const ANNA_LONG =
  'Brak koordynacji między wydziałami urzędu a spółkami komunalnymi, które obsługują przewozy w ' +
  'gminach ościennych, i żadnego wspólnego planu inwestycji na najbliższe lata';
const ANNA_SHORT = 'Brak budżetu';
const JAN_LONG =
  'Procedury przetargowe trwają dłużej niż sezon budowlany, a odwołania wykonawców wstrzymują ' +
  'każdą większą inwestycję o kolejne miesiące';
/**
 * Written by a client older than D54: the server has their texts but no measured heights. With
 * the three typed, more than a row of the zone holds (five notes), so the second row must go
 * below the tall notes of the first.
 */
const OLD_CLIENT = [
  'Za mało ludzi w wydziale\nBrak danych o mieszkańcach\nNikt nie odpowiada za rowery miejskie\nRadni zmieniają zdanie',
  'Brak parkingów',
  'Rozkłady jazdy nie pasują do zmian w szkołach i zakładach pracy, a przewoźnicy nie chcą ich zmieniać',
  'Brak danych',
  'Ekspert-moderator nie zna lokalnych przepisów',
].map((text, i) => ({ id: `shape:old-client-${i + 1}`, text }));
const TEXTS = [ANNA_LONG, ANNA_SHORT, JAN_LONG, ...OLD_CLIENT.map((note) => note.text)];

interface RevealedOnScreen extends NoteOnScreen {
  text: string;
  /** Its bounds on the page, from the editor. */
  page: { x: number; y: number; w: number; h: number };
  growY: number;
  /** What tldraw on this screen measures for the note's text, as when a person creates it. */
  measuredGrowY: number;
}

async function openContext(): Promise<RecordedContext> {
  const context = await setup.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => localStorage.setItem('empiria.language', 'pl'));
  return context;
}

/** The revealed notes with one of `texts`, as `page` draws them. */
async function revealedOnScreen(page: Page, texts: string[]): Promise<RevealedOnScreen[]> {
  const notes = await page.evaluate((texts) => {
    type Note = { id: string; type: string; props: { growY: number } };
    const editor = window.__empiria!.editor as unknown as {
      getCurrentPageShapes(): Note[];
      getShapeUtil(shape: unknown): {
        getText?(shape: unknown): string | undefined;
        onBeforeCreate?(shape: Note): Note | undefined;
      };
      getShapePageBounds(id: string): { x: number; y: number; w: number; h: number };
    };
    return editor
      .getCurrentPageShapes()
      .filter((s) => s.type === 'note' && texts.includes(editor.getShapeUtil(s).getText?.(s) ?? ''))
      .map((s) => {
        const { x, y, w, h } = editor.getShapePageBounds(s.id);
        const fresh = { ...s, props: { ...s.props, growY: 0 } };
        const measured = editor.getShapeUtil(s).onBeforeCreate?.(fresh) ?? fresh;
        return {
          id: s.id,
          text: editor.getShapeUtil(s).getText?.(s) ?? '',
          page: { x, y, w, h },
          growY: s.props.growY,
          measuredGrowY: measured.props.growY,
        };
      });
  }, texts);
  const drawn = await notesOnScreen(
    page,
    notes.map((note) => note.id),
  );
  return notes.map((note, i) => ({ ...drawn[i]!, ...note }));
}

const within = (inner: Rect, outer: Rect) =>
  inner.left >= outer.left - 0.5 &&
  inner.right <= outer.right + 0.5 &&
  inner.top >= outer.top - 0.5 &&
  inner.bottom <= outer.bottom + 0.5;

const apart = (a: RevealedOnScreen['page'], b: RevealedOnScreen['page']) =>
  a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;

describe('revealed notes are legible', () => {
  it('a long note written in private shows its whole text in its card on another screen; none overlaps another', async () => {
    const board = await createBoard(
      setup.server,
      'Sieć „Mobilność miejska” — odsłonięte karteczki',
      'format-2',
    );
    const ewa = await joinBoard(
      await openContext(),
      board.invites.facilitator,
      { name: 'Ewa Zielińska', city: 'Warszawa' },
      { ready: { control: true, facilitation: true } },
    );
    const anna = await joinBoard(
      await openContext(),
      board.invites.participant,
      { name: 'Anna Kowalska', city: 'Lublin' },
      { ready: { control: true } },
    );
    const jan = await joinBoard(
      await openContext(),
      board.invites.participant,
      { name: 'Jan Nowak', city: 'Gdańsk' },
      { ready: { control: true } },
    );
    const pages = [ewa, anna, jan];
    for (const page of pages) {
      await page.waitForFunction(() => window.__empiria!.people().length === 3, null, { timeout: 10_000 });
    }

    // To the barriers step, and private writing.
    await ewa.getByTestId('step-next').click();
    for (const page of pages) {
      await page.waitForFunction(() => window.__empiria!.currentStepId() === 'barriers', null, {
        timeout: 10_000,
      });
    }
    await ewa.getByTestId('private-start').click();
    for (const page of pages) await page.getByTestId('private-banner').waitFor();

    // Anna and Jan type at the same spot; the older client's notes go in through the API.
    const annaAt = await pointOnCanvas(anna, SPOT);
    await writeNoteAt(anna, annaAt, ANNA_LONG);
    await writeNoteAt(anna, { x: annaAt.x + 40, y: annaAt.y + 40 }, ANNA_SHORT);
    const janAt = await pointOnCanvas(jan, SPOT);
    await writeNoteAt(jan, janAt, JAN_LONG);
    const janToken = await sessionTokenIn(jan, board.id);
    for (const note of OLD_CLIENT) {
      await apiCall(
        setup.server,
        'PUT',
        `/api/boards/${board.id}/private-notes/${encodeURIComponent(note.id)}`,
        {
          token: janToken,
          body: { ...note, ...SPOT },
        },
      );
    }

    // Every note has reached the server before the reveal; the typed ones with the height their
    // author's screen measured (the typing's last send included), the older client's without.
    const typed = [ANNA_LONG, ANNA_SHORT, JAN_LONG];
    for (const [page, count] of [
      [anna, 2],
      [jan, 1 + OLD_CLIENT.length],
    ] as const) {
      const token = await sessionTokenIn(page, board.id);
      const mine = async () =>
        (
          (await apiCall(setup.server, 'GET', `/api/boards/${board.id}/private-notes`, { token })) as {
            notes: Array<{ text: string; growY?: number }>;
          }
        ).notes;
      await expect
        .poll(async () => (await mine()).filter((note) => TEXTS.includes(note.text)).length, {
          timeout: 15_000,
        })
        .toBe(count);
      for (const note of await mine()) {
        expect(note.growY !== undefined, note.text).toBe(typed.includes(note.text));
      }
    }
    await screenshot(anna, 'reveal-legibility-writing');

    await ewa.getByTestId('reveal').click();
    await ewa.getByTestId('reveal-confirm').click();
    for (const page of pages) await page.getByTestId('private-banner').waitFor({ state: 'detached' });

    // On Jan's screen (and the facilitator's): every revealed note drawn, its text inside its card.
    for (const [page, name] of [
      [jan, 'participant'],
      [ewa, 'facilitator'],
    ] as const) {
      // Jan's own note is still selected since he wrote it: Escape, so tldraw's style panel does
      // not cover the zone in the screenshot.
      await page.keyboard.press('Escape');
      await waitForCameraAtRest(page);
      await page.waitForFunction(
        (n) => document.querySelectorAll('.tl-note__container .tl-rich-text').length >= n,
        TEXTS.length,
        { timeout: 10_000 },
      );
      await screenshot(page, `reveal-legibility-${name}`);
      const notes = await revealedOnScreen(page, TEXTS);
      expect(notes.map((note) => note.text).sort()).toEqual([...TEXTS].sort());
      for (const note of notes) {
        const what = `${name}: ${note.text.slice(0, 24)}…`;
        expect(note.card, `${what} is drawn`).not.toBeNull();
        expect(note.textBox, `${what} has its text drawn`).not.toBeNull();
        expect(note.lines.length, `${what} shows its lines`).toBeGreaterThan(0);
        expect(note.clipped, `${what}: the label holds its text`).toBe(false);
        expect(within(note.textBox!, note.card!), `${what}: its text box lies in its card`).toBe(true);
        for (const line of note.lines)
          expect(within(line, note.card!), `${what}: a line in its card`).toBe(true);
      }
      // The long notes grew: the typed ones as tldraw measures them here (their authors' screens
      // measured them alike), the older client's by the server's estimate, which is no less.
      for (const text of [ANNA_LONG, JAN_LONG, OLD_CLIENT[0]!.text, OLD_CLIENT[2]!.text]) {
        expect(notes.find((note) => note.text === text)!.growY, text).toBeGreaterThan(0);
      }
      for (const note of notes) {
        if (OLD_CLIENT.some((old) => old.text === note.text)) {
          expect(note.growY).toBe(estimatedNoteGrowY(note.text));
        } else expect(Math.abs(note.growY - note.measuredGrowY), note.text).toBeLessThanOrEqual(1);
        expect(estimatedNoteGrowY(note.text), note.text).toBeGreaterThanOrEqual(note.measuredGrowY);
      }
      // No two notes overlap.
      notes.forEach((a, i) =>
        notes.slice(i + 1).forEach((b) => expect(apart(a.page, b.page), `${a.id} and ${b.id}`).toBe(true)),
      );
    }
  });

  it('the server’s estimate for a note no screen measured is never less than tldraw measures here', async () => {
    const board = await createBoard(
      setup.server,
      'Sieć „Mobilność miejska” — szacunek wysokości',
      'format-2',
    );
    const page = await joinBoard(
      await openContext(),
      board.invites.participant,
      { name: 'Anna Kowalska', city: 'Lublin' },
      { ready: { control: true } },
    );
    // The formats' own sentences in both languages (short titles to long notes for the
    // facilitator), and what people write: lists, long words, numbers, a URL.
    const texts = [
      ...new Set(
        formats.flatMap((format) =>
          format.steps.flatMap((step) =>
            [step.title, step.goal, step.instruction, step.facilitatorNotes].flatMap((t) =>
              t ? [t.pl, t.en] : [],
            ),
          ),
        ),
      ),
      'Za mało ludzi\nBrak danych\n\nBrak budżetu na szkolenia urzędników i radnych',
      'Konstantynopolitańczykowianeczka nie ma biletu',
      'Współfinansowanie 2024–2027: 1 250 000 zł (ok. 37%) — wniosek do RPO',
      'https://bip.example.gov.pl/uchwaly/2025/XII-123-2025.pdf',
      'WWW MMM WWW MMM WWW MMM WWW',
      'Wizyta w Zürich, Besançon i České Budějovice: «Stadtwerke» i “smart city” — co z tego wynika?',
      'i'.repeat(120),
    ];
    const measured = await page.evaluate((texts) => {
      type Note = { id: string; type: string; props: Record<string, unknown> & { growY: number } };
      const editor = window.__empiria!.editor as unknown as {
        getShapeUtil(type: string): {
          getDefaultProps(): Note['props'];
          onBeforeCreate?(shape: Note): Note | undefined;
        };
      };
      const util = editor.getShapeUtil('note');
      return texts.map((text, i) => {
        const richText = {
          type: 'doc',
          content: text.split('\n').map((line) => ({
            type: 'paragraph',
            ...(line ? { content: [{ type: 'text', text: line }] } : {}),
          })),
        };
        const note = {
          id: `shape:measure-${i}`,
          type: 'note',
          typeName: 'shape',
          x: 0,
          y: 0,
          rotation: 0,
          index: 'a1',
          parentId: 'page:page',
          isLocked: false,
          opacity: 1,
          meta: {},
          props: { ...util.getDefaultProps(), richText },
        } as unknown as Note;
        return (util.onBeforeCreate?.(note) ?? note).props.growY;
      });
    }, texts);
    const below = texts.filter((text, i) => estimatedNoteGrowY(text) < measured[i]!);
    expect(below).toEqual([]);
    // And not much more: at most a line more than tldraw for most texts.
    const over = texts.filter((text, i) => estimatedNoteGrowY(text) > measured[i]! + 30);
    expect(over.length, over.join('\n')).toBeLessThanOrEqual(texts.length / 10);
  });
});
