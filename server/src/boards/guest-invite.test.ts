import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROLES } from '@empiria/shared';
import { TokenCodec } from '../auth/tokens';
import { openSqliteDatabase, type SqliteDatabase } from '../storage/sqlite-database';
import { BoardRepository } from '../storage/board-repository';
import { SqliteSqlDatabase } from '../storage/sql/sqlite-sql-database';
import { BoardService } from './board-service';
import { PeopleService } from './people-service';
import { PeopleStore } from './people-store';

/**
 * Every board has a guest expert's link ([G1]): a board made before the role existed, with one
 * link for each of the other roles, gets its guest link the first time its links are read, once.
 */
let db: SqliteDatabase;
let repo: BoardRepository;
let boards: BoardService;

beforeEach(async () => {
  db = openSqliteDatabase(':memory:');
  repo = new BoardRepository(new SqliteSqlDatabase(db));
  boards = new BoardService({
    repo,
    tokens: new TokenCodec(Buffer.alloc(32, 7)),
    publicUrl: () => 'http://empiria.test',
    sessionTtlSeconds: 3600,
    people: new PeopleService(new PeopleStore(new SqliteSqlDatabase(db))),
  });
  await repo.create({
    id: 'oldboard1',
    title: 'Sieć sprzed gości',
    format: 'blank',
    formatVersion: 1,
    language: 'pl',
    createdAt: new Date(0).toISOString(),
    invites: ROLES.filter((role) => role !== 'guest').map((role) => ({ id: `inv-${role}`, role })),
  });
});
afterEach(() => db.close());

describe('the guest link of a board made before guests ([G1])', () => {
  it('is made on the first read, kept on the next, and leaves the other links as they were', async () => {
    const before = (await repo.activeInvites('oldboard1')).map((invite) => invite.id);
    const first = await boards.invitesOf('oldboard1');
    expect(Object.keys(first).sort()).toEqual([...ROLES].sort());
    expect(first.guest).toMatch(/^http:\/\/empiria\.test\/b\/oldboard1\?token=/);
    const second = await boards.invitesOf('oldboard1');
    expect(second.guest).toBe(first.guest);
    const after = await repo.activeInvites('oldboard1');
    expect(after.filter((invite) => invite.role === 'guest')).toHaveLength(1);
    // No other role's link was replaced: every old invite is still active.
    for (const id of before) expect(await repo.isInviteActive(id, 'oldboard1')).toBe(true);
  });
});
