/**
 * The meeting notes in real browsers, on a Format 0 board: participants' sticky notes on the
 * canvas; the facilitator drafts the notes from the board; the facilitator and the expert edit
 * them together (what one types appears for the other); a participant proposes an amendment;
 * two participants approve the frozen version in their browsers; the Markdown and Word exports
 * carry the approved text; an observer sees the notes only once the group consents to share.
 *
 * Screenshots (test/artifacts/summary-*.png) show the editor and the approval round in Polish
 * and English, the observer's view, and the print page rendered to PDF and to PNG pages.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getFormat, layoutFormat } from '@empiria/formats';
import { createBoard } from '../support/api';
import { ARTIFACTS_DIR, screenshot } from '../support/browser';
import type { RecordedContext } from '../support/browser';
import { serverAndBrowserPerFile } from '../support/server-per-file';
import { joinBoard as joinBoardPage, type BoardReady } from '../support/board-page';

type Language = 'pl' | 'en';

const HOPE_1 = 'Konkretne rozwiązania do wdrożenia';
const HOPE_2 = 'Wymiana kontaktów między miastami';
const FELA_TYPES = 'Uzgodniono: kolejne spotkanie w marcu.';
const EDEK_TYPES = 'Expert note: Gdynia shares its pilot data.';
const AFTER_APPROVAL = 'Dopisek po zatwierdzeniu';

const setup = serverAndBrowserPerFile();

/** What this file's tests wait for before using a board page. */
const READY: BoardReady = {};
const joinBoard = (context: RecordedContext, inviteUrl: string, name: string, city: string): Promise<Page> =>
  joinBoardPage(context, inviteUrl, { name, city }, { ready: READY });

async function openContext(language: Language): Promise<RecordedContext> {
  const context = await setup.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript((lang) => {
    localStorage.setItem('empiria.language', lang);
    // The print dialog would wait for a person; the test only needs to know it was asked for.
    window.print = () => {
      (window as unknown as { __printed?: boolean }).__printed = true;
    };
  }, language);
  return context;
}

async function openNotes(page: Page): Promise<void> {
  await page.getByTestId('summary-open').click();
  await page.getByTestId('summary-screen').waitFor();
}

/** A sticky note placed by the participant's own tldraw in a zone of Format 0. */
async function placeNote(page: Page, stepId: string, zoneId: string, text: string, dx: number, dy = 0) {
  const sheet = layoutFormat(getFormat('format-0')!).sheets.find((s) => s.stepId === stepId)!;
  const zone = sheet.zones.find((z) => z.zoneId === zoneId)!;
  const cell = zone.cells[0] ?? zone.body;
  await page.evaluate(
    ({ x, y, text }) => {
      const editor = window.__empiria!.editor as unknown as {
        createShape(shape: Record<string, unknown>): void;
      };
      editor.createShape({
        type: 'note',
        x,
        y,
        props: {
          richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
        },
      });
    },
    { x: cell.x + 20 + dx, y: cell.y + 20 + dy, text },
  );
}

async function noteText(page: Page): Promise<string> {
  return (await page.getByTestId('note-text').textContent()) ?? '';
}

async function waitForNoteText(page: Page, needle: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid=note-text]')?.textContent?.includes(text) ?? false,
    needle,
    { timeout },
  );
}

/** Types a new paragraph after the note's last line, as a person would: click it, End, Enter. */
async function typeAtEnd(page: Page, text: string): Promise<void> {
  // Clicked at its start, not its middle: the other person's caret label, drawn at the end of
  // the text they just typed, can sit there and take the click (the editor then has no focus and
  // the keys go nowhere, as for a person who clicks a name label). Ctrl+End: the note's very end.
  await page
    .locator('[data-testid=note-text] :is(p, h1, h2, h3)')
    .last()
    .click({ position: { x: 2, y: 4 } });
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid=note-text]') != null);
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text, { delay: 5 });
}

/** The whole summary screen, however long: the window is made as tall as its content first. */
async function screenshotNotes(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => {
    const body = document.querySelector('.summary-body, .observer-notes');
    return Math.ceil((body?.getBoundingClientRect().top ?? 0) + (body?.scrollHeight ?? 0) + 8);
  });
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.min(height, 4000)) });
  await screenshot(page, name);
  await page.setViewportSize(size);
}

