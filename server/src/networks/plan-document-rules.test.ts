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
import { SqliteSqlDatabase } from '../storage/sql/sqlite-sql-database';
import { PlanStore } from './plan-store';

/**
 * The plan's document on a real SQLite file: a plan written before it had a document starts from its
 * table, and the table follows the document once typing pauses (or when asked), one revision per pause.
 */
let dir: string;
let db: SqliteDatabase;
let store: PlanStore;
let mirror: PlanSectionsMirror;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-plan-doc-'));
  db = openSqliteDatabase(path.join(dir, 'empiria.sqlite'));
  db.prepare(
    "INSERT INTO networks (id, name, theme, description, created_at) VALUES ('net-1', 'Zielona', 'Zieleń', '', '2027-01-01T00:00:00Z')",
  ).run();
  store = new PlanStore(new SqliteSqlDatabase(db));
  mirror = new PlanSectionsMirror(store, createMemoryLogger(), () => new Date('2027-02-01T10:00:00Z'));
});
afterEach(async () => {
  await mirror.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The rules of a room that has prepared (read the table), as a room does before its load. */
const rules = async () => {
  const planRules = new PlanDocumentRules({
    networkId: 'net-1',
    mirror,
    authorOf: async (id) => `Osoba ${id}`,
    log: createMemoryLogger(),
  });
  await planRules.prepare();
  return planRules;
};
const member = {
  id: 'c1',
  role: 'participant' as const,
  personId: 'p-ala',
  send: () => undefined,
  sendAll: () => undefined,
};

describe('the plan document rules', () => {
  it('creates the nine sections on load, starting from what the table held before', async () => {
    await store.putSection('net-1', {
      section: 'goals',
      text: 'Każde miasto ma plan retencji.',
      revision: 3,
      updatedAt: '2027-01-05T10:00:00Z',
      updatedBy: 'Fela',
    });
    const doc = new Y.Doc();
    const planRules = await rules();
    doc.transact(() => planRules.repair(doc));
    expect([...doc.getMap('sections').keys()].sort()).toEqual([...PLAN_SECTIONS].sort());
    expect(readPlanTexts(doc).goals).toBe('Każde miasto ma plan retencji.');
    expect(readPlanTexts(doc).partners).toBe('');
  });

  it('keeps a loaded document as it is and drops what is not a section', async () => {
    const doc = new Y.Doc();
    const first = await rules();
    doc.transact(() => first.repair(doc));
    planSectionText(doc, 'goals')?.insert(0, 'Z dokumentu');
    doc.getMap('sections').set('evil', new Y.Text('x'));
    doc.getArray('other').insert(0, [1]);
    await store.putSection('net-1', {
      section: 'goals',
      text: 'Z tabeli',
      revision: 1,
      updatedAt: 'x',
      updatedBy: 'y',
    });
    const second = await rules();
    doc.transact(() => second.repair(doc));
    expect(readPlanTexts(doc).goals).toBe('Z dokumentu');
    expect(doc.getMap('sections').has('evil')).toBe(false);
    expect(doc.getArray('other').length).toBe(0);
  });

  it('copies an edit to the table at the pause, once, as its last writer’s', async () => {
    const doc = new Y.Doc();
    const planRules = await rules();
    doc.transact(() => planRules.repair(doc));
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(writer);
    planSectionText(writer, 'partners')?.insert(0, 'Politechnika');
    await planRules.apply(doc, Y.encodeStateAsUpdate(writer, before), member);
    planSectionText(writer, 'partners')?.insert(12, ' Gdańska');
    await planRules.apply(doc, Y.encodeStateAsUpdate(writer, before), member);
    expect(await store.sections('net-1')).toEqual([]); // still typing
    expect(await mirror.flush('net-1')).toEqual(['partners']);
    expect(await store.sections('net-1')).toEqual([
      {
        section: 'partners',
        text: 'Politechnika Gdańska',
        revision: 1,
        updatedAt: '2027-02-01T10:00:00.000Z',
        updatedBy: 'Osoba p-ala',
      },
    ]);
    expect(await mirror.flush('net-1')).toEqual([]);
  });

  it('writes flushes of one network in order, the latest text last; an unchanged text adds no revision', async () => {
    const doc = new Y.Doc();
    const planRules = await rules();
    doc.transact(() => planRules.repair(doc));
    const type = (text: string) => typeGoals(doc, text, 'Ala');
    type('pierwszy');
    const first = mirror.flush('net-1');
    type('drugi');
    const second = mirror.flush('net-1');
    // The first flush, queued, found the newer text waiting and wrote it; the second had nothing.
    expect(await Promise.all([first, second])).toEqual([['goals'], []]);
    expect(await store.sections('net-1')).toMatchObject([{ section: 'goals', text: 'drugi', revision: 1 }]);
    type('trzeci');
    const third = mirror.flush('net-1');
    type('drugi');
    expect(await third).toEqual([]);
    expect(await mirror.flush('net-1')).toEqual([]);
    expect(await store.sections('net-1')).toMatchObject([{ text: 'drugi', revision: 1 }]);
  });

  it('keeps what a failed write was to write for the next flush', async () => {
    class FailingOnce extends PlanStore {
      failed = false;
      override transaction<T>(work: (store: PlanStore) => Promise<T>): Promise<T> {
        if (this.failed) return super.transaction(work);
        this.failed = true;
        return Promise.reject(new Error('database unreachable'));
      }
    }
    mirror = new PlanSectionsMirror(new FailingOnce(new SqliteSqlDatabase(db)), createMemoryLogger());
    const planRules = await rules();
    const doc = new Y.Doc();
    doc.transact(() => planRules.repair(doc));
    typeGoals(doc, 'Zielone dachy', 'Ala');
    await expect(mirror.flush('net-1')).rejects.toThrow('database unreachable');
    expect(await mirror.flush('net-1')).toEqual(['goals']);
    expect(await store.sections('net-1')).toMatchObject([{ text: 'Zielone dachy', updatedBy: 'Ala' }]);
  });

  it('refuses to compare with a plan it has not read', () => {
    const fresh = new PlanSectionsMirror(store, createMemoryLogger());
    expect(() => fresh.storedTexts('net-1')).toThrow(/not loaded/);
  });
});

function typeGoals(doc: Y.Doc, text: string, author: string): void {
  const goals = planSectionText(doc, 'goals');
  goals?.delete(0, goals.length);
  goals?.insert(0, text);
  mirror.edited('net-1', doc, author);
}
