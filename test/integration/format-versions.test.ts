import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { getFormat, layoutFormat, type FormatDefinition } from '@empiria/formats';
import { boardAccessResponseSchema, CANVAS_RECORDS_ARRAY, type JoinResponse } from '@empiria/shared';
import type * as FormatsModule from '../../formats/src/formats';
import { createApp, type App } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/log';
import { apiCall, apiRequest, createBoard, join } from '../support/api';
import { noteRecord } from '../support/canvas-records';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * A board keeps the version of its format it was made with (D26): once a format gets a version 2,
 * a board made under version 1 is still guarded, printed and drafted with version 1's sheets,
 * while a board made after it gets version 2's.
 *
 * The project ships no version 2 yet, so this test registers a fake one: the formats package's
 * registry answers with the real definitions plus whatever `releasedLater` holds. Format 2's
 * version 2 has its steps in reverse order and retitled, so every sheet stands somewhere else and
 * says something else. The server runs in this process (the real app, its SQLite and its
 * websocket rooms) so that the registry it reads is the one the test extends.
 */
const releasedLater = vi.hoisted(() => ({ versions: [] as FormatDefinition[] }));

vi.mock('../../formats/src/formats', async (importOriginal) => {
  const real = await importOriginal<typeof FormatsModule>();
  const versionsOf = (id: string) =>
    [...real.formatVersions(id), ...releasedLater.versions.filter((format) => format.id === id)].sort(
      (a, b) => a.version - b.version,
    );
  return {
    ...real,
    formatVersions: versionsOf,
    getFormat: (id: string, version?: number) =>
      version === undefined ? versionsOf(id).at(-1) : versionsOf(id).find((f) => f.version === version),
  };
});

const version1 = getFormat('format-2', 1)!;
const version2: FormatDefinition = {
  ...version1,
  version: 2,
  steps: [...version1.steps].reverse().map(({ carry: _carry, ...step }) => ({
    ...step,
    title: { pl: `${step.title.pl} (wersja 2)`, en: `${step.title.en} (version 2)` },
  })),
};

interface Running {
  app: App;
  baseUrl: string;
  wsBase: string;
  adminToken: string;
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'empiria-format-versions-'));
const ADMIN_TOKEN = 'format-versions-admin-token-0123456789';
let server: Running;
const connections: DocConnection[] = [];

async function start(): Promise<Running> {
  const config = loadConfig(
    { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', ADMIN_TOKEN, LOG_LEVEL: 'warn' },
    path.join(dataDir, 'no-client'),
  );
  const app = await createApp(
    config,
    createLogger('warn', () => {}),
    'test',
  );
  const address = await app.listen();
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return { app, baseUrl, wsBase: `ws://127.0.0.1:${address.port}/ws`, adminToken: ADMIN_TOKEN };
}

/** A Format 2 board with its facilitator and a participant joined. */
interface Board {
  id: string;
  fela: JoinResponse;
  ala: JoinResponse;
}
let oldBoard: Board;
let newBoard: Board;

async function formatTwoBoard(title: string): Promise<Board> {
  const board = await createBoard(server, title, 'format-2');
  return {
    id: board.id,
    fela: await join(server, board.id, board.invites.facilitator, 'Fela', 'Lublin'),
    ala: await join(server, board.id, board.invites.participant, 'Ala', 'Gdynia'),
  };
}

beforeAll(async () => {
  server = await start();
  oldBoard = await formatTwoBoard('Przed wersją 2');
  // The upgrade: the server stops, the release with Format 2's version 2 starts on the same data.
  await server.app.close();
  releasedLater.versions.push(version2);
  server = await start();
  newBoard = await formatTwoBoard('Po wersji 2');
});

afterAll(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
  await server.app.close();
  releasedLater.versions.length = 0;
  rmSync(dataDir, { recursive: true, force: true });
});

async function canvasOf(boardId: string, who: JoinResponse) {
  const connection = await connectDoc(server, boardId, 'canvas', who.sessionToken);
  connections.push(connection);
  return {
    connection,
    kv: new YKeyValue<Record<string, unknown>>(connection.doc.getArray(CANVAS_RECORDS_ARRAY)),
  };
}

/** The middle of the sheet of `stepId` as `format` lays it out. */
function middleOf(format: FormatDefinition, stepId: string) {
  const sheet = layoutFormat(format).sheets.find((s) => s.stepId === stepId)!;
  return { x: sheet.x + sheet.w / 2, y: sheet.y + sheet.h / 2 };
}

