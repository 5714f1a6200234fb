import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { surveyTemplate, type SurveyAnswerValue } from '@empiria/shared';
import { MIGRATIONS, openSqliteDatabase, type SqliteDatabase } from '../storage/sqlite-database';
import { SqliteSurveyStore } from './survey-store';

/** The migration that made the surveys' tables: the one whose SQL creates `surveys`. */
const SURVEY_MIGRATION = MIGRATIONS.findIndex((sql) => sql.includes('CREATE TABLE surveys'));

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-survey-store-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function withNetwork(db: SqliteDatabase, people: number): string[] {
  db.exec(
    "INSERT INTO networks (id, name, theme, description, created_at) VALUES ('net-1', 'N', 'T', '', 'x')",
  );
  const ids = Array.from({ length: people }, (_, i) => `person-${String(i).padStart(2, '0')}`);
  const insert = db.prepare("INSERT INTO persons (id, name, created_at) VALUES (?, ?, 'x')");
  for (const id of ids) insert.run(id, id);
  return ids;
}

const scaleAnswer = (value: number): SurveyAnswerValue[] => [{ questionId: 'q', type: 'scale', value }];

describe('survey storage', () => {
  it('a database of the release before surveys opens with its networks kept and no surveys', () => {
    expect(SURVEY_MIGRATION).toBeGreaterThan(0);
    const file = path.join(dir, 'empiria.sqlite');
    const old = new Database(file);
    for (const migration of MIGRATIONS.slice(0, SURVEY_MIGRATION)) old.exec(migration);
    old.pragma(`user_version = ${SURVEY_MIGRATION}`);
    old.exec(
      "INSERT INTO networks (id, name, theme, description, created_at) VALUES ('net-1', 'Zielona', 'T', '', 'x')",
    );
    old.close();
    const db = openSqliteDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(db.prepare('SELECT name FROM networks').all()).toEqual([{ name: 'Zielona' }]);
      expect(new SqliteSurveyStore(db).ofNetwork('net-1')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('[SV3] anonymous answers are stored in an order that does not follow arrival, with no person or time', () => {
    const db = openSqliteDatabase(':memory:');
    try {
      const people = withNetwork(db, 30);
      const store = new SqliteSurveyStore(db);
      store.insert({
        id: 'survey-1',
        networkId: 'net-1',
        meetingId: null,
        kind: 'trust',
        anonymous: true,
        observersMayAnswer: false,
        questions: surveyTemplate('trust'),
        createdAt: '2026-01-01T00:00:00.000Z',
      });
      // Person i answers i-th with a value that tells who it was (i mod 5 + 1 and an open text "i").
      people.forEach((person, i) =>
        store.insertAnswer('survey-1', person, true, [
          ...scaleAnswer((i % 5) + 1),
          { questionId: 'o', type: 'open', text: String(i) },
        ]),
      );
      // The table as it is on disk (a WITHOUT ROWID table is stored in its key's order).
      const stored = db.prepare('SELECT * FROM survey_answers').all() as {
        person_id: string | null;
        answers: string;
      }[];
      const arrival = stored.map((row) => (JSON.parse(row.answers) as { text?: string }[])[1]?.text);
      expect(arrival).toHaveLength(30);
      // 1 in 30! that a random key puts them back in the order they came.
      expect(arrival).not.toEqual(people.map((_, i) => String(i)));
      expect(stored.every((row) => row.person_id === null)).toBe(true);
      // Who answered is kept apart, ordered by person, with nothing else.
      const respondents = db.prepare('SELECT * FROM survey_respondents').all();
      expect(respondents).toEqual(people.map((person_id) => ({ survey_id: 'survey-1', person_id })));
      expect(store.answers('survey-1')).toHaveLength(30);
    } finally {
      db.close();
    }
  });

  it('a named survey keeps the person with the answer; one answer per person is the key; a network takes its surveys along', () => {
    const db = openSqliteDatabase(':memory:');
    try {
      const [ala] = withNetwork(db, 1);
      const store = new SqliteSurveyStore(db);
      store.insert({
        id: 'survey-2',
        networkId: 'net-1',
        meetingId: null,
        kind: 'evaluation',
        anonymous: false,
        observersMayAnswer: false,
        questions: surveyTemplate('evaluation'),
        createdAt: '2026-01-01T00:00:00.000Z',
      });
      store.insertAnswer('survey-2', ala!, false, scaleAnswer(4));
      expect(db.prepare('SELECT person_id FROM survey_answers').all()).toEqual([{ person_id: ala }]);
      expect(() => store.insertAnswer('survey-2', ala!, false, scaleAnswer(1))).toThrow(/UNIQUE|PRIMARY/);
      expect(() =>
        db.exec(
          "INSERT INTO surveys VALUES ('s3', 'net-1', NULL, 'poll', 'draft', 1, 0, '[]', 'x', NULL, NULL)",
        ),
      ).toThrow(/CHECK/);
      db.exec("DELETE FROM networks WHERE id = 'net-1'");
      expect(db.prepare('SELECT COUNT(*) AS n FROM survey_answers').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
