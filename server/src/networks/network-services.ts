import type { TokenCodec } from '../auth/tokens';
import type { SqliteDatabase } from '../storage/sqlite-database';
import { MeetingService, type MeetingBoards } from './meeting-service';
import { NetworkService } from './network-service';
import { SqliteNetworkStore } from './network-store';
import { PersonalLinks } from './personal-links';

export interface NetworkServices {
  networks: NetworkService;
  meetings: MeetingService;
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
  return {
    networks,
    meetings: new MeetingService(store, networks, boards),
    calendarHost: () => new URL(publicUrl()).host,
  };
}
