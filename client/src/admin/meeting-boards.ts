import type { Meeting, NetworkInfo } from '@empiria/shared';

/** Which network's meeting a board is the board of. */
export interface MeetingBoardOwner {
  networkId: string;
  network: string;
  meetingTitle: string;
}

/**
 * Board id → the network meeting it belongs to, from the networks' details. A board no meeting
 * lists is standalone (an ad-hoc workshop) and is absent from the map.
 */
export function meetingBoardOwners(
  networks: readonly {
    network: Pick<NetworkInfo, 'id' | 'name'>;
    meetings: readonly Pick<Meeting, 'boardId' | 'title'>[];
  }[],
): Map<string, MeetingBoardOwner> {
  const owners = new Map<string, MeetingBoardOwner>();
  for (const { network, meetings } of networks) {
    for (const meeting of meetings) {
      owners.set(meeting.boardId, {
        networkId: network.id,
        network: network.name,
        meetingTitle: meeting.title,
      });
    }
  }
  return owners;
}
