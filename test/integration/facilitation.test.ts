import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { YKeyValue } from 'y-utility/y-keyvalue';
import {
  CANVAS_RECORDS_ARRAY,
  myBallotsSchema,
  readControlState,
  type JoinResponse,
  type VoteSettingsInput,
} from '@empiria/shared';
import { apiRequest, createBoard, join } from '../support/api';
import { startServer, type ServerHandle } from '../support/server-process';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * The facilitator's instruments through a real server: each act goes through the HTTP API with
 * the caller's token and comes back to everyone through the control (or canvas) document.
 */
let server: ServerHandle;
let boardId: string;
let lead: JoinResponse;
let ala: JoinResponse;
let bartek: JoinResponse;
let olga: JoinResponse;
const connections: DocConnection[] = [];

beforeEach(async () => {
  server = await startServer();
  const board = await createBoard(server, 'Facylitacja', 'format-2');
  boardId = board.id;
  lead = await join(server, boardId, board.invites.facilitator, 'Fela', 'Lublin');
  ala = await join(server, boardId, board.invites.participant, 'Ala', 'Gdynia');
  bartek = await join(server, boardId, board.invites.participant, 'Bartek', 'Poznań');
  olga = await join(server, boardId, board.invites.observer, 'Olga', 'Oslo');
});
afterEach(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
  if (server.exitCode() === undefined) await server.kill();
});

const call = (method: string, path: string, who: JoinResponse | null, body?: unknown) =>
  apiRequest(server, method, `/api/boards/${boardId}${path}`, { token: who?.sessionToken, body });

async function open(doc: 'canvas' | 'control', who: JoinResponse) {
  const connection = await connectDoc(server, boardId, doc, who.sessionToken);
  connections.push(connection);
  return connection;
}

function errorCode(body: unknown): string | undefined {
  return (body as { error?: { code?: string } } | undefined)?.error?.code;
}

describe('timer', () => {
  it('is started by the facilitator with the server clock and refused to a participant', async () => {
    const control = await open('control', ala);
    const refused = await call('POST', '/timer', ala, { action: 'start', seconds: 300 });
    expect(refused.status).toBe(403);
    expect(errorCode(refused.body)).toBe('forbidden');

    const before = Date.now();
    const started = await call('POST', '/timer', lead, { action: 'start', seconds: 300 });
    expect(started.status).toBe(200);
    await control.waitFor((doc) => readControlState(doc).timer.status === 'running', 10_000, 'timer running');
    const timer = readControlState(control.doc).timer;
    if (timer.status !== 'running') throw new Error('not running');
    expect(timer.endsAt).toBeGreaterThanOrEqual(before + 300_000);
    expect(timer.endsAt).toBeLessThanOrEqual(Date.now() + 300_000);

    expect((await call('POST', '/timer', lead, { action: 'pause' })).status).toBe(200);
    await control.waitFor((doc) => readControlState(doc).timer.status === 'paused', 10_000, 'timer paused');
    const conflict = await call('POST', '/timer', lead, { action: 'pause' });
    expect(conflict.status).toBe(409);
    expect(errorCode(conflict.body)).toBe('timer_conflict');
    expect((await call('POST', '/timer', lead, { action: 'launch' })).status).toBe(400);
    expect((await call('POST', '/timer', lead, { action: 'start', seconds: 999_999 })).status).toBe(400);
  });
});

