import type { TokenCodec } from '../auth/tokens';
import { SqliteAttendanceStore } from '../boards/attendance-store';
import type { SqlDatabase } from '../storage/sql/sql-database';
import type { SqliteDatabase } from '../storage/sqlite-database';
import { AttendanceListService } from './attendance-service';
import { boardPersonSecret, HomeAccess } from './home-access';
import { HomeStore } from './home-store';
import { MeetingService, type MeetingBoards } from './meeting-service';
import { NetworkService } from './network-service';
import { NetworkStore } from './network-store';
import { PersonalLinks } from './personal-links';

export interface NetworkServices {
  networks: NetworkService;
  meetings: MeetingService;
  /** What a personal link reaches beyond the home page: a meeting's board and approved note ([N12]). */
  home: HomeAccess;
  /** Meetings' attendance lists the organiser keeps, and the pair's grant to invite ([N18]–[N19]). */
  attendance: AttendanceListService;
  /** The host part of a calendar event's UID: this instance's public host. */
  calendarHost(): string;
}

/**
 * Networks and their meetings on the stores' database (`sql`, either engine). `db` is the embedded
 * SQLite file only for the boards' attendance store (who joined a board), until it moves onto `sql`.
 */
export function createNetworkServices(
  sql: SqlDatabase,
  db: SqliteDatabase,
  tokens: TokenCodec,
  publicUrl: () => string,
  boards: MeetingBoards,
): NetworkServices {
  const store = new NetworkStore(sql);
  const networks = new NetworkService(store, new PersonalLinks(tokens, publicUrl));
  const meetings = new MeetingService(store, networks, boards);
  return {
    networks,
    meetings,
    home: new HomeAccess(networks, meetings, new HomeStore(sql), (networkId, personId) =>
      boardPersonSecret(tokens, networkId, personId),
    ),
    attendance: attendanceListService(sql, db),
    calendarHost: () => new URL(publicUrl()).host,
  };
}

/** The one owner of "who attended meeting M" ([N19]); `db` as for createNetworkServices. */
export function attendanceListService(sql: SqlDatabase, db: SqliteDatabase): AttendanceListService {
  return new AttendanceListService({ sql, joins: new SqliteAttendanceStore(db) });
}
