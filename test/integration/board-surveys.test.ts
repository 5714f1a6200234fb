import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  boardListResponseSchema,
  boardSurveysResponseSchema,
  boardSurveysStateSchema,
  CloseCode,
  createMeetingResponseSchema,
  createdResponseSchema,
  joinResponseSchema,
  networkDetailSchema,
  surveyCreatedResponseSchema,
  surveyResultsSchema,
  type BoardSurveysResponse,
  type NetworkPerson,
  type SurveyAnswerValue,
} from '@empiria/shared';
import { apiCall, apiRequest, inviteToken, type ApiResponse } from '../support/api';
import { REPO_ROOT } from '../support/server-process';
import { serverPerFile } from '../support/server-per-file';
import { connectDoc, type DocConnection } from '../support/yjs-client';

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
 * Surveys on a meeting's board (issue #13 item 3; rules SV6–SV7) against a real server: the pair
 * asks the room for the meeting's evaluation (made and opened from the template), people answer
 * with their board session — once per person across home and board, anonymously —, a board
 * invite's session, an observer, a wrong token and another board's token are refused, a closed
 * survey takes nothing; results are withheld below three answers on the board and in the API.
 */
const setup = serverPerFile({ env: { RATE_LIMIT_ACT: '1000/1' } });
const open: DocConnection[] = [];

afterAll(async () => {
  for (const connection of open) connection.destroy();
});

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
  /** The person's personal link token (their home). */
  link: (who: string) => string;
  meetingId: string;
  boardId: string;
  /** A board session opened from the person's home ([N12]). */
  session: (who: string) => Promise<string>;
}

