import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { surveyTemplate, type SurveyAnswerValue } from '@empiria/shared';
import type { SqlDatabase } from '../storage/sql/sql-database';
import type { StoreFixture } from '../storage/sql/store-fixture';
import { NetworkRows } from './network-rows.test-support';
import { SurveyStore, type SurveyRecord } from './survey-store';

const scaleAnswer = (value: number): SurveyAnswerValue[] => [{ questionId: 'q', type: 'scale', value }];

const draft = (
  id: string,
  options: Partial<Omit<SurveyRecord, 'status' | 'openedAt' | 'closedAt'>> = {},
): Omit<SurveyRecord, 'status' | 'openedAt' | 'closedAt'> => ({
  id,
  networkId: 'net-1',
  meetingId: null,
  kind: 'trust',
  anonymous: true,
  observersMayAnswer: false,
  questions: surveyTemplate('trust'),
  createdAt: '2026-11-02T10:00:00.000Z',
  ...options,
});

/**
 * The rows of `table` in the order the engine keeps them, with what else it tells about each
 * (PostgreSQL: the transaction that wrote it, `xmin`), as someone reading the database sees them.
 */
async function storedRows(
  db: SqlDatabase,
  table: 'survey_answers' | 'survey_respondents',
): Promise<Record<string, unknown>[]> {
  return db.engine === 'postgresql'
    ? db.all(`SELECT xmin::text AS written_by, * FROM ${table} ORDER BY ctid`)
    : db.all(`SELECT * FROM ${table}`);
}

