import { beforeAll, describe, expect, it } from 'vitest';
import {
  approvalStateSchema,
  boardListResponseSchema,
  createMeetingResponseSchema,
  createdResponseSchema,
  meetingReportResponseSchema,
  moveToStep,
  networkDetailSchema,
  officeOverviewResponseSchema,
  type MeetingReportResponse,
  type NetworkPerson,
} from '@empiria/shared';
import { apiCall, apiRequest, inviteToken, join, type ApiResponse } from '../support/api';
import { canvasRecords, noteRecord } from '../support/canvas-records';
import { daysLater, thisHourInWarsaw } from '../support/network-pages';
import { serverPerFile } from '../support/server-per-file';
import { connectDoc } from '../support/yjs-client';

/**
 * The facilitator's report after a meeting (issue #13 item 2, rules FR1–FR4) against a real
 * server: prefilled with the organiser's attendance list and the actual times of a board whose
 * steps were moved, saved over its revision, submitted once, returned by the office; refused for
 * everyone else, and for bad bodies with nothing written.
 */
const setup = serverPerFile({ env: { RATE_LIMIT_ACT: '1000/1', RATE_LIMIT_JOIN: '1000/1' } });

const admin = () => setup.server.adminToken;
const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token, body });
const request = (method: string, url: string, token: string | undefined, body?: unknown) =>
  apiRequest(setup.server, method, url, { token, body });

function expectError(response: ApiResponse, status: number, code: string): void {
  expect({
    status: response.status,
    code: (response.body as { error?: { code?: string } }).error?.code,
  }).toEqual({ status, code });
}

interface Fixture {
  id: string;
  people: Record<string, NetworkPerson>;
  token: (who: string) => string;
}

