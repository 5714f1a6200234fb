import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { YKeyValue } from 'y-utility/y-keyvalue';
import {
  CANVAS_RECORDS_ARRAY,
  SUMMARY_COMMENTS,
  approvalStateSchema,
  insertSummaryBlocks,
  readControlState,
  revokeInviteResponseSchema,
  summaryBody,
  votingStateSchema,
  type CreateBoardResponse,
  type JoinResponse,
} from '@empiria/shared';
import { apiRequest, createBoard, join } from '../support/api';
import { noteRecord } from '../support/canvas-records';
import { serverPerFile } from '../support/server-per-file';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * The guest expert against a real server (docs/permissions.md [G1]–[G4]): invited by the pair
 * through the board's guest link, writes notes and comments, but drives nothing — steps, timer,
 * votes, locks, private writing — places no dots and is not asked to approve the note.
 */
const setup = serverPerFile();
let board: CreateBoardResponse;
let fela: JoinResponse;
let ala: JoinResponse;
let gosia: JoinResponse;
let olga: JoinResponse;
const connections: DocConnection[] = [];

beforeEach(async () => {
  board = await createBoard(setup.server, 'Sieć — finansowanie z gościem', 'format-2');
  fela = await join(setup.server, board.id, board.invites.facilitator, 'Fela Nowak', 'Lublin');
  ala = await join(setup.server, board.id, board.invites.participant, 'Ala Wiśniewska', 'Gdynia');
  gosia = await join(setup.server, board.id, board.invites.guest, 'Gosia Radczyni', 'BGK');
  olga = await join(setup.server, board.id, board.invites.observer, 'Olga', 'Kielce');
});
afterEach(() => {
  for (const connection of connections.splice(0)) connection.destroy();
});

const call = (method: string, path: string, who: JoinResponse, body?: unknown) =>
  apiRequest(setup.server, method, `/api/boards/${board.id}${path}`, { token: who.sessionToken, body });
const code = (body: unknown) => (body as { error?: { code?: string } } | undefined)?.error?.code;

async function open(doc: 'canvas' | 'control' | 'summary', who: JoinResponse) {
  const connection = await connectDoc(setup.server, board.id, doc, who.sessionToken);
  connections.push(connection);
  return connection;
}

