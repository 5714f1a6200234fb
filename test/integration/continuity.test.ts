import { afterEach, describe, expect, it } from 'vitest';
import {
  approvalStateSchema,
  boardListResponseSchema,
  continuityResponseSchema,
  createMeetingResponseSchema,
  createdResponseSchema,
  joinResponseSchema,
  networkDetailSchema,
  type JoinResponse,
} from '@empiria/shared';
import { apiCall, apiRequest, createBoard, inviteToken } from '../support/api';
import { canvasRecords, noteRecord } from '../support/canvas-records';
import { serverPerFile } from '../support/server-per-file';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * A network's continuity (issue #11, item 4; [N17]) against a real server: meeting 1 (Format 0)
 * agrees a contract, chooses topics and plans the next steps; only once its note is approved does
 * meeting 2's board bring them — last time's next steps, the contract, the topics. Observers and
 * boards outside a network get nothing.
 */
const setup = serverPerFile({ env: { RATE_LIMIT_ACT: '1000/1', RATE_LIMIT_JOIN: '1000/1' } });
const connections: DocConnection[] = [];

afterEach(() => {
  for (const connection of connections.splice(0)) connection.destroy();
});

const admin = () => setup.server.adminToken;
const secret = (who: string) => `device-${who}-${'x'.repeat(30)}`.slice(0, 40);

