import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { format2, layoutFormat } from '@empiria/formats';
import {
  CANVAS_RECORDS_ARRAY,
  readControlState,
  writeControlKey,
  writeStep,
  type JoinResponse,
} from '@empiria/shared';
import { apiRequest, createBoard, join } from '../support/api';
import { canvasRecords, noteRecord, noteText } from '../support/canvas-records';
import { rawSocket, type RawSocket } from '../support/raw-socket';
import { startServer, type ServerHandle } from '../support/server-process';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * [P6][P7] Observer cities follow the open parts of a meeting and nothing else: what their sockets
 * and their HTTP answers carry is read byte by byte while the group works in a closed part.
 */
const layout = layoutFormat(format2);
const sheetOf = (stepId: string) => layout.sheets.find((sheet) => sheet.stepId === stepId)!;
const onSheet = (stepId: string) => ({ x: sheetOf(stepId).x + 400, y: sheetOf(stepId).y + 700 });
const stepIndex = (stepId: string) => format2.steps.findIndex((step) => step.id === stepId);

const OPEN_TEXT = 'Za mało zieleni w centrum';
const CLOSED_TEXT = 'Tajna bariera budżetowa';
const LATER_CLOSED_TEXT = 'Druga tajna bariera';
const AUTHOR = { id: 'whoever', name: 'Alicja Zamknięta', city: 'Gdynia' };

let server: ServerHandle;
let boardId: string;
let lead: JoinResponse;
let ala: JoinResponse;
let olga: JoinResponse;
const connections: DocConnection[] = [];
const sockets: RawSocket[] = [];

beforeEach(async () => {
  server = await startServer();
  const board = await createBoard(server, 'Obserwatorzy', 'format-2');
  boardId = board.id;
  lead = await join(server, boardId, board.invites.facilitator, 'Fela', 'Lublin');
  ala = await join(server, boardId, board.invites.participant, 'Alicja Zamknięta', 'Gdynia');
  olga = await join(server, boardId, board.invites.observer, 'Olga Patrzy', 'Oslo');
});
afterEach(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
  for (const socket of sockets.splice(0)) socket.ws.terminate();
  if (server.exitCode() === undefined) await server.kill();
});

async function open(doc: Parameters<typeof connectDoc>[2], who: JoinResponse) {
  const connection = await connectDoc(server, boardId, doc, who.sessionToken);
  connections.push(connection);
  return connection;
}

/** Every byte the server sends on an observer's socket, kept from the first one. */
async function listen(doc: 'stream-canvas' | 'stream-control'): Promise<RawSocket> {
  const socket = rawSocket(`${server.wsBase}/${boardId}/${doc}?token=${olga.sessionToken}`, server.baseUrl);
  sockets.push(socket);
  await socket.opened;
  return socket;
}

const bytesContain = (chunks: readonly Uint8Array[], text: string) =>
  Buffer.concat(chunks.map((chunk) => Buffer.from(chunk))).includes(Buffer.from(text, 'utf8'));

function addNote(canvas: DocConnection, id: string, text: string, stepId: string) {
  canvasRecords(canvas.doc).set(
    id,
    noteRecord(id, { text, ...onSheet(stepId), meta: { empiria: { author: AUTHOR } } }),
  );
}

const streamText = (stream: DocConnection, id: string) => noteText(canvasRecords(stream.doc).get(id));

