/**
 * An observer city on a phone, in English ([P6], [P7]; docs/observers.md): the opening step's
 * notes readable in large cards, the "closed part" screen with the agenda while the group works
 * on barriers — nothing of their notes in the page — and the sheet again when the pair opens
 * that step to observers. Screenshots: test/artifacts/observer-phone-*.png.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { format2, layoutFormat } from '@empiria/formats';
import { writeControlKey, writeStep, type JoinResponse } from '@empiria/shared';
import { createBoard, join } from '../support/api';
import { screenshot } from '../support/browser';
import { joinBoard } from '../support/board-page';
import { canvasRecords, noteRecord } from '../support/canvas-records';
import { serverAndBrowserPerFile } from '../support/server-per-file';
import { connectDoc, type DocConnection } from '../support/yjs-client';

const setup = serverAndBrowserPerFile();
const connections: DocConnection[] = [];

afterAll(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
});

const layout = layoutFormat(format2);
/**
 * A note in the middle of a step's first zone, with the zone in its meta as a client writes it
 * (the room display's sheet lists notes by zone).
 */
const inFirstZone = (stepId: string) => {
  const zone = layout.sheets.find((candidate) => candidate.stepId === stepId)!.zones[0]!;
  return {
    x: zone.body.x + zone.body.w / 2 - 100,
    y: zone.body.y + zone.body.h / 2 - 100,
    meta: { empiria: { zone: { stepId, zoneId: zone.zoneId } } },
  };
};
/** A phone note must be readable at arm's length: 16 px is the body text of a phone. */
const PHONE_MIN_PX = 16;

async function open(boardId: string, doc: 'canvas' | 'control', who: JoinResponse) {
  const connection = await connectDoc(setup.server, boardId, doc, who.sessionToken);
  connections.push(connection);
  return connection;
}

describe('an observer city on a phone', () => {
  it('reads the open parts, gets a closed-part screen in between, and never the closed notes', async () => {
    const board = await createBoard(setup.server, 'Network “Accessible city” — meeting 2', 'format-2');
    const lead = await join(setup.server, board.id, board.invites.facilitator, 'Ewa Zielińska', 'Warszawa');
    const anna = await join(setup.server, board.id, board.invites.participant, 'Anna Kowalska', 'Lublin');
    const control = await open(board.id, 'control', lead);
    const canvas = await open(board.id, 'canvas', anna);
    const opening = 'Half of the bus stops have no ramp';
    const barrier = 'No budget for rebuilding the stops';
    control.doc.transact(() => writeStep(control.doc, { index: 0, id: 'challenge', startedAt: Date.now() }));
    canvasRecords(canvas.doc).set(
      'shape:opening',
      noteRecord('shape:opening', { text: opening, ...inFirstZone('challenge') }),
    );

    const phone = await setup.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
      locale: 'en-GB',
    });
    await phone.addInitScript(() => localStorage.setItem('empiria.language', 'en'));
    const olga = await joinBoard(phone, board.invites.observer, { name: 'Olga Berg', city: 'Oslo' });
    const card = olga.getByTestId('room-sheet').getByText(opening);
    await card.waitFor({ timeout: 10_000 });
    expect(
      await card.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
    ).toBeGreaterThanOrEqual(PHONE_MIN_PX);
    expect(await olga.getByTestId('stream-badge').textContent()).toBe('Stream');
    await screenshot(olga, 'observer-phone-open-en');

    // The group moves to the barriers, a closed part, and writes.
    control.doc.transact(() => writeStep(control.doc, { index: 1, id: 'barriers', startedAt: Date.now() }));
    canvasRecords(canvas.doc).set(
      'shape:barrier',
      noteRecord('shape:barrier', { text: barrier, ...inFirstZone('barriers') }),
    );
    const closed = olga.getByTestId('stream-closed');
    await closed.waitFor({ timeout: 10_000 });
    expect(await closed.textContent()).toContain('A closed part of the meeting is in progress');
    expect(await olga.getByTestId('stream-next').textContent()).toContain('Summary and approval');
    const agenda = await olga
      .getByTestId('stream-agenda-item')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-access')));
    expect(agenda).toEqual(format2.steps.map((step) => step.observers ?? 'closed'));
    // Everything on the screen fits the phone's width.
    expect(await olga.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await olga.waitForTimeout(400);
    expect(await olga.content()).not.toContain(barrier);
    await screenshot(olga, 'observer-phone-closed-en');

    // The pair opens the barriers to observers: the sheet comes back, with the new note.
    control.doc.transact(() => writeControlKey(control.doc, 'observerAccess', { barriers: 'open' }));
    await olga.getByTestId('room-sheet').getByText(barrier).waitFor({ timeout: 10_000 });
    await screenshot(olga, 'observer-phone-opened-en');
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
