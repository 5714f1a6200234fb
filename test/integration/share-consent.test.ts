import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SUMMARY_RECORD,
  approvalStateSchema,
  boardListResponseSchema,
  createMeetingResponseSchema,
  createdResponseSchema,
  insertSummaryBlocks,
  networkDetailSchema,
  run,
  summaryBody,
  type ApprovalRule,
  type ApprovalState,
  type HomeResponse,
  type JoinResponse,
} from '@empiria/shared';
import { apiCall, apiRequest, join, type ApiResponse } from '../support/api';
import { serverPerFile } from '../support/server-per-file';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * Group consent to share an approved note (issue #12 item 2; docs/summary.md "Consent to share",
 * [S1]–[S5]; [I6]) against a real server: a single "yes" shares nothing; the observers' routes —
 * the board's notes and the network archive's export — answer 403 `not_shared` until the group has
 * decided by the approval's rule; only those who took part in the approval answer; the record says
 * who agreed and who objected.
 */
const setup = serverPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });
const connections: DocConnection[] = [];
let networkId: string;
let observerCityToken: string;

beforeAll(async () => {
  const { id } = createdResponseSchema.parse(
    await call('POST', '/api/networks', admin(), {
      name: 'Zgoda grupy',
      theme: 'Udostępnianie notatek',
      facilitator: { name: 'Fela Zgoda' },
      organiser: { name: 'Olga Zgoda' },
    }),
  );
  networkId = id;
  await call('POST', `/api/networks/${id}/members`, admin(), { city: 'Radom', membership: 'observer' });
  await call('POST', `/api/networks/${id}/people`, admin(), {
    name: 'Obserwatorka Radom',
    city: 'Radom',
    role: 'representative',
  });
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${id}`, admin()));
  const link = detail.people.find((p) => p.name === 'Obserwatorka Radom')?.link ?? '';
  observerCityToken = new URL(link).searchParams.get('token') as string;
});
afterAll(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
});

const admin = () => setup.server.adminToken;
const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token, body });
const errorCode = (response: ApiResponse) => (response.body as { error?: { code?: string } }).error?.code;

interface Meeting {
  id: string;
  boardId: string;
  fela: JoinResponse;
  olga: JoinResponse;
  reps: JoinResponse[];
}

/** A meeting of the network with its note written, its representatives on the board. */
async function meeting(title: string, cities: string[]): Promise<Meeting> {
  const { meeting: created } = createMeetingResponseSchema.parse(
    await call('POST', `/api/networks/${networkId}/meetings`, admin(), {
      title,
      startsAt: '2025-05-10T10:00',
      mode: 'hybrid',
      hostCity: null,
      agenda: [{ kind: 'step', format: 'format-0', stepId: 'welcome', minutes: 60 }],
    }),
  );
  const boards = boardListResponseSchema.parse(await call('GET', '/api/boards', admin())).boards;
  const invites = boards.find((b) => b.id === created.boardId)?.invites;
  if (!invites) throw new Error('no board');
  const fela = await join(setup.server, created.boardId, invites.facilitator, 'Fela Zgoda', 'Warszawa');
  const olga = await join(setup.server, created.boardId, invites.observer, 'Olga Berg', 'Oslo');
  const reps: JoinResponse[] = [];
  for (const city of cities) {
    const rep = await join(setup.server, created.boardId, invites.participant, `Reprezentant ${city}`, city);
    // Present on the board when the version is frozen: asked in the round ([I5]).
    connections.push(await connectDoc(setup.server, created.boardId, 'summary', rep.sessionToken));
    reps.push(rep);
  }
  const summary = await connectDoc(setup.server, created.boardId, 'summary', fela.sessionToken);
  connections.push(summary);
  summary.doc.transact(() => {
    insertSummaryBlocks(summaryBody(summary.doc), 0, [
      { type: 'heading', level: 2, sectionId: null, runs: [run('Ustalenia')] },
      { type: 'paragraph', runs: [run(`Tajne ustalenie: ${title}`)] },
    ]);
    summary.doc.getMap(SUMMARY_RECORD).set('meetingTitle', title);
  });
  const check = await connectDoc(setup.server, created.boardId, 'summary', reps[0]!.sessionToken);
  connections.push(check);
  await check.waitFor((doc) => summaryBody(doc).toString().includes('Tajne'), 10_000, 'the note');
  return { id: created.id, boardId: created.boardId, fela, olga, reps };
}

const onBoard = (m: Meeting, method: string, path: string, who: JoinResponse, body?: unknown) =>
  apiRequest(setup.server, method, `/api/boards/${m.boardId}${path}`, { token: who.sessionToken, body });
const approvalOf = (answer: ApiResponse): ApprovalState =>
  approvalStateSchema.parse((answer.body as { approval: unknown }).approval);

async function freeze(m: Meeting, rule: ApprovalRule) {
  const frozen = await onBoard(m, 'POST', '/summary/versions', m.fela, { rule });
  expect(frozen.status).toBe(201);
  return approvalOf(frozen);
}
const decide = (m: Meeting, who: JoinResponse, versionId: string, decision: 'approve' | 'object') =>
  onBoard(m, 'POST', '/summary/decisions', who, {
    versionId,
    decision,
    ...(decision === 'object' ? { reason: 'Brakuje terminu' } : {}),
  });
const share = (m: Meeting, who: JoinResponse, versionId: string, observers: boolean, publicly = false) =>
  onBoard(m, 'POST', '/summary/consents', who, { versionId, observers, public: publicly });

/** What an observer reads: the board's notes (observer link) and the archive's export (observer city). */
async function observerReads(m: Meeting) {
  const board = await onBoard(m, 'GET', '/notes?format=md', m.olga);
  const archive = await apiRequest(
    setup.server,
    'GET',
    `/api/networks/${networkId}/meetings/${m.id}/notes?format=md`,
    { token: observerCityToken },
  );
  return { board, archive };
}
/** Whether the observer city's home offers the meeting's note ([P6]: only once shared with them). */
async function observerHomeOffersNote(m: Meeting): Promise<boolean> {
  const home = await apiRequest(setup.server, 'GET', '/api/me', { token: observerCityToken });
  expect(home.status).toBe(200);
  const meetings = (home.body as HomeResponse).networks.flatMap((network) => [
    ...(network.nextMeeting ? [network.nextMeeting] : []),
    ...network.pastMeetings,
  ]);
  const meeting = meetings.find((candidate) => candidate.id === m.id);
  if (!meeting) throw new Error('the meeting is not on the observer city’s home');
  return meeting.noteApproved;
}
async function expectNotShared(m: Meeting) {
  expect(await observerHomeOffersNote(m)).toBe(false);
  const { board, archive } = await observerReads(m);
  for (const answer of [board, archive]) {
    expect([answer.status, errorCode(answer)]).toEqual([403, 'not_shared']);
    expect(JSON.stringify(answer.body)).not.toContain('Tajne');
  }
}
async function expectShared(m: Meeting) {
  expect(await observerHomeOffersNote(m)).toBe(true);
  const { board, archive } = await observerReads(m);
  for (const answer of [board, archive]) {
    expect(answer.status).toBe(200);
    expect(String(answer.body)).toContain('Tajne ustalenie');
  }
}

describe('group consent to share', () => {
  it('[S1] consent: one yes among three shares nothing, a no refuses, the no changed to yes shares', async () => {
    const m = await meeting('Spotkanie zgody', ['Łódź', 'Ełk', 'Kalisz', 'Gniezno']);
    const [lodz, elk, kalisz, gniezno] = m.reps as [JoinResponse, JoinResponse, JoinResponse, JoinResponse];
    const round = await freeze(m, 'consent');
    expect(round.eligible).toHaveLength(4);

    // During the round: someone who has decided may answer; someone who has not, not yet.
    expect((await decide(m, lodz, round.versionId, 'approve')).status).toBe(200);
    expect((await share(m, lodz, round.versionId, true, true)).status).toBe(200);
    const early = await share(m, gniezno, round.versionId, true);
    expect([early.status, errorCode(early)]).toEqual([403, 'not_in_approval']);
    // Nothing approved yet: the board refuses the observer, the archive has no note to hand out.
    const before = await observerReads(m);
    expect([before.board.status, errorCode(before.board)]).toEqual([403, 'not_shared']);
    expect([before.archive.status, errorCode(before.archive)]).toEqual([404, 'not_approved']);

    // Ełk and Kalisz approve; Gniezno never decides; the facilitator closes the round [A3].
    await decide(m, elk, round.versionId, 'approve');
    await decide(m, kalisz, round.versionId, 'approve');
    const closed = await onBoard(m, 'POST', `/summary/versions/${round.versionId}/close`, m.fela);
    expect(approvalOf(closed).status).toBe('approved');

    // One yes of the three who approved: approved, and still shared with nobody.
    await expectNotShared(m);
    // Someone of the round who did not take part in the approval, and someone not in the round at all.
    const absent = await share(m, gniezno, round.versionId, true);
    expect([absent.status, errorCode(absent)]).toEqual([403, 'not_in_approval']);
    const invites = boardListResponseSchema
      .parse(await call('GET', '/api/boards', admin()))
      .boards.find((b) => b.id === m.boardId)!.invites;
    const latecomer = await join(setup.server, m.boardId, invites.participant, 'Reprezentant Opole', 'Opole');
    const outsider = await share(m, latecomer, round.versionId, true);
    expect([outsider.status, errorCode(outsider)]).toEqual([403, 'not_in_round']);
    // Nothing of theirs was recorded: still only Łódź's answer.
    const state = approvalOf(await share(m, lodz, round.versionId, true, true));
    expect(state.consents.map((c) => c.personId)).toEqual([lodz.identity.id]);

    // Two yes, one no: refused; the record says who agreed and who objected, and the decision.
    await share(m, elk, round.versionId, true, true);
    await share(m, kalisz, round.versionId, false, false);
    await expectNotShared(m);
    const record = String((await onBoard(m, 'GET', '/notes?format=md', lodz)).body);
    expect(record).toContain(
      '**Udostępnienie obserwatorom sieci:** nie – decyzja grupy; zgoda: Reprezentant Łódź (Łódź), Reprezentant Ełk (Ełk); sprzeciw: Reprezentant Kalisz (Kalisz)',
    );
    expect(record).not.toContain('Gniezno');

    // Kalisz changes the answer to yes for observers, still no to publication: shared, not published.
    await share(m, kalisz, round.versionId, true, false);
    await expectShared(m);
    const shared = String((await onBoard(m, 'GET', '/notes?format=md', m.olga)).body);
    expect(shared).toContain('**Udostępnienie obserwatorom sieci:** tak – decyzja grupy');
    expect(shared).toContain('**Publikacja:** nie – decyzja grupy');

    // A yes withdrawn: the group's decision follows, and the observers lose the note again.
    await share(m, elk, round.versionId, false, true);
    await expectNotShared(m);
  });

  it('[S2] majority: more than half of those who took part decide, an objector included', async () => {
    const m = await meeting('Spotkanie większości', ['Płock', 'Sopot', 'Tczew']);
    const [plock, sopot, tczew] = m.reps as [JoinResponse, JoinResponse, JoinResponse];
    const round = await freeze(m, 'majority');
    // All three take part: Tczew objects, Płock and Sopot approve — approved by majority [A2].
    await decide(m, tczew, round.versionId, 'object');
    await decide(m, plock, round.versionId, 'approve');
    expect(approvalOf(await decide(m, sopot, round.versionId, 'approve')).status).toBe('approved');
    // One yes of three is not more than half; the objector's no is not half either.
    expect((await share(m, plock, round.versionId, true)).status).toBe(200);
    expect((await share(m, tczew, round.versionId, false)).status).toBe(200);
    await expectNotShared(m);
    // Sopot's yes makes two of three: shared, though Tczew still says no.
    expect((await share(m, sopot, round.versionId, true)).status).toBe(200);
    await expectShared(m);
  });
});
