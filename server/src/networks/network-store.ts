import {
  agendaSchema,
  type Agenda,
  type InvitationAnswer,
  type MeetingMode,
  type MembershipType,
  type NetworkRole,
} from '@empiria/shared';
import { inTransaction, type SqlQueries } from '../storage/sql/sql-database';

/**
 * The networks' tables (migration 8): networks, the cities and people they share, member cities,
 * each person's role and personal link per network, meetings and their invitations. Row-level
 * reads and writes only, on either engine; the rules are NetworkService's and MeetingService's,
 * which group a check and its writes with `transaction` (whose work gets the store bound to that
 * transaction) so that a refused request leaves nothing half-written.
 */

export interface CityRecord {
  id: string;
  name: string;
}

export interface NetworkRecord {
  id: string;
  name: string;
  theme: string;
  description: string;
  createdAt: string;
}

export interface NetworkCounts {
  members: number;
  people: number;
  meetings: number;
}

export interface MemberRecord {
  networkId: string;
  cityId: string;
  city: string;
  membership: MembershipType;
  joinedAt: string;
  representatives: number;
  substitutes: number;
}

export interface PersonRecord {
  id: string;
  name: string;
  /** Lower-cased: the key that makes one person of the same human in several networks. */
  email: string | null;
  cityId: string | null;
  city: string | null;
}

export interface NetworkPersonRecord extends PersonRecord {
  networkId: string;
  role: NetworkRole;
  addedAt: string;
}

export interface MeetingRecord {
  id: string;
  networkId: string;
  boardId: string;
  title: string;
  startsAt: string;
  mode: MeetingMode;
  hostCityId: string | null;
  hostCity: string | null;
  venue: string;
  room: string;
  cateringNotes: string;
  agenda: Agenda;
  /** Raised with every change, so a calendar replaces its copy of the event (RFC 5545 SEQUENCE). */
  sequence: number;
  createdAt: string;
}

export interface InvitationRecord {
  meetingId: string;
  personId: string;
  name: string;
  cityId: string | null;
  city: string | null;
  /** The invitee's role in the meeting's network (null once they have left it). */
  role: NetworkRole | null;
  substituteFor: string | null;
  answer: InvitationAnswer | null;
  substituteId: string | null;
  answeredAt: string | null;
}

interface MemberRow {
  network_id: string;
  city_id: string;
  city: string;
  membership: MembershipType;
  joined_at: string;
  representatives: number;
  substitutes: number;
}
interface PersonRow {
  id: string;
  name: string;
  email: string | null;
  city_id: string | null;
  city: string | null;
}
interface NetworkPersonRow extends PersonRow {
  network_id: string;
  role: NetworkRole;
  added_at: string;
}
interface MeetingRow {
  id: string;
  network_id: string;
  board_id: string;
  title: string;
  starts_at: string;
  mode: MeetingMode;
  host_city_id: string | null;
  host_city: string | null;
  venue: string;
  room: string;
  catering_notes: string;
  agenda: string;
  sequence: number;
  created_at: string;
}
interface InvitationRow {
  meeting_id: string;
  person_id: string;
  name: string;
  city_id: string | null;
  city: string | null;
  role: NetworkRole | null;
  substitute_for: string | null;
  answer: InvitationAnswer | null;
  substitute_id: string | null;
  answered_at: string | null;
}

const toMember = (row: MemberRow): MemberRecord => ({
  networkId: row.network_id,
  cityId: row.city_id,
  city: row.city,
  membership: row.membership,
  joinedAt: row.joined_at,
  representatives: row.representatives,
  substitutes: row.substitutes,
});
const toPerson = (row: PersonRow): PersonRecord => ({
  id: row.id,
  name: row.name,
  email: row.email,
  cityId: row.city_id,
  city: row.city,
});
const toNetworkPerson = (row: NetworkPersonRow): NetworkPersonRecord => ({
  ...toPerson(row),
  networkId: row.network_id,
  role: row.role,
  addedAt: row.added_at,
});
const toMeeting = (row: MeetingRow): MeetingRecord => ({
  id: row.id,
  networkId: row.network_id,
  boardId: row.board_id,
  title: row.title,
  startsAt: row.starts_at,
  mode: row.mode,
  hostCityId: row.host_city_id,
  hostCity: row.host_city,
  venue: row.venue,
  room: row.room,
  cateringNotes: row.catering_notes,
  // Written by this module from a validated agenda; parsed again so a hand-edited row fails loudly.
  agenda: agendaSchema.parse(JSON.parse(row.agenda)),
  sequence: row.sequence,
  createdAt: row.created_at,
});
const toInvitation = (row: InvitationRow): InvitationRecord => ({
  meetingId: row.meeting_id,
  personId: row.person_id,
  name: row.name,
  cityId: row.city_id,
  city: row.city,
  role: row.role,
  substituteFor: row.substitute_for,
  answer: row.answer,
  substituteId: row.substitute_id,
  answeredAt: row.answered_at,
});

