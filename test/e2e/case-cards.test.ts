/**
 * Format 3 brings in case cards from the network's earlier boards (issue #11 item 4, [N17]):
 * meeting 1 (Format 3's case cards) fills one case and approves its note; on meeting 2's board,
 * at the same step, the facilitator sees "Przypadki z wcześniejszych spotkań", inserts the case on
 * the first free card — its fields show the texts on the canvas and the room display's sheet lists
 * them — one Ctrl+Z takes it back, and with every card taken the card says so.
 * Screenshots: test/artifacts/case-cards-*.png.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  approvalStateSchema,
  boardListResponseSchema,
  createMeetingResponseSchema,
  createdResponseSchema,
  joinResponseSchema,
  networkDetailSchema,
  type JoinResponse,
} from '@empiria/shared';
import { apiCall, apiRequest, inviteToken } from '../support/api';
import { screenshot } from '../support/browser';
import { joinBoard, waitForBoard } from '../support/board-page';
import { canvasRecords, noteRecord } from '../support/canvas-records';
import { serverAndBrowserPerFile } from '../support/server-per-file';
import { connectDoc, type DocConnection } from '../support/yjs-client';

const setup = serverAndBrowserPerFile({ env: { RATE_LIMIT_ACT: '1000/1', RATE_LIMIT_JOIN: '1000/1' } });
const connections: DocConnection[] = [];

afterAll(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
});

const admin = () => setup.server.adminToken;
const AGENDA = [{ kind: 'step', format: 'format-3', stepId: 'case-cards' }];
const CASE = {
  city: 'Gdynia',
  problem: 'Puste autobusy wieczorem',
  solution: 'Autobus na żądanie w dzielnicach',
  lessons: 'Zacząć od jednej dzielnicy',
};

async function networkWithMeetings() {
  const { id } = createdResponseSchema.parse(
    await apiCall(setup.server, 'POST', '/api/networks', {
      token: admin(),
      body: {
        name: 'Transport na żądanie',
        theme: 'Komunikacja w mniejszych dzielnicach',
        facilitator: { name: 'Fela Nowak' },
        experts: [{ name: 'Edward Ekspert' }],
      },
    }),
  );
  for (const city of ['Gdynia', 'Lublin']) {
    await apiCall(setup.server, 'POST', `/api/networks/${id}/members`, {
      token: admin(),
      body: { city, membership: 'programme-laureate' },
    });
  }
  const detail = networkDetailSchema.parse(
    await apiCall(setup.server, 'GET', `/api/networks/${id}`, { token: admin() }),
  );
  const felaToken = inviteToken(detail.people.find((p) => p.name === 'Fela Nowak')?.link ?? '');
  const meeting = async (title: string, startsAt: string) => {
    const created = createMeetingResponseSchema.parse(
      await apiCall(setup.server, 'POST', `/api/networks/${id}/meetings`, {
        token: felaToken,
        body: { title, startsAt, mode: 'online', agenda: AGENDA },
      }),
    );
    const boards = boardListResponseSchema.parse(
      await apiCall(setup.server, 'GET', '/api/boards', { token: admin() }),
    );
    const board = boards.boards.find((b) => b.id === created.boardId);
    if (!board) throw new Error('the meeting has no board');
    return { boardId: created.boardId, invites: board.invites };
  };
  return {
    first: await meeting('Spotkanie 1 — karty przypadków', '2099-03-15T10:00'),
    second: await meeting('Spotkanie 2 — modelowa praktyka', '2099-06-14T10:00'),
  };
}

async function joinApi(
  board: { boardId: string; invites: Record<string, string> },
  role: string,
  name: string,
  city: string,
): Promise<JoinResponse> {
  return joinResponseSchema.parse(
    await apiCall(setup.server, 'POST', `/api/boards/${board.boardId}/join`, {
      token: inviteToken(board.invites[role] ?? ''),
      body: { name, city, deviceSecret: `device-${name.replace(/\W/g, '')}-${'x'.repeat(30)}`.slice(0, 40) },
    }),
  );
}

/** Meeting 1: the case card filled on its board, the note drafted, frozen and approved. */
async function approveFirstMeeting(first: { boardId: string; invites: Record<string, string> }) {
  const fela = await joinApi(first, 'facilitator', 'Fela Nowak', 'Warszawa');
  const ala = await joinApi(first, 'participant', 'Ala Gdynia', 'Gdynia');
  const ola = await joinApi(first, 'participant', 'Ola Lublin', 'Lublin');
  const canvas = await connectDoc(setup.server, first.boardId, 'canvas', fela.sessionToken);
  connections.push(canvas);
  const records = canvasRecords(canvas.doc);
  canvas.doc.transact(() => {
    Object.entries(CASE).forEach(([field, text], i) =>
      records.set(
        `shape:case${i}`,
        noteRecord(`shape:case${i}`, {
          text,
          x: 10 * i,
          meta: { empiria: { zone: { stepId: 'case-cards', zoneId: 'cases', cellId: `1.${field}` } } },
        }),
      ),
    );
  });
  const check = await connectDoc(setup.server, first.boardId, 'canvas', fela.sessionToken);
  connections.push(check);
  await check.waitFor((doc) => canvasRecords(doc).has('shape:case3'), 10_000, 'the case card');
  const call = (method: string, path: string, who: JoinResponse, body?: unknown) =>
    apiRequest(setup.server, method, `/api/boards/${first.boardId}${path}`, {
      token: who.sessionToken,
      body,
    });
  await expect
    .poll(async () => (await call('POST', '/summary/draft', fela, { language: 'pl' })).status)
    .toBe(200);
  for (const who of [ala, ola])
    connections.push(await connectDoc(setup.server, first.boardId, 'control', who.sessionToken));
  const frozen = await call('POST', '/summary/versions', fela, { rule: 'consent' });
  expect(frozen.status).toBe(201);
  const versionId = approvalStateSchema.parse((frozen.body as { approval: unknown }).approval).versionId;
  for (const who of [ala, ola])
    expect((await call('POST', '/summary/decisions', who, { versionId, decision: 'approve' })).status).toBe(
      200,
    );
}