/** Clicks a button that asks once, then its "yes". */
async function askOnce(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).click();
  const question = page.getByTestId(`${testId}-question`);
  await question.waitFor();
  await question.getByRole('button').first().click();
}

async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid=approval-status][data-status="${status}"]`).waitFor({ timeout: 10_000 });
}

async function download(page: Page, testId: string): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const filePath = await file.path();
  return { name: file.suggestedFilename(), body: await readFile(filePath) };
}

/** One entry of a zip archive (stored or deflated), read from its central directory. */
function unzipEntry(zip: Buffer, name: string): Buffer | null {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const entry = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (entry === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 8 ? inflateRawSync(data) : Buffer.from(data);
    }
    at += 46 + nameLength + extra + comment;
  }
  return null;
}

describe('the meeting notes', () => {
  it('are drafted from the board, edited together, approved by the group, exported and shared', async () => {
    const board = await createBoard(setup.server, 'Sieć „Miasta cyfrowe” — spotkanie 1', 'format-0');
    const felaContext = await openContext('pl');
    const fela = await joinBoard(felaContext, board.invites.facilitator, 'Fela Nowak', 'Lublin');
    const edek = await joinBoard(await openContext('en'), board.invites.expert, 'Edek Lis', 'Kraków');
    const ala = await joinBoard(
      await openContext('pl'),
      board.invites.participant,
      'Ala Wiśniewska',
      'Gdynia',
    );
    const bartek = await joinBoard(
      await openContext('en'),
      board.invites.participant,
      'Bartek Zając',
      'Poznań',
    );

    // Ala writes two hopes on the "Expectations" sheet, with her own tldraw.
    await placeNote(ala, 'expectations', 'hopes', HOPE_1, 0);
    await placeNote(ala, 'expectations', 'hopes', HOPE_2, 240);
    await fela.waitForFunction(
      (texts) => {
        const json = JSON.stringify(window.__empiria!.editor.getCurrentPageShapes().map((s) => s.props));
        return texts.every((text) => json.includes(text));
      },
      [HOPE_1, HOPE_2],
      { timeout: 10_000 },
    );

    // A participant opening the notes before anything is drafted reads a short sentence, with no
    // blank page above it; on a phone the read-only notice wraps inside its card.
    await openNotes(ala);
    await ala.setViewportSize({ width: 390, height: 844 });
    await ala.getByTestId('note-empty').waitFor();
    const reader = await ala.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      return {
        card: box('.note-editor'),
        pill: box('.note-editor .pill-readonly'),
        text: box('[data-testid=note-text]'),
      };
    });
    expect(reader.pill.right).toBeLessThanOrEqual(reader.card.right);
    expect(reader.pill.right).toBeLessThanOrEqual(390);
    expect(reader.text.height).toBeLessThan(60);
    await ala.setViewportSize({ width: 1440, height: 900 });
    await ala.getByTestId('summary-close').click();

    // Everyone on the board finds the notes one click away; only the pair can draft.
    await openNotes(fela);
    await fela.getByTestId('note-empty').waitFor();
    await fela.getByTestId('draft-button').click();
    await waitForNoteText(fela, HOPE_2);
    const report = await fela.getByTestId('draft-report').textContent();
    expect(report).toContain('Dodano');
    expect(await fela.locator('[data-testid=attendance] tbody tr').count()).toBe(4);

    // The expert sees the drafted text; the pair edits it together, each sees the other's words.
    await openNotes(edek);
    await waitForNoteText(edek, HOPE_1);
    await typeAtEnd(fela, FELA_TYPES);
    await waitForNoteText(edek, FELA_TYPES);
    await typeAtEnd(edek, EDEK_TYPES);
    await waitForNoteText(fela, EDEK_TYPES);
    // The meeting record too: one field typed by the facilitator shows in the expert's form.
    await fela.fill('input[name=network]', 'Miasta cyfrowe');
    await fela.fill('input[name=place]', 'Urząd Miasta Lublin, sala 12');
    await edek.waitForFunction(
      () =>
        (document.querySelector('input[name=network]') as HTMLInputElement | null)?.value ===
        'Miasta cyfrowe',
    );
    // The drafted headings keep their section ids through the edits.
    const sectionIds = await fela
      .locator('[data-testid=note-text] [data-section-id]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-section-id')));
    expect(sectionIds.length).toBeGreaterThan(0);
    await edek.getByTestId('note-text').click();
    await screenshotNotes(fela, 'summary-editor-facilitator-pl');
    await screenshotNotes(edek, 'summary-editor-expert-en');

    // The board changes after the pair edited a section: a re-draft keeps their words and offers
    // the board's newer version beside them.
    await placeNote(ala, 'expectations', 'hopes', 'Nowa karteczka z tablicy', 0, 240);
    await fela.waitForFunction(
      () =>
        JSON.stringify(window.__empiria!.editor.getCurrentPageShapes().map((s) => s.props)).includes(
          'Nowa karteczka',
        ),
      null,
      { timeout: 10_000 },
    );
    await fela.getByTestId('draft-button').click();
    await fela.locator('.draft-report-kept').waitFor();
    const pending = fela.getByTestId('pending-drafts').locator('details').first();
    // "Show the new version" (clicked again if the layout moved under the pointer).
    const isOpen = () => pending.evaluate((details) => (details as HTMLDetailsElement).open);
    await expect
      .poll(async () => {
        if (!(await isOpen())) await pending.locator('summary').click();
        return isOpen();
      })
      .toBe(true);
    await pending.getByText('Nowa karteczka z tablicy').waitFor();
    expect(await noteText(fela)).not.toContain('Nowa karteczka z tablicy');
    expect(await noteText(fela)).toContain(FELA_TYPES);
    await screenshotNotes(fela, 'summary-redraft-kept-pl');
    await pending.getByRole('button', { name: 'Zostaw moją wersję' }).click();
    await fela.getByTestId('pending-drafts').waitFor({ state: 'detached' });

    // Participants read the same text, live, and cannot edit it.
    await openNotes(ala);
    await openNotes(bartek);
    await waitForNoteText(ala, EDEK_TYPES);
    await waitForNoteText(bartek, FELA_TYPES);
    expect(await ala.getByTestId('note-text').getAttribute('contenteditable')).toBe('false');
    expect(await ala.getByTestId('draft-button').count()).toBe(0);
    expect(await ala.locator('input[name=network]').count()).toBe(0);

    // Ala proposes an amendment to a section; everyone sees it beside that section.
    const marker = ala.locator('[data-testid=note-text] [data-testid=section-marker]').first();
    const firstSection = await marker.getAttribute('data-section-id');
    expect(await marker.textContent()).toBe('Skomentuj');
    await marker.click();
    await expect.poll(() => ala.locator('select[name=comment-section]').inputValue()).toBe(firstSection);
    await ala.locator('input[name=comment-kind]').nth(1).check();
    await ala.fill('textarea[name=comment-text]', 'Dopiszmy termin następnego spotkania.');
    await ala.getByTestId('comment-send').click();
    await fela
      .locator(`.comment-group[data-section-id="${firstSection}"] [data-testid=comment]`)
      .filter({ hasText: 'Dopiszmy termin' })
      .waitFor();
    // …and beside the section in the text, in each person's language.
    await fela
      .locator(`[data-testid=section-marker][data-section-id="${firstSection}"]`, { hasText: '1 uwaga' })
      .waitFor();
    await bartek
      .locator(`[data-testid=section-marker][data-section-id="${firstSection}"]`, { hasText: '1 comment' })
      .waitFor();

    // The facilitator freezes the version (consent by default); the participants are asked.
    await askOnce(fela, 'approval-freeze');
    for (const page of [fela, edek, ala, bartek]) await waitForStatus(page, 'voting');
    const frozenMessage = fela.getByTestId('summary-message').filter({ hasText: 'Wersja zamrożona' });
    expect(await frozenMessage.count()).toBe(1);
    await ala.getByTestId('approve').waitFor();
    // On the board, the way to the notes says a decision is waiting.
    await bartek.getByTestId('summary-close').click();
    await bartek.getByTestId('summary-open').filter({ hasText: 'your decision needed' }).waitFor();
    await bartek
      .locator('.board-topbar')
      .screenshot({ path: path.join(ARTIFACTS_DIR, 'summary-board-topbar-en.png') });
    await openNotes(bartek);
    expect(await edek.getByTestId('approve').count()).toBe(0);
    await askOnce(ala, 'approve');
    await ala.getByTestId('my-decision-done').waitFor();
    // On a tablet, portrait: one column, the decision still one scroll away.
    await ala.setViewportSize({ width: 820, height: 1180 });
    await screenshotNotes(ala, 'summary-approval-participant-tablet-pl');
    await ala.setViewportSize({ width: 1440, height: 900 });
    await fela.getByTestId('approval-tally').filter({ hasText: '1 z 2' }).waitFor();
    await screenshotNotes(fela, 'summary-approval-facilitator-pl');
    await screenshotNotes(bartek, 'summary-approval-participant-en');
    // Bartek objects, with a reason everyone sees; then withdraws it and approves [A4].
    await bartek.fill('textarea[name=objection-reason]', 'The date of the next meeting is missing.');
    await bartek.getByTestId('object').click();
    await fela.getByTestId('approval-tally').filter({ hasText: '1 sprzeciw' }).waitFor();
    await waitForStatus(fela, 'voting');
    await screenshotNotes(bartek, 'summary-objection-participant-en');
    expect(await bartek.getByTestId('approve').textContent()).toBe('Withdraw my objection and approve');
    await askOnce(bartek, 'approve');
    for (const page of [fela, edek, ala, bartek]) await waitForStatus(page, 'approved');
    expect(await fela.getByTestId('note-pill').getAttribute('data-status')).toBe('approved');
    // "Version frozen, participants can approve it now" ended with the round it announced.
    expect(await frozenMessage.count()).toBe(0);

    // An observer joins: nothing to see until the group consents to share.
    const olgaContext = await openContext('pl');
    const olga = await joinBoard(olgaContext, board.invites.observer, 'Olga Berg', 'Oslo');
    await openNotes(olga);
    await olga.getByTestId('observer-not-shared').waitFor();
    expect(await olga.getByTestId('observer-not-shared').getAttribute('data-kind')).toBe('not-shared');
    await screenshotNotes(olga, 'summary-observer-not-shared-pl');

    // Each of the two who approved answers yes for observers, no for publication: the group decides.
    for (const page of [ala, bartek]) {
      await page.locator('input[name=consent-observers][value=yes]').check();
      await page.locator('input[name=consent-public][value=no]').check();
      await page.getByTestId('consent-save').click();
    }
    await fela
      .locator('[data-testid=shared-state][data-state=shared]')
      .filter({ hasText: 'Udostępniona obserwatorom' })
      .waitFor();
    await olga.getByRole('button', { name: 'Sprawdź ponownie' }).click();
    const frame = olga.getByTestId('observer-frame');
    await frame.waitFor();
    const shared = (await frame.getAttribute('srcdoc')) ?? '';
    expect(shared).toContain(HOPE_1);
    expect(shared).toContain(FELA_TYPES);
    expect(shared).not.toContain('WERSJA ROBOCZA');
    await olga.fill('textarea[name=opinion-text]', 'U nas działa podobnie — chętnie pomożemy.');
    await olga.getByTestId('opinion-send').click();
    await olga.getByTestId('observer-sent').waitFor();
    await fela.locator('[data-testid=comment]').filter({ hasText: 'chętnie pomożemy' }).waitFor();
    await screenshotNotes(olga, 'summary-observer-shared-pl');

    // Edited after approval: a new draft; the exports keep the approved version.
    await typeAtEnd(fela, AFTER_APPROVAL);
    await fela.locator('[data-testid=note-pill][data-status="changed-after-approval"]').waitFor();
    await waitForStatus(ala, 'changed-after-approval');
    await screenshotNotes(fela, 'summary-changed-after-approval-pl');

    const md = await download(fela, 'export-md');
    expect(md.name).toMatch(/\.md$/);
    const markdown = md.body.toString('utf8');
    expect(markdown).toContain(HOPE_1);
    expect(markdown).toContain(FELA_TYPES);
    expect(markdown).toContain('Expert note: Gdynia shares its pilot data.');
    expect(markdown).toContain('Miasta cyfrowe');
    expect(markdown).not.toContain('WERSJA ROBOCZA');
    expect(markdown).not.toContain(AFTER_APPROVAL);

    const docx = await download(bartek, 'export-docx');
    expect(docx.name).toMatch(/\.docx$/);
    expect(docx.body.subarray(0, 2).toString()).toBe('PK');
    const documentXml = unzipEntry(docx.body, 'word/document.xml')?.toString('utf8') ?? '';
    expect(documentXml).toContain(HOPE_1);
    expect(documentXml).toContain('Uzgodniono: kolejne spotkanie w marcu.');
    expect(documentXml).not.toContain('WERSJA ROBOCZA');

    // PDF: the print page opens in a new tab and asks for the print dialog; rendered and looked at.
    const [printTab] = await Promise.all([
      felaContext.waitForEvent('page'),
      fela.getByTestId('export-pdf').click(),
    ]);
    await printTab.waitForFunction(() => document.querySelector('h1') !== null, null, { timeout: 10_000 });
    await printTab.waitForFunction(() => (window as unknown as { __printed?: boolean }).__printed === true);
    expect(await printTab.locator('body').textContent()).toContain(HOPE_1);
    const pdf = path.join(ARTIFACTS_DIR, 'summary-notes-print.pdf');
    await printTab.pdf({ path: pdf, format: 'A4', printBackground: true });
    expect((await readFile(pdf)).subarray(0, 4).toString()).toBe('%PDF');
    if (existsSync('/usr/bin/pdftoppm')) {
      execFileSync('pdftoppm', ['-png', '-r', '70', pdf, path.join(ARTIFACTS_DIR, 'summary-notes-print')]);
    }

    // Nothing left the app's origin, whatever was downloaded or printed.
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });

  it("keeps each person's words in their own sentence when the other starts a new paragraph in it", async () => {
    const board = await createBoard(setup.server, 'Sieć „Miasta cyfrowe” — wspólne pisanie', 'format-0');
    const fela = await joinBoard(await openContext('pl'), board.invites.facilitator, 'Fela Nowak', 'Lublin');
    const edek = await joinBoard(await openContext('en'), board.invites.expert, 'Edek Lis', 'Kraków');
    for (const page of [fela, edek]) await openNotes(page);
    // The text of each paragraph as read, without the other person's caret label drawn in it.
    const paragraphs = (page: Page) =>
      page.locator('[data-testid=note-text] p').evaluateAll((ps) =>
        ps.map((p) => {
          const copy = p.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('.note-caret').forEach((caret) => caret.remove());
          return copy.textContent ?? '';
        }),
      );

    await fela.getByTestId('note-text').click();
    await fela.keyboard.type('Ala ma kota. Ola ma psa', { delay: 5 });
    await waitForNoteText(edek, 'Ola ma psa');
    // Edek goes on writing at the end of that sentence…
    await edek.locator('[data-testid=note-text] p').last().click();
    await edek.keyboard.press('End');
    // His caret, as Fela sees it, stands at the end before she moves hers: a caret drawn while
    // she clicks re-renders her paragraph under the click.
    await fela.waitForFunction(() => {
      const paragraph = document.querySelector('[data-testid=note-text] p');
      const caret = paragraph?.querySelector('.note-caret');
      if (!paragraph || !caret) return false;
      const before = document.createRange();
      before.setStart(paragraph, 0);
      before.setEndBefore(caret);
      return before.toString() === 'Ala ma kota. Ola ma psa';
    });
    // …while Fela clicks just after "kota." to start a new paragraph there, before his caret.
    const afterKota = await fela.evaluate(() => {
      const walker = document.createTreeWalker(
        document.querySelector('[data-testid=note-text] p')!,
        NodeFilter.SHOW_TEXT,
      );
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf('kota.');
        if (at < 0) continue;
        const dot = document.createRange();
        dot.setStart(node, at + 'kota'.length);
        dot.setEnd(node, at + 'kota.'.length);
        const box = dot.getBoundingClientRect();
        return { x: box.right - 1, y: box.top + box.height / 2 };
      }
      throw new Error('no "kota." in the note');
    });
    await fela.mouse.click(afterKota.x, afterKota.y);
    // Her caret, as Edek sees it, tells when the editor has taken the click (a fixed wait let the
    // Enter land at the end on a loaded machine).
    await edek.waitForFunction(() => {
      const paragraph = document.querySelector('[data-testid=note-text] p');
      const caret = paragraph?.querySelector('.note-caret');
      if (!paragraph || !caret) return false;
      const before = document.createRange();
      before.setStart(paragraph, 0);
      before.setEndBefore(caret);
      return before.toString() === 'Ala ma kota.';
    });
    await fela.keyboard.press('Enter');
    await edek.waitForFunction(() => document.querySelectorAll('[data-testid=note-text] p').length === 2);
    await edek.keyboard.type(' i rybki.', { delay: 5 });
    await waitForNoteText(fela, 'rybki.');
    const expected = ['Ala ma kota.', ' Ola ma psa i rybki.'];
    expect(await paragraphs(edek)).toEqual(expected);
    expect(await paragraphs(fela)).toEqual(expected);
  });
});
