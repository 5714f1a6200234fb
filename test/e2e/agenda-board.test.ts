/**
 * A meeting's board follows its agenda (issue #11 item 3, D16): a meeting of Format 2's first two
 * steps, a break, an expert's input and Format 2's third step gets a board of exactly those five
 * sheets. The facilitator on a 1280×800 laptop and the room display at 1080p step through all
 * five with the console's button; titles and planned minutes are the agenda's, the break has no
 * zones, and a note written on the expert-input sheet reaches the drafted meeting notes.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { agendaFormat, layoutFormat } from '@empiria/formats';
import {
  boardListResponseSchema,
  createMeetingResponseSchema,
  createdResponseSchema,
  type AgendaItemInput,
} from '@empiria/shared';
import { apiCall } from '../support/api';
import { waitForBoard, joinBoard } from '../support/board-page';
import { screenshot } from '../support/browser';
import { pointOnCanvas, waitForCameraAtRest, writeNoteAt } from '../support/canvas-page';
import { serverAndBrowserPerFile } from '../support/server-per-file';

const setup = serverAndBrowserPerFile();

const EXPERT_TITLE = 'Wystąpienie: finansowanie z KPO';
const agenda: AgendaItemInput[] = [
  { kind: 'step', format: 'format-2', stepId: 'challenge' },
  { kind: 'step', format: 'format-2', stepId: 'barriers' },
  { kind: 'break', title: '', minutes: 15 },
  { kind: 'expert-input', title: EXPERT_TITLE, minutes: 20 },
  { kind: 'step', format: 'format-2', stepId: 'grouping' },
];
/** What the screens must say, step by step: the agenda's titles and minutes. */
const expected = [
  { id: 'challenge', title: 'Wyzwanie', minutes: 15 },
  { id: 'barriers', title: 'Bariery', minutes: 25 },
  { id: 'break', title: 'Przerwa', minutes: 15 },
  { id: 'expert-input', title: EXPERT_TITLE, minutes: 20 },
  { id: 'grouping', title: 'Grupowanie', minutes: 20 },
];

/** Template shapes of one step's sheet on this page's canvas, by their part. */
function templateParts(page: Page, stepId: string): Promise<string[]> {
  return page.evaluate((id) => {
    const editor = window.__empiria!.editor as unknown as {
      getCurrentPageShapes(): Array<{
        meta: { empiria?: { kind?: string; stepId?: string; part?: string } };
      }>;
    };
    return editor
      .getCurrentPageShapes()
      .map((shape) => shape.meta.empiria)
      .filter((meta) => meta?.kind === 'template' && meta.stepId === id)
      .map((meta) => meta!.part ?? '');
  }, stepId);
}

