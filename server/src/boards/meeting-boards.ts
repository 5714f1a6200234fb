import { NetworkError } from '../networks/network-error';
import type { MeetingBoards } from '../networks/meeting-service';
import type { RoomRegistry } from '../sync/room-registry';
import type { BoardService } from './board-service';
import { BoardInUseError, rewriteTemplate, writeInitialDocuments } from './initial-documents';

/**
 * The boards a network's meetings get (D16): made like any board, with the meeting's agenda as
 * their steps, in Polish (the network's language); an agenda changed before anyone joined
 * rewrites the board's template, after that the change is refused.
 */
export function meetingBoards(
  boards: BoardService,
  registry: RoomRegistry,
  noteApproved: (boardId: string, audience: 'members' | 'observers') => Promise<boolean>,
): MeetingBoards {
  return {
    create: async (title, format, agenda) =>
      (
        await boards.create({ title, format, language: 'pl', agenda }, (board) =>
          writeInitialDocuments(registry, board),
        )
      ).board.id,
    replaceAgenda: async (boardId, agenda) => {
      try {
        await boards.replaceAgenda(boardId, agenda, (before, after) =>
          rewriteTemplate(registry, before, after),
        );
      } catch (error) {
        if (!(error instanceof BoardInUseError)) throw error;
        throw new NetworkError(
          'conflict',
          'board_in_use',
          'The meeting’s board is already in use (someone has joined it or worked on it), so its agenda no longer changes. Change the plan on the board itself.',
        );
      }
    },
    noteApproved,
  };
}
