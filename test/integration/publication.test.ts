import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SUMMARY_RECORD,
  approvalStateSchema,
  boardListResponseSchema,
  createMeetingResponseSchema,
  createdResponseSchema,
  insertSummaryBlocks,
  networkDetailSchema,
  publicationStateSchema,
  run,
  summaryBody,
  type ApprovalState,
  type JoinResponse,
} from '@empiria/shared';
import { apiCall, apiRequest, join, type ApiResponse } from '../support/api';
import { startServer } from '../support/server-process';
import { serverPerFile } from '../support/server-per-file';
import { connectDoc, type DocConnection } from '../support/yjs-client';

/**
 * A network's public page (issue #13 item 6; rules PUB1–PUB4) against a real server: nothing is
 * there until the pair opens the page and a group agrees to publish its approved note; the note
 * goes at the next request once consent is withdrawn; no draft, no people, every text escaped;
 * unknown, closed and unpublished all answer 404; the anonymous reads are rate-limited per address.
 */
const setup = serverPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });
const connections: DocConnection[] = [];
let networkId: string;
let representativeToken: string;

const HOSTILE = '<script>alert(1)</script>';

beforeAll(async () => {
  const { id } = createdResponseSchema.parse(
    await call('POST', '/api/networks', admin(), {
      name: 'Sieć zielonych podwórek',
      theme: 'Rewitalizacja & zieleń',
      facilitator: { name: 'Fela Publiczna' },
      organiser: { name: 'Olga Publiczna' },
    }),
  );
  networkId = id;
  await call('POST', `/api/networks/${id}/members`, admin(), {
    city: 'Łódź',
    membership: 'programme-laureate',
  });
  await call('POST', `/api/networks/${id}/members`, admin(), { city: 'Radom', membership: 'observer' });
  await call('POST', `/api/networks/${id}/people`, admin(), {
    name: 'Rita Reprezentantka',
    city: 'Łódź',
    role: 'representative',
  });
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${id}`, admin()));
  const link = detail.people.find((p) => p.name === 'Rita Reprezentantka')?.link ?? '';
  representativeToken = new URL(link).searchParams.get('token') as string;
});
afterAll(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
});

const admin = () => setup.server.adminToken;
const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token, body });
const errorCode = (response: ApiResponse) => (response.body as { error?: { code?: string } }).error?.code;
const anonymous = (path: string) => apiRequest(setup.server, 'GET', path, { headers: { accept: '*/*' } });
const page = () => anonymous(`/public/networks/${networkId}`);
const feed = () => anonymous(`/public/networks/${networkId}/feed.xml`);
const notePage = (meetingId: string) => anonymous(`/public/networks/${networkId}/notes/${meetingId}`);

interface Meeting {
  id: string;
  boardId: string;
  fela: JoinResponse;
  reps: JoinResponse[];
  summary: DocConnection;
}

/** A Format 3 meeting ("the model practice") with its note drafted and two representatives present. */
async function meeting(title: string, secret: string): Promise<Meeting> {
  const { meeting: created } = createMeetingResponseSchema.parse(
    await call('POST', `/api/networks/${networkId}/meetings`, admin(), {
      title: 'Spotkanie robocze',
      startsAt: '2025-05-10T10:00',
      mode: 'hybrid',
      hostCity: null,
      agenda: [{ kind: 'step', format: 'format-3', stepId: 'model', minutes: 60 }],
    }),
  );
  const boards = boardListResponseSchema.parse(await call('GET', '/api/boards', admin())).boards;
  const invites = boards.find((b) => b.id === created.boardId)?.invites;
  if (!invites) throw new Error('no board');
  const fela = await join(setup.server, created.boardId, invites.facilitator, 'Fela Publiczna', 'Warszawa');
  const reps: JoinResponse[] = [];
  for (const city of ['Łódź', 'Kutno']) {
    const rep = await join(setup.server, created.boardId, invites.participant, `Reprezentant ${city}`, city);
    connections.push(await connectDoc(setup.server, created.boardId, 'summary', rep.sessionToken));
    reps.push(rep);
  }
  const summary = await connectDoc(setup.server, created.boardId, 'summary', fela.sessionToken);
  connections.push(summary);
  summary.doc.transact(() => {
    insertSummaryBlocks(summaryBody(summary.doc), 0, [
      { type: 'heading', level: 2, sectionId: 'model.1', runs: [run('Modelowa praktyka')] },
      {
        type: 'bulletList',
        items: [[{ type: 'paragraph', runs: [run(`Krok pierwszy: ${secret}`)] }]],
      },
    ]);
    summary.doc.getMap(SUMMARY_RECORD).set('meetingTitle', title);
  });
  const check = await connectDoc(setup.server, created.boardId, 'summary', reps[0]!.sessionToken);
  connections.push(check);
  await check.waitFor((doc) => summaryBody(doc).toString().includes(secret), 10_000, 'the note');
  return { id: created.id, boardId: created.boardId, fela, reps, summary };
}

const onBoard = (m: Meeting, method: string, path: string, who: JoinResponse, body?: unknown) =>
  apiRequest(setup.server, method, `/api/boards/${m.boardId}${path}`, { token: who.sessionToken, body });
const approvalOf = (answer: ApiResponse): ApprovalState =>
  approvalStateSchema.parse((answer.body as { approval: unknown }).approval);

/** Frozen under consent, approved by both representatives. */
async function approve(m: Meeting): Promise<string> {
  const frozen = await onBoard(m, 'POST', '/summary/versions', m.fela, { rule: 'consent' });
  expect(frozen.status).toBe(201);
  const { versionId } = approvalOf(frozen);
  for (const rep of m.reps) {
    expect(
      (await onBoard(m, 'POST', '/summary/decisions', rep, { versionId, decision: 'approve' })).status,
    ).toBe(200);
  }
  return versionId;
}
const consent = (m: Meeting, who: JoinResponse, versionId: string, publicly: boolean) =>
  onBoard(m, 'POST', '/summary/consents', who, { versionId, observers: true, public: publicly });

const setPublic = (token: string, open: boolean) =>
  apiRequest(setup.server, 'PUT', `/api/networks/${networkId}/publication`, {
    token,
    body: { public: open },
  });

describe('the public page of a network', () => {
  it('[PUB1][PUB4] answers 404 alike until the pair opens it, for an unknown network and a bad id', async () => {
    for (const answer of [
      await page(),
      await feed(),
      await anonymous('/public/networks/nosuchnetwork1'),
      await anonymous('/public/networks/..%2F..%2Fetc'),
      await anonymous('/public/networks/a'),
    ]) {
      expect([answer.status, errorCode(answer)]).toEqual([404, 'not_found']);
      expect(JSON.stringify(answer.body)).not.toContain('zielonych');
    }
    // A representative may not open it; the office (or the pair) may; bad bodies are refused.
    const refused = await setPublic(representativeToken, true);
    expect([refused.status, errorCode(refused)]).toEqual([403, 'forbidden']);
    const bad = await apiRequest(setup.server, 'PUT', `/api/networks/${networkId}/publication`, {
      token: admin(),
      body: { public: 'yes' },
    });
    expect(bad.status).toBe(400);
    expect((await page()).status).toBe(404);
    const opened = publicationStateSchema.parse((await setPublic(admin(), true)).body);
    expect(opened).toMatchObject({ networkId, public: true, publishedNotes: 0 });
    expect(opened.url).toBe(`${setup.server.baseUrl}/public/networks/${networkId}`);

    const open = await page();
    expect(open.status).toBe(200);
    expect(open.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(open.headers.get('cache-control')).toBe('no-cache');
    expect(open.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = String(open.body);
    expect(html).toContain('<h1>Sieć zielonych podwórek</h1>');
    expect(html).toContain('Rewitalizacja &amp; zieleń');
    expect(html).toContain('<li>Łódź</li>');
    expect(html).toContain('Radom <span class="meta">(miasto obserwator)</span>');
    expect(html).toContain('Na razie nie ma tu opublikowanych notatek.');
    // [PUB3] the cities, never the people.
    expect(html).not.toMatch(/Rita|Fela|Olga/);
    expect(String((await anonymous(`/public/networks/${networkId}?lang=en`)).body)).toContain(
      '<h2>Member cities</h2>',
    );
  });

  it('[PUB2] a note appears once its group agrees to publish, escaped, with no draft, and goes when consent is withdrawn', async () => {
    const m = await meeting(`Modelowa praktyka ${HOSTILE}`, 'sadzimy drzewa');
    const versionId = await approve(m);
    const [lodz, kutno] = m.reps as [JoinResponse, JoinResponse];
    // After approval the facilitator keeps editing: that draft is the board's, never the page's.
    m.summary.doc.transact(() => {
      insertSummaryBlocks(summaryBody(m.summary.doc), 0, [
        { type: 'paragraph', runs: [run('Roboczy szkic: budżet tajny')] },
      ]);
    });

    // Approved, one yes of two, and shared with observers: not published.
    await consent(m, lodz, versionId, true);
    await consent(m, kutno, versionId, false);
    expect(String((await page()).body)).not.toContain('sadzimy');
    expect([(await notePage(m.id)).status, errorCode(await notePage(m.id))]).toEqual([404, 'not_found']);

    // Both agree to publish: on the page, in the feed, its own printable page.
    await consent(m, kutno, versionId, true);
    const html = String((await page()).body);
    expect(html).toContain(
      `<a href="/public/networks/${networkId}/notes/${m.id}">Modelowa praktyka &lt;script&gt;alert(1)&lt;/script&gt;</a>`,
    );
    expect(html).toContain('<li>Krok pierwszy: sadzimy drzewa</li>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('budżet tajny');

    const note = await notePage(m.id);
    expect(note.status).toBe(200);
    expect(note.headers.get('cache-control')).toBe('no-cache');
    const noteHtml = String(note.body);
    expect(noteHtml).toContain('Krok pierwszy: sadzimy drzewa');
    expect(noteHtml).toContain('@page { size: A4;');
    expect(noteHtml).toContain(`<a href="/public/networks/${networkId}">← Strona sieci</a>`);
    expect(noteHtml).not.toContain('<script>');
    expect(noteHtml).not.toContain('budżet tajny');

    const atom = await feed();
    expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(atom.headers.get('cache-control')).toBe('no-cache');
    const xml = String(atom.body);
    expect(xml.match(/<entry>/g)).toHaveLength(1);
    expect(xml).toContain(
      `<id>${setup.server.baseUrl}/public/networks/${networkId}/notes/${m.id}#${versionId}</id>`,
    );
    expect(xml).toContain('<title>Modelowa praktyka &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(xml).not.toContain('budżet tajny');
    const state = publicationStateSchema.parse(
      await call('GET', `/api/networks/${networkId}/publication`, admin()),
    );
    expect(state.publishedNotes).toBe(1);

    // Kutno withdraws consent: gone from the page, the feed and its own address at the next request.
    await consent(m, kutno, versionId, false);
    expect(String((await page()).body)).not.toContain('sadzimy');
    expect(String((await feed()).body)).not.toContain('<entry>');
    const gone = await notePage(m.id);
    expect([gone.status, errorCode(gone)]).toEqual([404, 'not_found']);
    expect(JSON.stringify(gone.body)).not.toContain('sadzimy');

    // Consent given again: back; the pair closes the page: everything 404 again.
    await consent(m, kutno, versionId, true);
    expect((await notePage(m.id)).status).toBe(200);
    expect(publicationStateSchema.parse((await setPublic(admin(), false)).body).public).toBe(false);
    for (const answer of [await page(), await feed(), await notePage(m.id)]) {
      expect([answer.status, errorCode(answer)]).toEqual([404, 'not_found']);
    }
    await setPublic(admin(), true);
  });

  it('[PUB2] a meeting whose note is still a draft has no public page, whatever is asked', async () => {
    const m = await meeting('Tylko szkic', 'nie do druku');
    const answer = await notePage(m.id);
    expect([answer.status, errorCode(answer)]).toEqual([404, 'not_found']);
    expect(String((await page()).body)).not.toContain('nie do druku');
    expect(String((await feed()).body)).not.toContain('Tylko szkic');
  });
});

describe('the public routes under the rate limit', () => {
  it('[PUB4] counts anonymous reads per address and refuses past the act limit with 429', async () => {
    const limited = await startServer({ env: { RATE_LIMIT_ACT: '3/60' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await apiRequest(limited, 'GET', '/public/networks/nosuchnetwork1')).status);
      }
      expect(statuses).toEqual([404, 404, 404, 429]);
      const refused = await apiRequest(limited, 'GET', '/public/networks/nosuchnetwork1/feed.xml');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.stop();
    }
  });
});