/** A network with its pair, a core city (Gdynia, three people), an observer city (Radom), and one meeting. */
async function makeNetwork(name: string): Promise<Fixture> {
  const { id } = createdResponseSchema.parse(
    await call('POST', '/api/networks', admin(), {
      name,
      theme: 'Zieleń w mieście',
      facilitator: { name: `Fela ${name}` },
      experts: [{ name: `Edward ${name}` }],
    }),
  );
  await call('POST', `/api/networks/${id}/members`, admin(), {
    city: 'Gdynia',
    membership: 'programme-laureate',
  });
  await call('POST', `/api/networks/${id}/members`, admin(), { city: 'Radom', membership: 'observer' });
  for (const [person, city] of [
    [`Ala ${name}`, 'Gdynia'],
    [`Basia ${name}`, 'Gdynia'],
    [`Cezary ${name}`, 'Gdynia'],
    [`Rita ${name}`, 'Radom'],
  ] as const) {
    await call('POST', `/api/networks/${id}/people`, admin(), { name: person, city, role: 'representative' });
  }
  const detail = networkDetailSchema.parse(await call('GET', `/api/networks/${id}`, admin()));
  const people = Object.fromEntries(detail.people.map((p) => [p.name.split(' ')[0] as string, p]));
  const link = (who: string) => inviteToken(people[who]?.link ?? '');
  const meeting = createMeetingResponseSchema.parse(
    await call('POST', `/api/networks/${id}/meetings`, link('Fela'), {
      title: `Spotkanie ${name}`,
      startsAt: '2099-06-01T10:00',
      mode: 'online',
      agenda: [{ kind: 'step', format: 'format-0', stepId: 'trust', minutes: 30 }],
    }),
  );
  const sessions = new Map<string, string>();
  const session = async (who: string) => {
    const known = sessions.get(who);
    if (known) return known;
    const joined = joinResponseSchema.parse(
      await call('POST', `/api/me/meetings/${meeting.id}/join`, link(who), { where: 'online' }),
    );
    sessions.set(who, joined.sessionToken);
    return joined.sessionToken;
  };
  return { id, people, link, meetingId: meeting.id, boardId: meeting.boardId, session };
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
const surveysOf = (network: Fixture) => `/api/boards/${network.boardId}/surveys`;
const list = async (network: Fixture, token: string): Promise<BoardSurveysResponse> =>
  boardSurveysResponseSchema.parse(await call('GET', surveysOf(network), token));

beforeAll(async () => {
  green = await makeNetwork('Zielona');
  other = await makeNetwork('Inna');
});

describe('surveys on a meeting’s board', () => {
  let evaluationId: string;
  let guestToken: string;
  let questions: { id: string; type: string }[];

  it('[SV7] a person opened from home answers as herself; a board invite’s session names nobody', async () => {
    const ala = await list(green, await green.session('Ala'));
    expect(ala).toMatchObject({ canManage: false, answersAsPerson: true, surveys: [] });
    expect(ala.meeting.title).toBe('Spotkanie Zielona');

    const boards = boardListResponseSchema.parse(await call('GET', '/api/boards', admin()));
    const invite = boards.boards.find((b) => b.id === green.boardId)?.invites.participant ?? '';
    const typed = joinResponseSchema.parse(
      await call('POST', `/api/boards/${green.boardId}/join`, inviteToken(invite), {
        name: 'Gość',
        city: 'Sopot',
      }),
    );
    guestToken = typed.sessionToken;
    expect(await list(green, guestToken)).toMatchObject({ answersAsPerson: false });
  });

  it('[SV7] only the pair asks the room: the meeting’s evaluation is made from the template and opened', async () => {
    expectError(
      await request('POST', `${surveysOf(green)}/ask`, await green.session('Ala'), {}),
      403,
      'forbidden',
    );
    const asked = boardSurveysResponseSchema.parse(
      await call('POST', `${surveysOf(green)}/ask`, await green.session('Fela'), {}),
    );
    expect(asked.canManage).toBe(true);
    const evaluation = asked.surveys.find((s) => s.survey.kind === 'evaluation');
    expect(evaluation?.survey).toMatchObject({
      status: 'open',
      anonymous: true,
      meeting: { id: green.meetingId, title: 'Spotkanie Zielona' },
      respondents: 0,
    });
    evaluationId = evaluation?.survey.id ?? '';
    questions = evaluation?.survey.questions ?? [];
    expect(questions.length).toBeGreaterThan(0);

    // Asking again asks for the same evaluation: no second one for the meeting.
    const again = boardSurveysResponseSchema.parse(
      await call('POST', `${surveysOf(green)}/ask`, await green.session('Edward'), {}),
    );
    expect(again.surveys.filter((s) => s.survey.kind === 'evaluation').map((s) => s.survey.id)).toEqual([
      evaluationId,
    ]);

    // The request is in the control document, where every client reads it.
    const control = await connectDoc(setup.server, green.boardId, 'control', await green.session('Ala'));
    open.push(control);
    await control.waitFor(
      (doc) =>
        boardSurveysStateSchema.safeParse(doc.getMap('control').get('boardSurveys')).data?.asked?.surveyId ===
        evaluationId,
      10_000,
      'asked in control',
    );
    const ala = await list(green, await green.session('Ala'));
    expect(ala.surveys.find((s) => s.survey.id === evaluationId)?.viewer).toMatchObject({
      canAnswer: true,
      hasAnswered: false,
      canSeeResults: false,
    });
  });

  it('[SV7] the pair’s own client cannot write the request: boardSurveys is the server’s', async () => {
    const control = await connectDoc(setup.server, green.boardId, 'control', await green.session('Fela'), {
      maxBackoffTimeMs: 60_000,
    });
    open.push(control);
    const closing = control.nextClose();
    control.doc.getMap('control').set('boardSurveys', { asked: null, shown: null });
    expect((await closing).code).toBe(CloseCode.updateRefused);
  });

  it('[SV2][SV7] one answer per person across home and board', async () => {
    const answer = (network: Fixture, token: string, scale: number) =>
      request('POST', `${surveysOf(network)}/${evaluationId}/answers`, token, {
        answers: answersOf(questions, scale, scale === 4 ? 'Dobra rozmowa' : ''),
      });
    expect((await answer(green, await green.session('Ala'), 4)).status).toBe(204);
    // Ala again, from the board and then from home: the same person.
    expectError(await answer(green, await green.session('Ala'), 1), 409, 'already_answered');
    expectError(
      await request('POST', `/api/networks/${green.id}/surveys/${evaluationId}/answers`, green.link('Ala'), {
        answers: answersOf(questions, 1, ''),
      }),
      409,
      'already_answered',
    );
    // Basia answers from home first; the board then refuses her.
    expect(
      (
        await request(
          'POST',
          `/api/networks/${green.id}/surveys/${evaluationId}/answers`,
          green.link('Basia'),
          {
            answers: answersOf(questions, 2, ''),
          },
        )
      ).status,
    ).toBe(204);
    expectError(await answer(green, await green.session('Basia'), 5), 409, 'already_answered');
    const ala = await list(green, await green.session('Ala'));
    expect(ala.surveys.find((s) => s.survey.id === evaluationId)?.viewer).toMatchObject({
      canAnswer: false,
      hasAnswered: true,
    });
    expect((await list(green, await green.session('Fela'))).surveys[0]?.survey.respondents).toBe(2);
  });

  it('[SV3] an answer from the board is stored as unlinkably as one from home', () => {
    const db = new openDatabase(path.join(setup.server.dataDir, 'empiria.sqlite'), {
      readonly: true,
      fileMustExist: true,
    });
    try {
      const answers = db
        .prepare('SELECT * FROM survey_answers WHERE survey_id = ?')
        .all(evaluationId) as Record<string, unknown>[];
      expect(answers).toHaveLength(2);
      expect(answers.every((row) => row.person_id === null)).toBe(true);
      const text = JSON.stringify(answers);
      for (const who of ['Ala', 'Basia']) expect(text).not.toContain(green.people[who]?.id);
    } finally {
      db.close();
    }
    // Nothing logged names a person beside the survey.
    const lines = setup.server.logRecords().filter((r) => JSON.stringify(r).includes(evaluationId));
    for (const who of ['Ala', 'Basia']) expect(JSON.stringify(lines)).not.toContain(green.people[who]?.id);
  });

  it('[SV7] refused: no token, a wrong token, another board’s token, a board invite’s session, an observer, the pair', async () => {
    const url = `${surveysOf(green)}/${evaluationId}/answers`;
    const body = { answers: answersOf(questions, 3, '') };
    expect((await request('POST', url, undefined, body)).status).toBe(401);
    expect((await request('POST', url, 'garbage', body)).status).toBe(401);
    expect((await request('POST', url, `${await green.session('Cezary')}x`, body)).status).toBe(401);
    // Inna's Ala, with her session of Inna's board, on Zielona's board.
    expect((await request('POST', url, await other.session('Ala'), body)).status).toBe(401);
    // On her own board, Zielona's survey is no survey of her network.
    expectError(
      await request('POST', `${surveysOf(other)}/${evaluationId}/answers`, await other.session('Ala'), body),
      404,
      'not_found',
    );
    // A personal link is not a board session.
    expect((await request('POST', url, green.link('Cezary'), body)).status).toBe(401);
    expectError(await request('POST', url, guestToken, body), 403, 'not_from_home');
    // Rita's city observes: she joins as an observer, who has no surveys on the board.
    expectError(await request('POST', url, await green.session('Rita'), body), 403, 'forbidden');
    expectError(await request('GET', surveysOf(green), await green.session('Rita')), 403, 'forbidden');
    expectError(await request('POST', url, await green.session('Fela'), body), 403, 'not_a_respondent');
    // Bad input is refused and leaves nothing.
    expectError(
      await request('POST', url, await green.session('Cezary'), { answers: answersOf(questions, 9, '') }),
      400,
      'invalid_body',
    );
    expectError(
      await request('POST', url, await green.session('Cezary'), {
        answers: answersOf(questions, 3, '').slice(1),
      }),
      400,
      'invalid_answer',
    );
    expectError(
      await request('POST', `${surveysOf(green)}/ask`, await green.session('Fela'), { surveyId: 'no such!' }),
      400,
      'invalid_body',
    );
    expectError(
      await request('POST', `${surveysOf(green)}/ask`, await green.session('Fela'), { everyone: true }),
      400,
      'invalid_body',
    );
    expectError(
      await request('POST', `${surveysOf(green)}/show`, await green.session('Fela'), {
        surveyId: 'nosuch-1',
      }),
      404,
      'not_found',
    );
    expect((await list(green, await green.session('Fela'))).surveys[0]?.survey.respondents).toBe(2);
  });

  it('[SV6][SV7] results: withheld under three answers, on the board and in the network’s API; shown from three', async () => {
    const results = `${surveysOf(green)}/${evaluationId}/results`;
    const lead = surveyResultsSchema.parse(await call('GET', results, await green.session('Fela')));
    expect(lead).toMatchObject({ questions: [], withheld: { minimum: 3 }, survey: { respondents: 2 } });
    const home = surveyResultsSchema.parse(
      await call('GET', `/api/networks/${green.id}/surveys/${evaluationId}/results`, green.link('Edward')),
    );
    expect(home).toMatchObject({ questions: [], withheld: { minimum: 3 } });

    // Not shown yet: a participant does not read them; once shown, she reads that they are withheld.
    expectError(await request('GET', results, await green.session('Ala')), 403, 'forbidden');
    await call('POST', `${surveysOf(green)}/show`, await green.session('Fela'), { surveyId: evaluationId });
    expect(
      surveyResultsSchema.parse(await call('GET', results, await green.session('Ala'))).withheld,
    ).toEqual({
      minimum: 3,
    });
    expect(
      (await list(green, await green.session('Ala'))).surveys.find((s) => s.survey.id === evaluationId)
        ?.viewer.canSeeResults,
    ).toBe(true);

    expect(
      (
        await request('POST', `${surveysOf(green)}/${evaluationId}/answers`, await green.session('Cezary'), {
          answers: answersOf(questions, 3, ''),
        })
      ).status,
    ).toBe(204);
    const shown = surveyResultsSchema.parse(await call('GET', results, await green.session('Ala')));
    expect(shown.withheld).toBeNull();
    const first = shown.questions.find((q) => q.type === 'scale');
    expect(first).toMatchObject({ distribution: [0, 1, 1, 1, 0], answers: 3, mean: 3 });

    // Hidden again: the participant no longer reads them (the survey is still open).
    await call('DELETE', `${surveysOf(green)}/show`, await green.session('Edward'));
    expectError(await request('GET', results, await green.session('Ala')), 403, 'forbidden');
  });

  it('[SV2][SV7] a closed survey takes no answer from the board, and its meeting is not asked again', async () => {
    await call('POST', `/api/networks/${green.id}/surveys/${evaluationId}/close`, green.link('Edward'));
    // Inna's evaluation, asked and then closed while Basia has not answered yet.
    const innaAsked = boardSurveysResponseSchema.parse(
      await call('POST', `${surveysOf(other)}/ask`, await other.session('Fela'), {}),
    );
    const innaEvaluation = innaAsked.surveys[0]?.survey;
    await call('POST', `/api/networks/${other.id}/surveys/${innaEvaluation?.id}/close`, other.link('Fela'));
    expectError(
      await request(
        'POST',
        `${surveysOf(other)}/${innaEvaluation?.id}/answers`,
        await other.session('Basia'),
        {
          answers: answersOf(innaEvaluation?.questions ?? [], 3, ''),
        },
      ),
      409,
      'survey_not_open',
    );
    expectError(
      await request('POST', `${surveysOf(other)}/ask`, await other.session('Fela'), {}),
      409,
      'survey_not_open',
    );
    expectError(
      await request('POST', `${surveysOf(green)}/ask`, await green.session('Fela'), {
        surveyId: evaluationId,
      }),
      409,
      'survey_not_open',
    );
    // The closed one's results stay showable, and the pair still lists it; on the board a
    // participant reads them only while shown (her home opens them to her, [SV4]).
    const lead = await list(green, await green.session('Fela'));
    expect(lead.surveys.find((s) => s.survey.id === evaluationId)?.survey.status).toBe('closed');
    const results = `${surveysOf(green)}/${evaluationId}/results`;
    expectError(await request('GET', results, await green.session('Ala')), 403, 'forbidden');
    await call('POST', `${surveysOf(green)}/show`, await green.session('Fela'), { surveyId: evaluationId });
    expect(
      surveyResultsSchema.parse(await call('GET', results, await green.session('Ala'))).survey.status,
    ).toBe('closed');
    expect(
      surveyResultsSchema.parse(
        await call('GET', `/api/networks/${green.id}/surveys/${evaluationId}/results`, green.link('Ala')),
      ).withheld,
    ).toBeNull();
  });

  it('[SV7] the pair asks for another open survey of the network; a draft is no survey to ask', async () => {
    const draft = surveyCreatedResponseSchema.parse(
      await call('POST', `/api/networks/${green.id}/surveys`, green.link('Edward'), { kind: 'expectations' }),
    ).surveyId;
    expectError(
      await request('POST', `${surveysOf(green)}/ask`, await green.session('Fela'), { surveyId: draft }),
      404,
      'not_found',
    );
    await call('POST', `/api/networks/${green.id}/surveys/${draft}/open`, green.link('Edward'));
    const asked = boardSurveysResponseSchema.parse(
      await call('POST', `${surveysOf(green)}/ask`, await green.session('Fela'), { surveyId: draft }),
    );
    expect(asked.surveys.some((s) => s.survey.id === draft)).toBe(true);
    const ala = await list(green, await green.session('Ala'));
    expect(ala.surveys.find((s) => s.survey.id === draft)?.viewer.canAnswer).toBe(true);
    await call('DELETE', `${surveysOf(green)}/ask`, await green.session('Fela'));
    const control = await connectDoc(setup.server, green.boardId, 'control', await green.session('Basia'));
    open.push(control);
    await control.waitFor(
      (doc) =>
        boardSurveysStateSchema.safeParse(doc.getMap('control').get('boardSurveys')).data?.asked === null,
      10_000,
      'request ended',
    );
  });
});