describe('the observers’ stream', () => {
  it('carries the open steps’ notes and not one byte of a closed part’s', async () => {
    const control = await open('control', lead);
    const canvas = await open('canvas', ala);
    control.doc.transact(() => writeStep(control.doc, { index: 0, id: 'challenge', startedAt: Date.now() }));
    addNote(canvas, 'shape:open-note', OPEN_TEXT, 'challenge');
    addNote(canvas, 'shape:closed-note', CLOSED_TEXT, 'barriers');

    const canvasBytes = await listen('stream-canvas');
    const controlBytes = await listen('stream-control');
    const stream = await open('stream-canvas', olga);
    const streamControl = await open('stream-control', olga);
    await stream.waitFor(
      () => streamText(stream, 'shape:open-note') === OPEN_TEXT,
      10_000,
      'open note streamed',
    );
    // The group sees who is watching: the server lists the stream's observers in the control document.
    await control.waitFor(
      (doc) => readControlState(doc).watchers.some((watcher) => watcher.name === 'Olga Patrzy'),
      10_000,
      'Olga listed as watching',
    );

    // The group moves on to a closed part and goes on writing.
    control.doc.transact(() =>
      writeStep(control.doc, { index: stepIndex('barriers'), id: 'barriers', startedAt: Date.now() }),
    );
    addNote(canvas, 'shape:later-note', LATER_CLOSED_TEXT, 'barriers');
    await streamControl.waitFor(
      (doc) => readControlState(doc).step?.id === 'barriers',
      10_000,
      'step streamed',
    );
    // Long enough for the stream to have carried the note, were it streamed (it is written 100 ms after).
    await new Promise((resolve) => setTimeout(resolve, 600));

    for (const text of [CLOSED_TEXT, LATER_CLOSED_TEXT, AUTHOR.name, 'Alicja']) {
      expect(bytesContain(canvasBytes.messages, text), text).toBe(false);
      expect(bytesContain(controlBytes.messages, text), text).toBe(false);
    }
    expect(bytesContain(canvasBytes.messages, OPEN_TEXT)).toBe(true);
    expect(canvasRecords(stream.doc).has('shape:closed-note')).toBe(false);

    // What the observer may ask over HTTP says nothing of it either.
    const paths = [
      '',
      '/people',
      '/notes',
      '/summary/comments',
      '/summary/versions',
      '/private-notes',
      '/print',
      '/set-aside',
      '/continuity',
    ];
    for (const path of paths) {
      const answer = await apiRequest(server, 'GET', `/api/boards/${boardId}${path}`, {
        token: olga.sessionToken,
      });
      const body = JSON.stringify(answer.body ?? '');
      for (const text of [CLOSED_TEXT, LATER_CLOSED_TEXT, OPEN_TEXT])
        expect(body.includes(text), `${path}: ${text}`).toBe(false);
    }

    // The pair opens the step for observers: now it is streamed (the test can see a leak).
    control.doc.transact(() => writeControlKey(control.doc, 'observerAccess', { barriers: 'open' }));
    await stream.waitFor(
      () => streamText(stream, 'shape:later-note') === LATER_CLOSED_TEXT,
      10_000,
      'opened',
    );
    expect(bytesContain(canvasBytes.messages, LATER_CLOSED_TEXT)).toBe(true);
    expect(bytesContain(canvasBytes.messages, AUTHOR.name)).toBe(false);

    // …and closed again: its notes leave the observers' copy.
    control.doc.transact(() => writeControlKey(control.doc, 'observerAccess', { barriers: 'closed' }));
    await stream.waitFor(() => !canvasRecords(stream.doc).has('shape:later-note'), 10_000, 'closed again');
    expect(streamText(stream, 'shape:open-note')).toBe(OPEN_TEXT);
  });

  it('refuses an observer the canvas, the control document and the notes before the upgrade', async () => {
    for (const doc of ['canvas', 'control', 'summary']) {
      const socket = rawSocket(
        `${server.wsBase}/${boardId}/${doc}?token=${olga.sessionToken}`,
        server.baseUrl,
      );
      sockets.push(socket);
      await expect(socket.opened, doc).rejects.toThrow('HTTP 403');
      expect(socket.messages).toHaveLength(0);
    }
  });

  it('lists an observer as watching only while they follow the stream', async () => {
    const control = await open('control', lead);
    const stream = await open('stream-control', olga);
    await control.waitFor((doc) => readControlState(doc).watchers.length === 1, 10_000, 'watching');
    expect(readControlState(control.doc).watchers[0]).toEqual({
      id: olga.identity.id,
      name: 'Olga Patrzy',
      city: 'Oslo',
    });
    stream.destroy();
    await control.waitFor((doc) => readControlState(doc).watchers.length === 0, 10_000, 'gone');
  });

  it('is written by nobody but the server', async () => {
    const stream = await open('stream-canvas', lead);
    const watcher = await open('stream-canvas', olga);
    stream.doc
      .getArray(CANVAS_RECORDS_ARRAY)
      .push([{ key: 'shape:forged', val: noteRecord('shape:forged') }]);
    const control = await open('control', lead);
    control.doc.transact(() => writeStep(control.doc, { index: 0, id: 'challenge', startedAt: Date.now() }));
    const streamControl = await open('stream-control', olga);
    await streamControl.waitFor((doc) => readControlState(doc).step?.id === 'challenge', 10_000, 'step');
    expect(canvasRecords(watcher.doc).has('shape:forged')).toBe(false);
  });

  it('is up to date when an observer comes back after the pair closed a step', async () => {
    const control = await open('control', lead);
    const canvas = await open('canvas', ala);
    control.doc.transact(() => writeControlKey(control.doc, 'observerAccess', { barriers: 'open' }));
    addNote(canvas, 'shape:n', CLOSED_TEXT, 'barriers');
    const first = await open('stream-canvas', olga);
    await first.waitFor(() => streamText(first, 'shape:n') === CLOSED_TEXT, 10_000, 'streamed while open');
    first.destroy();
    control.doc.transact(() => writeControlKey(control.doc, 'observerAccess', { barriers: 'closed' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const again = await listen('stream-canvas');
    const second = await open('stream-canvas', olga);
    await second.waitFor(() => canvasRecords(second.doc).has('page:page'), 10_000, 'synced');
    expect(bytesContain(again.messages, CLOSED_TEXT)).toBe(false);
  });
});