/** A city's name folded for comparison: "GDYNIA ", "Gdynia" and a decomposed "Ełk" are one city. */
export function cityKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('pl');
}

const PERSON_COLUMNS = `p.id, p.name, p.email, p.city_id, c.name AS city`;
const MEETING_COLUMNS = `m.*, c.name AS host_city`;

const MEMBER_QUERY = `SELECT nm.network_id, nm.city_id, c.name AS city, nm.membership, nm.joined_at,
   (SELECT COUNT(*) FROM network_people np JOIN persons p ON p.id = np.person_id
     WHERE np.network_id = nm.network_id AND p.city_id = nm.city_id AND np.role = 'representative') AS representatives,
   (SELECT COUNT(*) FROM network_people np JOIN persons p ON p.id = np.person_id
     WHERE np.network_id = nm.network_id AND p.city_id = nm.city_id AND np.role = 'substitute') AS substitutes
 FROM network_members nm JOIN cities c ON c.id = nm.city_id`;
const NETWORK_PERSON_QUERY = `SELECT ${PERSON_COLUMNS}, np.network_id, np.role, np.added_at
 FROM network_people np JOIN persons p ON p.id = np.person_id LEFT JOIN cities c ON c.id = p.city_id`;
const INVITATION_QUERY = `SELECT i.meeting_id, i.person_id, p.name, p.city_id, c.name AS city, np.role, i.substitute_for,
        i.answer, i.substitute_id, i.answered_at
 FROM invitations i JOIN meetings m ON m.id = i.meeting_id
 JOIN persons p ON p.id = i.person_id LEFT JOIN cities c ON c.id = p.city_id
 LEFT JOIN network_people np ON np.network_id = m.network_id AND np.person_id = i.person_id`;

/**
 * Insertion order breaks ties among rows added in the same millisecond: SQLite's implicit rowid,
 * and on PostgreSQL the identity column of that name its schema gives `network_members` and
 * `network_people` (postgres-migrations.ts, POSTGRES_ROWID_TABLES).
 */
export class NetworkStore {
  readonly #sql: SqlQueries;

  constructor(sql: SqlQueries) {
    this.#sql = sql;
  }

