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
import { inTransaction, type SqlQueries } from '../storage/sql/sql-database';

/**
 * The surveys' tables (migration "surveys" in storage/sqlite-database.ts; PostgreSQL's migration
 * 2). Who has answered and what was answered live in two tables with nothing in common but the
 * survey ([SV3]):
 * `survey_respondents` (survey, person; no time) enforces one answer per person, and
 * `survey_answers` (survey, a random key, the answers; no time) holds the answers, with the
 * person only when the survey is not anonymous. Both are WITHOUT ROWID tables keyed so that their
 * stored order is not the order of arrival: the respondents by person id, the answers by the
 * random key; a rowid would number rows as they came and let the two lists be zipped. PostgreSQL
 * has no such tables: there the store keeps the same promise by rewriting (`insertAnswer`).
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

/**
 * The surveys' rows, on either engine. Callers run check-then-write inside `transaction`, whose
 * work gets the store bound to that transaction.
 */
export class SurveyStore {
  readonly #sql: SqlQueries;

  constructor(sql: SqlQueries) {
    this.#sql = sql;
  }

  transaction<T>(work: (store: SurveyStore) => Promise<T>): Promise<T> {
    return inTransaction(this.#sql, (tx) => work(new SurveyStore(tx)));
  }

  /** The network's surveys, newest first. */
  async ofNetwork(networkId: string): Promise<SurveyRecord[]> {
    const rows = await this.#sql.all<SurveyRow>(
      'SELECT * FROM surveys WHERE network_id = ? ORDER BY created_at DESC, id',
      [networkId],
    );
    return rows.map(toSurvey);
  }

  async get(surveyId: string): Promise<SurveyRecord | null> {
    const row = await this.#sql.get<SurveyRow>('SELECT * FROM surveys WHERE id = ?', [surveyId]);
    return row ? toSurvey(row) : null;
  }

