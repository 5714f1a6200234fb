import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  surveyAnswerValueSchema,
  surveyKindSchema,
  surveyQuestionSchema,
  surveyStatusSchema,
  type SurveyAnswerValue,
  type SurveyKind,
  type SurveyQuestion,
  type SurveyStatus,
} from '@empiria/shared';
import type { SqliteDatabase } from '../storage/sqlite-database';

/**
 * The surveys' tables (migration "surveys" in storage/sqlite-database.ts). Who has answered and
 * what was answered live in two tables with nothing in common but the survey ([SV3]):
 * `survey_respondents` (survey, person; no time) enforces one answer per person, and
 * `survey_answers` (survey, a random key, the answers; no time) holds the answers, with the
 * person only when the survey is not anonymous. Both are WITHOUT ROWID tables keyed so that their
 * stored order is not the order of arrival: the respondents by person id, the answers by the
 * random key; a rowid would number rows as they came and let the two lists be zipped.
 */

export interface SurveyRecord {
  id: string;
  networkId: string;
  meetingId: string | null;
  kind: SurveyKind;
  status: SurveyStatus;
  anonymous: boolean;
  observersMayAnswer: boolean;
  questions: SurveyQuestion[];
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
}

interface SurveyRow {
  id: string;
  network_id: string;
  meeting_id: string | null;
  kind: string;
  status: string;
  anonymous: number;
  observers_may_answer: number;
  questions: string;
  created_at: string;
  opened_at: string | null;
  closed_at: string | null;
}

const questionsColumn = z.array(surveyQuestionSchema);
const answersColumn = z.array(surveyAnswerValueSchema);

const toSurvey = (row: SurveyRow): SurveyRecord => ({
  id: row.id,
  networkId: row.network_id,
  meetingId: row.meeting_id,
  kind: surveyKindSchema.parse(row.kind),
  status: surveyStatusSchema.parse(row.status),
  anonymous: row.anonymous === 1,
  observersMayAnswer: row.observers_may_answer === 1,
  // JSON columns are parsed, not trusted: a bad row fails loudly here, not in a chart.
  questions: questionsColumn.parse(JSON.parse(row.questions)),
  createdAt: row.created_at,
  openedAt: row.opened_at,
  closedAt: row.closed_at,
});

