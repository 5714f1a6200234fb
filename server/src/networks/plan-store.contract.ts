import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../storage/sql/sql-database';
import type { StoreFixture } from '../storage/sql/store-fixture';
import { NetworkRows } from './network-rows.test-support';
import { PlanStore, type ActionRecord } from './plan-store';

const action = (
  id: string,
  createdAt: string,
  options: Partial<ActionRecord> = {},
): Omit<ActionRecord, 'ownerCity'> => ({
  id,
  networkId: 'net-1',
  ownerCityId: 'c-gdynia',
  title: `Działanie ${id}`,
  deadline: null,
  status: 'planned',
  notes: '',
  decidedMeetingId: null,
  createdAt,
  ...options,
});

/** What PlanStore promises on every engine; run by plan-store.test.ts and on PostgreSQL. */
export function planStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`PlanStore contract: ${name}`, () => {
    let db: SqlDatabase;
    let cleanup: () => Promise<void>;
    let store: PlanStore;

    beforeEach(async () => {
      ({ db, cleanup } = await open());
      store = new PlanStore(db);
      const rows = new NetworkRows(db);
      await rows.network('net-1');
      await rows.network('net-2', 'Wodna');
      await rows.city('c-gdynia', 'Gdynia');
      await rows.city('c-lodz', 'Łódź');
      await rows.meeting('m-1', 'net-1', 'Przegląd planu');
    });
    afterEach(() => cleanup());

    it('writes a section and rewrites it at a new revision, per network', async () => {
      expect(await store.sections('net-1')).toEqual([]);
      const goals = {
        section: 'goals' as const,
        text: 'Retencja',
        revision: 1,
        updatedAt: 't1',
        updatedBy: 'Fela',
      };
      await store.putSection('net-1', goals);
      await store.putSection('net-1', {
        ...goals,
        text: 'Retencja i zieleń — ąęł',
        revision: 2,
        updatedBy: 'Ala',
      });
      await store.putSection('net-1', { ...goals, section: 'partners', text: 'Politechnika' });
      await store.putSection('net-2', { ...goals, text: 'Inna sieć' });
      expect(await store.sections('net-1')).toEqual(
        expect.arrayContaining([
          {
            section: 'goals',
            text: 'Retencja i zieleń — ąęł',
            revision: 2,
            updatedAt: 't1',
            updatedBy: 'Ala',
          },
          { section: 'partners', text: 'Politechnika', revision: 1, updatedAt: 't1', updatedBy: 'Fela' },
        ]),
      );
      expect(await store.sections('net-1')).toHaveLength(2);
      expect((await store.sections('net-2')).map((s) => s.text)).toEqual(['Inna sieć']);
    });

    it('refuses a section the plan does not have, and revision 0', async () => {
      await expect(
        db.run("INSERT INTO plan_sections VALUES ('net-1', 'budget', 't', 1, 'x', 'Fela')"),
      ).rejects.toThrow();
      await expect(
        db.run("INSERT INTO plan_sections VALUES ('net-1', 'goals', 't', 0, 'x', 'Fela')"),
      ).rejects.toThrow();
    });

    it('keeps actions in the order they were made, with their owner city’s name', async () => {
      await store.insertAction(action('a-z', '2026-11-02T10:00:00.000Z'));
      await store.insertAction(action('a-b', '2026-11-03T10:00:00.000Z', { ownerCityId: 'c-lodz' }));
      await store.insertAction(
        action('a-a', '2026-11-02T10:00:00.000Z', { deadline: '2027-03-01', decidedMeetingId: 'm-1' }),
      );
      await store.insertAction(action('a-x', '2026-11-01T10:00:00.000Z', { networkId: 'net-2' }));
      expect((await store.actions('net-1')).map((a) => a.id)).toEqual(['a-a', 'a-z', 'a-b']);
      expect(await store.action('a-b')).toEqual({
        ...action('a-b', '2026-11-03T10:00:00.000Z', { ownerCityId: 'c-lodz' }),
        ownerCity: 'Łódź',
      });
      expect(await store.action('a-a')).toMatchObject({
        deadline: '2027-03-01',
        decidedMeetingId: 'm-1',
        ownerCity: 'Gdynia',
      });
      expect(await store.action('nope')).toBeNull();
    });

    it('changes an action and records status changes in the order they were made', async () => {
      await store.insertAction(action('a-1', 't0'));
      await store.insertAction(action('a-2', 't0'));
      await store.insertChange({
        actionId: 'a-1',
        at: 't1',
        byName: 'Fela',
        from: null,
        to: 'planned',
        meetingId: null,
      });
      await store.insertChange({
        actionId: 'a-2',
        at: 't1',
        byName: 'Fela',
        from: null,
        to: 'planned',
        meetingId: null,
      });
      await store.updateAction({
        id: 'a-1',
        ownerCityId: 'c-lodz',
        title: 'Nowy tytuł',
        deadline: '2027-01-01',
        status: 'in-progress',
        notes: 'Uwagi',
        decidedMeetingId: 'm-1',
      });
      await store.insertChange({
        actionId: 'a-1',
        at: 't2',
        byName: 'Ala',
        from: 'planned',
        to: 'in-progress',
        meetingId: 'm-1',
      });
      expect(await store.action('a-1')).toMatchObject({
        ownerCityId: 'c-lodz',
        ownerCity: 'Łódź',
        title: 'Nowy tytuł',
        deadline: '2027-01-01',
        status: 'in-progress',
        notes: 'Uwagi',
        decidedMeetingId: 'm-1',
      });
      expect(await store.changes('net-1')).toEqual([
        { actionId: 'a-1', at: 't1', byName: 'Fela', from: null, to: 'planned', meetingId: null },
        { actionId: 'a-2', at: 't1', byName: 'Fela', from: null, to: 'planned', meetingId: null },
        { actionId: 'a-1', at: 't2', byName: 'Ala', from: 'planned', to: 'in-progress', meetingId: 'm-1' },
      ]);
      expect(await store.changes('net-2')).toEqual([]);
    });

    it('finds the meeting held on a board', async () => {
      expect(await store.meetingOfBoard('board-m-1')).toEqual({ meetingId: 'm-1', networkId: 'net-1' });
      expect(await store.meetingOfBoard('no-board')).toBeNull();
    });

    it('a meeting’s removal keeps actions and their history, without it; a network’s takes the plan', async () => {
      await store.insertAction(action('a-1', 't0', { decidedMeetingId: 'm-1' }));
      await store.insertChange({
        actionId: 'a-1',
        at: 't1',
        byName: 'Ala',
        from: 'planned',
        to: 'done',
        meetingId: 'm-1',
      });
      await store.putSection('net-1', {
        section: 'goals',
        text: 'x',
        revision: 1,
        updatedAt: 't',
        updatedBy: 'F',
      });
      await db.run('DELETE FROM meetings WHERE id = ?', ['m-1']);
      expect((await store.action('a-1'))?.decidedMeetingId).toBeNull();
      expect((await store.changes('net-1')).map((c) => c.meetingId)).toEqual([null]);
      await db.run('DELETE FROM networks WHERE id = ?', ['net-1']);
      expect(await store.actions('net-1')).toEqual([]);
      expect(await store.changes('net-1')).toEqual([]);
      expect(await store.sections('net-1')).toEqual([]);
    });

    it('undoes a transaction whose work throws, and refuses a transaction inside one', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.insertAction(action('a-1', 't0'));
          await tx.insertChange({
            actionId: 'a-1',
            at: 't1',
            byName: 'F',
            from: null,
            to: 'planned',
            meetingId: null,
          });
          throw new Error('city_not_member');
        }),
      ).rejects.toThrow('city_not_member');
      expect(await store.actions('net-1')).toEqual([]);
      expect(await store.changes('net-1')).toEqual([]);
      await expect(store.transaction((tx) => tx.transaction(async () => 1))).rejects.toThrow(
        'already inside a transaction',
      );
    });
  });
}
