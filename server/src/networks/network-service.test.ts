import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TokenCodec } from '../auth/tokens';
import { openSqliteDatabase, type SqliteDatabase } from '../storage/sqlite-database';
import { BoardRepository } from '../storage/board-repository';
import { SqliteSqlDatabase } from '../storage/sql/sqlite-sql-database';
import { MeetingService, type MeetingBoards, type NewMeeting } from './meeting-service';
import { NetworkError } from './network-error';
import { NetworkService } from './network-service';
import { NetworkStore } from './network-store';
import { PersonalLinks } from './personal-links';

let dir: string;
let db: SqliteDatabase;
let store: NetworkStore;
let networks: NetworkService;
let meetings: MeetingService;
let boardsMade: number;
let failBoards: boolean;
const codec = new TokenCodec(randomBytes(32));

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empiria-networks-'));
  db = openSqliteDatabase(path.join(dir, 'empiria.sqlite'));
  store = new NetworkStore(new SqliteSqlDatabase(db));
  networks = new NetworkService(store, new PersonalLinks(codec, () => 'http://empiria.test'));
  boardsMade = 0;
  failBoards = false;
  const repo = new BoardRepository(new SqliteSqlDatabase(db));
  const boards: MeetingBoards = {
    create: async (title, format, agenda) => {
      if (failBoards) throw new Error('disk full');
      const id = `board-${++boardsMade}`;
      await repo.create({
        id,
        title,
        format,
        formatVersion: 1,
        agenda,
        language: 'pl',
        createdAt: new Date(0).toISOString(),
        invites: [],
      });
      return id;
    },
    replaceAgenda: (boardId, agenda) => repo.setAgenda(boardId, agenda),
    noteApproved: async () => false,
  };
  meetings = new MeetingService(store, networks, boards);
});
afterEach(() => {
  if (db.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Expects a NetworkError with this code. */
async function refusal(act: () => Promise<unknown>): Promise<{ kind: string; code: string }> {
  try {
    await act();
  } catch (error) {
    if (error instanceof NetworkError) return { kind: error.kind, code: error.code };
    throw error;
  }
  throw new Error('expected a refusal');
}

const tableCounts = () =>
  Object.fromEntries(
    [
      'networks',
      'cities',
      'persons',
      'network_members',
      'network_people',
      'personal_links',
      'meetings',
      'invitations',
      'boards',
    ].map((table) => [table, (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n]),
  );

async function cyfrowe() {
  const network = await networks.create({
    name: 'Miasto cyfrowe',
    theme: 'Cyfryzacja usług miejskich',
    description: '',
    facilitator: { name: 'Fela Nowak', email: 'fela@zmp.pl' },
    experts: [{ name: 'Edward Ekspert' }],
    organiser: { name: 'Olga Opiekun' },
  });
  await networks.addMember(network.id, 'Gdynia', 'programme-laureate');
  await networks.addMember(network.id, 'Ełk', 'programme-finalist');
  await networks.addMember(network.id, 'Lublin', 'leader-of-change');
  return network;
}

const meeting = (overrides: Partial<NewMeeting> = {}): NewMeeting => ({
  title: 'Spotkanie 1',
  startsAt: '2027-03-15T10:00',
  mode: 'in-person',
  hostCity: 'Gdynia',
  venue: 'Urząd Miasta, ul. Świętojańska 1',
  room: '',
  cateringNotes: '',
  agenda: [
    { kind: 'step', format: 'format-0', stepId: 'welcome' },
    { kind: 'break', minutes: 30 },
  ],
  ...overrides,
});

describe('networks', () => {
  it('a network is made with its pair and organiser, each with a personal link', async () => {
    const network = await cyfrowe();
    const people = await networks.people(network.id, true);
    expect(people.map((p) => [p.name, p.role])).toEqual([
      ['Fela Nowak', 'facilitator'],
      ['Edward Ekspert', 'expert'],
      ['Olga Opiekun', 'organiser'],
    ]);
    for (const person of people) expect(person.link).toMatch(/^http:\/\/empiria\.test\/me\?token=/);
    expect((await networks.people(network.id, false)).every((p) => p.link === null)).toBe(true);
  });

  it('[N7] a member city added twice is refused, however it is spelled, and nothing is written', async () => {
    const network = await cyfrowe();
    const before = tableCounts();
    expect(await refusal(() => networks.addMember(network.id, '  GDYNIA ', 'observer'))).toEqual({
      kind: 'conflict',
      code: 'already_member',
    });
    expect(tableCounts()).toEqual(before);
  });

  it("[N5] a network's pair neither sees nor changes a person who is also in another network", async () => {
    const a = await cyfrowe();
    const b = await networks.create({ name: 'Zasoby miast', theme: 'Finanse', description: '', experts: [] });
    await networks.addMember(b.id, 'Gdynia', 'programme-laureate');
    // Ala is in B (added by the office); network A's pair tries to link her by her e-mail.
    const ala = await networks.addPerson(b.id, {
      name: 'Ala',
      email: 'ala@gdynia.pl',
      city: 'Gdynia',
      role: 'representative',
    });
    const byPair = { name: 'x', email: 'ala@gdynia.pl', city: 'Gdynia', role: 'representative' as const };
    expect(await refusal(() => networks.addPerson(a.id, byPair, new Date(), false))).toEqual({
      kind: 'conflict',
      code: 'shared_person',
    });
    // The office may link her; then A's pair may change her role there, not her name or e-mail.
    await networks.addPerson(a.id, byPair, new Date(), true);
    expect(
      await refusal(() => networks.updatePerson(a.id, ala.id, { name: 'Ktoś inny' }, new Date(), false)),
    ).toEqual({ kind: 'conflict', code: 'shared_person' });
    await networks.updatePerson(a.id, ala.id, { role: 'substitute' }, new Date(), false);
    expect((await networks.person(b.id, ala.id)).name).toBe('Ala');
  });

  it('a city belongs to several networks, as one city', async () => {
    const a = await cyfrowe();
    const b = await networks.create({ name: 'Zasoby miast', theme: 'Finanse', description: '', experts: [] });
    await networks.addMember(b.id, 'gdynia', 'observer');
    const [inA] = await networks.members(a.id);
    const [inB] = await networks.members(b.id);
    expect(inB?.cityId).toBe(inA?.cityId);
    expect(inB?.city).toBe('Gdynia');
  });

  it('[N8] a representative of a city that is not a member is refused, nothing half-written', async () => {
    const network = await cyfrowe();
    const before = tableCounts();
    expect(
      await refusal(() =>
        networks.addPerson(network.id, { name: 'Ala', city: 'Radom', role: 'representative' }),
      ),
    ).toEqual({ kind: 'conflict', code: 'city_not_member' });
    expect(await refusal(() => networks.addPerson(network.id, { name: 'Ala', role: 'substitute' }))).toEqual({
      kind: 'invalid',
      code: 'city_required',
    });
    // Not even the city "Radom" was kept from the refused request.
    expect(tableCounts()).toEqual(before);
  });

  it('[N8] at most three permanent representatives per city; substitutes beyond them', async () => {
    const network = await cyfrowe();
    for (const name of ['Ala', 'Bea', 'Cela']) {
      await networks.addPerson(network.id, { name, city: 'Gdynia', role: 'representative' });
    }
    expect(
      await refusal(() =>
        networks.addPerson(network.id, { name: 'Dora', city: 'Gdynia', role: 'representative' }),
      ),
    ).toEqual({ kind: 'conflict', code: 'too_many_representatives' });
    await networks.addPerson(network.id, { name: 'Dora', city: 'Gdynia', role: 'substitute' });
    expect((await networks.members(network.id)).find((m) => m.city === 'Gdynia')).toMatchObject({
      representatives: 3,
      substitutes: 1,
    });
  });

  it('[N8] one facilitator and one organiser per network', async () => {
    const network = await cyfrowe();
    expect(
      await refusal(() => networks.addPerson(network.id, { name: 'Inna', role: 'facilitator' })),
    ).toEqual({
      kind: 'conflict',
      code: 'role_taken',
    });
    await networks.addPerson(network.id, { name: 'Druga Ekspertka', role: 'expert' });
  });

  it('the same e-mail is the same person in another network; twice in one network is refused', async () => {
    const a = await cyfrowe();
    const ala = await networks.addPerson(a.id, {
      name: 'Ala',
      email: 'Ala@Gdynia.pl',
      city: 'Gdynia',
      role: 'representative',
    });
    const b = await networks.create({ name: 'Zasoby miast', theme: 'Finanse', description: '', experts: [] });
    await networks.addMember(b.id, 'Gdynia', 'programme-laureate');
    const again = await networks.addPerson(b.id, {
      name: 'Alicja',
      email: 'ala@gdynia.pl',
      role: 'representative',
    });
    expect(again.id).toBe(ala.id);
    expect(again.city).toBe('Gdynia');
    expect(again.link).not.toBe(ala.link);
    expect(
      await refusal(() =>
        networks.addPerson(a.id, { name: 'Ala', email: 'ala@gdynia.pl', role: 'substitute' }),
      ),
    ).toEqual({ kind: 'conflict', code: 'already_in_network' });
  });

  it('a city that still has representatives cannot leave; without them it can', async () => {
    const network = await cyfrowe();
    const ala = await networks.addPerson(network.id, { name: 'Ala', city: 'Gdynia', role: 'representative' });
    const gdynia = (await networks.members(network.id)).find((m) => m.city === 'Gdynia')!;
    expect(await refusal(() => networks.removeMember(network.id, gdynia.cityId))).toEqual({
      kind: 'conflict',
      code: 'city_has_people',
    });
    await networks.removePerson(network.id, ala.id, '2027-01-01T00:00');
    await networks.removeMember(network.id, gdynia.cityId);
    expect((await networks.members(network.id)).map((m) => m.city)).toEqual(['Ełk', 'Lublin']);
  });

  it('[N6] a replaced link and the link of someone who left stop counting', async () => {
    const network = await cyfrowe();
    const ala = await networks.addPerson(network.id, { name: 'Ala', city: 'Gdynia', role: 'representative' });
    const linkIdOf = (url: string) => {
      const verified = codec.verify(new URL(url).searchParams.get('token')!);
      if (!verified.ok || verified.claims.k !== 'personal') throw new Error('not a personal token');
      return verified.claims.i;
    };
    const first = linkIdOf(ala.link!);
    expect(await networks.isLinkActive(first, network.id, ala.id)).toBe(true);
    const second = linkIdOf(await networks.replaceLink(network.id, ala.id));
    expect(await networks.isLinkActive(first, network.id, ala.id)).toBe(false);
    expect(await networks.isLinkActive(second, network.id, ala.id)).toBe(true);
    await networks.removePerson(network.id, ala.id, '2027-01-01T00:00');
    expect(await networks.isLinkActive(second, network.id, ala.id)).toBe(false);
  });

  it("a person's new city must suit every network they represent a city in", async () => {
    const network = await cyfrowe();
    const ala = await networks.addPerson(network.id, { name: 'Ala', city: 'Gdynia', role: 'representative' });
    expect(await refusal(() => networks.updatePerson(network.id, ala.id, { city: 'Radom' }))).toEqual({
      kind: 'conflict',
      code: 'city_not_member',
    });
    expect((await networks.updatePerson(network.id, ala.id, { city: 'Ełk' })).city).toBe('Ełk');
  });
});

describe('meetings', () => {
  it('a meeting gets its board from the agenda’s first format, its invitees from the members', async () => {
    const network = await cyfrowe();
    await networks.addPerson(network.id, { name: 'Ala', city: 'Gdynia', role: 'representative' });
    await networks.addPerson(network.id, { name: 'Zyta', city: 'Gdynia', role: 'substitute' });
    const created = await meetings.create(network.id, meeting());
    expect(created).toMatchObject({
      boardId: 'board-1',
      hostCity: 'Gdynia',
      startsAt: '2027-03-15T10:00',
      timeZone: 'Europe/Warsaw',
    });
    // The step's own minutes, from format 0, plus the break.
    const welcome = created.agenda[0]!;
    expect(welcome.minutes).toBeGreaterThan(0);
    expect(created.endsAt).toBe(
      new Date(Date.parse('2027-03-15T10:00:00Z') + (welcome.minutes + 30) * 60_000)
        .toISOString()
        .slice(0, 16),
    );
    const board = db.prepare('SELECT format FROM boards WHERE id = ?').get('board-1') as { format: string };
    expect(board.format).toBe('format-0');
    const invited = (await meetings.invitations(network.id, created.id)).map((i) => i.name).sort();
    expect(invited).toEqual(['Ala', 'Edward Ekspert', 'Fela Nowak', 'Olga Opiekun']);
  });

  it('[N9] a meeting whose agenda has no items is refused before any board is made', async () => {
    const network = await cyfrowe();
    const before = tableCounts();
    expect(await refusal(() => meetings.create(network.id, meeting({ agenda: [] })))).toEqual({
      kind: 'invalid',
      code: 'empty_agenda',
    });
    expect(
      await refusal(() =>
        meetings.create(
          network.id,
          meeting({ agenda: [{ kind: 'step', format: 'format-2', stepId: 'nope' }] }),
        ),
      ),
    ).toEqual({ kind: 'invalid', code: 'unknown_step' });
    expect(await refusal(() => meetings.create(network.id, meeting({ hostCity: 'Radom' })))).toEqual({
      kind: 'conflict',
      code: 'host_not_member',
    });
    expect(await refusal(() => meetings.create(network.id, meeting({ mode: 'online' })))).toEqual({
      kind: 'invalid',
      code: 'online_has_no_host',
    });
    expect(boardsMade).toBe(0);
    expect(tableCounts()).toEqual(before);
  });

  it('[N11] a board that cannot be made leaves no meeting', async () => {
    const network = await cyfrowe();
    const before = tableCounts();
    failBoards = true;
    await expect(meetings.create(network.id, meeting())).rejects.toThrow('disk full');
    expect(tableCounts()).toEqual(before);
  });

  it('an agenda of own items only gets a blank board', async () => {
    const network = await cyfrowe();
    await meetings.create(network.id, meeting({ agenda: [{ kind: 'free-discussion', minutes: 90 }] }));
    const board = db.prepare('SELECT format FROM boards').get() as { format: string };
    expect(board.format).toBe('blank');
  });

  it('suggests the member city that hosted least often', async () => {
    const network = await cyfrowe();
    expect(await meetings.suggestHost(network.id)).toEqual({ city: 'Ełk', hosted: 0 });
    await meetings.create(network.id, meeting({ hostCity: 'Ełk' }));
    await meetings.create(network.id, meeting({ hostCity: 'Gdynia', startsAt: '2027-06-15T10:00' }));
    expect(await meetings.suggestHost(network.id)).toEqual({ city: 'Lublin', hosted: 0 });
  });

  it('[N10] who cannot come names a substitute of their own city, who is then invited', async () => {
    const network = await cyfrowe();
    const ala = await networks.addPerson(network.id, { name: 'Ala', city: 'Gdynia', role: 'representative' });
    const zyta = await networks.addPerson(network.id, { name: 'Zyta', city: 'Gdynia', role: 'substitute' });
    const ewa = await networks.addPerson(network.id, { name: 'Ewa', city: 'Ełk', role: 'substitute' });
    const created = await meetings.create(network.id, meeting());
    expect(
      await refusal(() => meetings.answer(network.id, created.id, ala.id, 'cannot-come', ewa.id)),
    ).toEqual({
      kind: 'invalid',
      code: 'bad_substitute',
    });
    const answer = await meetings.answer(network.id, created.id, ala.id, 'cannot-come', zyta.id);
    expect(answer).toMatchObject({ answer: 'cannot-come', substituteId: zyta.id });
    const invitedZyta = (await meetings.invitations(network.id, created.id)).find(
      (i) => i.personId === zyta.id,
    );
    expect(invitedZyta).toMatchObject({ substituteFor: ala.id, answer: null });
    // Ala can come after all: Zyta, who had not answered, is no longer invited in her place.
    await meetings.answer(network.id, created.id, ala.id, 'online', null);
    expect((await meetings.invitations(network.id, created.id)).some((i) => i.personId === zyta.id)).toBe(
      false,
    );
    expect(await refusal(() => meetings.answer(network.id, created.id, ewa.id, 'online', null))).toEqual({
      kind: 'conflict',
      code: 'not_invited',
    });
  });

  it("a person's home: the next meeting, and past ones newest first, with their answers", async () => {
    const network = await cyfrowe();
    const ala = await networks.addPerson(network.id, { name: 'Ala', city: 'Gdynia', role: 'representative' });
    const first = await meetings.create(network.id, meeting({ startsAt: '2027-01-10T10:00' }));
    const second = await meetings.create(network.id, meeting({ startsAt: '2027-04-10T10:00' }));
    const third = await meetings.create(network.id, meeting({ startsAt: '2027-07-10T10:00' }));
    await meetings.answer(network.id, third.id, ala.id, 'online', null);
    const home = await meetings.home(network.id, ala.id, new Date('2027-05-01T12:00:00Z'));
    expect(home.role).toBe('representative');
    expect(home.membership).toBe('programme-laureate');
    expect(home.nextMeeting).toMatchObject({ id: third.id, invited: true, answer: 'online' });
    expect(home.pastMeetings.map((m) => m.id)).toEqual([second.id, first.id]);
    expect(home.pastMeetings[0]).toMatchObject({ boardId: second.boardId, noteApproved: false });
  });

  it('the organiser’s practical fields and a mode change update the meeting (and its sequence)', async () => {
    const network = await cyfrowe();
    const created = await meetings.create(network.id, meeting());
    const updated = await meetings.update(network.id, created.id, { room: 'Sala 204', mode: 'online' });
    expect(updated).toMatchObject({ room: 'Sala 204', mode: 'online', hostCity: null });
    expect((await store.meeting(network.id, created.id))?.sequence).toBe(1);
    expect(await refusal(() => meetings.update(network.id, created.id, { agenda: [] }))).toEqual({
      kind: 'invalid',
      code: 'empty_agenda',
    });
  });

  it("a meeting of another network is not found through this one's id", async () => {
    const a = await cyfrowe();
    const b = await networks.create({ name: 'Zasoby miast', theme: 'Finanse', description: '', experts: [] });
    const created = await meetings.create(a.id, meeting());
    expect(await refusal(() => meetings.get(b.id, created.id))).toEqual({
      kind: 'not_found',
      code: 'not_found',
    });
  });
});