/** What SurveyStore promises on every engine; run by survey-store.test.ts and on PostgreSQL. */
export function surveyStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`SurveyStore contract: ${name}`, () => {
    let db: SqlDatabase;
    let cleanup: () => Promise<void>;
    let store: SurveyStore;
    let people: string[];

    beforeEach(async () => {
      ({ db, cleanup } = await open());
      store = new SurveyStore(db);
      const rows = new NetworkRows(db);
      await rows.network('net-1');
      await rows.network('net-2', 'Wodna');
      await rows.meeting('m-1', 'net-1', 'Spotkanie w Gdyni');
      people = Array.from({ length: 30 }, (_, i) => `person-${String(i).padStart(2, '0')}`);
      for (const id of people) await rows.person(id, id);
    });
    afterEach(() => cleanup());

    it('keeps drafts per network, newest first, with their questions and settings', async () => {
      await store.insert(draft('s-old', { createdAt: '2026-11-01T10:00:00.000Z' }));
      await store.insert(
        draft('s-new', {
          kind: 'evaluation',
          anonymous: false,
          observersMayAnswer: true,
          meetingId: 'm-1',
          questions: surveyTemplate('evaluation'),
        }),
      );
      await store.insert(draft('s-other', { networkId: 'net-2' }));
      expect((await store.ofNetwork('net-1')).map((s) => s.id)).toEqual(['s-new', 's-old']);
      expect(await store.get('s-new')).toEqual({
        ...draft('s-new', {
          kind: 'evaluation',
          anonymous: false,
          observersMayAnswer: true,
          meetingId: 'm-1',
          questions: surveyTemplate('evaluation'),
        }),
        status: 'draft',
        openedAt: null,
        closedAt: null,
      });
      expect(await store.get('nope')).toBeNull();
    });

    it('changes a draft, opens it and closes it', async () => {
      await store.insert(draft('s-1'));
      const questions = surveyTemplate('trust').slice(0, 1);
      await store.update('s-1', { questions, anonymous: false, observersMayAnswer: true });
      await store.open('s-1', '2026-11-03T10:00:00.000Z');
      expect(await store.get('s-1')).toMatchObject({
        questions,
        anonymous: false,
        observersMayAnswer: true,
        status: 'open',
        openedAt: '2026-11-03T10:00:00.000Z',
        closedAt: null,
      });
      await store.close('s-1', '2026-11-04T10:00:00.000Z');
      expect(await store.get('s-1')).toMatchObject({
        status: 'closed',
        closedAt: '2026-11-04T10:00:00.000Z',
      });
    });

    it('counts who answered and tells which surveys a person answered, never what', async () => {
      await store.insert(draft('s-1'));
      await store.insert(draft('s-2', { anonymous: false }));
      await store.insert(draft('s-3', { networkId: 'net-2' }));
      await store.insertAnswer('s-1', 'person-00', true, scaleAnswer(4));
      await store.insertAnswer('s-1', 'person-01', true, scaleAnswer(2));
      await store.insertAnswer('s-2', 'person-00', false, scaleAnswer(5));
      await store.insertAnswer('s-3', 'person-00', true, scaleAnswer(1));
      expect(await store.respondents('s-1')).toBe(2);
      expect(await store.respondents('s-2')).toBe(1);
      expect(await store.respondents('nope')).toBe(0);
      expect(await store.hasAnswered('s-1', 'person-01')).toBe(true);
      expect(await store.hasAnswered('s-2', 'person-01')).toBe(false);
      expect(await store.answeredBy('net-1', 'person-00')).toEqual(new Set(['s-1', 's-2']));
      expect(await store.answeredBy('net-1', 'person-29')).toEqual(new Set());
      expect((await store.answers('s-1')).map((a) => a[0])).toEqual(
        expect.arrayContaining([scaleAnswer(4)[0], scaleAnswer(2)[0]]),
      );
      expect(await store.answers('s-2')).toEqual([scaleAnswer(5)]);
    });

    it('[SV3] keeps one answer per person: a second is refused and leaves nothing', async () => {
      await store.insert(draft('s-1', { anonymous: false }));
      await store.insertAnswer('s-1', 'person-00', false, scaleAnswer(4));
      await expect(
        store.transaction((tx) => tx.insertAnswer('s-1', 'person-00', false, scaleAnswer(1))),
      ).rejects.toThrow();
      expect(await store.answers('s-1')).toEqual([scaleAnswer(4)]);
      expect(await store.respondents('s-1')).toBe(1);
    });

    it('[SV3] a named survey keeps the person with the answer', async () => {
      await store.insert(draft('s-1', { anonymous: false }));
      await store.insertAnswer('s-1', 'person-07', false, scaleAnswer(3));
      expect(await db.all('SELECT person_id FROM survey_answers')).toEqual([{ person_id: 'person-07' }]);
    });

    it('[SV3] anonymous answers are stored in an order that does not follow arrival, with no person, time or writer in common with their respondent', async () => {
      await store.insert(draft('s-1'));
      // Person i answers i-th, each in their own transaction as the service does, with a value
      // that tells who it was (an open text "i").
      for (const [i, person] of people.entries()) {
        await store.transaction((tx) =>
          tx.insertAnswer('s-1', person, true, [
            ...scaleAnswer((i % 5) + 1),
            { questionId: 'o', type: 'open', text: String(i) },
          ]),
        );
      }
      const answers = await storedRows(db, 'survey_answers');
      const arrival = answers.map(
        (row) => (JSON.parse(row.answers as string) as { text?: string }[])[1]?.text,
      );
      expect(arrival).toHaveLength(30);
      // 1 in 30! that a random key puts them back in the order they came.
      expect(arrival).not.toEqual(people.map((_, i) => String(i)));
      expect(answers.every((row) => row.person_id === null)).toBe(true);
      expect(Object.keys(answers[0] ?? {}).sort()).toEqual(
        [
          ...(db.engine === 'postgresql' ? ['written_by'] : []),
          'answer_key',
          'answers',
          'person_id',
          'survey_id',
        ].sort(),
      );
      // Who answered is kept apart, ordered by person, with nothing else.
      const respondents = await storedRows(db, 'survey_respondents');
      expect(respondents.map((row) => row.person_id)).toEqual(people);
      if (db.engine === 'postgresql') {
        // Every row was last written by the same transaction, the last answer's: a row's writer
        // says nothing about whose answer it is.
        const writers = new Set([...answers, ...respondents].map((row) => row.written_by));
        expect(writers.size).toBe(1);
      }
      expect(await store.answers('s-1')).toHaveLength(30);
    });

    it('finds the meeting and network of a meeting’s board, and nothing for another board', async () => {
      expect(await store.meetingOfBoard('board-m-1')).toEqual({
        networkId: 'net-1',
        meetingId: 'm-1',
        title: 'Spotkanie w Gdyni',
      });
      expect(await store.networkOfBoard('board-m-1')).toBe('net-1');
      expect(await store.meetingOfBoard('no-board')).toBeNull();
      expect(await store.networkOfBoard('no-board')).toBeNull();
    });

    it('refuses an unknown kind; a meeting’s removal keeps its survey, a network’s takes all', async () => {
      await expect(
        db.run(
          `INSERT INTO surveys (id, network_id, meeting_id, kind, status, anonymous, observers_may_answer, questions, created_at)
           VALUES ('s-x', 'net-1', NULL, 'poll', 'draft', 1, 0, '[]', 'x')`,
        ),
      ).rejects.toThrow();
      await store.insert(draft('s-1', { meetingId: 'm-1' }));
      await store.insertAnswer('s-1', 'person-00', true, scaleAnswer(4));
      await db.run('DELETE FROM meetings WHERE id = ?', ['m-1']);
      expect((await store.get('s-1'))?.meetingId).toBeNull();
      await db.run('DELETE FROM networks WHERE id = ?', ['net-1']);
      expect(await store.get('s-1')).toBeNull();
      expect(await store.answers('s-1')).toEqual([]);
      expect(await store.respondents('s-1')).toBe(0);
    });

    it('undoes a transaction whose work throws, and refuses a transaction inside one', async () => {
      await store.insert(draft('s-1'));
      await expect(
        store.transaction(async (tx) => {
          await tx.insertAnswer('s-1', 'person-00', true, scaleAnswer(4));
          await tx.open('s-1', 'x');
          throw new Error('invalid_answer');
        }),
      ).rejects.toThrow('invalid_answer');
      expect(await store.respondents('s-1')).toBe(0);
      expect(await store.answers('s-1')).toEqual([]);
      expect((await store.get('s-1'))?.status).toBe('draft');
      await expect(store.transaction((tx) => tx.transaction(async () => 1))).rejects.toThrow(
        'already inside a transaction',
      );
    });
  });
}
