import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PLAN_SECTIONS, planSectionText, readPlanTexts } from '@empiria/shared';
import { createMemoryLogger } from '../log';
import { openSqliteDatabase, type SqliteDatabase } from '../storage/sqlite-database';
import { PlanDocumentRules } from './plan-document-rules';
import { PlanSectionsMirror } from './plan-mirror';
import { SqlitePlanStore } from './plan-store';

/**
 * The plan's document on a real SQLite file: a plan written before it had a document starts from its
 * table, and the table follows the document once typing pauses (or when asked), one revision per pause.
 */
let dir: string;
let db: SqliteDatabase;
let store: SqlitePlanStore;
let mirror: PlanSectionsMirror;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-plan-doc-'));
  db = openSqliteDatabase(path.join(dir, 'empiria.sqlite'));
  db.prepare(
    "INSERT INTO networks (id, name, theme, description, created_at) VALUES ('net-1', 'Zielona', 'Zieleń', '', '2027-01-01T00:00:00Z')",
  ).run();
  store = new SqlitePlanStore(db);
  mirror = new PlanSectionsMirror(store, createMemoryLogger(), () => new Date('2027-02-01T10:00:00Z'));
});
afterEach(() => {
  mirror.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const rules = () => new PlanDocumentRules({ networkId: 'net-1', mirror, authorOf: (id) => `Osoba ${id}` });
const member = {
  id: 'c1',
  role: 'participant' as const,
  personId: 'p-ala',
  send: () => undefined,
  sendAll: () => undefined,
};

describe('the plan document rules', () => {
  it('creates the nine sections on load, starting from what the table held before', () => {
    store.putSection('net-1', {
      section: 'goals',
      text: 'Każde miasto ma plan retencji.',
      revision: 3,
      updatedAt: '2027-01-05T10:00:00Z',
      updatedBy: 'Fela',
    });
    const doc = new Y.Doc();
    doc.transact(() => rules().repair(doc));
    expect([...doc.getMap('sections').keys()].sort()).toEqual([...PLAN_SECTIONS].sort());
    expect(readPlanTexts(doc).goals).toBe('Każde miasto ma plan retencji.');
    expect(readPlanTexts(doc).partners).toBe('');
  });

  it('keeps a loaded document as it is and drops what is not a section', () => {
    const doc = new Y.Doc();
    doc.transact(() => rules().repair(doc));
    planSectionText(doc, 'goals')?.insert(0, 'Z dokumentu');
    doc.getMap('sections').set('evil', new Y.Text('x'));
    doc.getArray('other').insert(0, [1]);
    store.putSection('net-1', {
      section: 'goals',
      text: 'Z tabeli',
      revision: 1,
      updatedAt: 'x',
      updatedBy: 'y',
    });
    doc.transact(() => rules().repair(doc));
    expect(readPlanTexts(doc).goals).toBe('Z dokumentu');
    expect(doc.getMap('sections').has('evil')).toBe(false);
    expect(doc.getArray('other').length).toBe(0);
  });

  it('copies an edit to the table at the pause, once, as its last writer’s', () => {
    const doc = new Y.Doc();
    doc.transact(() => rules().repair(doc));
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(writer);
    planSectionText(writer, 'partners')?.insert(0, 'Politechnika');
    const planRules = rules();
    planRules.apply(doc, Y.encodeStateAsUpdate(writer, before), member);
    planSectionText(writer, 'partners')?.insert(12, ' Gdańska');
    planRules.apply(doc, Y.encodeStateAsUpdate(writer, before), member);
    expect(store.sections('net-1')).toEqual([]); // still typing
    expect(mirror.flush('net-1')).toEqual(['partners']);
    expect(store.sections('net-1')).toEqual([
      {
        section: 'partners',
        text: 'Politechnika Gdańska',
        revision: 1,
        updatedAt: '2027-02-01T10:00:00.000Z',
        updatedBy: 'Osoba p-ala',
      },
    ]);
    expect(mirror.flush('net-1')).toEqual([]);
  });
});