async function makeNetwork(name: string): Promise<Fixture> {
  const { id } = createdResponseSchema.parse(
    await call('POST', '/api/networks', admin(), {
      name,
      theme: 'Zieleń w mieście',
      facilitator: { name: `Fela ${name}` },
      experts: [{ name: `Edward ${name}` }],
      organiser: { name: `Olga ${name}` },
    }),
  );
  await call('POST', `/api/networks/${id}/members`, admin(), {
    city: 'Gdynia',
    membership: 'programme-laureate',
  });
  await call('POST', `/api/networks/${id}/people`, admin(), {
    name: `Ala ${name}`,
    city: 'Gdynia',
    role: 'representative',
  });
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${id}`, admin()));
  const people = Object.fromEntries(detail.people.map((p) => [p.name.split(' ')[0] as string, p]));
  return { id, people, token: (who) => inviteToken(people[who]?.link ?? '') };
}

const minute = 60_000;
let green: Fixture;
let other: Fixture;
let heldId: string;
let heldBoardId: string;
let plannedId: string;
const report = (meetingId: string) => `/api/meetings/${meetingId}/report`;

beforeAll(async () => {
  green = await makeNetwork('Zielona');
  other = await makeNetwork('Inna');
  const held = createMeetingResponseSchema.parse(
    await call('POST', `/api/networks/${green.id}/meetings`, green.token('Fela'), {
      title: 'Spotkanie 1: zieleń',
      startsAt: daysLater(thisHourInWarsaw(), -2, '10:00'),
      mode: 'online',
      agenda: [
        { kind: 'step', format: 'format-2', stepId: 'challenge', minutes: 20 },
        { kind: 'break', title: '', minutes: 15 },
        { kind: 'step', format: 'format-2', stepId: 'barriers', minutes: 20 },
      ],
    }),
  );
  heldId = held.id;
  heldBoardId = held.boardId;
  const planned = createMeetingResponseSchema.parse(
    await call('POST', `/api/networks/${green.id}/meetings`, green.token('Fela'), {
      title: 'Spotkanie 2: woda',
      startsAt: daysLater(thisHourInWarsaw(), 30, '10:00'),
      mode: 'online',
      agenda: [{ kind: 'free-discussion', title: '', minutes: 60 }],
    }),
  );
  plannedId = planned.id;
});

describe('the facilitator’s report', () => {
  it('is prefilled with the kept attendance list and the actual times of the board’s moved steps', async () => {
    // The organiser marks Ala in the room: the kept list says who attended.
    await call('PUT', `/api/networks/${green.id}/meetings/${heldId}/attendance/marks`, green.token('Olga'), {
      entry: `person:${green.people.Ala?.id ?? ''}`,
      status: 'room',
    });
    // The facilitator leads the board: challenge for 22 minutes, the break for 18, then barriers.
    const board = boardListResponseSchema
      .parse(await call('GET', '/api/boards', admin()))
      .boards.find((candidate) => candidate.id === heldBoardId);
    if (!board) throw new Error('the meeting’s board is not listed');
    const fela = await join(setup.server, board.id, board.invites.facilitator, 'Fela Zielona', 'Warszawa');
    const control = await connectDoc(setup.server, board.id, 'control', fela.sessionToken);
    const t0 = Date.parse('2026-11-20T09:00:00Z');
    try {
      moveToStep(control.doc, { index: 0, id: 'challenge', startedAt: t0 });
      moveToStep(control.doc, { index: 1, id: 'break', startedAt: t0 + 22 * minute });
      moveToStep(control.doc, { index: 2, id: 'barriers', startedAt: t0 + 40 * minute });

      let prefilled: MeetingReportResponse | null = null;
      for (let attempt = 0; attempt < 50; attempt++) {
        prefilled = meetingReportResponseSchema.parse(await call('GET', report(heldId), green.token('Fela')));
        if (prefilled.content.agenda[1]?.actualMinutes !== null) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(prefilled?.status).toBe('new');
      expect(prefilled?.revision).toBe(0);
      expect(prefilled?.deadline.state).toBe('due');
      expect(
        prefilled?.content.agenda.map((item) => [item.stepId, item.plannedMinutes, item.actualMinutes]),
      ).toEqual([
        ['challenge', 20, 22],
        ['break', 15, 18],
        // The last step's end is not known.
        ['barriers', 20, null],
      ]);
      // Ala as the organiser marked her; Fela from her join of the board (no mark: the evidence stands).
      expect(prefilled?.content.attendance).toEqual([
        { name: 'Fela Zielona', city: null, role: 'facilitator', where: 'online' },
        { name: 'Ala Zielona', city: 'Gdynia', role: 'representative', where: 'room' },
      ]);
      expect(prefilled?.content.planned).toContain('Przerwa (15 min)');
      expect(prefilled?.viewer).toEqual({ mayWrite: true, mayReturn: false });
    } finally {
      control.destroy();
    }
  });

  it('bad bodies are 400 and write nothing', async () => {
    const current = meetingReportResponseSchema.parse(await call('GET', report(heldId), green.token('Fela')));
    const fela = green.token('Fela');
    expectError(
      await request('PUT', report(heldId), fela, { content: current.content }),
      400,
      'invalid_body',
    );
    expectError(
      await request('PUT', report(heldId), fela, {
        revision: 0,
        content: { ...current.content, difficulties: 'x'.repeat(4001) },
      }),
      400,
      'invalid_body',
    );
    expectError(
      await request('POST', `${report(heldId)}/submit`, fela, { revision: 0, content: { planned: 'x' } }),
      400,
      'invalid_body',
    );
    const after = meetingReportResponseSchema.parse(await call('GET', report(heldId), fela));
    expect({ status: after.status, revision: after.revision }).toEqual({ status: 'new', revision: 0 });
  });

  it('saves a draft over its revision; a stale save is 409 and changes nothing', async () => {
    const fela = green.token('Fela');
    const current = meetingReportResponseSchema.parse(await call('GET', report(heldId), fela));
    const saved = meetingReportResponseSchema.parse(
      await call('PUT', report(heldId), fela, {
        revision: 0,
        content: { ...current.content, difficulties: 'Słabe łącze w Gdyni.' },
      }),
    );
    expect({ status: saved.status, revision: saved.revision, by: saved.updatedBy }).toEqual({
      status: 'draft',
      revision: 1,
      by: 'Fela Zielona',
    });
    // The expert had the form open from before Fela saved.
    expectError(
      await request('PUT', report(heldId), green.token('Edward'), {
        revision: 0,
        content: { ...current.content, difficulties: 'Inne' },
      }),
      409,
      'stale_revision',
    );
    const reread = meetingReportResponseSchema.parse(
      await call('GET', report(heldId), green.token('Edward')),
    );
    expect(reread.content.difficulties).toBe('Słabe łącze w Gdyni.');
    // A saved draft keeps what was saved: the board's times are not read again over it.
    expect(reread.content.agenda[0]?.actualMinutes).toBe(22);
  });

  it('[FR1]–[FR4]: the organiser reads, a representative and another network get 403, the office writes nothing', async () => {
    expect((await request('GET', report(heldId), green.token('Olga'))).status).toBe(200);
    const current = meetingReportResponseSchema.parse(await call('GET', report(heldId), green.token('Olga')));
    expect(current.viewer).toEqual({ mayWrite: false, mayReturn: false });
    const body = { revision: current.revision, content: current.content };
    expectError(await request('PUT', report(heldId), green.token('Olga'), body), 403, 'forbidden');
    expectError(await request('GET', report(heldId), green.token('Ala')), 403, 'forbidden');
    expectError(await request('GET', report(heldId), other.token('Fela')), 403, 'forbidden');
    expectError(await request('PUT', report(heldId), other.token('Fela'), body), 403, 'forbidden');
    expectError(await request('GET', `${report(heldId)}.docx`, green.token('Ala')), 403, 'forbidden');
    expectError(await request('PUT', report(heldId), admin(), body), 403, 'forbidden');
    expectError(await request('GET', report(heldId), undefined), 401, 'unauthorized');
    expectError(await request('GET', report('no-such-meeting'), admin()), 404, 'not_found');
  });

  it('is submitted once (a second submission 409), returned by the office, submitted again', async () => {
    const fela = green.token('Fela');
    const draft = meetingReportResponseSchema.parse(await call('GET', report(heldId), fela));
    const submitted = meetingReportResponseSchema.parse(
      await call('POST', `${report(heldId)}/submit`, fela, {
        revision: draft.revision,
        content: draft.content,
      }),
    );
    expect({
      status: submitted.status,
      by: submitted.submittedBy,
      deadline: submitted.deadline.state,
    }).toEqual({
      status: 'submitted',
      by: 'Fela Zielona',
      deadline: 'submitted',
    });
    const again = { revision: submitted.revision, content: submitted.content };
    expectError(await request('POST', `${report(heldId)}/submit`, fela, again), 409, 'already_submitted');
    expectError(await request('PUT', report(heldId), fela, again), 409, 'already_submitted');

    // Only the office returns it, and only with a reason.
    expectError(await request('POST', `${report(heldId)}/return`, fela, { reason: 'x' }), 403, 'forbidden');
    expectError(
      await request('POST', `${report(heldId)}/return`, admin(), { reason: '  ' }),
      400,
      'invalid_body',
    );
    const returned = meetingReportResponseSchema.parse(
      await call('POST', `${report(heldId)}/return`, admin(), { reason: 'Proszę dopisać dalsze kroki.' }),
    );
    expect({ status: returned.status, reason: returned.returned?.reason }).toEqual({
      status: 'draft',
      reason: 'Proszę dopisać dalsze kroki.',
    });
    expectError(
      await request('POST', `${report(heldId)}/return`, admin(), { reason: 'Jeszcze raz' }),
      409,
      'not_submitted',
    );

    const corrected = meetingReportResponseSchema.parse(
      await call('POST', `${report(heldId)}/submit`, fela, {
        revision: returned.revision,
        content: { ...returned.content, nextSteps: '• Gdynia przygotuje mapę zieleni' },
      }),
    );
    expect({ status: corrected.status, returned: corrected.returned }).toEqual({
      status: 'submitted',
      returned: null,
    });

    const docx = await fetch(`${setup.server.baseUrl}${report(heldId)}.docx`, {
      headers: { authorization: `Bearer ${admin()}` },
    });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    const bytes = new Uint8Array(await docx.arrayBuffer());
    expect(String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0)).toBe('PK');
  });

  it('a meeting not held yet has no report to save; the office overview counts reports per network', async () => {
    const fela = green.token('Fela');
    const future = meetingReportResponseSchema.parse(await call('GET', report(plannedId), fela));
    expect(future.deadline.state).toBe('not-held');
    expectError(
      await request('PUT', report(plannedId), fela, { revision: 0, content: future.content }),
      409,
      'meeting_not_held',
    );
    const overview = officeOverviewResponseSchema.parse(await call('GET', '/api/office/overview', admin()));
    const row = overview.networks.find((candidate) => candidate.networkId === green.id);
    expect(row?.reports).toEqual({ submitted: 1, due: [], overdue: [] });
  });
});

describe('results and next steps of the report', () => {
  it('come from the approved note only: decisions and conclusions, next steps; nothing from a draft', async () => {
    const net = await makeNetwork('Dostępna');
    const created = createMeetingResponseSchema.parse(
      await call('POST', `/api/networks/${net.id}/meetings`, net.token('Fela'), {
        title: 'Spotkanie 1 — start',
        startsAt: daysLater(thisHourInWarsaw(), -1, '10:00'),
        mode: 'online',
        agenda: [
          { kind: 'step', format: 'format-0', stepId: 'contract' },
          { kind: 'step', format: 'format-0', stepId: 'next-formats' },
        ],
      }),
    );
    const board = boardListResponseSchema
      .parse(await call('GET', '/api/boards', admin()))
      .boards.find((candidate) => candidate.id === created.boardId);
    if (!board) throw new Error('the meeting’s board is not listed');
    const fela = await join(setup.server, board.id, board.invites.facilitator, 'Fela Dostępna', 'Warszawa');
    const ala = await join(setup.server, board.id, board.invites.participant, 'Ala Gdynia', 'Gdynia');
    const ola = await join(setup.server, board.id, board.invites.participant, 'Ola Lublin', 'Lublin');
    const canvas = await connectDoc(setup.server, board.id, 'canvas', fela.sessionToken);
    const controls = await Promise.all(
      [ala, ola].map((who) => connectDoc(setup.server, board.id, 'control', who.sessionToken)),
    );
    try {
      const notes: [string, string, string, string][] = [
        ['contract', 'rules', 'accepted', 'Mówimy po kolei i krótko'],
        ['contract', 'rules', 'proposed', 'Kamery zawsze włączone'],
        ['next-formats', 'plan', 'topic-1.when', 'czerwiec: Format 2 w Lublinie'],
      ];
      const records = canvasRecords(canvas.doc);
      canvas.doc.transact(() => {
        notes.forEach(([stepId, zoneId, cellId, text], i) =>
          records.set(
            `shape:rep${i}`,
            noteRecord(`shape:rep${i}`, {
              text,
              x: 10 * i,
              meta: { empiria: { zone: { stepId, zoneId, cellId } } },
            }),
          ),
        );
      });
      const boardCall = (method: string, path: string, token: string, body?: unknown) =>
        request(method, `/api/boards/${board.id}${path}`, token, body);
      await expect
        .poll(async () => {
          await boardCall('POST', '/summary/draft', fela.sessionToken, { language: 'pl' });
          const md = await boardCall('GET', '/notes?format=md', fela.sessionToken);
          return String(md.body);
        })
        .toContain('czerwiec: Format 2 w Lublinie');

      // Drafted, not approved: the report copies nothing of it.
      const drafted = meetingReportResponseSchema.parse(
        await call('GET', report(created.id), net.token('Fela')),
      );
      expect({
        results: drafted.content.results,
        next: drafted.content.nextSteps,
        approved: drafted.noteApproved,
      }).toEqual({ results: '', next: '', approved: false });

      const frozen = await boardCall('POST', '/summary/versions', fela.sessionToken, { rule: 'consent' });
      expect(frozen.status).toBe(201);
      const versionId = approvalStateSchema.parse((frozen.body as { approval: unknown }).approval).versionId;
      for (const who of [ala, ola]) {
        const decided = await boardCall('POST', '/summary/decisions', who.sessionToken, {
          versionId,
          decision: 'approve',
        });
        expect(decided.status).toBe(200);
      }

      const approved = meetingReportResponseSchema.parse(
        await call('GET', report(created.id), net.token('Fela')),
      );
      expect(approved.noteApproved).toBe(true);
      expect(approved.content.results).toContain('Mówimy po kolei i krótko');
      expect(approved.content.results).not.toContain('Kamery');
      expect(approved.content.nextSteps).toContain('czerwiec: Format 2 w Lublinie');
    } finally {
      canvas.destroy();
      for (const control of controls) control.destroy();
    }
  });
});
