import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  boardListResponseSchema,
  boardTrustResultsResponseSchema,
  createMeetingResponseSchema,
  createdResponseSchema,
  joinResponseSchema,
  networkDetailSchema,
  pendingSurveysResponseSchema,
  surveyCreatedResponseSchema,
  surveyListResponseSchema,
  surveyResultsSchema,
  surveyWithViewerSchema,
  type NetworkPerson,
  type SurveyAnswerValue,
} from '@empiria/shared';
import { apiCall, apiRequest, inviteToken, type ApiResponse } from '../support/api';
import { REPO_ROOT } from '../support/server-process';
import { serverPerFile } from '../support/server-per-file';

/** The server's own SQLite driver, to read the stored rows as they are on disk. */
type Database = {
  prepare(sql: string): { all(...params: unknown[]): unknown[] };
  close(): void;
};
const requireFromServer = createRequire(path.join(REPO_ROOT, 'server/package.json'));
const openDatabase = requireFromServer('better-sqlite3') as new (
  file: string,
  options: { readonly: boolean; fileMustExist: boolean },
) => Database;

/**
 * A network's surveys (issue #13 item 3, rules SV1–SV5) against a real server: the pair prepares
 * and opens a trust survey, the cities answer once each, an observer city only when invited, a
 * closed survey takes no answers, another network's link is refused; and the stored rows of an
 * anonymous survey, read straight from SQLite, cannot be linked back to who answered.
 */
const setup = serverPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });

const admin = () => setup.server.adminToken;
const call = (method: string, url: string, token: string, body?: unknown) =>
  apiCall(setup.server, method, url, { token, body });
const request = (method: string, url: string, token: string | undefined, body?: unknown) =>
  apiRequest(setup.server, method, url, { token, body });

function expectError(response: ApiResponse, status: number, code: string): void {
  expect({
    status: response.status,
    code: (response.body as { error?: { code?: string } }).error?.code,
  }).toEqual({ status, code });
}

interface Fixture {
  id: string;
  people: Record<string, NetworkPerson>;
  token: (who: string) => string;
}

