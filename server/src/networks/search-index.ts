import { boardContentFromRecords, layoutFormat } from '@empiria/formats';
import { searchSnippet, searchWords, type SearchHit } from '@empiria/shared';
import { readCanvasRecords } from '../canvas/canvas-records';
import type { ApprovalService } from '../summary/approval-service';
import type { RoomRegistry } from '../sync/room-registry';
import type { ArchiveStore, StoredHit } from './archive-store';
import { boardEntries, noteEntries } from './search-entries';
import { formatOfBoard, type BoardFormatRecord } from '../boards/board-format';

/** A meeting search may reach, with what a hit needs to say where it is. */
export interface SearchableMeeting {
  networkId: string;
  network: string;
  meetingId: string;
  meeting: string;
  startsAt: string;
  boardId: string;
}

/** Boards whose canvas one search re-reads at most: a search never waits on dozens of big boards. */
export const CANVAS_REINDEX_BUDGET = 20;
export const MAX_HITS = 50;

/**
 * Full-text search over approved notes and the notes on boards (issue #11, item 5), over text
 * folded by shared/src/networks/text-folding.ts (FTS5's own `remove_diacritics` keeps "ł"): SQLite's
 * FTS5 or PostgreSQL's tsvector, whichever holds the stores (archive-store.ts).
 *
 * Indexed lazily, with a mark per board and source: before a search, each board in its scope whose
 * approved version or stored canvas changed since its entries were made is indexed again. A note
 * is cheap (the frozen version is a row); a canvas is read through its room, so at most
 * CANVAS_REINDEX_BUDGET of them per search, the rest answered as `pending` and taken next time.
 * No write path of the boards or the notes has to know about search.
 */
export class SearchIndex {
  readonly #store: ArchiveStore;
  readonly #registry: RoomRegistry;
  readonly #approvals: ApprovalService;
  readonly #boardOf: (boardId: string) => Promise<BoardFormatRecord | null>;

  constructor(
    store: ArchiveStore,
    registry: RoomRegistry,
    approvals: ApprovalService,
    boardOf: (boardId: string) => Promise<BoardFormatRecord | null>,
  ) {
    this.#store = store;
    this.#registry = registry;
    this.#approvals = approvals;
    this.#boardOf = boardOf;
  }

  /** Brings the boards' entries up to date; answers how many canvases are left for later. */
  async refresh(boardIds: readonly string[], budget = CANVAS_REINDEX_BUDGET): Promise<number> {
    let pending = 0;
    for (const boardId of boardIds) {
      await this.#refreshNote(boardId);
      const mark = await this.#store.canvasMark(boardId);
      if ((await this.#store.indexedMark(boardId, 'board')) === mark) continue;
      if (budget === 0) {
        pending++;
        continue;
      }
      budget--;
      await this.#indexCanvas(boardId, mark);
    }
    return pending;
  }

  async #refreshNote(boardId: string): Promise<void> {
    const approved = await this.#approvals.latestApproved(boardId);
    const mark = approved?.id ?? '';
    if ((await this.#store.indexedMark(boardId, 'note')) === mark) return;
    await this.#store.replaceEntries(
      boardId,
      'note',
      mark,
      approved ? noteEntries(approved.content.blocks) : [],
    );
  }

  async #indexCanvas(boardId: string, mark: string): Promise<void> {
    const board = await this.#boardOf(boardId);
    // A meeting's board is laid out by its agenda, any other by its format's version (D26).
    const format = board ? formatOfBoard(board) : undefined;
    const room = this.#registry.room({ boardId, doc: 'canvas' });
    const records = await room.run(() => [...readCanvasRecords(room.doc).values()]);
    const content = boardContentFromRecords(records, format ? layoutFormat(format) : null, null);
    // The mark read before the room: a change made meanwhile makes the next search index again.
    await this.#store.replaceEntries(boardId, 'board', mark, boardEntries(content, format));
  }

  /** The query's hits in the given meetings, best first. Refresh first. */
  async search(
    query: string,
    meetings: readonly SearchableMeeting[],
  ): Promise<{ words: string[]; hits: SearchHit[]; more: boolean }> {
    const words = searchWords(query);
    if (words.length === 0 || meetings.length === 0) return { words, hits: [], more: false };
    const byBoard = new Map(meetings.map((meeting) => [meeting.boardId, meeting]));
    const stored = await this.#store.search(words, [...byBoard.keys()], MAX_HITS + 1);
    const hits = stored.slice(0, MAX_HITS).flatMap((hit: StoredHit): SearchHit[] => {
      const meeting = byBoard.get(hit.boardId);
      if (!meeting) return [];
      const { boardId: _boardId, ...place } = meeting;
      return [
        {
          ...place,
          boardId: hit.boardId,
          source: hit.source,
          kind: hit.kind,
          where: hit.where,
          snippet: searchSnippet(hit.text, words),
        },
      ];
    });
    return { words, hits, more: stored.length > MAX_HITS };
  }
}