describe('a meeting board made from its agenda', () => {
  it('walks the five agenda items on the laptop and the projector; the input’s note reaches the meeting notes', async () => {
    const token = setup.server.adminToken;
    const { id: networkId } = createdResponseSchema.parse(
      await apiCall(setup.server, 'POST', '/api/networks', {
        token,
        body: { name: 'Miasto przedsiębiorcze', theme: 'Finansowanie rozwoju' },
      }),
    );
    const meeting = createMeetingResponseSchema.parse(
      await apiCall(setup.server, 'POST', `/api/networks/${networkId}/meetings`, {
        token,
        body: { title: 'Spotkanie 2 — bariery i KPO', startsAt: '2027-03-15T10:00', mode: 'hybrid', agenda },
      }),
    );
    const board = boardListResponseSchema
      .parse(await apiCall(setup.server, 'GET', '/api/boards', { token }))
      .boards.find((candidate) => candidate.id === meeting.boardId);
    expect(board?.agenda).toHaveLength(5);

    const laptop = await setup.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await laptop.addInitScript(() => localStorage.setItem('empiria.language', 'pl'));
    const ewa = await joinBoard(
      laptop,
      board!.invites.facilitator,
      { name: 'Ewa Zielińska', city: 'Warszawa', where: 'room' },
      { ready: { control: true } },
    );
    const projector = await setup.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await projector.addInitScript(() => localStorage.setItem('empiria.language', 'pl'));
    const room = await projector.newPage();
    await room.goto(board!.invites.room);
    await room.getByTestId('room-join').waitFor();
    await room.fill('input[name=city]', 'Warszawa');
    await room.click('button[type=submit]');
    await room.getByTestId('room-display').waitFor();
    await waitForBoard(room, { control: true });

    // The step panel's agenda lists the five items, in the agenda's order, 95 minutes in all.
    if ((await ewa.locator('#agenda-list').count()) === 0) await ewa.locator('.agenda-toggle').click();
    expect(
      await ewa
        .locator('#agenda-list .agenda-item')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-step-id'))),
    ).toEqual(expected.map((step) => step.id));
    expect(await ewa.getByTestId('agenda-total').textContent()).toMatch(/1 godz\.? 35 min/);

    const layout = layoutFormat(agendaFormat(board!.agenda!));
    for (const [index, step] of expected.entries()) {
      if (index > 0) await ewa.getByTestId('step-next').click();
      await ewa.waitForFunction((id) => window.__empiria!.currentStepId() === id, step.id);
      await ewa.locator(`[data-testid=current-step][data-step-id="${step.id}"]`).waitFor();
      expect(await ewa.getByTestId('current-step-title').textContent()).toContain(step.title);
      expect(await ewa.getByTestId('current-step').textContent()).toContain(`Krok ${index + 1} z 5`);
      expect(await ewa.getByTestId('current-step').textContent()).toContain(`plan: ${step.minutes} min`);
      await room.waitForFunction(
        (title) => document.querySelector('[data-testid=room-step-title]')?.textContent?.includes(title),
        step.title,
        { timeout: 10_000 },
      );

      if (step.id === 'break') {
        // A break's sheet: its number, title and instruction, and no zone to write in.
        const parts = await templateParts(ewa, 'break');
        expect(parts).toContain('sheet');
        expect(parts.filter((part) => part.startsWith('zone'))).toEqual([]);
        expect(await ewa.getByTestId('current-step-instruction').textContent()).toContain('Przerwa');
        await waitForCameraAtRest(ewa);
        await screenshot(ewa, 'agenda-break-facilitator-pl');
        await screenshot(room, 'agenda-break-projector-pl');
      }
      if (step.id === 'expert-input') {
        expect(await templateParts(ewa, 'expert-input')).toContain('zone');
        const zone = layout.sheets[index]!.zones[0]!;
        const at = await pointOnCanvas(ewa, { x: zone.x + zone.w / 2, y: zone.y + zone.h / 2 });
        await writeNoteAt(ewa, at, 'Czy gminy wiejskie mogą wnioskować?');
        await room.waitForFunction(
          () => document.body.textContent?.includes('Czy gminy wiejskie mogą wnioskować?'),
          undefined,
          { timeout: 10_000 },
        );
        // Deselect the note, so the screenshot shows the sheet as the group sees it.
        await ewa.keyboard.press('Escape');
        await ewa.waitForFunction(() => window.__empiria!.editor.getSelectedShapeIds().length === 0);
        await screenshot(ewa, 'agenda-expert-input-facilitator-pl');
        await screenshot(room, 'agenda-expert-input-projector-pl');
      }
    }

    // The meeting notes, drafted from the board, hold the question under the input's title.
    await ewa.getByTestId('summary-open').click();
    await ewa.getByTestId('draft-button').click();
    await ewa.getByTestId('draft-report').waitFor();
    await ewa.waitForFunction(
      () =>
        document
          .querySelector('[data-testid=summary-screen]')
          ?.textContent?.includes('Czy gminy wiejskie mogą wnioskować?'),
      undefined,
      { timeout: 10_000 },
    );
    const notes = (await ewa.getByTestId('summary-screen').textContent()) ?? '';
    expect(notes).toContain(EXPERT_TITLE);
    await screenshot(ewa, 'agenda-drafted-notes-facilitator-pl');

    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
