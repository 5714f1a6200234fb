import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CloseCode,
  approvalStateSchema,
  insertSummaryBlocks,
  joinResponseSchema,
  myBallotsSchema,
  peopleResponseSchema,
  readControlState,
  summaryBody,
  votingStateSchema,
  type CreateBoardResponse,
  type JoinResponse,
  type PersonEntry,
} from '@empiria/shared';
import { apiCall, apiRequest, createBoard, inviteToken } from '../support/api';
import { rawSocket } from '../support/raw-socket';
import { serverPerFile } from '../support/server-per-file';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * One person, one voice (docs/permissions.md [I1]–[I6]) against a real server: a shared link
 * must not make majorities. Re-joining from the same browser is the same person; the facilitator
 * merges one human's two devices and removes identities that should not count; who decides on a
 * note is fixed when it is frozen.
 */
const setup = serverPerFile();
let board: CreateBoardResponse;
let fela: JoinResponse;
const connections: DocConnection[] = [];

beforeEach(async () => {
  board = await createBoard(setup.server, 'Sieć — jeden głos');
  fela = await joinAs('facilitator', 'Fela Nowak', 'Lublin', secret('fela'));
});
afterEach(() => {
  for (const connection of connections.splice(0)) connection.destroy();
});

/** A device secret as a browser would keep it (random in real life, readable here). */
const secret = (device: string) => `device-${device}-${'x'.repeat(24)}`.slice(0, 40);

async function joinAs(
  role: keyof CreateBoardResponse['invites'],
  name: string,
  city: string,
  deviceSecret?: string,
  inviteUrl: string = board.invites[role],
): Promise<JoinResponse> {
  const body = await apiCall(setup.server, 'POST', `/api/boards/${board.id}/join`, {
    token: inviteToken(inviteUrl),
    body: { name, city, ...(deviceSecret ? { deviceSecret } : {}) },
  });
  return joinResponseSchema.parse(body);
}

const call = (method: string, path: string, who: JoinResponse, body?: unknown) =>
  apiRequest(setup.server, method, `/api/boards/${board.id}${path}`, { token: who.sessionToken, body });
const code = (body: unknown) => (body as { error?: { code?: string } } | undefined)?.error?.code;

async function open(doc: 'canvas' | 'control' | 'summary', who: JoinResponse, reconnect = true) {
  const connection = await connectDoc(setup.server, board.id, doc, who.sessionToken, {
    maxBackoffTimeMs: reconnect ? 2_500 : 60_000,
  });
  connections.push(connection);
  return connection;
}

async function people(): Promise<PersonEntry[]> {
  const answer = await call('GET', '/people', fela);
  expect(answer.status).toBe(200);
  return peopleResponseSchema.parse(answer.body).people;
}

const TARGETS = ['shape:a', 'shape:b', 'shape:c', 'shape:d'];

async function openVote(votesPerPerson = 3) {
  const opened = await call('POST', '/votes', fela, { targets: TARGETS, votesPerPerson, results: 'live' });
  expect(opened.status).toBe(201);
  return votingStateSchema.parse((opened.body as { voting: unknown }).voting).sessionId;
}
const dot = (vote: string, who: JoinResponse, targetId: string) =>
  call('POST', `/votes/${vote}/ballots`, who, { targetId });
async function closeVote(vote: string) {
  const closed = await call('POST', `/votes/${vote}/close`, fela);
  expect(closed.status).toBe(200);
  const voting = votingStateSchema.parse((closed.body as { voting: unknown }).voting);
  const totals = Object.fromEntries((voting.ranking ?? []).map((entry) => [entry.targetId, entry.votes]));
  return { totals, voterCount: voting.voterCount };
}

/** The facilitator writes a line into the note, so that a version can be frozen. */
async function writeNote(text: string) {
  const summary = await open('summary', fela);
  summary.doc.transact(() =>
    insertSummaryBlocks(summaryBody(summary.doc), 0, [{ type: 'paragraph', runs: [{ text, marks: [] }] }]),
  );
  // The facilitator's own edit comes back from nobody; a second reader tells it has landed.
  const check = await open('summary', fela);
  await check.waitFor((doc) => summaryBody(doc).toString().includes(text), 10_000, 'the note');
}

