import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardAgenda } from '@empiria/shared';
import type { StoreFixture } from './sql/store-fixture';
import { BoardRepository, type NewBoard } from './board-repository';

const agenda: BoardAgenda = [
  { kind: 'step', format: 'format-2', version: 1, stepId: 'challenge', minutes: 30 },
  { kind: 'break', title: 'Przerwa na kawę', minutes: 15 },
];

const board = (id: string, createdAt: string, extra: Partial<NewBoard> = {}): NewBoard => ({
  id,
  title: `Tablica ${id} — Łódź`,
  format: 'format-2',
  formatVersion: 1,
  language: 'pl',
  createdAt,
  invites: [
    { id: `${id}-part`, role: 'participant' },
    { id: `${id}-fac`, role: 'facilitator' },
  ],
  ...extra,
});

/** What BoardRepository promises on every engine; run by board-repository.test.ts and on PostgreSQL. */
export function boardRepositoryContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`BoardRepository contract: ${name}`, () => {
    let fixture: StoreFixture;
    let repo: BoardRepository;

    beforeEach(async () => {
      fixture = await open();
      repo = new BoardRepository(fixture.db);
    });
    afterEach(() => fixture.cleanup());

    it('stores a board with its invites; a plain board reads without an agenda, a meeting board with it', async () => {
      await repo.create(board('b1', '2026-11-30T08:00:00.000Z'));
      await repo.create(
        board('b2', '2026-11-30T09:00:00.000Z', { agenda, formatVersion: 2, language: 'en' }),
      );
      expect(await repo.get('b1')).toEqual({
        id: 'b1',
        title: 'Tablica b1 — Łódź',
        format: 'format-2',
        formatVersion: 1,
        language: 'pl',
        createdAt: '2026-11-30T08:00:00.000Z',
      });
      expect(await repo.get('b2')).toMatchObject({ agenda, formatVersion: 2, language: 'en' });
      expect(await repo.get('nope')).toBeNull();
      expect((await repo.activeInvites('b1')).map((i) => [i.id, i.role, i.revokedAt])).toEqual([
        ['b1-part', 'participant', null],
        ['b1-fac', 'facilitator', null],
      ]);
    });

    it('lists boards newest first, ties by id', async () => {
      await repo.create(board('b-a', '2026-11-30T08:00:00.000Z'));
      await repo.create(board('b-c', '2026-11-30T09:00:00.000Z'));
      await repo.create(board('b-b', '2026-11-30T09:00:00.000Z'));
      expect((await repo.list()).map((b) => b.id)).toEqual(['b-b', 'b-c', 'b-a']);
    });

    it('stores a board and its invites together or not at all', async () => {
      await repo.create(board('b1', '2026-11-30T08:00:00.000Z'));
      // The second invite's id is taken: the whole board is refused.
      await expect(
        repo.create({
          ...board('b2', '2026-11-30T09:00:00.000Z'),
          invites: [
            { id: 'b2-new', role: 'participant' },
            { id: 'b1-part', role: 'facilitator' },
          ],
        }),
      ).rejects.toThrow();
      expect(await repo.get('b2')).toBeNull();
      expect(await repo.isInviteActive('b2-new', 'b2')).toBe(false);
    });

    it('refuses an agenda that is not one, before anything is stored', async () => {
      await expect(repo.create(board('b1', '2026-11-30T08:00:00.000Z', { agenda: [] }))).rejects.toThrow();
      expect(await repo.get('b1')).toBeNull();
    });

    it('an invite is active for its own board only, until rotated; rotation revokes only its role', async () => {
      await repo.create(board('b1', '2026-11-30T08:00:00.000Z'));
      await repo.create(board('b2', '2026-11-30T08:00:00.000Z'));
      expect(await repo.isInviteActive('b1-part', 'b1')).toBe(true);
      expect(await repo.isInviteActive('b1-part', 'b2')).toBe(false);
      expect(await repo.isInviteActive('unknown', 'b1')).toBe(false);
      const replacement = await repo.rotateInvite(
        'b1',
        'participant',
        'b1-part2',
        '2026-11-30T10:00:00.000Z',
      );
      expect(replacement).toEqual({
        id: 'b1-part2',
        boardId: 'b1',
        role: 'participant',
        createdAt: '2026-11-30T10:00:00.000Z',
        revokedAt: null,
      });
      expect(await repo.isInviteActive('b1-part', 'b1')).toBe(false);
      expect(await repo.isInviteActive('b1-part2', 'b1')).toBe(true);
      expect(await repo.isInviteActive('b1-fac', 'b1')).toBe(true);
      expect((await repo.activeInvites('b1')).map((i) => i.id)).toEqual(['b1-fac', 'b1-part2']);
      // A role with no link yet gets its first one.
      await repo.rotateInvite('b1', 'guest', 'b1-guest', '2026-11-30T11:00:00.000Z');
      expect((await repo.activeInvites('b1')).map((i) => i.role)).toEqual([
        'facilitator',
        'participant',
        'guest',
      ]);
    });

    it('a failed rotation leaves the old link working', async () => {
      await repo.create(board('b1', '2026-11-30T08:00:00.000Z'));
      // The replacement's id is taken: the revocation is rolled back with it.
      await expect(
        repo.rotateInvite('b1', 'participant', 'b1-fac', '2026-11-30T10:00:00.000Z'),
      ).rejects.toThrow();
      expect(await repo.isInviteActive('b1-part', 'b1')).toBe(true);
    });

    it('replaces an agenda, refusing one that is not', async () => {
      await repo.create(board('b1', '2026-11-30T08:00:00.000Z', { agenda }));
      const shorter: BoardAgenda = agenda.slice(0, 1);
      await repo.setAgenda('b1', shorter);
      expect((await repo.get('b1'))?.agenda).toEqual(shorter);
      await expect(repo.setAgenda('b1', [] as unknown as BoardAgenda)).rejects.toThrow();
      expect((await repo.get('b1'))?.agenda).toEqual(shorter);
    });
  });
}