describe('guest expert ([G1]–[G4])', () => {
  it('[G1] joins through the guest link the pair reads; nobody else reads it', async () => {
    expect(gosia.identity).toMatchObject({ role: 'guest', name: 'Gosia Radczyni', city: 'BGK' });
    const read = await call('GET', '/invites/guest', fela);
    expect(read.status).toBe(200);
    expect(revokeInviteResponseSchema.parse(read.body)).toEqual({
      role: 'guest',
      invite: board.invites.guest,
    });
    for (const who of [ala, gosia, olga]) {
      const refused = await call('GET', '/invites/guest', who);
      expect(refused.status).toBe(403);
      expect(code(refused.body)).toBe('forbidden');
    }
  });

  it("[G1] a guest's note reaches the facilitator; [G2] its control writes reach nobody", async () => {
    const guestCanvas = await open('canvas', gosia);
    const felaCanvas = await open('canvas', fela);
    guestCanvas.doc.transact(() =>
      new YKeyValue<unknown>(guestCanvas.doc.getArray(CANVAS_RECORDS_ARRAY)).set(
        'shape:gosia-1',
        noteRecord('shape:gosia-1', { text: 'Pożyczka z BGK na termomodernizację', x: 400, y: 300 }),
      ),
    );
    await felaCanvas.waitFor(
      (doc) => new YKeyValue<unknown>(doc.getArray(CANVAS_RECORDS_ARRAY)).has('shape:gosia-1'),
      10_000,
      "the guest's note at the facilitator",
    );

    const guestControl = await open('control', gosia);
    const felaControl = await open('control', fela);
    guestControl.doc.transact(() => {
      const control = guestControl.doc.getMap('control');
      control.set('lockedSteps', ['forged-lock']);
      control.set('forged', 1);
    });
    felaControl.doc.getMap('control').set('showAuthors', false);
    // The facilitator's write comes back to the guest, so the guest's earlier one has been handled.
    await guestControl.waitFor(
      (doc) => doc.getMap('control').get('showAuthors') === false,
      10_000,
      "the facilitator's change at the guest",
    );
    const check = await open('control', fela);
    expect(check.doc.getMap('control').has('forged')).toBe(false);
    expect(readControlState(check.doc).lockedSteps).toEqual([]);
    expect(readControlState(check.doc).showAuthors).toBe(false);
    expect(felaControl.doc.getMap('control').has('forged')).toBe(false);
  });

  it('[G2] every act that drives the meeting is refused to a guest with 403', async () => {
    const opened = await call('POST', '/votes', fela, { targets: ['shape:a', 'shape:b'], votesPerPerson: 2 });
    expect(opened.status).toBe(201);
    const vote = votingStateSchema.parse((opened.body as { voting: unknown }).voting).sessionId;
    const acts: [string, string, unknown?][] = [
      ['POST', '/timer', { action: 'start', seconds: 300 }],
      ['POST', '/votes', { targets: ['shape:a'] }],
      ['POST', `/votes/${vote}/close`],
      ['POST', '/private-writing', { stepId: 'barriers' }],
      ['POST', '/private-writing/reveal'],
      ['POST', `/hands/${ala.identity.id}/lower`],
      ['POST', '/summary/draft'],
      ['POST', '/summary/versions', { rule: 'consent' }],
      ['GET', '/people'],
      ['POST', '/invites/participant/revoke'],
    ];
    for (const [method, path, body] of acts) {
      const answer = await call(method, path, gosia, body);
      expect({ act: `${method} ${path}`, status: answer.status }).toEqual({
        act: `${method} ${path}`,
        status: 403,
      });
    }
    const control = await open('control', fela);
    expect(readControlState(control.doc).timer.status).not.toBe('running');
    expect(readControlState(control.doc).voting?.status).toBe('open');
  });

  it('[G3] places no dots: cast, withdraw and "my dots" are 403 while a city votes', async () => {
    const opened = await call('POST', '/votes', fela, { targets: ['shape:a', 'shape:b'], votesPerPerson: 2 });
    const vote = votingStateSchema.parse((opened.body as { voting: unknown }).voting).sessionId;
    const cast = await call('POST', `/votes/${vote}/ballots`, gosia, { targetId: 'shape:a' });
    expect(cast.status).toBe(403);
    expect(code(cast.body)).toBe('forbidden');
    expect((await call('DELETE', `/votes/${vote}/ballots/shape%3Aa`, gosia)).status).toBe(403);
    expect((await call('GET', `/votes/${vote}/mine`, gosia)).status).toBe(403);
    expect((await call('POST', `/votes/${vote}/ballots`, ala, { targetId: 'shape:a' })).status).toBe(200);
    const closed = await call('POST', `/votes/${vote}/close`, fela);
    expect(votingStateSchema.parse((closed.body as { voting: unknown }).voting).voterCount).toBe(1);
  });

  it('[G1] raises a hand and comments on the note; [G4] is not asked to approve it', async () => {
    expect((await call('POST', '/hand', gosia, { raised: true })).status).toBe(200);
    const comment = await call('POST', '/summary/comments', gosia, { text: 'Warto dodać program BGK.' });
    expect(comment.status).toBe(201);

    // Both the representative and the guest are on the board when the note is frozen.
    await open('canvas', ala);
    await open('canvas', gosia);
    const summary = await open('summary', fela);
    summary.doc.transact(() =>
      insertSummaryBlocks(summaryBody(summary.doc), 0, [
        { type: 'paragraph', runs: [{ text: 'Wnioski', marks: [] }] },
      ]),
    );
    const check = await open('summary', gosia);
    await check.waitFor((doc) => summaryBody(doc).toString().includes('Wnioski'), 10_000, 'the note');
    expect(check.doc.getArray(SUMMARY_COMMENTS).toArray()).toMatchObject([
      { text: 'Warto dodać program BGK.', author: { name: 'Gosia Radczyni', city: 'BGK' } },
    ]);

    const frozen = await call('POST', '/summary/versions', fela, { rule: 'consent' });
    expect(frozen.status).toBe(201);
    const approval = approvalStateSchema.parse((frozen.body as { approval: unknown }).approval);
    expect(approval.eligible.map((person) => person.name)).toEqual(['Ala Wiśniewska']);

    const decision = await call('POST', '/summary/decisions', gosia, {
      versionId: approval.versionId,
      decision: 'approve',
    });
    expect(decision.status).toBe(403);
    const consent = await call('POST', '/summary/consents', gosia, {
      versionId: approval.versionId,
      observers: true,
      public: true,
    });
    expect(consent.status).toBe(403);
    // The representative alone decides, and by consent her approval carries the note.
    const approved = await call('POST', '/summary/decisions', ala, {
      versionId: approval.versionId,
      decision: 'approve',
    });
    expect(approvalStateSchema.parse((approved.body as { approval: unknown }).approval).status).toBe(
      'approved',
    );
  });
});
