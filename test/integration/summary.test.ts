import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { YKeyValue } from 'y-utility/y-keyvalue';
import * as Y from 'yjs';
import {
  CANVAS_RECORDS_ARRAY,
  SUMMARY_APPROVAL,
  approvalStateSchema,
  normalizeBlocks,
  readMeetingRecord,
  readSummaryBlocks,
  runsText,
  summaryBody,
  type JoinResponse,
  type SummaryBlock,
} from '@empiria/shared';
import { getFormat, layoutFormat, zoneCells } from '@empiria/formats';
import { apiRequest, createBoard, join } from '../support/api';
import { noteRecord } from '../support/canvas-records';
import { startServer, type ServerHandle } from '../support/server-process';
import { connectDoc, type DocConnection } from '../support/yjs-client';

let server: ServerHandle;
let boardId: string;
let fela: JoinResponse;
let ala: JoinResponse;
let bartek: JoinResponse;
let olga: JoinResponse;
const connections: DocConnection[] = [];

beforeEach(async () => {
  server = await startServer();
  const board = await createBoard(server, 'Sieć cyfrowa — spotkanie 1', 'format-0');
  boardId = board.id;
  fela = await join(server, boardId, board.invites.facilitator, 'Fela Nowak', 'Lublin');
  ala = await join(server, boardId, board.invites.participant, 'Ala Wiśniewska', 'Gdynia');
  bartek = await join(server, boardId, board.invites.participant, 'Bartek Zając', 'Poznań');
  olga = await join(server, boardId, board.invites.observer, 'Olga Berg', 'Oslo');
});
afterEach(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
  if (server.exitCode() === undefined) await server.kill();
});

const call = (method: string, path: string, who: JoinResponse | null, body?: unknown) =>
  apiRequest(server, method, `/api/boards/${boardId}${path}`, { token: who?.sessionToken, body });
const code = (body: unknown) => (body as { error?: { code?: string } }).error?.code;

async function open(doc: 'canvas' | 'summary', who: JoinResponse) {
  const connection = await connectDoc(server, boardId, doc, who.sessionToken);
  connections.push(connection);
  return connection;
}

/** A participant's sticky note placed in the first cell of a zone of Format 0. */
function noteIn(stepId: string, zoneId: string, text: string, id: string, offset = 0) {
  const format = getFormat('format-0')!;
  const sheet = layoutFormat(format).sheets.find((s) => s.stepId === stepId)!;
  const zone = sheet.zones.find((z) => z.zoneId === zoneId)!;
  const cell = zone.cells[0] ?? zone.body;
  const cellId = zoneCells(format.steps.find((s) => s.id === stepId)!.zones.find((z) => z.id === zoneId)!)[0]
    ?.cellId;
  return noteRecord(id, {
    text,
    x: cell.x + 10 + offset,
    y: cell.y + 10,
    meta: { empiria: { author: { id: 'p', name: 'Ala', city: 'Gdynia' }, ...(cellId ? {} : {}) } },
  });
}

/** The Y.XmlText holding `needle`, wherever it is in the note (as an editor would find it). */
function findText(node: Y.XmlFragment | Y.XmlElement, needle: string): Y.XmlText {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText && child.toString().includes(needle)) return child;
    if (child instanceof Y.XmlElement) {
      try {
        return findText(child, needle);
      } catch {
        // not in this branch
      }
    }
  }
  throw new Error(`no text "${needle}" in the note`);
}

function lines(doc: Y.Doc): string[] {
  const flat = (blocks: SummaryBlock[]): string[] =>
    blocks.flatMap((b) =>
      b.type === 'heading' || b.type === 'paragraph' ? [runsText(b.runs)] : b.items.flatMap(flat),
    );
  return flat(normalizeBlocks(readSummaryBlocks(summaryBody(doc))));
}