export class SqliteSurveyStore {
  readonly #db: SqliteDatabase;
  readonly #s;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#s = {
      ofNetwork: db.prepare<[string], SurveyRow>(
        'SELECT * FROM surveys WHERE network_id = ? ORDER BY created_at DESC, id',
      ),
      get: db.prepare<[string], SurveyRow>('SELECT * FROM surveys WHERE id = ?'),
      insert: db.prepare<[string, string, string | null, string, number, number, string, string]>(
        `INSERT INTO surveys (id, network_id, meeting_id, kind, status, anonymous, observers_may_answer, questions, created_at)
         VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?)`,
      ),
      update: db.prepare<[string, number, number, string]>(
        'UPDATE surveys SET questions = ?, anonymous = ?, observers_may_answer = ? WHERE id = ?',
      ),
      open: db.prepare<[string, string]>("UPDATE surveys SET status = 'open', opened_at = ? WHERE id = ?"),
      close: db.prepare<[string, string]>("UPDATE surveys SET status = 'closed', closed_at = ? WHERE id = ?"),
      respondentCount: db.prepare<[string], { n: number }>(
        'SELECT COUNT(*) AS n FROM survey_respondents WHERE survey_id = ?',
      ),
      hasAnswered: db.prepare<[string, string], { one: number }>(
        'SELECT 1 AS one FROM survey_respondents WHERE survey_id = ? AND person_id = ?',
      ),
      answeredOfPerson: db.prepare<[string, string], { survey_id: string }>(
        `SELECT r.survey_id FROM survey_respondents r JOIN surveys s ON s.id = r.survey_id
         WHERE s.network_id = ? AND r.person_id = ?`,
      ),
      insertRespondent: db.prepare<[string, string]>(
        'INSERT INTO survey_respondents (survey_id, person_id) VALUES (?, ?)',
      ),
      insertAnswers: db.prepare<[string, string, string | null, string]>(
        'INSERT INTO survey_answers (survey_id, answer_key, person_id, answers) VALUES (?, ?, ?, ?)',
      ),
      // Ordered by the random key: the order of arrival is nowhere to be read.
      answers: db.prepare<[string], { answers: string }>(
        'SELECT answers FROM survey_answers WHERE survey_id = ? ORDER BY answer_key',
      ),
      networkOfBoard: db.prepare<[string], { network_id: string }>(
        'SELECT network_id FROM meetings WHERE board_id = ?',
      ),
      meetingOfBoard: db.prepare<[string], { id: string; network_id: string; title: string }>(
        'SELECT id, network_id, title FROM meetings WHERE board_id = ?',
      ),
    };
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  ofNetwork(networkId: string): SurveyRecord[] {
    return this.#s.ofNetwork.all(networkId).map(toSurvey);
  }

  get(surveyId: string): SurveyRecord | null {
    const row = this.#s.get.get(surveyId);
    return row ? toSurvey(row) : null;
  }

  insert(survey: Omit<SurveyRecord, 'status' | 'openedAt' | 'closedAt'>): void {
    this.#s.insert.run(
      survey.id,
      survey.networkId,
      survey.meetingId,
      survey.kind,
      survey.anonymous ? 1 : 0,
      survey.observersMayAnswer ? 1 : 0,
      JSON.stringify(survey.questions),
      survey.createdAt,
    );
  }

  update(
    surveyId: string,
    draft: Pick<SurveyRecord, 'questions' | 'anonymous' | 'observersMayAnswer'>,
  ): void {
    this.#s.update.run(
      JSON.stringify(draft.questions),
      draft.anonymous ? 1 : 0,
      draft.observersMayAnswer ? 1 : 0,
      surveyId,
    );
  }

  open(surveyId: string, at: string): void {
    this.#s.open.run(at, surveyId);
  }

  close(surveyId: string, at: string): void {
    this.#s.close.run(at, surveyId);
  }

  respondents(surveyId: string): number {
    return this.#s.respondentCount.get(surveyId)?.n ?? 0;
  }

  hasAnswered(surveyId: string, personId: string): boolean {
    return this.#s.hasAnswered.get(surveyId, personId) !== undefined;
  }

  /** The network's surveys the person has answered (which ones, never what). */
  answeredBy(networkId: string, personId: string): Set<string> {
    return new Set(this.#s.answeredOfPerson.all(networkId, personId).map((row) => row.survey_id));
  }

  /**
   * Records that the person answered and, separately, what they answered ([SV3]): for an
   * anonymous survey the answer row carries no person, no time, and a key drawn at random.
   * The caller runs it in a transaction with its checks.
   */
  insertAnswer(surveyId: string, personId: string, anonymous: boolean, answers: SurveyAnswerValue[]): void {
    this.#s.insertRespondent.run(surveyId, personId);
    this.#s.insertAnswers.run(
      surveyId,
      randomBytes(16).toString('base64url'),
      anonymous ? null : personId,
      JSON.stringify(answers),
    );
  }

  answers(surveyId: string): SurveyAnswerValue[][] {
    return this.#s.answers.all(surveyId).map((row) => answersColumn.parse(JSON.parse(row.answers)));
  }

  /** The network a meeting's board belongs to (null: a board of no network). */
  networkOfBoard(boardId: string): string | null {
    return this.#s.networkOfBoard.get(boardId)?.network_id ?? null;
  }

  /** The meeting whose board this is (null: a board of no network). */
  meetingOfBoard(boardId: string): { networkId: string; meetingId: string; title: string } | null {
    const row = this.#s.meetingOfBoard.get(boardId);
    return row ? { networkId: row.network_id, meetingId: row.id, title: row.title } : null;
  }
}
