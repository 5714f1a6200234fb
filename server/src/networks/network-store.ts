import {
  agendaSchema,
  type Agenda,
  type InvitationAnswer,
  type MeetingMode,
  type MembershipType,
  type NetworkRole,
} from '@empiria/shared';
import type { SqliteDatabase } from '../storage/sqlite-database';

/**
 * The networks' tables (migration 8): networks, the cities and people they share, member cities,
 * each person's role and personal link per network, meetings and their invitations. Row-level
 * reads and writes only; the rules are NetworkService's and MeetingService's, which group writes
 * with `transaction` so that a refused request leaves nothing half-written.
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

export class SqliteNetworkStore {
  readonly #db: SqliteDatabase;
  readonly #s;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#s = {
      cityByKey: db.prepare<[string], CityRecord>('SELECT id, name FROM cities WHERE name_key = ?'),
      insertCity: db.prepare<[string, string, string, string]>(
        'INSERT INTO cities (id, name, name_key, created_at) VALUES (?, ?, ?, ?)',
      ),

      insertNetwork: db.prepare<[string, string, string, string, string]>(
        'INSERT INTO networks (id, name, theme, description, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      network: db.prepare<
        [string],
        { id: string; name: string; theme: string; description: string; created_at: string }
      >('SELECT * FROM networks WHERE id = ?'),
      networks: db.prepare<[], { id: string }>('SELECT id FROM networks ORDER BY created_at, id'),
      updateNetwork: db.prepare<[string, string, string, string]>(
        'UPDATE networks SET name = ?, theme = ?, description = ? WHERE id = ?',
      ),
      counts: db.prepare<[string, string, string], NetworkCounts>(
        `SELECT (SELECT COUNT(*) FROM network_members WHERE network_id = ?) AS members,
                (SELECT COUNT(*) FROM network_people WHERE network_id = ?) AS people,
                (SELECT COUNT(*) FROM meetings WHERE network_id = ?) AS meetings`,
      ),

      insertMember: db.prepare<[string, string, string, string]>(
        'INSERT INTO network_members (network_id, city_id, membership, joined_at) VALUES (?, ?, ?, ?)',
      ),
      members: db.prepare<[string], MemberRow>(
        `SELECT nm.network_id, nm.city_id, c.name AS city, nm.membership, nm.joined_at,
           (SELECT COUNT(*) FROM network_people np JOIN persons p ON p.id = np.person_id
             WHERE np.network_id = nm.network_id AND p.city_id = nm.city_id AND np.role = 'representative') AS representatives,
           (SELECT COUNT(*) FROM network_people np JOIN persons p ON p.id = np.person_id
             WHERE np.network_id = nm.network_id AND p.city_id = nm.city_id AND np.role = 'substitute') AS substitutes
         FROM network_members nm JOIN cities c ON c.id = nm.city_id
         WHERE nm.network_id = ? ORDER BY nm.joined_at, nm.rowid`,
      ),
      updateMembership: db.prepare<[string, string, string]>(
        'UPDATE network_members SET membership = ? WHERE network_id = ? AND city_id = ?',
      ),
      deleteMember: db.prepare<[string, string]>(
        'DELETE FROM network_members WHERE network_id = ? AND city_id = ?',
      ),

      insertPerson: db.prepare<[string, string, string | null, string | null, string]>(
        'INSERT INTO persons (id, name, email, city_id, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      personByEmail: db.prepare<[string], PersonRow>(
        `SELECT ${PERSON_COLUMNS} FROM persons p LEFT JOIN cities c ON c.id = p.city_id WHERE p.email = ?`,
      ),
      updatePerson: db.prepare<[string, string | null, string | null, string]>(
        'UPDATE persons SET name = ?, email = ?, city_id = ? WHERE id = ?',
      ),

      insertNetworkPerson: db.prepare<[string, string, string, string]>(
        'INSERT INTO network_people (network_id, person_id, role, added_at) VALUES (?, ?, ?, ?)',
      ),
      networkPerson: db.prepare<[string, string], NetworkPersonRow>(
        `SELECT ${PERSON_COLUMNS}, np.network_id, np.role, np.added_at
         FROM network_people np JOIN persons p ON p.id = np.person_id LEFT JOIN cities c ON c.id = p.city_id
         WHERE np.network_id = ? AND np.person_id = ?`,
      ),
      networkPeople: db.prepare<[string], NetworkPersonRow>(
        `SELECT ${PERSON_COLUMNS}, np.network_id, np.role, np.added_at
         FROM network_people np JOIN persons p ON p.id = np.person_id LEFT JOIN cities c ON c.id = p.city_id
         WHERE np.network_id = ? ORDER BY np.added_at, np.rowid`,
      ),
      rolesOf: db.prepare<[string], { networkId: string; role: NetworkRole }>(
        'SELECT network_id AS networkId, role FROM network_people WHERE person_id = ?',
      ),
      updateRole: db.prepare<[string, string, string]>(
        'UPDATE network_people SET role = ? WHERE network_id = ? AND person_id = ?',
      ),
      deleteNetworkPerson: db.prepare<[string, string]>(
        'DELETE FROM network_people WHERE network_id = ? AND person_id = ?',
      ),

      insertLink: db.prepare<[string, string, string, string]>(
        'INSERT INTO personal_links (id, network_id, person_id, created_at) VALUES (?, ?, ?, ?)',
      ),
      activeLink: db.prepare<[string, string], { id: string }>(
        'SELECT id FROM personal_links WHERE network_id = ? AND person_id = ? AND revoked_at IS NULL',
      ),
      revokeLinks: db.prepare<[string, string, string]>(
        'UPDATE personal_links SET revoked_at = ? WHERE network_id = ? AND person_id = ? AND revoked_at IS NULL',
      ),
      linkActive: db.prepare<[string, string, string], { one: number }>(
        `SELECT 1 AS one FROM personal_links l
         JOIN network_people np ON np.network_id = l.network_id AND np.person_id = l.person_id
         WHERE l.id = ? AND l.network_id = ? AND l.person_id = ? AND l.revoked_at IS NULL`,
      ),

      insertMeeting: db.prepare<
        [
          string,
          string,
          string,
          string,
          string,
          string,
          string | null,
          string,
          string,
          string,
          string,
          string,
        ]
      >(
        `INSERT INTO meetings (id, network_id, board_id, title, starts_at, mode, host_city_id, venue, room,
           catering_notes, agenda, sequence, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
      ),
      meeting: db.prepare<[string, string], MeetingRow>(
        `SELECT ${MEETING_COLUMNS} FROM meetings m LEFT JOIN cities c ON c.id = m.host_city_id
         WHERE m.network_id = ? AND m.id = ?`,
      ),
      meetings: db.prepare<[string], MeetingRow>(
        `SELECT ${MEETING_COLUMNS} FROM meetings m LEFT JOIN cities c ON c.id = m.host_city_id
         WHERE m.network_id = ? ORDER BY m.starts_at, m.created_at`,
      ),
      updateMeeting: db.prepare<
        [string, string, string, string | null, string, string, string, string, string, string]
      >(
        `UPDATE meetings SET title = ?, starts_at = ?, mode = ?, host_city_id = ?, venue = ?, room = ?,
           catering_notes = ?, agenda = ?, sequence = sequence + 1 WHERE network_id = ? AND id = ?`,
      ),
      hostsOf: db.prepare<[string], { cityId: string; startsAt: string }>(
        `SELECT host_city_id AS cityId, starts_at AS startsAt FROM meetings
         WHERE network_id = ? AND host_city_id IS NOT NULL`,
      ),
      hostedMeetings: db.prepare<[string, string], { n: number }>(
        'SELECT COUNT(*) AS n FROM meetings WHERE network_id = ? AND host_city_id = ?',
      ),

      insertInvitation: db.prepare<[string, string, string | null]>(
        'INSERT INTO invitations (meeting_id, person_id, substitute_for) VALUES (?, ?, ?)',
      ),
      invitations: db.prepare<[string], InvitationRow>(
        `SELECT i.meeting_id, i.person_id, p.name, p.city_id, c.name AS city, np.role, i.substitute_for,
                i.answer, i.substitute_id, i.answered_at
         FROM invitations i JOIN meetings m ON m.id = i.meeting_id
         JOIN persons p ON p.id = i.person_id LEFT JOIN cities c ON c.id = p.city_id
         LEFT JOIN network_people np ON np.network_id = m.network_id AND np.person_id = i.person_id
         WHERE i.meeting_id = ? ORDER BY c.name_key, p.name, i.person_id`,
      ),
      answer: db.prepare<[string, string | null, string, string, string]>(
        `UPDATE invitations SET answer = ?, substitute_id = ?, answered_at = ?
         WHERE meeting_id = ? AND person_id = ?`,
      ),
      deleteInvitation: db.prepare<[string, string]>(
        'DELETE FROM invitations WHERE meeting_id = ? AND person_id = ?',
      ),
      deleteUnansweredSubstitutes: db.prepare<[string, string]>(
        'DELETE FROM invitations WHERE meeting_id = ? AND substitute_for = ? AND answer IS NULL',
      ),
      deleteInvitationsFrom: db.prepare<[string, string, string]>(
        `DELETE FROM invitations WHERE person_id = ? AND meeting_id IN
           (SELECT id FROM meetings WHERE network_id = ? AND starts_at > ?)`,
      ),
    };
  }

  /** Runs `write` in one SQLite transaction: all of it is stored, or none of it. */
  transaction<T>(write: () => T): T {
    return this.#db.transaction(write)();
  }

  cityByName(name: string): CityRecord | null {
    return this.#s.cityByKey.get(cityKey(name)) ?? null;
  }

  insertCity(city: CityRecord, now: string): void {
    this.#s.insertCity.run(city.id, city.name, cityKey(city.name), now);
  }

  insertNetwork(network: NetworkRecord): void {
    this.#s.insertNetwork.run(
      network.id,
      network.name,
      network.theme,
      network.description,
      network.createdAt,
    );
  }

  network(id: string): NetworkRecord | null {
    const row = this.#s.network.get(id);
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

  networkIds(): string[] {
    return this.#s.networks.all().map((row) => row.id);
  }

  updateNetwork(network: NetworkRecord): void {
    this.#s.updateNetwork.run(network.name, network.theme, network.description, network.id);
  }

  counts(networkId: string): NetworkCounts {
    return this.#s.counts.get(networkId, networkId, networkId) as NetworkCounts;
  }

  insertMember(networkId: string, cityId: string, membership: MembershipType, now: string): void {
    this.#s.insertMember.run(networkId, cityId, membership, now);
  }

  members(networkId: string): MemberRecord[] {
    return this.#s.members.all(networkId).map(toMember);
  }

  member(networkId: string, cityId: string): MemberRecord | null {
    return this.members(networkId).find((member) => member.cityId === cityId) ?? null;
  }

  updateMembership(networkId: string, cityId: string, membership: MembershipType): void {
    this.#s.updateMembership.run(membership, networkId, cityId);
  }

  deleteMember(networkId: string, cityId: string): void {
    this.#s.deleteMember.run(networkId, cityId);
  }

  insertPerson(person: Omit<PersonRecord, 'city'>, now: string): void {
    this.#s.insertPerson.run(person.id, person.name, person.email, person.cityId, now);
  }

  personByEmail(email: string): PersonRecord | null {
    const row = this.#s.personByEmail.get(email);
    return row ? toPerson(row) : null;
  }

  updatePerson(person: Omit<PersonRecord, 'city'>): void {
    this.#s.updatePerson.run(person.name, person.email, person.cityId, person.id);
  }

  insertNetworkPerson(networkId: string, personId: string, role: NetworkRole, now: string): void {
    this.#s.insertNetworkPerson.run(networkId, personId, role, now);
  }

  networkPerson(networkId: string, personId: string): NetworkPersonRecord | null {
    const row = this.#s.networkPerson.get(networkId, personId);
    return row ? toNetworkPerson(row) : null;
  }

  networkPeople(networkId: string): NetworkPersonRecord[] {
    return this.#s.networkPeople.all(networkId).map(toNetworkPerson);
  }

  /** Every network the person is in, with their role there. */
  rolesOf(personId: string): { networkId: string; role: NetworkRole }[] {
    return this.#s.rolesOf.all(personId);
  }

  updateRole(networkId: string, personId: string, role: NetworkRole): void {
    this.#s.updateRole.run(role, networkId, personId);
  }

  deleteNetworkPerson(networkId: string, personId: string): void {
    this.#s.deleteNetworkPerson.run(networkId, personId);
  }

  insertLink(linkId: string, networkId: string, personId: string, now: string): void {
    this.#s.insertLink.run(linkId, networkId, personId, now);
  }

  activeLinkId(networkId: string, personId: string): string | null {
    return this.#s.activeLink.get(networkId, personId)?.id ?? null;
  }

  revokeLinks(networkId: string, personId: string, now: string): void {
    this.#s.revokeLinks.run(now, networkId, personId);
  }

  /** A link counts while it is not revoked and its person is still in its network. */
  isLinkActive(linkId: string, networkId: string, personId: string): boolean {
    return this.#s.linkActive.get(linkId, networkId, personId) !== undefined;
  }

  insertMeeting(meeting: Omit<MeetingRecord, 'hostCity' | 'sequence'>): void {
    this.#s.insertMeeting.run(
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
    );
  }

  meeting(networkId: string, meetingId: string): MeetingRecord | null {
    const row = this.#s.meeting.get(networkId, meetingId);
    return row ? toMeeting(row) : null;
  }

  /** Oldest first. */
  meetings(networkId: string): MeetingRecord[] {
    return this.#s.meetings.all(networkId).map(toMeeting);
  }

  updateMeeting(meeting: Omit<MeetingRecord, 'hostCity' | 'sequence' | 'boardId' | 'createdAt'>): void {
    this.#s.updateMeeting.run(
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
    );
  }

  hostsOf(networkId: string): { cityId: string; startsAt: string }[] {
    return this.#s.hostsOf.all(networkId);
  }

  hostedMeetings(networkId: string, cityId: string): number {
    return this.#s.hostedMeetings.get(networkId, cityId)?.n ?? 0;
  }

  insertInvitation(meetingId: string, personId: string, substituteFor: string | null = null): void {
    this.#s.insertInvitation.run(meetingId, personId, substituteFor);
  }

  invitations(meetingId: string): InvitationRecord[] {
    return this.#s.invitations.all(meetingId).map(toInvitation);
  }

  invitation(meetingId: string, personId: string): InvitationRecord | null {
    return this.invitations(meetingId).find((invitation) => invitation.personId === personId) ?? null;
  }

  answer(
    meetingId: string,
    personId: string,
    answer: InvitationAnswer,
    substituteId: string | null,
    now: string,
  ): void {
    this.#s.answer.run(answer, substituteId, now, meetingId, personId);
  }

  deleteInvitation(meetingId: string, personId: string): void {
    this.#s.deleteInvitation.run(meetingId, personId);
  }

  /** The substitutes a person named before and who have not answered yet (their answer replaced). */
  deleteUnansweredSubstitutes(meetingId: string, forPersonId: string): void {
    this.#s.deleteUnansweredSubstitutes.run(meetingId, forPersonId);
  }

  /** A person who leaves a network is no longer invited to its meetings that start after `nowLocal`. */
  deleteUpcomingInvitations(networkId: string, personId: string, nowLocal: string): void {
    this.#s.deleteInvitationsFrom.run(personId, networkId, nowLocal);
  }
}