  /**
   * Runs `work` in one transaction, all of it stored or none; `work` uses the store it is given. A
   * store already bound to a transaction joins it (no savepoint): the caller's transaction, which
   * groups several changes as one (the demo's networks), decides for all of them.
   */
  transaction<T>(work: (store: NetworkStore) => Promise<T>): Promise<T> {
    if (!('transaction' in this.#sql)) return work(this);
    return inTransaction(this.#sql, (tx) => work(new NetworkStore(tx)));
  }

  async cityByName(name: string): Promise<CityRecord | null> {
    const row = await this.#sql.get<CityRecord>('SELECT id, name FROM cities WHERE name_key = ?', [
      cityKey(name),
    ]);
    return row ?? null;
  }

  async insertCity(city: CityRecord, now: string): Promise<void> {
    await this.#sql.run('INSERT INTO cities (id, name, name_key, created_at) VALUES (?, ?, ?, ?)', [
      city.id,
      city.name,
      cityKey(city.name),
      now,
    ]);
  }

  async insertNetwork(network: NetworkRecord): Promise<void> {
    await this.#sql.run(
      'INSERT INTO networks (id, name, theme, description, created_at) VALUES (?, ?, ?, ?, ?)',
      [network.id, network.name, network.theme, network.description, network.createdAt],
    );
  }

  async network(id: string): Promise<NetworkRecord | null> {
    const row = await this.#sql.get<{
      id: string;
      name: string;
      theme: string;
      description: string;
      created_at: string;
    }>('SELECT id, name, theme, description, created_at FROM networks WHERE id = ?', [id]);
    return row
      ? {
          id: row.id,
          name: row.name,
          theme: row.theme,
          description: row.description,
          createdAt: row.created_at,
        }
      : null;
  }

  async networkIds(): Promise<string[]> {
    const rows = await this.#sql.all<{ id: string }>('SELECT id FROM networks ORDER BY created_at, id');
    return rows.map((row) => row.id);
  }

  async updateNetwork(network: NetworkRecord): Promise<void> {
    await this.#sql.run('UPDATE networks SET name = ?, theme = ?, description = ? WHERE id = ?', [
      network.name,
      network.theme,
      network.description,
      network.id,
    ]);
  }

  async counts(networkId: string): Promise<NetworkCounts> {
    const row = await this.#sql.get<NetworkCounts>(
      `SELECT (SELECT COUNT(*) FROM network_members WHERE network_id = ?) AS members,
              (SELECT COUNT(*) FROM network_people WHERE network_id = ?) AS people,
              (SELECT COUNT(*) FROM meetings WHERE network_id = ?) AS meetings`,
      [networkId, networkId, networkId],
    );
    return row ?? { members: 0, people: 0, meetings: 0 };
  }

  async insertMember(
    networkId: string,
    cityId: string,
    membership: MembershipType,
    now: string,
  ): Promise<void> {
    await this.#sql.run(
      'INSERT INTO network_members (network_id, city_id, membership, joined_at) VALUES (?, ?, ?, ?)',
      [networkId, cityId, membership, now],
    );
  }

  /** In the order they joined. */
  async members(networkId: string): Promise<MemberRecord[]> {
    const rows = await this.#sql.all<MemberRow>(
      `${MEMBER_QUERY} WHERE nm.network_id = ? ORDER BY nm.joined_at, nm.rowid`,
      [networkId],
    );
    return rows.map(toMember);
  }

  async member(networkId: string, cityId: string): Promise<MemberRecord | null> {
    const row = await this.#sql.get<MemberRow>(`${MEMBER_QUERY} WHERE nm.network_id = ? AND nm.city_id = ?`, [
      networkId,
      cityId,
    ]);
    return row ? toMember(row) : null;
  }

  async updateMembership(networkId: string, cityId: string, membership: MembershipType): Promise<void> {
    await this.#sql.run('UPDATE network_members SET membership = ? WHERE network_id = ? AND city_id = ?', [
      membership,
      networkId,
      cityId,
    ]);
  }

  async deleteMember(networkId: string, cityId: string): Promise<void> {
    await this.#sql.run('DELETE FROM network_members WHERE network_id = ? AND city_id = ?', [
      networkId,
      cityId,
    ]);
  }

  async insertPerson(person: Omit<PersonRecord, 'city'>, now: string): Promise<void> {
    await this.#sql.run('INSERT INTO persons (id, name, email, city_id, created_at) VALUES (?, ?, ?, ?, ?)', [
      person.id,
      person.name,
      person.email,
      person.cityId,
      now,
    ]);
  }

  async personByEmail(email: string): Promise<PersonRecord | null> {
    const row = await this.#sql.get<PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM persons p LEFT JOIN cities c ON c.id = p.city_id WHERE p.email = ?`,
      [email],
    );
    return row ? toPerson(row) : null;
  }

  async updatePerson(person: Omit<PersonRecord, 'city'>): Promise<void> {
    await this.#sql.run('UPDATE persons SET name = ?, email = ?, city_id = ? WHERE id = ?', [
      person.name,
      person.email,
      person.cityId,
      person.id,
    ]);
  }

  async insertNetworkPerson(
    networkId: string,
    personId: string,
    role: NetworkRole,
    now: string,
  ): Promise<void> {
    await this.#sql.run(
      'INSERT INTO network_people (network_id, person_id, role, added_at) VALUES (?, ?, ?, ?)',
      [networkId, personId, role, now],
    );
  }

  async networkPerson(networkId: string, personId: string): Promise<NetworkPersonRecord | null> {
    const row = await this.#sql.get<NetworkPersonRow>(
      `${NETWORK_PERSON_QUERY} WHERE np.network_id = ? AND np.person_id = ?`,
      [networkId, personId],
    );
    return row ? toNetworkPerson(row) : null;
  }

  /** In the order they were added. */
  async networkPeople(networkId: string): Promise<NetworkPersonRecord[]> {
    const rows = await this.#sql.all<NetworkPersonRow>(
      `${NETWORK_PERSON_QUERY} WHERE np.network_id = ? ORDER BY np.added_at, np.rowid`,
      [networkId],
    );
    return rows.map(toNetworkPerson);
  }

  /** Every network the person is in, with their role there. */
  async rolesOf(personId: string): Promise<{ networkId: string; role: NetworkRole }[]> {
    const rows = await this.#sql.all<{ network_id: string; role: NetworkRole }>(
      'SELECT network_id, role FROM network_people WHERE person_id = ? ORDER BY network_id',
      [personId],
    );
    return rows.map((row) => ({ networkId: row.network_id, role: row.role }));
  }

  async updateRole(networkId: string, personId: string, role: NetworkRole): Promise<void> {
    await this.#sql.run('UPDATE network_people SET role = ? WHERE network_id = ? AND person_id = ?', [
      role,
      networkId,
      personId,
    ]);
  }

  async deleteNetworkPerson(networkId: string, personId: string): Promise<void> {
    await this.#sql.run('DELETE FROM network_people WHERE network_id = ? AND person_id = ?', [
      networkId,
      personId,
    ]);
  }

  async insertLink(linkId: string, networkId: string, personId: string, now: string): Promise<void> {
    await this.#sql.run(
      'INSERT INTO personal_links (id, network_id, person_id, created_at) VALUES (?, ?, ?, ?)',
      [linkId, networkId, personId, now],
    );
  }

  async activeLinkId(networkId: string, personId: string): Promise<string | null> {
    const row = await this.#sql.get<{ id: string }>(
      'SELECT id FROM personal_links WHERE network_id = ? AND person_id = ? AND revoked_at IS NULL',
      [networkId, personId],
    );
    return row?.id ?? null;
  }

  async revokeLinks(networkId: string, personId: string, now: string): Promise<void> {
    await this.#sql.run(
      'UPDATE personal_links SET revoked_at = ? WHERE network_id = ? AND person_id = ? AND revoked_at IS NULL',
      [now, networkId, personId],
    );
  }

  /** A link counts while it is not revoked and its person is still in its network. */
  async isLinkActive(linkId: string, networkId: string, personId: string): Promise<boolean> {
    const row = await this.#sql.get<{ one: number }>(
      `SELECT 1 AS one FROM personal_links l
       JOIN network_people np ON np.network_id = l.network_id AND np.person_id = l.person_id
       WHERE l.id = ? AND l.network_id = ? AND l.person_id = ? AND l.revoked_at IS NULL`,
      [linkId, networkId, personId],
    );
    return row !== undefined;
  }

  async insertMeeting(meeting: Omit<MeetingRecord, 'hostCity' | 'sequence'>): Promise<void> {
    await this.#sql.run(
      `INSERT INTO meetings (id, network_id, board_id, title, starts_at, mode, host_city_id, venue, room,
         catering_notes, agenda, sequence, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
      [
        meeting.id,
        meeting.networkId,
        meeting.boardId,
        meeting.title,
        meeting.startsAt,
        meeting.mode,
        meeting.hostCityId,
        meeting.venue,
        meeting.room,
        meeting.cateringNotes,
        JSON.stringify(meeting.agenda),
        meeting.createdAt,
      ],
    );
  }

  async meeting(networkId: string, meetingId: string): Promise<MeetingRecord | null> {
    const row = await this.#sql.get<MeetingRow>(
      `SELECT ${MEETING_COLUMNS} FROM meetings m LEFT JOIN cities c ON c.id = m.host_city_id
       WHERE m.network_id = ? AND m.id = ?`,
      [networkId, meetingId],
    );
    return row ? toMeeting(row) : null;
  }

  /** Oldest first. */
  async meetings(networkId: string): Promise<MeetingRecord[]> {
    const rows = await this.#sql.all<MeetingRow>(
      `SELECT ${MEETING_COLUMNS} FROM meetings m LEFT JOIN cities c ON c.id = m.host_city_id
       WHERE m.network_id = ? ORDER BY m.starts_at, m.created_at, m.id`,
      [networkId],
    );
    return rows.map(toMeeting);
  }

  async updateMeeting(
    meeting: Omit<MeetingRecord, 'hostCity' | 'sequence' | 'boardId' | 'createdAt'>,
  ): Promise<void> {
    await this.#sql.run(
      `UPDATE meetings SET title = ?, starts_at = ?, mode = ?, host_city_id = ?, venue = ?, room = ?,
         catering_notes = ?, agenda = ?, sequence = sequence + 1 WHERE network_id = ? AND id = ?`,
      [
        meeting.title,
        meeting.startsAt,
        meeting.mode,
        meeting.hostCityId,
        meeting.venue,
        meeting.room,
        meeting.cateringNotes,
        JSON.stringify(meeting.agenda),
        meeting.networkId,
        meeting.id,
      ],
    );
  }

  async hostsOf(networkId: string): Promise<{ cityId: string; startsAt: string }[]> {
    const rows = await this.#sql.all<{ host_city_id: string; starts_at: string }>(
      `SELECT host_city_id, starts_at FROM meetings
       WHERE network_id = ? AND host_city_id IS NOT NULL ORDER BY starts_at, id`,
      [networkId],
    );
    return rows.map((row) => ({ cityId: row.host_city_id, startsAt: row.starts_at }));
  }

  async hostedMeetings(networkId: string, cityId: string): Promise<number> {
    const row = await this.#sql.get<{ n: number }>(
      'SELECT COUNT(*) AS n FROM meetings WHERE network_id = ? AND host_city_id = ?',
      [networkId, cityId],
    );
    return row?.n ?? 0;
  }

  async insertInvitation(
    meetingId: string,
    personId: string,
    substituteFor: string | null = null,
  ): Promise<void> {
    await this.#sql.run('INSERT INTO invitations (meeting_id, person_id, substitute_for) VALUES (?, ?, ?)', [
      meetingId,
      personId,
      substituteFor,
    ]);
  }

  /**
   * By city, then name: the order a list of invitees is read in; those with no city (the pair)
   * first, on both engines (PostgreSQL would put NULL last).
   */
  async invitations(meetingId: string): Promise<InvitationRecord[]> {
    const rows = await this.#sql.all<InvitationRow>(
      `${INVITATION_QUERY} WHERE i.meeting_id = ?
       ORDER BY CASE WHEN c.name_key IS NULL THEN 0 ELSE 1 END, c.name_key, p.name, i.person_id`,
      [meetingId],
    );
    return rows.map(toInvitation);
  }

  async invitation(meetingId: string, personId: string): Promise<InvitationRecord | null> {
    const row = await this.#sql.get<InvitationRow>(
      `${INVITATION_QUERY} WHERE i.meeting_id = ? AND i.person_id = ?`,
      [meetingId, personId],
    );
    return row ? toInvitation(row) : null;
  }

  async answer(
    meetingId: string,
    personId: string,
    answer: InvitationAnswer,
    substituteId: string | null,
    now: string,
  ): Promise<void> {
    await this.#sql.run(
      `UPDATE invitations SET answer = ?, substitute_id = ?, answered_at = ?
       WHERE meeting_id = ? AND person_id = ?`,
      [answer, substituteId, now, meetingId, personId],
    );
  }

  async deleteInvitation(meetingId: string, personId: string): Promise<void> {
    await this.#sql.run('DELETE FROM invitations WHERE meeting_id = ? AND person_id = ?', [
      meetingId,
      personId,
    ]);
  }

  /** The substitutes a person named before and who have not answered yet (their answer replaced). */
  async deleteUnansweredSubstitutes(meetingId: string, forPersonId: string): Promise<void> {
    await this.#sql.run(
      'DELETE FROM invitations WHERE meeting_id = ? AND substitute_for = ? AND answer IS NULL',
      [meetingId, forPersonId],
    );
  }

  /** A person who leaves a network is no longer invited to its meetings that start after `nowLocal`. */
  async deleteUpcomingInvitations(networkId: string, personId: string, nowLocal: string): Promise<void> {
    await this.#sql.run(
      `DELETE FROM invitations WHERE person_id = ? AND meeting_id IN
         (SELECT id FROM meetings WHERE network_id = ? AND starts_at > ?)`,
      [personId, networkId, nowLocal],
    );
  }
}
