import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YKeyValue } from 'y-utility/y-keyvalue';
import {
  CANVAS_RECORDS_ARRAY,
  SUMMARY_RECORD,
  archiveResponseSchema,
  boardListResponseSchema,
  createMeetingResponseSchema,
  createdResponseSchema,
  insertSummaryBlocks,
  networkDetailSchema,
  officeOverviewResponseSchema,
  run,
  searchResponseSchema,
  summaryBody,
  type CreateMeetingRequest,
  type JoinResponse,
} from '@empiria/shared';
import { apiCall, apiRequest, join, type ApiResponse } from '../support/api';
import { noteRecord } from '../support/canvas-records';
import { serverPerFile } from '../support/server-per-file';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * A network's archive, its attendance matrix, search and the office overview (issue #11, items
 * 5–6) against a real server and SQLite: who sees what ([N13]–[N16]), an approved note found by a
 * query without diacritics, a board's sticky note found, hostile queries answered without harm.
 */
const setup = serverPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });
const connections: DocConnection[] = [];

afterAll(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
});

const admin = () => setup.server.adminToken;
const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token, body });
const request = (method: string, url: string, token: string | undefined, body?: unknown) =>
  apiRequest(setup.server, method, url, { token, body });
const errorCode = (response: ApiResponse) => (response.body as { error?: { code?: string } }).error?.code;

interface Net {
  id: string;
  token: (name: string) => string;
}

async function makeNetwork(name: string, cities: string[]): Promise<Net> {
  const { id } = createdResponseSchema.parse(
    await call('POST', '/api/networks', admin(), {
      name,
      theme: 'Zasoby miast',
      facilitator: { name: `Fela ${name}` },
      organiser: { name: `Olga ${name}` },
    }),
  );
  for (const city of cities) {
    await call('POST', `/api/networks/${id}/members`, admin(), { city, membership: 'programme-laureate' });
    await call('POST', `/api/networks/${id}/people`, admin(), {
      name: `Reprezentant ${city}`,
      city,
      role: 'representative',
    });
  }
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${id}`, admin()));
  const token = (person: string) => {
    const found = detail.people.find((p) => p.name === person || p.name.startsWith(person));
    if (!found?.link) throw new Error(`no link for ${person}`);
    return new URL(found.link).searchParams.get('token') as string;
  };
  return { id, token };
}

const meetingRequest = (title: string, startsAt: string): CreateMeetingRequest => ({
  title,
  startsAt,
  mode: 'hybrid',
  hostCity: null,
  agenda: [{ kind: 'step', format: 'format-0', stepId: 'welcome', minutes: 60 }],
});

let net: Net;
let other: Net;
let pastMeeting: { id: string; boardId: string };
let futureMeeting: { id: string; boardId: string };

async function boardInvites(boardId: string) {
  const boards = boardListResponseSchema.parse(await call('GET', '/api/boards', admin())).boards;
  const board = boards.find((b) => b.id === boardId);
  if (!board) throw new Error('no board');
  return board.invites;
}

async function open(boardId: string, doc: 'canvas' | 'summary', who: JoinResponse) {
  const connection = await connectDoc(setup.server, boardId, doc, who.sessionToken);
  connections.push(connection);
  return connection;
}

beforeAll(async () => {
  net = await makeNetwork('Zasoby miast', ['Łódź', 'Ełk', 'Kalisz']);
  other = await makeNetwork('Miasto zielone', ['Opole']);
  const made = async (title: string, startsAt: string) =>
    createMeetingResponseSchema.parse(
      await call('POST', `/api/networks/${net.id}/meetings`, admin(), meetingRequest(title, startsAt)),
    );
  pastMeeting = await made('Spotkanie 1 — źródła finansowania', '2025-03-10T10:00');
  futureMeeting = await made('Spotkanie 2', '2099-06-10T10:00');
  await call(
    'POST',
    `/api/networks/${other.id}/meetings`,
    admin(),
    meetingRequest('Zielone 1', '2025-02-01T10:00'),
  );

  // Łódź answered "online" (from its personal link); Ełk could not come; Kalisz said nothing but joined.
  const answer = (person: string, meetingId: string, value: string) =>
    request(
      'PUT',
      `/api/networks/${net.id}/meetings/${meetingId}/invitations/${personIdOf(person)}/answer`,
      net.token(person),
      { answer: value },
    );
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${net.id}`, admin()));
  const personIdOf = (name: string) => detail.people.find((p) => p.name === name)?.id ?? '';
  expect((await answer('Reprezentant Łódź', pastMeeting.id, 'online')).status).toBe(200);
  expect((await answer('Reprezentant Ełk', pastMeeting.id, 'cannot-come')).status).toBe(200);

  // The past meeting's board: a note on the canvas, a note written and approved.
  const invites = await boardInvites(pastMeeting.boardId);
  const fela = await join(setup.server, pastMeeting.boardId, invites.facilitator, 'Fela Zasoby', 'Warszawa');
  const kalisz = await join(
    setup.server,
    pastMeeting.boardId,
    invites.participant,
    'Reprezentant Kalisz',
    'Kalisz',
  );
  const canvas = await open(pastMeeting.boardId, 'canvas', kalisz);
  canvas.doc.transact(() =>
    new YKeyValue<unknown>(canvas.doc.getArray(CANVAS_RECORDS_ARRAY)).set(
      'shape:k1',
      noteRecord('shape:k1', { text: 'Budżet obywatelski w Łodzi', x: 5000, y: 5000 }),
    ),
  );
  const summary = await open(pastMeeting.boardId, 'summary', fela);
  summary.doc.transact(() => {
    insertSummaryBlocks(summaryBody(summary.doc), 0, [
      { type: 'heading', level: 2, sectionId: null, runs: [run('Ustalenia')] },
      { type: 'paragraph', runs: [run('Szukamy nowych źródeł finansowania dla Łodzi i Ełku.')] },
    ]);
    summary.doc.getMap(SUMMARY_RECORD).set('meetingTitle', 'Spotkanie 1');
  });
  const kaliszSummary = await open(pastMeeting.boardId, 'summary', kalisz);
  await kaliszSummary.waitFor(
    (doc) => summaryBody(doc).toString().includes('źródeł'),
    10_000,
    'the note reached Kalisz',
  );
  const board = (path: string, who: JoinResponse, body?: unknown) =>
    call('POST', `/api/boards/${pastMeeting.boardId}${path}`, who.sessionToken, body);
  const frozen = (await board('/summary/versions', fela, { rule: 'consent' })) as {
    approval: { versionId: string };
  };
  const versionId = frozen.approval.versionId;
  await board('/summary/decisions', kalisz, { versionId, decision: 'approve' });
});