/** The case's answers among the texts rendered on the facilitator's canvas (not the records). */
function caseTextsOnCanvas(page: Page) {
  return page
    .locator('.tl-shape[data-shape-type="text"]')
    .evaluateAll(
      (shapes, answers) =>
        shapes.map((shape) => (shape.textContent ?? '').trim()).filter((text) => answers.includes(text)),
      Object.values(CASE),
    );
}

describe('Format 3 brings in earlier case cards', () => {
  it('[N17] inserts an approved earlier case on the first free card; undo takes it back; a full sheet says so', async () => {
    const { first, second } = await networkWithMeetings();
    await approveFirstMeeting(first);

    const context = await setup.browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(() => localStorage.setItem('empiria.language', 'pl'));
    const fela = await joinBoard(
      context,
      second.invites.facilitator ?? '',
      { name: 'Fela Nowak', city: 'Warszawa', where: 'room' },
      { ready: { control: true } },
    );
    const roomContext = await setup.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await roomContext.addInitScript(() => localStorage.setItem('empiria.language', 'pl'));
    const room = await roomContext.newPage();
    await room.goto(second.invites.room ?? '');
    await room.getByTestId('room-join').waitFor();
    await room.fill('input[name=city]', 'Gdynia');
    await room.click('button[type=submit]');
    await room.getByTestId('room-display').waitFor();
    await waitForBoard(room, { control: true });

    // The cases are offered at the case cards step (a meeting's board may open before it).
    const cases = fela.getByTestId('continuity-cases');
    const onCaseCards = () =>
      fela.evaluate(() => /^case-cards/.test(window.__empiria!.currentStepId() ?? ''));
    if (!(await onCaseCards())) {
      expect(await cases.count()).toBe(0);
      await fela.getByTestId('step-next').click();
      await expect.poll(onCaseCards, { timeout: 10_000 }).toBe(true);
    }
    await cases.waitFor({ timeout: 10_000 });
    expect(await cases.locator('summary').first().textContent()).toBe('Przypadki z wcześniejszych spotkań');
    const item = cases.getByTestId('continuity-case');
    expect(await item.count()).toBe(1);
    expect(await item.locator('summary').textContent()).toBe(`${CASE.city} — ${CASE.solution}`);
    await item.locator('summary').click();
    expect(await item.textContent()).toContain('Ze spotkania „Spotkanie 1 — karty przypadków”');
    expect(await item.textContent()).toContain(CASE.lessons);

    await item.getByTestId('continuity-insert-case').click();
    await fela.getByTestId('continuity-case-notice').getByText('Wstawiono na kartę „Przypadek 1”').waitFor();
    await expect
      .poll(async () => (await caseTextsOnCanvas(fela)).sort(), { timeout: 10_000 })
      .toEqual(Object.values(CASE).sort());
    // Each text is its field's answer, naming the meeting it came from.
    const written = await fela.evaluate(() =>
      window
        .__empiria!.editor.getCurrentPageShapes()
        .map((s) => s as unknown as { type: string; meta: { empiria?: Record<string, unknown> } })
        .filter((s) => s.type === 'text' && s.meta.empiria?.field === true)
        .map((s) => ({
          cell: (s.meta.empiria?.zone as { cellId: string }).cellId,
          from: (s.meta.empiria?.broughtFrom as { meetingTitle: string }).meetingTitle,
        })),
    );
    expect(written.map((w) => w.cell).sort()).toEqual(['1.city', '1.lessons', '1.problem', '1.solution']);
    expect(new Set(written.map((w) => w.from))).toEqual(new Set(['Spotkanie 1 — karty przypadków']));

    // The room display's sheet lists the answers.
    const roomSheet = room.getByTestId('room-sheet');
    for (const text of Object.values(CASE))
      await roomSheet.getByText(text, { exact: true }).first().waitFor();
    await screenshot(fela, 'case-cards-inserted');
    await screenshot(room, 'case-cards-room-1080p');

    // One Ctrl+Z takes the whole card back.
    await fela.locator('.tl-canvas').focus();
    await fela.keyboard.press('Control+z');
    await expect.poll(() => caseTextsOnCanvas(fela), { timeout: 10_000 }).toEqual([]);

    // Four cards: four insertions fill them; the fifth finds no free card and writes nothing.
    for (let n = 1; n <= 4; n++) {
      await item.getByTestId('continuity-insert-case').click();
      await fela.getByTestId('continuity-case-notice').getByText(`„Przypadek ${n}”`).waitFor();
    }
    await item.getByTestId('continuity-insert-case').click();
    await fela.getByTestId('continuity-case-notice').getByText('Nie ma wolnej karty').waitFor();
    expect((await caseTextsOnCanvas(fela)).length).toBe(4 * Object.keys(CASE).length);
    await cases.scrollIntoViewIfNeeded();
    await screenshot(fela, 'case-cards-no-free-card');
    setup.browser.assertNoForeignRequests(setup.server.baseUrl);
  });
});