describe('dot voting', () => {
  const targets = ['shape:barrier-1', 'shape:barrier-2', 'shape:barrier-3', 'shape:barrier-4'];
  const openVote = async (settings: Partial<VoteSettingsInput> = {}) => {
    const res = await call('POST', '/votes', lead, { targets, votesPerPerson: 3, ...settings });
    expect(res.status).toBe(201);
    return (res.body as { voting: { sessionId: string } }).voting.sessionId;
  };
  const vote = (who: JoinResponse | null, sessionId: string, targetId: string) =>
    call('POST', `/votes/${sessionId}/ballots`, who, { targetId });

  it('enforces the limit per person, one dot per item, and hides results until closed', async () => {
    const control = await open('control', bartek);
    expect((await call('POST', '/votes', ala, { targets })).status).toBe(403);
    const sessionId = await openVote();
    expect((await call('POST', '/votes', lead, { targets })).status).toBe(409);

    for (const target of targets.slice(0, 3)) expect((await vote(ala, sessionId, target)).status).toBe(200);
    const over = await vote(ala, sessionId, targets[3]!);
    expect(over.status).toBe(409);
    expect(errorCode(over.body)).toBe('no_votes_left');
    expect(errorCode((await vote(bartek, sessionId, targets[0]!)).body)).toBeUndefined();
    const twice = await vote(bartek, sessionId, targets[0]!);
    expect(errorCode(twice.body)).toBe('one_per_item');
    expect(errorCode((await vote(bartek, sessionId, 'shape:not-in-vote')).body)).toBe('not_a_target');
    expect((await vote(olga, sessionId, targets[1]!)).status).toBe(403);
    expect((await vote(null, sessionId, targets[1]!)).status).toBe(401);

    const removed = await call(
      'DELETE',
      `/votes/${sessionId}/ballots/${encodeURIComponent(targets[0]!)}`,
      bartek,
    );
    expect(myBallotsSchema.parse(removed.body)).toMatchObject({ used: 0, remaining: 3 });
    await vote(bartek, sessionId, targets[2]!);
    const mine = myBallotsSchema.parse((await call('GET', `/votes/${sessionId}/mine`, ala)).body);
    expect(mine).toMatchObject({ used: 3, remaining: 0 });

    await control.waitFor((doc) => readControlState(doc).voting?.voterCount === 2, 10_000, 'two voters');
    expect(readControlState(control.doc).voting?.ranking).toBeNull();

    expect((await call('POST', `/votes/${sessionId}/close`, ala)).status).toBe(403);
    expect((await call('POST', `/votes/${sessionId}/close`, lead)).status).toBe(200);
    await control.waitFor((doc) => readControlState(doc).voting?.status === 'closed', 10_000, 'vote closed');
    expect(readControlState(control.doc).voting?.ranking?.slice(0, 2)).toEqual([
      { targetId: 'shape:barrier-3', votes: 2, place: 1 },
      { targetId: 'shape:barrier-1', votes: 1, place: 2 },
    ]);
    const late = await vote(bartek, sessionId, targets[3]!);
    expect(late.status).toBe(409);
    expect(errorCode(late.body)).toBe('vote_closed');
  });

  it('shows live results when asked, and voters in a named vote', async () => {
    const control = await open('control', ala);
    const sessionId = await openVote({ results: 'live', anonymous: false });
    await vote(ala, sessionId, targets[1]!);
    await control.waitFor(
      (doc) => readControlState(doc).voting?.ranking?.[0]?.votes === 1,
      10_000,
      'live total',
    );
    expect(readControlState(control.doc).voting?.ranking?.[0]).toMatchObject({
      targetId: targets[1],
      voters: [{ name: 'Ala', city: 'Gdynia' }],
    });
  });
});