  /** A new draft. */
  async insert(survey: Omit<SurveyRecord, 'status' | 'openedAt' | 'closedAt'>): Promise<void> {
    await this.#sql.run(
      `INSERT INTO surveys (id, network_id, meeting_id, kind, status, anonymous, observers_may_answer, questions, created_at)
       VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?)`,
      [
        survey.id,
        survey.networkId,
        survey.meetingId,
        survey.kind,
        survey.anonymous ? 1 : 0,
        survey.observersMayAnswer ? 1 : 0,
        JSON.stringify(survey.questions),
        survey.createdAt,
      ],
    );
  }

  async update(
    surveyId: string,
    draft: Pick<SurveyRecord, 'questions' | 'anonymous' | 'observersMayAnswer'>,
  ): Promise<void> {
    await this.#sql.run(
      'UPDATE surveys SET questions = ?, anonymous = ?, observers_may_answer = ? WHERE id = ?',
      [JSON.stringify(draft.questions), draft.anonymous ? 1 : 0, draft.observersMayAnswer ? 1 : 0, surveyId],
    );
  }

  async open(surveyId: string, at: string): Promise<void> {
    await this.#sql.run("UPDATE surveys SET status = 'open', opened_at = ? WHERE id = ?", [at, surveyId]);
  }

  async close(surveyId: string, at: string): Promise<void> {
    await this.#sql.run("UPDATE surveys SET status = 'closed', closed_at = ? WHERE id = ?", [at, surveyId]);
  }

  /** How many people have answered. */
  async respondents(surveyId: string): Promise<number> {
    const row = await this.#sql.get<{ n: number }>(
      'SELECT COUNT(*) AS n FROM survey_respondents WHERE survey_id = ?',
      [surveyId],
    );
    return row?.n ?? 0;
  }

  async hasAnswered(surveyId: string, personId: string): Promise<boolean> {
    const row = await this.#sql.get<{ one: number }>(
      'SELECT 1 AS one FROM survey_respondents WHERE survey_id = ? AND person_id = ?',
      [surveyId, personId],
    );
    return row !== undefined;
  }

  /** The network's surveys the person has answered (which ones, never what). */
  async answeredBy(networkId: string, personId: string): Promise<Set<string>> {
    const rows = await this.#sql.all<{ survey_id: string }>(
      `SELECT r.survey_id FROM survey_respondents r JOIN surveys s ON s.id = r.survey_id
       WHERE s.network_id = ? AND r.person_id = ?`,
      [networkId, personId],
    );
    return new Set(rows.map((row) => row.survey_id));
  }

  /**
   * Records that the person answered and, separately, what they answered ([SV3]): for an
   * anonymous survey the answer row carries no person, no time, and a key drawn at random. The
   * caller runs it in a transaction with its checks (a second answer of one person is refused by
   * the respondents' key).
   */
  async insertAnswer(
    surveyId: string,
    personId: string,
    anonymous: boolean,
    answers: SurveyAnswerValue[],
  ): Promise<void> {
    await this.#sql.run('INSERT INTO survey_respondents (survey_id, person_id) VALUES (?, ?)', [
      surveyId,
      personId,
    ]);
    await this.#sql.run(
      'INSERT INTO survey_answers (survey_id, answer_key, person_id, answers) VALUES (?, ?, ?, ?)',
      [surveyId, randomBytes(16).toString('base64url'), anonymous ? null : personId, JSON.stringify(answers)],
    );
    if (this.#sql.engine === 'postgresql') await this.#rewriteInKeyOrder(surveyId);
  }

  /**
   * PostgreSQL has no WITHOUT ROWID tables: a heap keeps rows in the order they came, and every
   * row carries the transaction that wrote it (`xmin`), the same for a person's respondent row and
   * their answer. Both would join an anonymous answer to its person. So each answer rewrites the
   * survey's two lists, in one transaction, each in its key's order: every row then has the same
   * `xmin` and lies where its key, not its arrival, puts it. Surveys are answered by a network's
   * people (tens, not thousands), so the rewrite is small. What is deleted stays in the heap until
   * VACUUM, readable only by someone who reads the data files, who could read the WAL as well.
   */
  async #rewriteInKeyOrder(surveyId: string): Promise<void> {
    const respondents = await this.#sql.all<{ person_id: string }>(
      'DELETE FROM survey_respondents WHERE survey_id = ? RETURNING person_id',
      [surveyId],
    );
    for (const personId of respondents.map((row) => row.person_id).sort()) {
      await this.#sql.run('INSERT INTO survey_respondents (survey_id, person_id) VALUES (?, ?)', [
        surveyId,
        personId,
      ]);
    }
    const answers = await this.#sql.all<{ answer_key: string; person_id: string | null; answers: string }>(
      'DELETE FROM survey_answers WHERE survey_id = ? RETURNING answer_key, person_id, answers',
      [surveyId],
    );
    answers.sort((a, b) => (a.answer_key < b.answer_key ? -1 : a.answer_key > b.answer_key ? 1 : 0));
    for (const row of answers) {
      await this.#sql.run(
        'INSERT INTO survey_answers (survey_id, answer_key, person_id, answers) VALUES (?, ?, ?, ?)',
        [surveyId, row.answer_key, row.person_id, row.answers],
      );
    }
  }

  /** What was answered, in the random keys' order: the order of arrival is nowhere to be read. */
  async answers(surveyId: string): Promise<SurveyAnswerValue[][]> {
    const rows = await this.#sql.all<{ answers: string }>(
      'SELECT answers FROM survey_answers WHERE survey_id = ? ORDER BY answer_key',
      [surveyId],
    );
    return rows.map((row) => answersColumn.parse(JSON.parse(row.answers)));
  }

  /** The network a meeting's board belongs to (null: a board of no network). */
  async networkOfBoard(boardId: string): Promise<string | null> {
    const row = await this.#sql.get<{ network_id: string }>(
      'SELECT network_id FROM meetings WHERE board_id = ?',
      [boardId],
    );
    return row?.network_id ?? null;
  }

  /** The meeting whose board this is (null: a board of no network). */
  async meetingOfBoard(
    boardId: string,
  ): Promise<{ networkId: string; meetingId: string; title: string } | null> {
    const row = await this.#sql.get<{ id: string; network_id: string; title: string }>(
      'SELECT id, network_id, title FROM meetings WHERE board_id = ?',
      [boardId],
    );
    return row ? { networkId: row.network_id, meetingId: row.id, title: row.title } : null;
  }
}