/** A network with its pair and organiser, a core city (Gdynia, three people) and an observer city (Radom). */
async function makeNetwork(name: string): Promise<Fixture> {
  const { id } = createdResponseSchema.parse(
    await call('POST', '/api/networks', admin(), {
      name,
      theme: 'Zieleń w mieście',
      facilitator: { name: `Fela ${name}` },
      experts: [{ name: `Edward ${name}` }],
      organiser: { name: `Olga ${name}` },
    }),
  );
  await call('POST', `/api/networks/${id}/members`, admin(), {
    city: 'Gdynia',
    membership: 'programme-laureate',
  });
  await call('POST', `/api/networks/${id}/members`, admin(), { city: 'Radom', membership: 'observer' });
  for (const [person, city, role] of [
    [`Ala ${name}`, 'Gdynia', 'representative'],
    [`Basia ${name}`, 'Gdynia', 'representative'],
    [`Cezary ${name}`, 'Gdynia', 'substitute'],
    [`Rita ${name}`, 'Radom', 'representative'],
  ] as const) {
    await call('POST', `/api/networks/${id}/people`, admin(), { name: person, city, role });
  }
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${id}`, admin()));
  const people = Object.fromEntries(detail.people.map((p) => [p.name.split(' ')[0] as string, p]));
  return { id, people, token: (who) => inviteToken(people[who]?.link ?? '') };
}

const surveys = (network: Fixture) => `/api/networks/${network.id}/surveys`;

async function createSurvey(network: Fixture, body: Record<string, unknown>): Promise<string> {
  return surveyCreatedResponseSchema.parse(
    await call('POST', surveys(network), network.token('Edward'), body),
  ).surveyId;
}

function answersOf(
  questions: { id: string; type: string }[],
  scale: number,
  text: string,
): SurveyAnswerValue[] {
  return questions.map((q) =>
    q.type === 'scale'
      ? { questionId: q.id, type: 'scale' as const, value: scale }
      : { questionId: q.id, type: 'open' as const, text },
  );
}

let green: Fixture;
let other: Fixture;

beforeAll(async () => {
  green = await makeNetwork('Zielona');
  other = await makeNetwork('Inna');
});

describe('network surveys', () => {
  let trustId: string;
  let second: string;
  let questions: { id: string; type: string }[];

  it('[SV1] the expert makes a trust survey from the template, edits a question while a draft, opens it', async () => {
    trustId = await createSurvey(green, { kind: 'trust' });
    const draft = surveyWithViewerSchema.parse(
      await call('GET', `${surveys(green)}/${trustId}`, green.token('Edward')),
    );
    expect(draft.survey).toMatchObject({ status: 'draft', anonymous: true, observersMayAnswer: false });
    expect(draft.survey.questions.length).toBeGreaterThanOrEqual(5);
    const edited = draft.survey.questions.map((q, i) =>
      i === 0 ? { ...q, text: { pl: 'Czy mogę mówić otwarcie o problemach?', en: '' } } : q,
    );
    const patched = surveyWithViewerSchema.parse(
      await call('PATCH', `${surveys(green)}/${trustId}`, green.token('Edward'), { questions: edited }),
    );
    expect(patched.survey.questions[0]?.text.pl).toBe('Czy mogę mówić otwarcie o problemach?');
    questions = patched.survey.questions;

    // A draft is the pair's: a representative does not see it; an organiser does not manage.
    expect((await request('GET', `${surveys(green)}/${trustId}`, green.token('Ala'))).status).toBe(404);
    expectError(
      await request('POST', `${surveys(green)}/${trustId}/open`, green.token('Olga')),
      403,
      'forbidden',
    );
    // Bad input: no questions at all, a question without its Polish text.
    expectError(
      await request('PATCH', `${surveys(green)}/${trustId}`, green.token('Edward'), { questions: [] }),
      400,
      'invalid_body',
    );
    expectError(
      await request('PATCH', `${surveys(green)}/${trustId}`, green.token('Edward'), {
        questions: [{ id: 'q-1', type: 'scale', text: { pl: ' ', en: 'x' } }],
      }),
      400,
      'invalid_body',
    );

    const opened = surveyWithViewerSchema.parse(
      await call('POST', `${surveys(green)}/${trustId}/open`, green.token('Edward')),
    );
    expect(opened.survey.status).toBe('open');
    expectError(
      await request('PATCH', `${surveys(green)}/${trustId}`, green.token('Edward'), { anonymous: false }),
      409,
      'survey_not_draft',
    );
  });

  it('[SV2] a representative finds it on her home, answers once; a second answer is 409 already_answered', async () => {
    const pending = pendingSurveysResponseSchema.parse(
      await call('GET', '/api/me/surveys', green.token('Ala')),
    );
    expect(pending.pending.map((s) => s.id)).toEqual([trustId]);

    const url = `${surveys(green)}/${trustId}/answers`;
    expect(
      (await request('POST', url, green.token('Ala'), { answers: answersOf(questions, 4, 'Więcej spotkań') }))
        .status,
    ).toBe(204);
    expectError(
      await request('POST', url, green.token('Ala'), { answers: answersOf(questions, 1, 'Zmieniam zdanie') }),
      409,
      'already_answered',
    );
    expect(
      pendingSurveysResponseSchema.parse(await call('GET', '/api/me/surveys', green.token('Ala'))).pending,
    ).toEqual([]);

    // An answer that misses a scale question is refused and leaves nothing: Basia can still answer.
    expectError(
      await request('POST', url, green.token('Basia'), { answers: answersOf(questions, 5, '').slice(1) }),
      400,
      'invalid_answer',
    );
    expectError(
      await request('POST', url, green.token('Basia'), {
        answers: answersOf(questions, 9, ''),
      }),
      400,
      'invalid_body',
    );
    expect(
      (await request('POST', url, green.token('Basia'), { answers: answersOf(questions, 2, '') })).status,
    ).toBe(204);
    expect(
      (await request('POST', url, green.token('Cezary'), { answers: answersOf(questions, 3, 'Szczerość') }))
        .status,
    ).toBe(204);
  });

  it('[SV2] an observer city is refused unless the survey invites observers; the pair does not answer', async () => {
    const url = `${surveys(green)}/${trustId}/answers`;
    expectError(
      await request('POST', url, green.token('Rita'), { answers: answersOf(questions, 3, '') }),
      403,
      'not_a_respondent',
    );
    expectError(
      await request('POST', url, green.token('Fela'), { answers: answersOf(questions, 3, '') }),
      403,
      'not_a_respondent',
    );
    expect(
      pendingSurveysResponseSchema.parse(await call('GET', '/api/me/surveys', green.token('Rita'))).pending,
    ).toEqual([]);

    const withObservers = await createSurvey(green, { kind: 'expectations', observersMayAnswer: true });
    await call('POST', `${surveys(green)}/${withObservers}/open`, green.token('Fela'));
    const expectations = surveyWithViewerSchema.parse(
      await call('GET', `${surveys(green)}/${withObservers}`, green.token('Rita')),
    );
    expect(expectations.viewer).toMatchObject({ canAnswer: true, hasAnswered: false, canSeeResults: false });
    expect(
      (
        await request('POST', `${surveys(green)}/${withObservers}/answers`, green.token('Rita'), {
          answers: answersOf(expectations.survey.questions, 5, 'Dobre praktyki'),
        })
      ).status,
    ).toBe(204);
  });

  it('[SV3] the stored rows of an anonymous survey cannot be linked to who answered', async () => {
    const db = new openDatabase(path.join(setup.server.dataDir, 'empiria.sqlite'), {
      readonly: true,
      fileMustExist: true,
    });
    try {
      const respondents = db
        .prepare('SELECT * FROM survey_respondents WHERE survey_id = ?')
        .all(trustId) as Record<string, unknown>[];
      const answers = db.prepare('SELECT * FROM survey_answers WHERE survey_id = ?').all(trustId) as Record<
        string,
        unknown
      >[];
      expect(respondents).toHaveLength(3);
      expect(answers).toHaveLength(3);
      // Who answered: the survey and the person, nothing else (no time, no id, no row number).
      expect(Object.keys(respondents[0] ?? {}).sort()).toEqual(['person_id', 'survey_id']);
      // What was answered: no person, no time; its only key is random.
      expect(Object.keys(answers[0] ?? {}).sort()).toEqual([
        'answer_key',
        'answers',
        'person_id',
        'survey_id',
      ]);
      expect(answers.every((row) => row.person_id === null)).toBe(true);
      const everyText = JSON.stringify(answers);
      for (const who of ['Ala', 'Basia', 'Cezary']) expect(everyText).not.toContain(green.people[who]?.id);
      // No rowid to put the two lists side by side: both tables are WITHOUT ROWID.
      expect(() => db.prepare('SELECT rowid FROM survey_answers').all()).toThrow(/rowid/);
      expect(() => db.prepare('SELECT rowid FROM survey_respondents').all()).toThrow(/rowid/);
      // The survey's own row has no respondents' times either: only opened/closed/created.
      const columns = (db.prepare('PRAGMA table_info(surveys)').all() as { name: string }[]).map(
        (c) => c.name,
      );
      expect(columns.filter((c) => c.endsWith('_at')).sort()).toEqual([
        'closed_at',
        'created_at',
        'opened_at',
      ]);
    } finally {
      db.close();
    }
  });

  it('[SV4] results: the pair reads them while open, a representative once closed; distribution and mean', async () => {
    const resultsUrl = `${surveys(green)}/${trustId}/results`;
    expectError(await request('GET', resultsUrl, green.token('Ala')), 403, 'forbidden');
    const results = surveyResultsSchema.parse(await call('GET', resultsUrl, green.token('Edward')));
    expect(results.survey.respondents).toBe(3);
    const first = results.questions.find((q) => q.type === 'scale');
    expect(first).toMatchObject({ distribution: [0, 1, 1, 1, 0], answers: 3, mean: 3 });
    const open = results.questions.find((q) => q.type === 'open');
    expect(open?.type === 'open' && [...open.answers].sort()).toEqual(['Szczerość', 'Więcej spotkań']);

    await call('POST', `${surveys(green)}/${trustId}/close`, green.token('Edward'));
    expectError(
      await request('POST', `${surveys(green)}/${trustId}/answers`, green.token('Ala'), {
        answers: answersOf(questions, 4, ''),
      }),
      409,
      'survey_not_open',
    );
    expect(surveyResultsSchema.parse(await call('GET', resultsUrl, green.token('Ala'))).survey.status).toBe(
      'closed',
    );
  });

  it('[SV4] over time: a second trust survey carries the first one’s mean per question', async () => {
    second = await createSurvey(green, { kind: 'trust' });
    await call('POST', `${surveys(green)}/${second}/open`, green.token('Edward'));
    const again = surveyWithViewerSchema.parse(
      await call('GET', `${surveys(green)}/${second}`, green.token('Ala')),
    );
    await call('POST', `${surveys(green)}/${second}/answers`, green.token('Ala'), {
      answers: answersOf(again.survey.questions, 5, ''),
    });
    // [SV6] one answer to an anonymous survey: nothing of it is shown, to the pair either.
    expect(
      surveyResultsSchema.parse(
        await call('GET', `${surveys(green)}/${second}/results`, green.token('Edward')),
      ),
    ).toMatchObject({ questions: [], withheld: { minimum: 3 }, survey: { respondents: 1 } });
    for (const who of ['Basia', 'Cezary']) {
      await call('POST', `${surveys(green)}/${second}/answers`, green.token(who), {
        answers: answersOf(again.survey.questions, 5, ''),
      });
    }
    const results = surveyResultsSchema.parse(
      await call('GET', `${surveys(green)}/${second}/results`, green.token('Edward')),
    );
    expect(results.withheld).toBeNull();
    const shared = results.questions.find((q) => q.questionId === questions[1]?.id);
    expect(shared?.type === 'scale' && shared.history.map((h) => [h.surveyId, h.mean])).toEqual([
      [trustId, 3],
    ]);
  });

  it('[SV5] another network’s link is refused; a survey of another network is not found', async () => {
    expectError(await request('GET', surveys(green), other.token('Ala')), 403, 'forbidden');
    expectError(
      await request('POST', `${surveys(green)}/${trustId}/answers`, other.token('Ala'), { answers: [] }),
      403,
      'forbidden',
    );
    expectError(
      await request('POST', surveys(green), other.token('Edward'), { kind: 'trust' }),
      403,
      'forbidden',
    );
    expect((await request('GET', `${surveys(other)}/${trustId}`, other.token('Edward'))).status).toBe(404);
    // No link, no surveys.
    expect((await request('GET', surveys(green), undefined)).status).toBe(401);
    const list = surveyListResponseSchema.parse(await call('GET', surveys(green), green.token('Ala')));
    expect(list.canManage).toBe(false);
    expect(list.surveys.every((s) => s.survey.status !== 'draft')).toBe(true);
  });

  it('an evaluation belongs to a meeting of its network only', async () => {
    const meeting = createMeetingResponseSchema.parse(
      await call('POST', `/api/networks/${other.id}/meetings`, other.token('Fela'), {
        title: 'Spotkanie Innej',
        startsAt: '2099-05-20T10:00',
        mode: 'online',
        agenda: [{ kind: 'step', format: 'format-0', stepId: 'trust', minutes: 30 }],
      }),
    );
    expectError(
      await request('POST', surveys(green), green.token('Edward'), {
        kind: 'evaluation',
        meetingId: meeting.id,
      }),
      404,
      'not_found',
    );
    const evaluation = await createSurvey(other, { kind: 'evaluation', meetingId: meeting.id });
    const got = surveyWithViewerSchema.parse(
      await call('GET', `${surveys(other)}/${evaluation}`, other.token('Edward')),
    );
    expect(got.survey.meeting?.title).toBe('Spotkanie Innej');
  });

  it('the board shows its network’s latest trust survey to those working on it, not to observers', async () => {
    const created = createMeetingResponseSchema.parse(
      await call('POST', `/api/networks/${green.id}/meetings`, green.token('Fela'), {
        title: 'Spotkanie otwierające',
        startsAt: '2099-04-01T10:00',
        mode: 'online',
        agenda: [{ kind: 'step', format: 'format-0', stepId: 'trust', minutes: 30 }],
      }),
    );
    const boards = boardListResponseSchema.parse(await call('GET', '/api/boards', admin()));
    const invites = boards.boards.find((b) => b.id === created.boardId)?.invites;
    const joinAs = async (role: 'participant' | 'observer', name: string) =>
      joinResponseSchema.parse(
        await call('POST', `/api/boards/${created.boardId}/join`, inviteToken(invites?.[role] ?? ''), {
          name,
          city: 'Gdynia',
        }),
      ).sessionToken;
    const url = `/api/boards/${created.boardId}/surveys/trust-results`;
    const seen = boardTrustResultsResponseSchema.parse(
      await call('GET', url, await joinAs('participant', 'Ala')),
    );
    // The latest opened trust survey: the second one, with its three answers.
    expect(seen.results?.survey.respondents).toBe(3);
    expect(seen.results?.withheld).toBeNull();
    expect(seen.results?.survey.kind).toBe('trust');
    expectError(await request('GET', url, await joinAs('observer', 'Rita')), 403, 'forbidden');
    expect((await request('GET', url, green.token('Ala'))).status).toBe(401);
  });

  it('[SV6] over time: an anonymous survey under three answers gives the history no point', async () => {
    const answerAll = async (surveyId: string, who: string[]) => {
      const seen = surveyWithViewerSchema.parse(
        await call('GET', `${surveys(green)}/${surveyId}`, green.token('Ala')),
      );
      for (const person of who) {
        await call('POST', `${surveys(green)}/${surveyId}/answers`, green.token(person), {
          answers: answersOf(seen.survey.questions, 2, ''),
        });
      }
    };
    const lonely = await createSurvey(green, { kind: 'trust' });
    await call('POST', `${surveys(green)}/${lonely}/open`, green.token('Edward'));
    await answerAll(lonely, ['Ala']);
    const fourth = await createSurvey(green, { kind: 'trust' });
    await call('POST', `${surveys(green)}/${fourth}/open`, green.token('Edward'));
    await answerAll(fourth, ['Ala', 'Basia', 'Cezary']);
    const results = surveyResultsSchema.parse(
      await call('GET', `${surveys(green)}/${fourth}/results`, green.token('Edward')),
    );
    const shared = results.questions.find((q) => q.questionId === questions[1]?.id);
    expect(shared?.type === 'scale' && shared.history.map((h) => h.surveyId)).toEqual([trustId, second]);
  });
});