describe('the archive', () => {
  it('lists every meeting newest first, the approved note with its record and exports, and the matrix', async () => {
    const archive = archiveResponseSchema.parse(
      await call('GET', `/api/networks/${net.id}/archive`, admin()),
    );
    expect(archive.meetings.map((m) => m.title)).toEqual([
      'Spotkanie 2',
      'Spotkanie 1 — źródła finansowania',
    ]);
    const [future, past] = archive.meetings;
    expect(future?.held).toBe(false);
    expect(future?.note).toBeNull();
    expect(past?.held).toBe(true);
    expect(past?.note?.approvedBy).toEqual([{ name: 'Reprezentant Kalisz', city: 'Kalisz' }]);
    expect(past?.note?.versions).toBe(1);
    expect(past?.photos).toBe(0);

    // Łódź answered online; Ełk could not come; Kalisz joined the board (no answer, no place) —
    // present, place unknown ([N14]).
    expect(archive.attendance.meetings.map((m) => m.id)).toEqual([pastMeeting.id, futureMeeting.id]);
    expect(archive.attendance.cities.map((c) => [c.city, c.marks, c.rate])).toEqual([
      ['Łódź', ['online', 'upcoming'], 1],
      ['Ełk', ['absent', 'upcoming'], 0],
      ['Kalisz', ['present', 'upcoming'], 1],
    ]);

    const md = await request('GET', past?.note?.exports.md ?? '', admin());
    expect(md.status).toBe(200);
    expect(String(md.body)).toContain('Szukamy nowych źródeł finansowania');
    const docx = await request('GET', past?.note?.exports.docx ?? '', net.token('Reprezentant Ełk'));
    expect(docx.status).toBe(200);
    // No approved note, nothing to export (never a draft).
    const none = await request(
      'GET',
      `/api/networks/${net.id}/meetings/${futureMeeting.id}/notes?format=md`,
      admin(),
    );
    expect([none.status, errorCode(none)]).toEqual([404, 'not_approved']);
    const badFormat = await request('GET', `${past?.note?.exports.md.replace('md', 'pdf')}`, admin());
    expect(badFormat.status).toBe(400);
  });

  it('shows representatives the approved notes without the drafts’ count; refuses another network', async () => {
    const asRepresentative = archiveResponseSchema.parse(
      await call('GET', `/api/networks/${net.id}/archive`, net.token('Reprezentant Ełk')),
    );
    expect(asRepresentative.meetings[1]?.note?.versions).toBeNull();
    const asOrganiser = archiveResponseSchema.parse(
      await call('GET', `/api/networks/${net.id}/archive`, net.token('Olga')),
    );
    expect(asOrganiser.meetings[1]?.note?.versions).toBe(1);

    const foreign = await request(
      'GET',
      `/api/networks/${net.id}/archive`,
      other.token('Reprezentant Opole'),
    );
    expect([foreign.status, errorCode(foreign)]).toEqual([403, 'forbidden']);
    const foreignExport = await request(
      'GET',
      `/api/networks/${net.id}/meetings/${pastMeeting.id}/notes?format=md`,
      other.token('Fela'),
    );
    expect(foreignExport.status).toBe(403);
    expect((await request('GET', `/api/networks/${net.id}/archive`, undefined)).status).toBe(401);
    expect((await request('GET', '/api/networks/nosuchnet1/archive', admin())).status).toBe(404);
  });
});

