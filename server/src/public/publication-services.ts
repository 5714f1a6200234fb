import type { BoardInfo } from '@empiria/shared';
import { SqliteNetworkStore } from '../networks/network-store';
import type { SqliteDatabase } from '../storage/sqlite-database';
import type { ApprovalService } from '../summary/approval-service';
import { SqlitePublicNetworkStore } from './public-network-store';
import { PublicationService } from './publication-service';

/** Publication on the embedded database: networks and meetings from their tables, notes from their approvals. */
export function createPublicationService(deps: {
  db: SqliteDatabase;
  approvals: ApprovalService;
  board(boardId: string): Promise<BoardInfo | null>;
  publicUrl(): string;
}): PublicationService {
  const store = new SqliteNetworkStore(deps.db);
  return new PublicationService({
    network: (networkId) => {
      const network = store.network(networkId);
      return network ? { id: network.id, name: network.name, theme: network.theme } : null;
    },
    // [PUB3] the cities, never their people.
    cities: (networkId) =>
      store
        .members(networkId)
        .map((member) => ({ name: member.city, observer: member.membership === 'observer' })),
    meetings: (networkId) => store.meetings(networkId),
    board: deps.board,
    approvals: deps.approvals,
    pages: new SqlitePublicNetworkStore(deps.db),
    publicUrl: deps.publicUrl,
  });
}