describe('a board made under a format’s version 1, after version 2 is released', () => {
  it('records the version it was made with; a board made now records version 2', async () => {
    const read = async (board: Board) =>
      boardAccessResponseSchema.parse(
        await apiCall(server, 'GET', `/api/boards/${board.id}`, { token: board.fela.sessionToken }),
      ).board.formatVersion;
    expect(await read(oldBoard)).toBe(1);
    expect(await read(newBoard)).toBe(2);
  });

  it('[C2] is guarded with version 1’s sheets: a locked sheet is where version 1 put it', async () => {
    for (const board of [oldBoard, newBoard]) {
      const control = await connectDoc(server, board.id, 'control', board.fela.sessionToken);
      connections.push(control);
      control.doc.getMap('control').set('lockedSteps', ['barriers']);
      const seen = await connectDoc(server, board.id, 'control', board.ala.sessionToken);
      connections.push(seen);
      await seen.waitFor(
        (doc) => JSON.stringify(doc.getMap('control').get('lockedSteps')) === '["barriers"]',
        10_000,
        'lock',
      );
    }
    // Version 1's barriers sheet is version 2's test plan, and the other way round.
    const v1Barriers = middleOf(version1, 'barriers');
    const v2Barriers = middleOf(version2, 'barriers');
    expect(v1Barriers).not.toEqual(v2Barriers);

    const tryBoth = async (board: Board) => {
      const participant = await canvasOf(board.id, board.ala);
      const lead = await canvasOf(board.id, board.fela);
      participant.kv.set('shape:at-v1', noteRecord('shape:at-v1', { x: v1Barriers.x, y: v1Barriers.y }));
      participant.kv.set('shape:at-v2', noteRecord('shape:at-v2', { x: v2Barriers.x, y: v2Barriers.y }));
      // A marker set last, far from every sheet: once the lead has it, the two before are settled.
      participant.kv.set('shape:marker', noteRecord('shape:marker', { x: -5000, y: -5000 }));
      await lead.connection.waitFor(() => lead.kv.has('shape:marker'), 10_000, 'marker arrives');
      await participant.connection.waitFor(
        () => !(participant.kv.has('shape:at-v1') && participant.kv.has('shape:at-v2')),
        10_000,
        'one note refused',
      );
      return { atV1: lead.kv.has('shape:at-v1'), atV2: lead.kv.has('shape:at-v2') };
    };
    expect(await tryBoth(oldBoard)).toEqual({ atV1: false, atV2: true });
    expect(await tryBoth(newBoard)).toEqual({ atV1: true, atV2: false });
  });

  it('is printed with version 1’s sheets', async () => {
    const print = async (board: Board) => {
      const response = await apiRequest(server, 'GET', `/api/boards/${board.id}/print?paper=a4`, {
        token: board.fela.sessionToken,
      });
      expect(response.status).toBe(200);
      return String(response.body);
    };
    const old = await print(oldBoard);
    // Booleans, not the page: a failure should not print a page of SVG.
    expect(version1.steps.filter((step) => !old.includes(step.title.pl)).map((step) => step.id)).toEqual([]);
    expect(old.includes('(wersja 2)')).toBe(false);
    const barriersV2 = version2.steps.find((step) => step.id === 'barriers')!.title.pl;
    expect((await print(newBoard)).includes(barriersV2)).toBe(true);
  });

  it('is drafted with version 1’s sheets: a note on its barriers sheet is a barrier', async () => {
    const draftOf = async (board: Board) => {
      const lead = await canvasOf(board.id, board.fela);
      const at = middleOf(board === oldBoard ? version1 : version2, 'barriers');
      lead.kv.set(
        'shape:barrier',
        noteRecord('shape:barrier', { text: 'Brak budżetu', x: at.x - 100, y: at.y }),
      );
      const other = await canvasOf(board.id, board.ala);
      await other.connection.waitFor(() => other.kv.has('shape:barrier'), 10_000, 'note stored');
      const drafted = await apiRequest(server, 'POST', `/api/boards/${board.id}/summary/draft`, {
        token: board.fela.sessionToken,
      });
      expect(drafted.status).toBe(200);
      return (drafted.body as { report: { added: string[] } }).report.added;
    };
    expect((await draftOf(oldBoard)).some((section) => section.startsWith('barriers.'))).toBe(true);
    expect((await draftOf(newBoard)).some((section) => section.startsWith('barriers.'))).toBe(true);
  });
});
