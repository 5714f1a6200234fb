import type { TokenCodec } from '../auth/tokens';
import type { AttendanceStore } from '../boards/attendance-store';
import type { SqlDatabase } from '../storage/sql/sql-database';
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

/** Networks and their meetings on the stores' database (`sql`, either engine). */
export function createNetworkServices(
  sql: SqlDatabase,
  tokens: TokenCodec,
  publicUrl: () => string,
  boards: MeetingBoards,
  joins: AttendanceStore,
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
    attendance: attendanceListService(sql, joins),
    calendarHost: () => new URL(publicUrl()).host,
  };
}

/** The one owner of "who attended meeting M" ([N19]); `joins`: who joined each board. */
export function attendanceListService(sql: SqlDatabase, joins: AttendanceStore): AttendanceListService {
  return new AttendanceListService({ sql, joins });
}
