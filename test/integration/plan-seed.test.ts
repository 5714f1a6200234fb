import { afterEach, describe, expect, it } from 'vitest';
import {
  approvalStateSchema,
  boardListResponseSchema,
  createMeetingResponseSchema,
  createdResponseSchema,
  joinResponseSchema,
  networkDetailSchema,
  planResponseSchema,
  planSeedResponseSchema,
  type JoinResponse,
} from '@empiria/shared';
import { apiCall, apiRequest, inviteToken } from '../support/api';
import { canvasRecords, noteRecord } from '../support/canvas-records';
import { serverPerFile } from '../support/server-per-file';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * "Zaproponuj z notatek" against a real server (issue #13 item 1): a Format 0 meeting's notes on
 * its board, drafted and approved by the representatives; only then does the work plan's seeding
 * put the chosen topic into "challenges" and the next formats into "organisation", leaving the
 * section the pair wrote as it was.
 */
const setup = serverPerFile({ env: { RATE_LIMIT_ACT: '1000/1', RATE_LIMIT_JOIN: '1000/1' } });
const connections: DocConnection[] = [];

afterEach(() => {
  for (const connection of connections.splice(0)) connection.destroy();
});

const admin = () => setup.server.adminToken;
const secret = (who: string) => `device-${who}-${'x'.repeat(30)}`.slice(0, 40);

describe('work plan proposed from approved notes', () => {
  it('fills the empty sections from Format 0’s approved note, and only once it is approved', async () => {
    const { id } = createdResponseSchema.parse(
      await apiCall(setup.server, 'POST', '/api/networks', {
        token: admin(),
        body: { name: 'Miasto dostępne', theme: 'Dostępność', facilitator: { name: 'Fela Nowak' } },
      }),
    );
    for (const city of ['Gdynia', 'Lublin']) {
      await apiCall(setup.server, 'POST', `/api/networks/${id}/members`, {
        token: admin(),
        body: { city, membership: 'programme-laureate' },
      });
      await apiCall(setup.server, 'POST', `/api/networks/${id}/people`, {
        token: admin(),
        body: { name: `Ala ${city}`, city, role: 'representative' },
      });
    }
    const detail = networkDetailSchema.parse(
      await apiCall(setup.server, 'GET', `/api/networks/${id}`, { token: admin() }),
    );
    const fela = inviteToken(detail.people.find((p) => p.name === 'Fela Nowak')?.link ?? '');
    const plan = `/api/networks/${id}/plan`;
    await apiCall(setup.server, 'PUT', plan, {
      token: fela,
      body: { section: 'organisation', text: 'Spotykamy się co kwartał, 6 godzin.', baseRevision: 0 },
    });

    const created = createMeetingResponseSchema.parse(
      await apiCall(setup.server, 'POST', `/api/networks/${id}/meetings`, {
        token: fela,
        body: {
          title: 'Spotkanie 1 — start',
          startsAt: '2099-03-15T10:00',
          mode: 'online',
          agenda: [
            { kind: 'step', format: 'format-0', stepId: 'choose-topics' },
            { kind: 'step', format: 'format-0', stepId: 'next-formats' },
          ],
        },
      }),
    );
    const board = boardListResponseSchema
      .parse(await apiCall(setup.server, 'GET', '/api/boards', { token: admin() }))
      .boards.find((b) => b.id === created.boardId)!;
    const join = async (
      role: 'facilitator' | 'participant',
      name: string,
      city: string,
    ): Promise<JoinResponse> =>
      joinResponseSchema.parse(
        await apiCall(setup.server, 'POST', `/api/boards/${board.id}/join`, {
          token: inviteToken(board.invites[role]),
          body: { name, city, deviceSecret: secret(name.replace(/\W/g, '')) },
        }),
      );
    const felaBoard = await join('facilitator', 'Fela Nowak', 'Warszawa');
    const ala = await join('participant', 'Ala Gdynia', 'Gdynia');
    const ola = await join('participant', 'Ala Lublin', 'Lublin');
    const canvas = await connectDoc(setup.server, board.id, 'canvas', felaBoard.sessionToken);
    connections.push(canvas);
    const records = canvasRecords(canvas.doc);
    const notes: [string, string, string, string][] = [
      ['choose-topics', 'chosen', 'topic-1', 'Dostępne przystanki'],
      ['next-formats', 'plan', 'topic-1.when', 'czerwiec: Format 2 w Lublinie'],
    ];
    canvas.doc.transact(() => {
      notes.forEach(([stepId, zoneId, cellId, text], i) =>
        records.set(
          `shape:seed${i}`,
          noteRecord(`shape:seed${i}`, {
            text,
            x: 10 * i,
            meta: { empiria: { zone: { stepId, zoneId, cellId } } },
          }),
        ),
      );
    });
    const check = await connectDoc(setup.server, board.id, 'canvas', felaBoard.sessionToken);
    connections.push(check);
    await check.waitFor((doc) => canvasRecords(doc).has('shape:seed1'), 10_000, 'the notes');

    const call = (method: string, path: string, who: JoinResponse, body?: unknown) =>
      apiRequest(setup.server, method, `/api/boards/${board.id}${path}`, { token: who.sessionToken, body });
    await expect
      .poll(async () => (await call('POST', '/summary/draft', felaBoard, { language: 'pl' })).status)
      .toBe(200);
    // Drafted, not approved: nothing to propose.
    const early = await apiRequest(setup.server, 'POST', `${plan}/seed`, { token: fela });
    expect([early.status, (early.body as { error?: { code?: string } }).error?.code]).toEqual([
      409,
      'nothing_to_seed',
    ]);

    for (const who of [ala, ola])
      connections.push(await connectDoc(setup.server, board.id, 'control', who.sessionToken));
    const frozen = await call('POST', '/summary/versions', felaBoard, { rule: 'consent' });
    expect(frozen.status).toBe(201);
    const versionId = approvalStateSchema.parse((frozen.body as { approval: unknown }).approval).versionId;
    for (const who of [ala, ola]) {
      expect((await call('POST', '/summary/decisions', who, { versionId, decision: 'approve' })).status).toBe(
        200,
      );
    }

    const seeded = planSeedResponseSchema.parse(
      await apiCall(setup.server, 'POST', `${plan}/seed`, { token: fela }),
    );
    expect(seeded.seeded).toEqual(['challenges']);
    const sections = Object.fromEntries(seeded.plan.sections.map((s) => [s.id, s]));
    expect(sections.challenges).toMatchObject({
      text: '- Dostępne przystanki',
      revision: 1,
      updatedBy: 'Fela Nowak',
    });
    // The pair's own text stays; the next formats did not overwrite it.
    expect(sections.organisation?.text).toBe('Spotykamy się co kwartał, 6 godzin.');
    const read = planResponseSchema.parse(await apiCall(setup.server, 'GET', plan, { token: admin() }));
    expect(read.sections.find((s) => s.id === 'challenges')?.text).toBe('- Dostępne przystanki');

    // Emptied by the pair, "organisation" takes the next formats the group planned.
    await apiCall(setup.server, 'PUT', plan, {
      token: fela,
      body: { section: 'organisation', text: '', baseRevision: 1 },
    });
    const again = planSeedResponseSchema.parse(
      await apiCall(setup.server, 'POST', `${plan}/seed`, { token: fela }),
    );
    expect(again.seeded).toEqual(['organisation']);
    expect(again.plan.sections.find((s) => s.id === 'organisation')?.text).toContain(
      'czerwiec: Format 2 w Lublinie',
    );
  });
});