async function freeze(rule: 'consent' | 'majority') {
  const frozen = await call('POST', '/summary/versions', fela, { rule });
  expect(frozen.status).toBe(201);
  return approvalStateSchema.parse((frozen.body as { approval: unknown }).approval);
}
const decide = (who: JoinResponse, versionId: string, decision: 'approve' | 'object') =>
  call('POST', '/summary/decisions', who, {
    versionId,
    decision,
    ...(decision === 'object' ? { reason: 'Nie zgadzam się' } : {}),
  });
const approvalOf = (answer: { body: unknown }) =>
  approvalStateSchema.parse((answer.body as { approval: unknown }).approval);

describe('one person, one voice', () => {
  it('[I1] re-joining five times with the same device secret is one person with one set of dots', async () => {
    const sessions: JoinResponse[] = [];
    for (let i = 0; i < 5; i++) {
      sessions.push(await joinAs('participant', 'Ala Wiśniewska', 'Gdynia', secret('ala')));
    }
    // A replaced link of the same role still knows the browser.
    const rotated = await apiCall(
      setup.server,
      'POST',
      `/api/boards/${board.id}/invites/participant/revoke`,
      {
        token: fela.sessionToken,
      },
    );
    const newLink = (rotated as { invite: string }).invite;
    sessions.push(await joinAs('participant', 'Ala Wiśniewska', 'Gdynia', secret('ala'), newLink));
    const live = sessions.slice(5);
    expect(new Set(sessions.map((s) => s.identity.id)).size).toBe(1);

    const vote = await openVote(3);
    expect((await dot(vote, live[0]!, 'shape:a')).status).toBe(200);
    expect((await dot(vote, live[0]!, 'shape:b')).status).toBe(200);
    expect((await dot(vote, live[0]!, 'shape:c')).status).toBe(200);
    const fourth = await dot(vote, live[0]!, 'shape:d');
    expect(fourth.status).toBe(409);
    expect(code(fourth.body)).toBe('no_votes_left');
    expect(await closeVote(vote)).toEqual({
      totals: { 'shape:a': 1, 'shape:b': 1, 'shape:c': 1, 'shape:d': 0 },
      voterCount: 1,
    });
    const participants = (await people()).filter((p) => p.role === 'participant');
    expect(participants).toHaveLength(1);
    expect(participants[0]).toMatchObject({ name: 'Ala Wiśniewska', status: 'active' });
  });

  it('[I1] five joins with different device secrets (or none) are five people', async () => {
    const sessions = [
      await joinAs('participant', 'Ala', 'Gdynia', secret('one')),
      await joinAs('participant', 'Ala', 'Gdynia', secret('two')),
      await joinAs('participant', 'Ala', 'Gdynia', secret('three')),
      await joinAs('participant', 'Ala', 'Gdynia'),
      await joinAs('participant', 'Ala', 'Gdynia'),
    ];
    expect(new Set(sessions.map((s) => s.identity.id)).size).toBe(5);
    expect((await people()).filter((p) => p.role === 'participant' && p.status === 'active')).toHaveLength(5);
  });

  it("[I2][I4] after a merge the merged person's dots count once, held to one per item and the limit", async () => {
    const laptop = await joinAs('participant', 'Ala Wiśniewska', 'Gdynia', secret('laptop'));
    const phone = await joinAs('participant', 'Ala W.', 'Gdynia', secret('phone'));
    const bartek = await joinAs('participant', 'Bartek Zając', 'Poznań', secret('bartek'));
    const control = await open('control', bartek);
    const vote = await openVote(3);
    for (const target of ['shape:a', 'shape:b']) expect((await dot(vote, laptop, target)).status).toBe(200);
    for (const target of ['shape:a', 'shape:c', 'shape:b']) {
      expect((await dot(vote, phone, target)).status).toBe(200);
    }
    expect((await dot(vote, bartek, 'shape:d')).status).toBe(200);
    await control.waitFor(
      (doc) => readControlState(doc).voting?.voterCount === 3,
      10_000,
      'three voters before the merge',
    );

    // The facilitator may not merge across links, nor a person into themselves.
    const across = await call('POST', `/people/${fela.identity.id}/merge`, fela, {
      into: laptop.identity.id,
    });
    expect(code(across.body)).toBe('different_roles');
    expect(
      (await call('POST', `/people/${laptop.identity.id}/merge`, laptop, { into: phone.identity.id })).status,
    ).toBe(403);
    const merged = await call('POST', `/people/${phone.identity.id}/merge`, fela, {
      into: laptop.identity.id,
    });
    expect(merged.status).toBe(200);
    const list = peopleResponseSchema.parse(merged.body).people;
    expect(list.find((p) => p.id === phone.identity.id)).toMatchObject({
      status: 'merged',
      mergedInto: laptop.identity.id,
    });

    // Everyone sees the recount: Ala's a, b (laptop) and c (phone; its a and b were the same dots).
    await control.waitFor(
      (doc) => readControlState(doc).voting?.voterCount === 2,
      10_000,
      'two voters after the merge',
    );
    const mine = myBallotsSchema.parse((await call('GET', `/votes/${vote}/mine`, phone)).body);
    expect(mine).toMatchObject({ used: 3, remaining: 0 });
    const more = await dot(vote, phone, 'shape:d');
    expect(code(more.body)).toBe('no_votes_left');
    // The merged device joins again as its person.
    expect((await joinAs('participant', 'Ala W.', 'Gdynia', secret('phone'))).identity.id).toBe(
      laptop.identity.id,
    );
    expect(await closeVote(vote)).toEqual({
      totals: { 'shape:a': 1, 'shape:b': 1, 'shape:c': 1, 'shape:d': 1 },
      voterCount: 2,
    });
  });

  it("[I3][I4][I5] a removed person's dots and approvals do not count and their session is refused", async () => {
    const ala = await joinAs('participant', 'Ala Wiśniewska', 'Gdynia', secret('ala'));
    const bartek = await joinAs('participant', 'Bartek Zając', 'Poznań', secret('bartek'));
    const troll = await joinAs('participant', 'Ala Wiśniewska', 'Gdynia', secret('troll'));
    await open('canvas', ala);
    await open('canvas', bartek);
    const trollCanvas = await open('canvas', troll, false);

    const vote = await openVote(3);
    expect((await dot(vote, ala, 'shape:a')).status).toBe(200);
    for (const target of ['shape:b', 'shape:c', 'shape:d']) {
      expect((await dot(vote, troll, target)).status).toBe(200);
    }
    await writeNote('Wnioski ze spotkania');
    const round = await freeze('majority');
    expect(round.eligible).toHaveLength(3);
    expect(approvalOf(await decide(troll, round.versionId, 'approve')).status).toBe('open');

    // The facilitator cannot remove themselves; a participant cannot remove anyone.
    expect(code((await call('POST', `/people/${fela.identity.id}/remove`, fela)).body)).toBe(
      'cannot_remove_self',
    );
    expect((await call('POST', `/people/${troll.identity.id}/remove`, ala)).status).toBe(403);
    const closing = trollCanvas.nextClose();
    const removed = await call('POST', `/people/${troll.identity.id}/remove`, fela);
    expect(removed.status).toBe(200);
    expect(
      peopleResponseSchema.parse(removed.body).people.find((p) => p.id === troll.identity.id),
    ).toMatchObject({ status: 'removed', online: false });

    // Their live connection ends, and the session is refused over HTTP and websocket.
    expect((await closing).code).toBe(CloseCode.unauthorized);
    const http = await call('GET', `/votes/${vote}/mine`, troll);
    expect(http.status).toBe(401);
    const ws = rawSocket(
      `${setup.server.wsBase}/${board.id}/canvas?token=${troll.sessionToken}`,
      setup.server.baseUrl,
    );
    await expect(ws.opened).rejects.toThrow('HTTP 401');
    // The same browser cannot come back under the same identity.
    const back = await apiRequest(setup.server, 'POST', `/api/boards/${board.id}/join`, {
      token: inviteToken(board.invites.participant),
      body: { name: 'Ala Wiśniewska', city: 'Gdynia', deviceSecret: secret('troll') },
    });
    expect(back.status).toBe(403);
    expect(code(back.body)).toBe('person_removed');

    // The troll's approval is gone: Ala's alone is not more than half of the two left.
    const afterAla = approvalOf(await decide(ala, round.versionId, 'approve'));
    expect(afterAla.eligible.map((e) => e.personId).sort()).toEqual(
      [ala.identity.id, bartek.identity.id].sort(),
    );
    expect(afterAla.decisions.map((d) => d.personId)).toEqual([ala.identity.id]);
    expect(afterAla.status).toBe('open');
    expect(await closeVote(vote)).toEqual({
      totals: { 'shape:a': 1, 'shape:b': 0, 'shape:c': 0, 'shape:d': 0 },
      voterCount: 1,
    });
  });

  it('[I5] identities created after a freeze cannot decide on that version and do not change the outcome', async () => {
    const ala = await joinAs('participant', 'Ala Wiśniewska', 'Gdynia', secret('ala'));
    const bartek = await joinAs('participant', 'Bartek Zając', 'Poznań', secret('bartek'));
    await open('canvas', ala);
    await open('canvas', bartek);
    await writeNote('Wnioski ze spotkania');
    const round = await freeze('majority');
    expect(round.eligible.map((e) => e.name).sort()).toEqual(['Ala Wiśniewska', 'Bartek Zając']);

    for (let i = 0; i < 4; i++) {
      const fresh = await joinAs('participant', `Nowa osoba ${i}`, 'Gdynia', secret(`fresh-${i}`));
      await open('canvas', fresh);
      const refused = await decide(fresh, round.versionId, 'approve');
      expect(refused.status).toBe(403);
      expect(code(refused.body)).toBe('not_in_round');
    }
    const objected = approvalOf(await decide(bartek, round.versionId, 'object'));
    expect(objected.status).toBe('not-approved');
    expect(objected.eligible).toHaveLength(2);
    expect(objected.decisions.map((d) => d.personId)).toEqual([bartek.identity.id]);
  });

  it('[I6] a participant not in the approval round cannot decide about sharing with observers', async () => {
    const ala = await joinAs('participant', 'Ala Wiśniewska', 'Gdynia', secret('ala'));
    const bartek = await joinAs('participant', 'Bartek Zając', 'Poznań', secret('bartek'));
    const olga = await joinAs('observer', 'Olga Berg', 'Oslo', secret('olga'));
    await open('canvas', ala);
    await open('canvas', bartek);
    await writeNote('Wnioski ze spotkania');
    const round = await freeze('consent');
    await decide(ala, round.versionId, 'approve');
    expect(approvalOf(await decide(bartek, round.versionId, 'approve')).status).toBe('approved');

    const outsider = await joinAs('participant', 'Celina Nowa', 'Gdynia', secret('outsider'));
    const share = (who: JoinResponse, observers: boolean) =>
      call('POST', '/summary/consents', who, { versionId: round.versionId, observers, public: false });
    const refused = await share(outsider, true);
    expect(refused.status).toBe(403);
    expect(code(refused.body)).toBe('not_in_round');
    expect((await call('GET', '/notes?format=md', olga)).status).toBe(403);

    // The round's answers decide, by the group's rule (docs/summary.md): a member's no holds it.
    expect((await share(ala, true)).status).toBe(200);
    expect((await share(bartek, false)).status).toBe(200);
    expect((await call('GET', '/notes?format=md', olga)).status).toBe(403);
    expect(approvalOf(await share(bartek, true)).consents).toHaveLength(2);
    expect((await call('GET', '/notes?format=md', olga)).status).toBe(200);
  });
});
