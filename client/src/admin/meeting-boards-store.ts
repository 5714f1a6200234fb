import { create } from 'zustand';
import { listNetworks } from '../api/network-endpoints';
import { fetchNetwork } from '../networks/network-api-client';
import { meetingBoardOwners, type MeetingBoardOwner } from './meeting-boards';

interface MeetingBoardsState {
  /** Board id → its network meeting; empty until loaded (or when the networks cannot be read). */
  owners: ReadonlyMap<string, MeetingBoardOwner>;
  load(adminToken: string): Promise<void>;
}

/**
 * Which boards on the admin home are network meetings' boards, so a board card can say whose
 * meeting it is. Read from the networks' details; when they cannot be read, the cards fall back
 * to what the board itself says (a meeting's board has an agenda).
 */
export const useMeetingBoardsStore = create<MeetingBoardsState>()((set) => ({
  owners: new Map(),
  async load(adminToken) {
    try {
      const { networks } = await listNetworks(adminToken);
      const details = await Promise.all(networks.map((network) => fetchNetwork(adminToken, network.id)));
      set({ owners: meetingBoardOwners(details) });
    } catch {
      set({ owners: new Map() });
    }
  },
}));