async function network() {
  const { id } = createdResponseSchema.parse(
    await apiCall(setup.server, 'POST', '/api/networks', {
      token: admin(),
      body: {
        name: 'Miasto dostępne',
        theme: 'Dostępność przestrzeni miejskiej',
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
    await apiCall(setup.server, 'POST', `/api/networks/${id}/people`, {
      token: admin(),
      body: { name: `Ala ${city}`, city, role: 'representative' },
    });
  }
  const detail = networkDetailSchema.parse(
    await apiCall(setup.server, 'GET', `/api/networks/${id}`, { token: admin() }),
  );
  const fela = detail.people.find((p) => p.name === 'Fela Nowak')!;
  return { id, felaToken: inviteToken(fela.link ?? '') };
}

async function meeting(
  net: { id: string; felaToken: string },
  title: string,
  startsAt: string,
  agenda: unknown[],
) {
  const created = createMeetingResponseSchema.parse(
    await apiCall(setup.server, 'POST', `/api/networks/${net.id}/meetings`, {
      token: net.felaToken,
      body: { title, startsAt, mode: 'online', agenda },
    }),
  );
  const boards = boardListResponseSchema.parse(
    await apiCall(setup.server, 'GET', '/api/boards', { token: admin() }),
  );
  const board = boards.boards.find((b) => b.id === created.boardId)!;
  return { boardId: created.boardId, invites: board.invites };
}

async function join(
  board: { boardId: string; invites: Record<string, string> },
  role: string,
  name: string,
  city: string,
): Promise<JoinResponse> {
  return joinResponseSchema.parse(
    await apiCall(setup.server, 'POST', `/api/boards/${board.boardId}/join`, {
      token: inviteToken(board.invites[role]!),
      body: { name, city, deviceSecret: secret(name.replace(/\W/g, '')) },
    }),
  );
}

const continuity = async (boardId: string, who: JoinResponse) => {
  const answer = await apiRequest(setup.server, 'GET', `/api/boards/${boardId}/continuity`, {
    token: who.sessionToken,
  });
  return answer;
};

describe('continuity between a network’s meetings', () => {
  it('[N17] brings the contract, the topics and last time’s next steps once meeting 1’s note is approved', async () => {
    const net = await network();
    const first = await meeting(net, 'Spotkanie 1 — start', '2099-03-15T10:00', [
      { kind: 'step', format: 'format-0', stepId: 'contract' },
      { kind: 'break', minutes: 15 },
      { kind: 'step', format: 'format-0', stepId: 'choose-topics' },
      { kind: 'step', format: 'format-0', stepId: 'next-formats' },
    ]);
    const second = await meeting(net, 'Spotkanie 2 — bariery', '2099-06-14T10:00', [
      { kind: 'step', format: 'format-2', stepId: 'challenge' },
    ]);

    const fela1 = await join(first, 'facilitator', 'Fela Nowak', 'Warszawa');
    const ala = await join(first, 'participant', 'Ala Gdynia', 'Gdynia');
    const ola = await join(first, 'participant', 'Ala Lublin', 'Lublin');
    const canvas = await connectDoc(setup.server, first.boardId, 'canvas', fela1.sessionToken);
    connections.push(canvas);
    const notes: [string, string, string, string][] = [
      ['contract', 'rules', 'accepted', 'Mówimy po kolei i krótko'],
      ['contract', 'rules', 'proposed', 'Kamery zawsze włączone'],
      ['choose-topics', 'chosen', 'topic-1', 'Dostępne przystanki'],
      ['next-formats', 'plan', 'topic-1.when', 'czerwiec: Format 2 w Lublinie'],
    ];
    const records = canvasRecords(canvas.doc);
    canvas.doc.transact(() => {
      notes.forEach(([stepId, zoneId, cellId, text], i) =>
        records.set(
          `shape:cont${i}`,
          noteRecord(`shape:cont${i}`, {
            text,
            x: 10 * i,
            meta: { empiria: { zone: { stepId, zoneId, cellId } } },
          }),
        ),
      );
    });
    // Our own update comes back from nobody: a second reader tells it has landed.
    const check = await connectDoc(setup.server, first.boardId, 'canvas', fela1.sessionToken);
    connections.push(check);
    await check.waitFor((doc) => canvasRecords(doc).has('shape:cont3'), 10_000, 'the notes');

    const fela2 = await join(second, 'facilitator', 'Fela Nowak', 'Warszawa');
    // Nothing approved yet: the network is known, nothing travels.
    const before = continuityResponseSchema.parse((await continuity(second.boardId, fela2)).body);
    expect(before).toEqual({
      network: { id: net.id, name: 'Miasto dostępne' },
      contract: null,
      topics: [],
      lastTime: null,
      cases: [],
    });

    const call = (method: string, path: string, who: JoinResponse, body?: unknown) =>
      apiRequest(setup.server, method, `/api/boards/${first.boardId}${path}`, {
        token: who.sessionToken,
        body,
      });
    await expect
      .poll(async () => (await call('POST', '/summary/draft', fela1, { language: 'pl' })).status)
      .toBe(200);
    // Those who decide are the representatives on the board when the version is frozen.
    for (const who of [ala, ola])
      connections.push(await connectDoc(setup.server, first.boardId, 'control', who.sessionToken));
    const frozen = await call('POST', '/summary/versions', fela1, { rule: 'consent' });
    expect(frozen.status).toBe(201);
    const versionId = approvalStateSchema.parse((frozen.body as { approval: unknown }).approval).versionId;
    for (const who of [ala, ola]) {
      expect((await call('POST', '/summary/decisions', who, { versionId, decision: 'approve' })).status).toBe(
        200,
      );
    }

    // The note's record started from what the network planned: its name, the meeting's title.
    const markdown = await apiRequest(setup.server, 'GET', `/api/boards/${first.boardId}/notes?format=md`, {
      token: fela1.sessionToken,
    });
    const text = Buffer.isBuffer(markdown.body) ? markdown.body.toString('utf8') : String(markdown.body);
    expect(text).toContain('Miasto dostępne');
    expect(text).toContain('Spotkanie 1 — start');

    const ala2 = await join(second, 'participant', 'Ala Gdynia', 'Gdynia');
    const after = continuityResponseSchema.parse((await continuity(second.boardId, ala2)).body);
    expect(after.contract?.rules).toEqual(['Mówimy po kolei i krótko']);
    expect(after.contract?.meetingTitle).toBe('Spotkanie 1 — start');
    expect(after.topics).toEqual(['Dostępne przystanki']);
    expect(after.lastTime?.meetingTitle).toBe('Spotkanie 1 — start');
    expect(JSON.stringify(after.lastTime?.nextSteps)).toContain('czerwiec: Format 2 w Lublinie');
    expect(JSON.stringify(after.lastTime?.nextSteps)).not.toContain('Kamery');
    // Meeting 1 itself has no earlier meeting.
    const own = continuityResponseSchema.parse((await continuity(first.boardId, ala)).body);
    expect(own.lastTime).toBeNull();

    // Observers are refused; a board outside any network carries nothing.
    const olga = await join(second, 'observer', 'Olga Obserwator', 'Radom');
    expect((await continuity(second.boardId, olga)).status).toBe(403);
    const standalone = await createBoard(setup.server, 'Tablica bez sieci', 'format-2');
    const solo = await join(
      { boardId: standalone.id, invites: standalone.invites },
      'participant',
      'Jan',
      'Gdańsk',
    );
    expect(continuityResponseSchema.parse((await continuity(standalone.id, solo)).body).network).toBeNull();
  });

  it('[N17] brings the case cards of an earlier Format 3 meeting once its note is approved', async () => {
    const net = await network();
    const first = await meeting(net, 'Spotkanie 1 — przypadki', '2099-03-15T10:00', [
      { kind: 'step', format: 'format-3', stepId: 'case-cards' },
    ]);
    const second = await meeting(net, 'Spotkanie 2 — modelowa praktyka', '2099-06-14T10:00', [
      { kind: 'step', format: 'format-3', stepId: 'case-cards' },
    ]);
    const fela1 = await join(first, 'facilitator', 'Fela Nowak', 'Warszawa');
    const ala = await join(first, 'participant', 'Ala Gdynia', 'Gdynia');
    const ola = await join(first, 'participant', 'Ala Lublin', 'Lublin');
    const canvas = await connectDoc(setup.server, first.boardId, 'canvas', fela1.sessionToken);
    connections.push(canvas);
    const answers: [string, string][] = [
      ['2.city', 'Gdynia'],
      ['2.problem', 'Puste autobusy wieczorem'],
      ['2.solution', 'Autobus na żądanie'],
      ['2.lessons', 'Zacząć od jednej dzielnicy'],
    ];
    const records = canvasRecords(canvas.doc);
    canvas.doc.transact(() => {
      answers.forEach(([cellId, text], i) =>
        records.set(
          `shape:case${i}`,
          noteRecord(`shape:case${i}`, {
            text,
            x: 10 * i,
            meta: { empiria: { zone: { stepId: 'case-cards', zoneId: 'cases', cellId } } },
          }),
        ),
      );
    });
    const check = await connectDoc(setup.server, first.boardId, 'canvas', fela1.sessionToken);
    connections.push(check);
    await check.waitFor((doc) => canvasRecords(doc).has('shape:case3'), 10_000, 'the case card');

    const fela2 = await join(second, 'facilitator', 'Fela Nowak', 'Warszawa');
    const call = (method: string, path: string, who: JoinResponse, body?: unknown) =>
      apiRequest(setup.server, method, `/api/boards/${first.boardId}${path}`, {
        token: who.sessionToken,
        body,
      });
    await expect
      .poll(async () => (await call('POST', '/summary/draft', fela1, { language: 'pl' })).status)
      .toBe(200);
    // Drafted but not approved: the case does not travel yet.
    expect(continuityResponseSchema.parse((await continuity(second.boardId, fela2)).body).cases).toEqual([]);

    for (const who of [ala, ola])
      connections.push(await connectDoc(setup.server, first.boardId, 'control', who.sessionToken));
    const frozen = await call('POST', '/summary/versions', fela1, { rule: 'consent' });
    expect(frozen.status).toBe(201);
    const versionId = approvalStateSchema.parse((frozen.body as { approval: unknown }).approval).versionId;
    for (const who of [ala, ola]) {
      expect((await call('POST', '/summary/decisions', who, { versionId, decision: 'approve' })).status).toBe(
        200,
      );
    }

    const after = continuityResponseSchema.parse((await continuity(second.boardId, fela2)).body);
    expect(after.cases).toHaveLength(1);
    expect(after.cases[0]).toMatchObject({
      meetingTitle: 'Spotkanie 1 — przypadki',
      startsAt: '2099-03-15T10:00',
      fields: {
        city: 'Gdynia',
        context: '',
        problem: 'Puste autobusy wieczorem',
        solution: 'Autobus na żądanie',
        results: '',
        cost: '',
        lessons: 'Zacząć od jednej dzielnicy',
      },
    });
    // The meeting that wrote the case does not bring it to itself.
    expect(continuityResponseSchema.parse((await continuity(first.boardId, ala)).body).cases).toEqual([]);
  });
});
