import type { TokenCodec } from '../auth/tokens';
import type { SqliteDatabase } from '../storage/sqlite-database';
import { boardPersonSecret, HomeAccess } from './home-access';
import { SqliteHomeStore } from './home-store';
import { MeetingService, type MeetingBoards } from './meeting-service';
import { NetworkService } from './network-service';
import { SqliteNetworkStore } from './network-store';
import { PersonalLinks } from './personal-links';

export interface NetworkServices {
  networks: NetworkService;
  meetings: MeetingService;
  /** What a personal link reaches beyond the home page: a meeting's board and approved note ([N12]). */
  home: HomeAccess;
  /** The host part of a calendar event's UID: this instance's public host. */
  calendarHost(): string;
}

/** Networks and their meetings on the embedded SQLite database. */
export function createNetworkServices(
  db: SqliteDatabase,
  tokens: TokenCodec,
  publicUrl: () => string,
  boards: MeetingBoards,
): NetworkServices {
  const store = new SqliteNetworkStore(db);
  const networks = new NetworkService(store, new PersonalLinks(tokens, publicUrl));
  const meetings = new MeetingService(store, networks, boards);
  return {
    networks,
    meetings,
    home: new HomeAccess(networks, meetings, new SqliteHomeStore(db), (networkId, personId) =>
      boardPersonSecret(tokens, networkId, personId),
    ),
    calendarHost: () => new URL(publicUrl()).host,
  };
}