describe('the summary note', () => {
  it('is drafted from the board, edited, approved by the group, exported, and shared with observers only after consent', async () => {
    const canvas = await open('canvas', ala);
    const kv = new YKeyValue<unknown>(canvas.doc.getArray(CANVAS_RECORDS_ARRAY));
    canvas.doc.transact(() => {
      kv.set('shape:e1', noteIn('expectations', 'hopes', 'Konkretne rozwiązania do wdrożenia', 'shape:e1'));
      kv.set('shape:e2', noteIn('expectations', 'hopes', 'Wymiana kontaktów', 'shape:e2', 220));
    });
    const summary = await open('summary', fela);
    // Ala's copy tells when an edit of the facilitator's has reached the server and come back.
    const alaSummary = await open('summary', ala);
    await open('summary', bartek);
    const felaCanvas = await open('canvas', fela);

    // Drafting is the pair's act.
    expect((await call('POST', '/summary/draft', ala)).status).toBe(403);
    const drafted = await call('POST', '/summary/draft', fela);
    expect(drafted.status).toBe(200);
    await summary.waitFor((doc) => lines(doc).includes('Wymiana kontaktów'), 10_000, 'drafted notes');
    const record = readMeetingRecord(summary.doc);
    expect(record.meetingTitle).toBe('Sieć cyfrowa — spotkanie 1');
    expect(record.facilitator).toBe('Fela Nowak');
    expect(record.attendance.map((a) => a.name).sort()).toEqual([
      'Ala Wiśniewska',
      'Bartek Zając',
      'Fela Nowak',
    ]);

    // The facilitator edits the drafted text; a new note on the board and a re-draft keep the edit.
    const firstText = findText(summaryBody(summary.doc), 'Konkretne rozwiązania');
    firstText.insert(0, 'Bardzo: ');
    await alaSummary.waitFor(
      (doc) => lines(doc).includes('Bardzo: Konkretne rozwiązania do wdrożenia'),
      10_000,
      'edit',
    );
    canvas.doc.transact(() =>
      kv.set('shape:e3', noteIn('expectations', 'hopes', 'Nowa karteczka', 'shape:e3', 440)),
    );
    await felaCanvas.waitFor(
      (doc) => JSON.stringify(doc.getArray(CANVAS_RECORDS_ARRAY).toJSON()).includes('Nowa karteczka'),
      10_000,
      'new note',
    );
    const again = await call('POST', '/summary/draft', fela);
    expect((again.body as { report: { kept: string[] } }).report.kept.length).toBeGreaterThan(0);
    expect(lines(summary.doc)).toContain('Bardzo: Konkretne rozwiązania do wdrożenia');
    expect(lines(summary.doc)).not.toContain('Nowa karteczka');

    // An observer never gets a draft; core roles get it marked as one.
    expect((await call('GET', '/notes?format=md', olga)).status).toBe(403);
    const draftMd = await call('GET', '/notes?format=md', ala);
    expect(draftMd.status).toBe(200);
    expect(String(draftMd.body)).toContain('WERSJA ROBOCZA – NIEZATWIERDZONA');
    expect(String(draftMd.body)).toContain('Bardzo: Konkretne rozwiązania do wdrożenia');

    // Freeze, approve, object, withdraw, consent.
    expect((await call('POST', '/summary/versions', ala, {})).status).toBe(403);
    const frozen = await call('POST', '/summary/versions', fela, { rule: 'consent' });
    expect(frozen.status).toBe(201);
    const first = approvalStateSchema.parse((frozen.body as { approval: unknown }).approval);
    expect(first.eligible.map((e) => e.name).sort()).toEqual(['Ala Wiśniewska', 'Bartek Zając']);
    const refrozen = await call('POST', '/summary/versions', fela, { rule: 'consent' });
    const version = approvalStateSchema.parse((refrozen.body as { approval: unknown }).approval);
    const stale = await call('POST', '/summary/decisions', ala, {
      versionId: first.versionId,
      decision: 'approve',
    });
    expect(stale.status).toBe(409);
    expect(code(stale.body)).toBe('stale_version');

    const approve = (who: JoinResponse) =>
      call('POST', '/summary/decisions', who, { versionId: version.versionId, decision: 'approve' });
    expect(
      (await call('POST', '/summary/decisions', ala, { versionId: version.versionId, decision: 'object' }))
        .status,
    ).toBe(400);
    expect(
      (await call('POST', '/summary/decisions', fela, { versionId: version.versionId, decision: 'approve' }))
        .status,
    ).toBe(403);
    expect((await approve(ala)).status).toBe(200);
    const twice = await approve(ala);
    expect(twice.status).toBe(409);
    expect(code(twice.body)).toBe('already_decided');
    const objection = await call('POST', '/summary/decisions', bartek, {
      versionId: version.versionId,
      decision: 'object',
      reason: 'Brakuje terminu następnego spotkania',
    });
    expect(approvalStateSchema.parse((objection.body as { approval: unknown }).approval).status).toBe('open');
    const withdrawn = await approve(bartek);
    expect(approvalStateSchema.parse((withdrawn.body as { approval: unknown }).approval).status).toBe(
      'approved',
    );
    await summary.waitFor(
      (doc) =>
        approvalStateSchema.safeParse(doc.getMap(SUMMARY_APPROVAL).get('state')).data?.status === 'approved',
      10_000,
      'approval in the summary document',
    );

    // Edits after approval make a new draft; the export keeps the approved version.
    firstText.insert(0, 'PO ZATWIERDZENIU ');
    await alaSummary.waitFor(
      (doc) => lines(doc).some((line) => line.startsWith('PO ZATWIERDZENIU')),
      10_000,
      'edit',
    );
    const approvedMd = String((await call('GET', '/notes?format=md', bartek)).body);
    expect(approvedMd).not.toContain('WERSJA ROBOCZA');
    expect(approvedMd).not.toContain('PO ZATWIERDZENIU');
    expect(approvedMd).toContain('Ala Wiśniewska (Gdynia), Bartek Zając (Poznań)');
    expect(approvedMd).toContain(version.hash);

    // Observers: only once the group consents to share with them.
    expect((await call('GET', '/notes?format=md', olga)).status).toBe(403);
    expect((await call('GET', '/summary/comments', olga)).status).toBe(403);
    const consent = (who: JoinResponse, observers: boolean) =>
      call('POST', '/summary/consents', who, { versionId: version.versionId, observers, public: false });
    expect((await consent(ala, true)).status).toBe(200);
    expect((await consent(bartek, false)).status).toBe(200);
    expect((await call('GET', '/notes?format=md', olga)).status).toBe(403);
    expect((await consent(bartek, true)).status).toBe(200);
    const shared = await call('GET', '/notes?format=md', olga);
    expect(shared.status).toBe(200);
    expect(String(shared.body)).toContain('obserwatorom sieci');
    const comment = await call('POST', '/summary/comments', olga, {
      text: 'U nas działa podobnie — chętnie pomożemy.',
    });
    expect(comment.status).toBe(201);
    const comments = (await call('GET', '/summary/comments', olga)).body as { comments: { text: string }[] };
    expect(comments.comments.map((c) => c.text)).toContain('U nas działa podobnie — chętnie pomożemy.');

    const docx = await apiRequest(server, 'GET', `/api/boards/${boardId}/notes?format=docx`, {
      token: ala.sessionToken,
    });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    expect(docx.headers.get('content-disposition')).toMatch(/\.docx"/);
  });

  it("is drafted in the language of the person drafting, and its exports speak the note's language", async () => {
    const canvas = await open('canvas', ala);
    const kv = new YKeyValue<unknown>(canvas.doc.getArray(CANVAS_RECORDS_ARRAY));
    canvas.doc.transact(() =>
      kv.set('shape:e1', noteIn('expectations', 'hopes', 'Konkretne rozwiązania', 'shape:e1')),
    );
    const summary = await open('summary', fela);
    // The board is Polish; its facilitator works in English and drafts in English.
    expect((await call('POST', '/summary/draft', fela, { language: 'de' })).status).toBe(400);
    expect((await call('POST', '/summary/draft', fela, { language: 'en' })).status).toBe(200);
    await summary.waitFor((doc) => lines(doc).includes('Konkretne rozwiązania'), 10_000, 'drafted notes');
    expect(lines(summary.doc)).toContain('Conclusions');
    expect(lines(summary.doc)).not.toContain('Wnioski');
    const md = String((await call('GET', '/notes?format=md', fela)).body);
    expect(md).toContain('DRAFT – NOT APPROVED');
    expect(md).toContain('| Date |');
    expect(md).not.toContain('Lista obecności');
  });

  it('refuses exports of unknown boards and bad formats with clear errors', async () => {
    expect(
      (
        await apiRequest(server, 'GET', '/api/boards/no-such-board/notes?format=md', {
          token: server.adminToken,
        })
      ).status,
    ).toBe(404);
    const bad = await call('GET', '/notes?format=pdf', ala);
    expect(bad.status).toBe(400);
    expect(code(bad.body)).toBe('bad_request');
    expect((await call('GET', '/notes?format=md', null)).status).toBe(401);
    expect((await call('POST', '/summary/versions', fela, {})).status).toBe(409); // nothing drafted yet
  });
});