describe('search', () => {
  const search = async (token: string, q: string, network?: string) => {
    const params = new URLSearchParams({ q, ...(network ? { network } : {}) });
    return request('GET', `/api/search?${params}`, token);
  };

  it('finds an approved note by a query without diacritics, in any case, with a snippet and its place', async () => {
    const found = searchResponseSchema.parse((await search(admin(), 'zrodel LODZ')).body);
    const noteHits = found.hits.filter((h) => h.source === 'note');
    expect(noteHits).toHaveLength(1);
    expect(noteHits[0]).toMatchObject({
      networkId: net.id,
      meetingId: pastMeeting.id,
      where: { pl: 'Ustalenia' },
      kind: 'section',
    });
    const snippet = noteHits[0]!.snippet;
    expect(snippet.highlights.map(([a, b]) => snippet.text.slice(a, b))).toEqual(['źródeł', 'Łodzi']);
    expect(found.pending).toBe(0);
  });

  it('finds a sticky note on a board', async () => {
    const found = searchResponseSchema.parse(
      (await search(net.token('Reprezentant Łódź'), 'budzet obywatelski')).body,
    );
    expect(found.hits.map((h) => [h.source, h.kind, h.boardId])).toEqual([
      ['board', 'note', pastMeeting.boardId],
    ]);
  });

  it('keeps a personal link to its network and refuses another network by name', async () => {
    const own = searchResponseSchema.parse((await search(other.token('Fela'), 'zrodel')).body);
    expect(own.hits).toEqual([]);
    const refused = await search(other.token('Fela'), 'zrodel', net.id);
    expect([refused.status, errorCode(refused)]).toEqual([403, 'forbidden']);
    const office = searchResponseSchema.parse((await search(admin(), 'zrodel', net.id)).body);
    expect(office.hits.length).toBeGreaterThan(0);
    expect((await search(admin(), 'zrodel', 'nosuchnet1')).status).toBe(404);
  });

  it('answers hostile queries without error and without widening them', async () => {
    for (const q of [
      '"',
      'zrodel"*',
      'folded:zrodel',
      'NEAR(zrodel lodz)',
      'zrodel OR kalisz',
      '*',
      '()',
      "'; --",
    ]) {
      const response = await search(admin(), q);
      expect(response.status, q).toBe(200);
      const body = searchResponseSchema.parse(response.body);
      // "OR" is a word that must occur too: nothing has "zrodel", "or" and "kalisz" together.
      if (q === 'zrodel OR kalisz') expect(body.hits).toEqual([]);
    }
    const long = await search(admin(), 'a'.repeat(201));
    expect([long.status, errorCode(long)]).toEqual([400, 'bad_request']);
    const empty = searchResponseSchema.parse((await search(admin(), '')).body);
    expect(empty.hits).toEqual([]);
  });
});

describe('the office overview', () => {
  it('is the office’s: every network with its figures', async () => {
    const overview = officeOverviewResponseSchema.parse(await call('GET', '/api/office/overview', admin()));
    const row = overview.networks.find((n) => n.networkId === net.id);
    expect(row).toMatchObject({
      members: 3,
      meetingsHeld: 1,
      meetingsPlanned: 1,
      notesApproved: 1,
      notesWaiting: 0,
      // One meeting held: too few for anyone to have missed two.
      missingTwice: null,
    });
    expect(row?.averageAttendance).toBeCloseTo(2 / 3);
    const refused = await request('GET', '/api/office/overview', net.token('Fela'));
    expect(refused.status).toBe(403);
  });
});

describe('an observer city', () => {
  it('[N13][N15] reads no approved note the group has not shared, by the archive or by search', async () => {
    await call('POST', `/api/networks/${net.id}/members`, admin(), { city: 'Radom', membership: 'observer' });
    await call('POST', `/api/networks/${net.id}/people`, admin(), {
      name: 'Obserwatorka Radom',
      city: 'Radom',
      role: 'representative',
    });
    const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${net.id}`, admin()));
    const link = detail.people.find((p) => p.name === 'Obserwatorka Radom')?.link ?? '';
    const radom = new URL(link).searchParams.get('token') as string;

    const exported = await request(
      'GET',
      `/api/networks/${net.id}/meetings/${pastMeeting.id}/notes?format=md`,
      radom,
    );
    expect([exported.status, errorCode(exported)]).toEqual([403, 'not_shared']);
    expect(JSON.stringify(exported.body)).not.toContain('źródeł');
    const searched = await request('GET', `/api/search?q=zrodel`, radom);
    expect(searched.status).toBe(403);
    expect(JSON.stringify(searched.body)).not.toContain('źródeł');
    // A core city's representative reads the same note.
    const member = await request(
      'GET',
      `/api/networks/${net.id}/meetings/${pastMeeting.id}/notes?format=md`,
      net.token('Reprezentant Kalisz'),
    );
    expect(member.status).toBe(200);
  });
});