describe('private writing', () => {
  const note = (id: string, text: string) => ({ id, text, x: 1700, y: 700 });

  it("keeps notes out of other people's documents until the reveal, then shows them all at once", async () => {
    const bartekCanvas = await open('canvas', bartek);
    const bartekControl = await open('control', bartek);
    expect((await call('POST', '/private-writing', ala, {})).status).toBe(403);
    expect((await call('POST', '/private-writing', lead, { stepId: 'barriers' })).status).toBe(201);

    const secret = 'Brak budżetu na szkolenia';
    expect((await call('PUT', '/private-notes/shape:ala-1', ala, note('shape:ala-1', secret))).status).toBe(
      200,
    );
    expect(
      (await call('PUT', '/private-notes/shape:ala-2', ala, note('shape:ala-2', 'Za mało czasu'))).status,
    ).toBe(200);
    // Bartek may not take over Ala's note, and sees only his own.
    expect(
      (await call('PUT', '/private-notes/shape:ala-1', bartek, note('shape:ala-1', 'mine now'))).status,
    ).toBe(403);
    expect(((await call('GET', '/private-notes', bartek)).body as { notes: unknown[] }).notes).toEqual([]);
    expect(((await call('GET', '/private-notes', ala)).body as { notes: unknown[] }).notes).toHaveLength(2);
    expect((await call('PUT', '/private-notes/shape:olga', olga, note('shape:olga', 'x'))).status).toBe(403);

    await bartekControl.waitFor(
      (doc) => readControlState(doc).privateWriting?.noteCount === 2,
      10_000,
      'count',
    );
    const everything = JSON.stringify([bartekCanvas.doc.toJSON(), bartekControl.doc.toJSON()]);
    expect(everything).not.toContain(secret);

    expect((await call('POST', '/private-writing/reveal', lead)).status).toBe(200);
    const hasNotes = (doc: typeof bartekCanvas.doc) => {
      const kv = new YKeyValue<{ type?: string; meta?: { empiria?: { author?: { name?: string } } } }>(
        doc.getArray(CANVAS_RECORDS_ARRAY),
      );
      return kv.has('shape:ala-1') && kv.has('shape:ala-2');
    };
    await bartekCanvas.waitFor(hasNotes, 10_000, 'revealed notes');
    const kv = new YKeyValue<{
      type?: string;
      meta?: { empiria?: { author?: { name?: string }; zone?: unknown } };
    }>(bartekCanvas.doc.getArray(CANVAS_RECORDS_ARRAY));
    const revealed = kv.get('shape:ala-1');
    expect(revealed?.type).toBe('note');
    expect(revealed?.meta?.empiria?.author?.name).toBe('Ala');
    expect(JSON.stringify(revealed)).toContain(secret);
    expect(revealed?.meta?.empiria?.zone).toMatchObject({ stepId: 'barriers' });
    expect((await call('PUT', '/private-notes/shape:ala-3', ala, note('shape:ala-3', 'late'))).status).toBe(
      409,
    );
  });

  it('reveals each note as tall as its author’s screen measured it (else estimated), laid out at that height', async () => {
    const bartekCanvas = await open('canvas', bartek);
    await call('POST', '/private-writing', lead, { stepId: 'barriers' });
    // Fourteen lines (the server's estimate 272), as a screen measured them: a little less.
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `Wiersz ${i + 1}`).join('\n');
    const measured = { growY: 262, fontSizeAdjustment: 0.8 };
    const put = (who: JoinResponse, body: { id: string } & Record<string, unknown>) =>
      call('PUT', `/private-notes/${body.id}`, who, body);
    expect((await put(ala, { ...note('shape:tall', lines(14)), ...measured })).status).toBe(200);
    // A screen may say a one-word note is 50,000 units tall: the estimate bounds it at reveal.
    expect((await put(bartek, { ...note('shape:liar', 'Krótka'), growY: 50_000 })).status).toBe(200);
    expect(
      (await put(bartek, { ...note('shape:square', 'Krótka'), growY: 0, fontSizeAdjustment: 1 })).status,
    ).toBe(200);
    // From a client older than D54: no height; seven lines, estimated.
    const sevenLines = 'Za mało ludzi\nBrak danych\nBrak budżetu\nProcedury\nPrzetargi\nRadni\nRowery';
    expect((await put(ala, note('shape:old', sevenLines))).status).toBe(200);
    // More than a row of the zone (five notes) on the same spot: the second row goes below the
    // tall notes of the first.
    const more = ['shape:more-1', 'shape:more-2', 'shape:more-3', 'shape:more-4'];
    for (const id of more)
      expect((await put(bartek, { ...note(id, lines(9)), growY: 120 })).status).toBe(200);
    // Heights no screen measures are refused.
    for (const bad of [{ growY: -1 }, { growY: 1e6 }, { fontSizeAdjustment: 0 }, { fontSizeAdjustment: 2 }]) {
      const answer = await put(ala, { ...note('shape:bad', 'x'), ...bad });
      expect(answer.status, JSON.stringify(bad)).toBe(400);
    }
    // The author gets the height back with the note.
    expect(((await call('GET', '/private-notes', ala)).body as { notes: unknown[] }).notes).toContainEqual(
      expect.objectContaining({ id: 'shape:tall', ...measured }),
    );

    expect((await call('POST', '/private-writing/reveal', lead)).status).toBe(200);
    type Note = { x: number; y: number; props: { growY: number; scale: number; fontSizeAdjustment: number } };
    const kv = new YKeyValue<Note>(bartekCanvas.doc.getArray(CANVAS_RECORDS_ARRAY));
    const ids = ['shape:tall', 'shape:square', 'shape:old', 'shape:liar', ...more];
    await bartekCanvas.waitFor(() => ids.every((id) => kv.has(id)), 10_000, 'revealed notes');
    expect(kv.get('shape:tall')!.props).toMatchObject(measured);
    expect(kv.get('shape:square')!.props).toMatchObject({ growY: 0, fontSizeAdjustment: 1 });
    expect(kv.get('shape:liar')!.props.growY).toBe(0);
    // 7 lines of 30, 32 of padding, 20 for the author line: 262, 62 beyond the square.
    expect(kv.get('shape:old')!.props).toMatchObject({ growY: 62, fontSizeAdjustment: 1 });
    // In two rows, none covering another at its height.
    expect(new Set(ids.map((id) => kv.get(id)!.y)).size).toBeGreaterThan(1);
    const boxes = ids.map((id) => {
      const { x, y, props } = kv.get(id)!;
      return { id, x, y, w: 200 * props.scale, h: (200 + props.growY) * props.scale };
    });
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart, `${a.id} and ${b.id}`).toBe(true);
      }
    }
  });

  it('a private note survives the server being killed before the reveal', async () => {
    await call('POST', '/private-writing', lead, { stepId: 'barriers' });
    expect((await call('PUT', '/private-notes/shape:kept', ala, note('shape:kept', 'przetrwa'))).status).toBe(
      200,
    );
    await server.kill();
    server = await server.restart();
    expect(((await call('GET', '/private-notes', ala)).body as { notes: { text: string }[] }).notes).toEqual([
      expect.objectContaining({ id: 'shape:kept', text: 'przetrwa' }),
    ]);
    expect((await call('POST', '/private-writing/reveal', lead)).status).toBe(200);
    const canvas = await open('canvas', bartek);
    expect(new YKeyValue<unknown>(canvas.doc.getArray(CANVAS_RECORDS_ARRAY)).has('shape:kept')).toBe(true);
  });
});

describe('raised hands', () => {
  it('queue in order; the facilitator lowers any; observers cannot raise', async () => {
    const control = await open('control', lead);
    expect((await call('POST', '/hand', bartek, { raised: true })).status).toBe(200);
    expect((await call('POST', '/hand', ala, { raised: true })).status).toBe(200);
    expect((await call('POST', '/hand', bartek, { raised: true })).status).toBe(200);
    expect((await call('POST', '/hand', olga, { raised: true })).status).toBe(403);
    await control.waitFor((doc) => readControlState(doc).hands.length === 2, 10_000, 'two hands');
    expect(readControlState(control.doc).hands.map((h) => h.name)).toEqual(['Bartek', 'Ala']);
    expect((await call('POST', `/hands/${bartek.identity.id}/lower`, ala)).status).toBe(403);
    expect((await call('POST', `/hands/${bartek.identity.id}/lower`, lead)).status).toBe(200);
    await control.waitFor((doc) => readControlState(doc).hands.length === 1, 10_000, 'one hand');
  });
});
