import type { BoardInfo } from '@empiria/shared';
import { NetworkStore } from '../networks/network-store';
import type { SqlDatabase } from '../storage/sql/sql-database';
import type { ApprovalService } from '../summary/approval-service';
import { PublicNetworkStore } from './public-network-store';
import { PublicationService } from './publication-service';

/** Publication on the stores' database: networks and meetings from their tables, notes from their approvals. */
export function createPublicationService(deps: {
  sql: SqlDatabase;
  approvals: ApprovalService;
  board(boardId: string): Promise<BoardInfo | null>;
  publicUrl(): string;
}): PublicationService {
  const store = new NetworkStore(deps.sql);
  return new PublicationService({
    network: async (networkId) => {
      const network = await store.network(networkId);
      return network ? { id: network.id, name: network.name, theme: network.theme } : null;
    },
    // [PUB3] the cities, never their people.
    cities: async (networkId) =>
      (await store.members(networkId)).map((member) => ({
        name: member.city,
        observer: member.membership === 'observer',
      })),
    meetings: (networkId) => store.meetings(networkId),
    board: deps.board,
    approvals: deps.approvals,
    pages: new PublicNetworkStore(deps.sql),
    publicUrl: deps.publicUrl,
  });
}
