import { afterEach, describe, expect, it } from 'vitest';
import { YKeyValue } from 'y-utility/y-keyvalue';
import type * as Y from 'yjs';
import { boardRecords, formats, getFormat, layoutFormat } from '@empiria/formats';
import {
  BOARD_FORMATS,
  CANVAS_META_MAP,
  CANVAS_RECORDS_ARRAY,
  CANVAS_SCHEMA_KEY,
  readControlState,
  templateMetaOf,
} from '@empiria/shared';
import { apiCall, createBoard, join } from '../support/api';
import { startServer, type ServerHandle } from '../support/server-process';
import { connectDoc, type DocConnection } from '../support/yjs-client';

const servers: ServerHandle[] = [];
const connections: DocConnection[] = [];
afterEach(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
  for (const server of servers.splice(0)) if (server.exitCode() === undefined) await server.kill();
});

interface StoredRecord {
  id: string;
  typeName: string;
  type?: string;
  x?: number;
  meta?: unknown;
}

function records(doc: Y.Doc): Map<string, StoredRecord> {
  const kv = new YKeyValue<StoredRecord>(doc.getArray(CANVAS_RECORDS_ARRAY));
  return new Map([...kv.map.entries()].map(([key, entry]) => [key, entry.val]));
}

describe('boards created with a format', () => {
  it.each(BOARD_FORMATS)('%s: one sheet per step in canvas, the first step in control', async (formatId) => {
    const server = await startServer();
    servers.push(server);
    const board = await createBoard(server, `Tablica ${formatId}`, formatId);
    const person = await join(server, board.id, board.invites.participant, 'Ala', 'Gdynia');
    const canvas = await connectDoc(server, board.id, 'canvas', person.sessionToken);
    const control = await connectDoc(server, board.id, 'control', person.sessionToken);
    connections.push(canvas, control);

    const format = getFormat(formatId)!;
    const stored = records(canvas.doc);
    const sheets = [...stored.values()]
      .filter((r) => r.type === 'frame' && templateMetaOf(r)?.part === 'sheet')
      .sort((a, b) => (a.x ?? 0) - (b.x ?? 0));
    expect(sheets.map((s) => templateMetaOf(s)?.stepId)).toEqual(format.steps.map((step) => step.id));
    // Exactly what the format lays out, in the board's language, and nothing else.
    const expected = boardRecords(layoutFormat(format), format.name, 'pl');
    expect([...stored.keys()].sort()).toEqual(expected.map((r) => r.id).sort());
    expect(canvas.doc.getMap(CANVAS_META_MAP).get(CANVAS_SCHEMA_KEY)).toBeTruthy();

    const state = readControlState(control.doc);
    expect(state.format).toEqual({ id: format.id, version: format.version });
    expect(state.step?.id ?? null).toBe(format.steps[0]?.id ?? null);
  });

  it('two people opening a new board at the same moment see one template', async () => {
    const server = await startServer();
    servers.push(server);
    const board = await createBoard(server, 'Dwie osoby naraz', 'format-2');
    const [a, b] = await Promise.all([
      join(server, board.id, board.invites.participant, 'Ala', 'Gdynia'),
      join(server, board.id, board.invites.facilitator, 'Bartek', 'Poznań'),
    ]);
    const [ca, cb] = await Promise.all([
      connectDoc(server, board.id, 'canvas', a.sessionToken),
      connectDoc(server, board.id, 'canvas', b.sessionToken),
    ]);
    connections.push(ca, cb);
    const expectedCount = boardRecords(
      layoutFormat(getFormat('format-2')!),
      getFormat('format-2')!.name,
      'pl',
    ).length;
    expect(records(ca.doc).size).toBe(expectedCount);
    expect(records(cb.doc).size).toBe(expectedCount);
    expect(canvasArrayLength(ca.doc)).toBe(expectedCount);
  });

  it('writes the template in the language asked for', async () => {
    const server = await startServer();
    servers.push(server);
    const body = await apiCall(server, 'POST', '/api/boards', {
      token: server.adminToken,
      body: { title: 'English board', format: 'format-0', language: 'en' },
    });
    const { id, invites } = body as { id: string; invites: { participant: string } };
    const person = await join(server, id, invites.participant, 'Ann', 'Oslo');
    const canvas = await connectDoc(server, id, 'canvas', person.sessionToken);
    connections.push(canvas);
    const page = [...records(canvas.doc).values()].find((r) => r.typeName === 'page') as { name?: string };
    // The page is named after the board, which reads the same in every language.
    expect(page.name).toBe('English board');
    // The sheets are in the language asked for.
    const titles = [...records(canvas.doc).values()]
      .filter((r) => r.type === 'text' && templateMetaOf(r)?.part === 'title')
      .map((r) => JSON.stringify((r as { props?: { richText?: unknown } }).props?.richText));
    expect(titles.some((title) => title.includes(getFormat('format-0')!.steps[0]!.title.en))).toBe(true);
    expect(formats.length).toBeGreaterThan(4);
  });
});

function canvasArrayLength(doc: Y.Doc): number {
  return doc.getArray(CANVAS_RECORDS_ARRAY).length;
}
