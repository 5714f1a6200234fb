import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase, type SqliteDatabase } from '../storage/sqlite-database';
import { BoardRepository } from '../storage/board-repository';
import { SqliteSqlDatabase } from '../storage/sql/sqlite-sql-database';
import { DomainError } from '../domain-error';
import { PeopleService } from './people-service';
import { PeopleStore } from './people-store';

const SECRET = 'device-secret-of-alas-laptop-0001';
const OTHER = 'device-secret-of-alas-phone-00002';

let dir: string;
let file: string;
let db: SqliteDatabase;
let people: PeopleService;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-people-'));
  file = path.join(dir, 'empiria.sqlite');
  db = openSqliteDatabase(file);
  await new BoardRepository(new SqliteSqlDatabase(db)).create({
    id: 'board1234',
    title: 'Sieć',
    format: 'blank',
    formatVersion: 1,
    language: 'pl',
    createdAt: new Date(0).toISOString(),
    invites: [
      { id: 'inv-part', role: 'participant' },
      { id: 'inv-fac', role: 'facilitator' },
    ],
  });
  people = new PeopleService(new PeopleStore(new SqliteSqlDatabase(db)));
});
afterEach(() => {
  if (db.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ala = (deviceSecret?: string, name = 'Ala Wiśniewska') => ({ name, city: 'Gdynia', deviceSecret });
const code = async (work: () => Promise<unknown>) => {
  try {
    await work();
  } catch (error) {
    return error instanceof DomainError ? `${error.kind} ${error.code}` : String(error);
  }
  return 'no error';
};

describe('the people of a board', () => {
  it('[I1] the same device secret through the same role is the same person, kept across restarts', async () => {
    const first = await people.admit('board1234', 'participant', 'inv-part', ala(SECRET), 1000);
    for (let i = 0; i < 4; i++) {
      expect((await people.admit('board1234', 'participant', 'inv-part', ala(SECRET), 2000 + i)).id).toBe(
        first.id,
      );
    }
    // A rotated link of the same role, a corrected name: still the same person.
    const renamed = await people.admit(
      'board1234',
      'participant',
      'inv-new',
      ala(SECRET, 'Alicja Wiśniewska'),
      3000,
    );
    expect(renamed).toMatchObject({ id: first.id, name: 'Alicja Wiśniewska', inviteId: 'inv-new' });
    db.close();
    db = openSqliteDatabase(file);
    people = new PeopleService(new PeopleStore(new SqliteSqlDatabase(db)));
    expect((await people.admit('board1234', 'participant', 'inv-part', ala(SECRET), 4000)).id).toBe(first.id);
    expect(await people.list('board1234', new Set())).toHaveLength(1);
  });

  it('[I1] a join without a known secret is a new person; the secret itself is never stored', async () => {
    const ids = new Set([
      (await people.admit('board1234', 'participant', 'inv-part', ala(), 1)).id,
      (await people.admit('board1234', 'participant', 'inv-part', ala(), 2)).id,
      (await people.admit('board1234', 'participant', 'inv-part', ala(SECRET), 3)).id,
      (await people.admit('board1234', 'participant', 'inv-part', ala(OTHER), 4)).id,
      // the same browser through another role's link is someone else
      (await people.admit('board1234', 'facilitator', 'inv-fac', ala(SECRET), 5)).id,
    ]);
    expect(ids.size).toBe(5);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fs.readFileSync(file).toString('latin1');
    expect(bytes).not.toContain(SECRET);
    const stored = db.prepare('SELECT secret_hash FROM people WHERE secret_hash IS NOT NULL').all() as {
      secret_hash: string;
    }[];
    expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.secret_hash))).toBe(true);
  });

  it('[I2] a merged device joins as its person, is listed as an alias and shows them online', async () => {
    const laptop = await people.admit('board1234', 'participant', 'inv-part', ala(SECRET), 1);
    const phone = await people.admit('board1234', 'participant', 'inv-part', ala(OTHER, 'Ala W.'), 2);
    const fela = await people.admit(
      'board1234',
      'facilitator',
      'inv-fac',
      ala('facilitator-device-secret-0001'),
      3,
    );
    expect(await code(async () => await people.merge('board1234', fela.id, laptop.id))).toBe(
      'conflict different_roles',
    );
    expect(await people.merge('board1234', phone.id, laptop.id)).toEqual({
      alias: phone.id,
      target: laptop.id,
    });
    expect((await people.admit('board1234', 'participant', 'inv-part', ala(OTHER, 'Ala W.'), 4)).id).toBe(
      laptop.id,
    );
    expect((await people.idsOf('board1234', phone.id)).sort()).toEqual([laptop.id, phone.id].sort());
    const list = await people.list('board1234', new Set([phone.id]));
    expect(list.find((p) => p.id === laptop.id)).toMatchObject({ status: 'active', online: true });
    expect(list.find((p) => p.id === phone.id)).toMatchObject({ status: 'merged', mergedInto: laptop.id });
    expect((await people.voterResolver('board1234'))(phone.id)).toEqual({
      id: laptop.id,
      name: 'Ala Wiśniewska',
      city: 'Gdynia',
    });
  });

  it('[I3] a removed person and their aliases stop being active, and their device cannot join again', async () => {
    const laptop = await people.admit('board1234', 'participant', 'inv-part', ala(SECRET), 1);
    const phone = await people.admit('board1234', 'participant', 'inv-part', ala(OTHER), 2);
    const fela = await people.admit('board1234', 'facilitator', 'inv-fac', ala(), 3);
    await people.merge('board1234', phone.id, laptop.id);
    expect(await code(async () => await people.remove('board1234', fela.id, fela.id))).toBe(
      'conflict cannot_remove_self',
    );
    expect((await people.remove('board1234', phone.id, fela.id)).sort()).toEqual(
      [laptop.id, phone.id].sort(),
    );
    expect(await people.isActive('board1234', laptop.id)).toBe(false);
    expect(await people.isActive('board1234', phone.id)).toBe(false);
    expect(await people.isActive('board1234', fela.id)).toBe(true);
    expect(await people.isActive('board1234', 'never-joined')).toBe(false);
    expect(
      await code(async () => await people.admit('board1234', 'participant', 'inv-part', ala(OTHER), 4)),
    ).toBe('forbidden person_removed');
    expect(
      (await people.list('board1234', new Set([laptop.id]))).find((p) => p.id === laptop.id),
    ).toMatchObject({
      status: 'removed',
      online: false,
    });
  });
});
