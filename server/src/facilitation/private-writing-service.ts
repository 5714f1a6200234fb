import { getIndicesAbove, type IndexKey } from '@tldraw/utils';
import { estimatedNoteGrowY, layoutFormat, layoutRevealedNotes, occupiedRects } from '@empiria/formats';
import {
  MAX_PRIVATE_NOTES_PER_PERSON,
  cityNoteColor,
  type BoardInfo,
  type NoteAuthor,
  type PrivateNote,
  type PrivateNoteInput,
  type PrivateWritingState,
} from '@empiria/shared';
import { newId } from '../ids';
import { addCanvasRecords, readCanvasRecords, topPageIndex } from '../canvas/canvas-records';
import { noteRecord } from '../canvas/note-record';
import { DomainError } from '../domain-error';
import type { RoomRegistry } from '../sync/room-registry';
import type { ControlWriter } from './control-writer';
import type { AuthoredNote, PrivateNoteStore, PrivateRound } from './private-note-store';
import { formatOfBoard } from '../boards/board-format';

/**
 * Private writing: while a round is on, each participant's notes are kept by the server alone and
 * handed back only to their author; the reveal writes all of them into the canvas in one
 * transaction, so they appear for everyone at once, or not at all.
 */
export class PrivateWritingService {
  readonly #store: PrivateNoteStore;
  readonly #control: ControlWriter;
  readonly #registry: RoomRegistry;

  constructor(store: PrivateNoteStore, control: ControlWriter, registry: RoomRegistry) {
    this.#store = store;
    this.#control = control;
    this.#registry = registry;
  }

  async start(boardId: string, stepId: string | null, now = Date.now()): Promise<PrivateWritingState> {
    const round = await this.#store.transaction(async (store) => {
      if (await store.activeRound(boardId)) {
        throw new DomainError(
          'conflict',
          'private_round_open',
          'Private writing is already on; reveal it first.',
        );
      }
      return store.start({ id: newId(9), boardId, stepId, startedAt: now });
    });
    return this.#publish(round);
  }

  /** The caller's own notes in the current round (nobody else's, ever). */
  async mine(boardId: string, authorId: string): Promise<{ roundId: string | null; notes: PrivateNote[] }> {
    const round = await this.#store.activeRound(boardId);
    if (!round) return { roundId: null, notes: [] };
    return { roundId: round.id, notes: (await this.#store.notesOf(round.id, authorId)).map(withoutAuthor) };
  }

  async write(
    boardId: string,
    author: NoteAuthor,
    note: PrivateNoteInput,
    now = Date.now(),
  ): Promise<PrivateNote> {
    const { round, saved } = await this.#store.transaction(async (store) => {
      const round = await activeRoundIn(store, boardId);
      const existing = await store.note(round.id, note.id);
      if (existing && existing.author.id !== author.id) {
        throw new DomainError('forbidden', 'forbidden', 'That note belongs to someone else.');
      }
      if (!existing && (await store.countOf(round.id, author.id)) >= MAX_PRIVATE_NOTES_PER_PERSON) {
        throw new DomainError(
          'conflict',
          'too_many_notes',
          `At most ${MAX_PRIVATE_NOTES_PER_PERSON} notes per person in a round.`,
        );
      }
      await store.upsert(round.id, author, note, now);
      return { round, saved: (await store.note(round.id, note.id)) as AuthoredNote };
    });
    await this.#publish(round);
    return withoutAuthor(saved);
  }

  async remove(boardId: string, authorId: string, noteId: string): Promise<void> {
    const round = await this.#store.transaction(async (store) => {
      const round = await activeRoundIn(store, boardId);
      if (!(await store.remove(round.id, noteId, authorId)))
        throw new DomainError('not_found', 'not_found', 'No such note of yours.');
      return round;
    });
    await this.#publish(round);
  }

  /**
   * Writes every note of the round into the canvas at once and ends the round. Each note is as
   * tall as its author's screen measured it (else the server's estimate, D54), and is laid out at
   * that height.
   */
  async reveal(board: BoardInfo, now = Date.now()): Promise<PrivateWritingState> {
    const round = await activeRoundIn(this.#store, board.id);
    const notes = (await this.#store.allNotes(round.id)).map((note) => {
      // The estimate is never below tldraw's measure (D54), so it bounds what a screen sends: a
      // hostile height cannot make one note a row so tall that it pushes the others off the sheet.
      const estimate = estimatedNoteGrowY(note.text);
      return { ...note, growY: Math.min(note.growY ?? estimate, estimate) };
    });
    const format = formatOfBoard(board);
    const layout = layoutFormat(format);
    await this.#registry.room({ boardId: board.id, doc: 'canvas' }).transact((doc) => {
      const existing = readCanvasRecords(doc);
      const indices = getIndicesAbove(topPageIndex(existing), notes.length);
      // Each note into the free space of the zone its author chose, none covering another.
      const places = layoutRevealedNotes(layout, notes, occupiedRects(existing.values()));
      const records = notes.map((note, i) => {
        const { x, y, scale, hit } = places[i]!;
        return noteRecord({
          id: note.id,
          text: note.text,
          x,
          y,
          scale,
          growY: note.growY,
          fontSizeAdjustment: note.fontSizeAdjustment,
          index: indices[i] as IndexKey,
          color: cityNoteColor(note.author.city),
          author: note.author,
          extraMeta: {
            privateRound: round.id,
            ...(hit
              ? {
                  zone: {
                    stepId: hit.stepId,
                    zoneId: hit.zoneId,
                    ...(hit.cellId ? { cellId: hit.cellId } : {}),
                  },
                }
              : {}),
          },
        });
      });
      addCanvasRecords(doc, records);
    });
    await this.#store.markRevealed(round.id, now);
    return this.#publish({ ...round, status: 'revealed', revealedAt: now });
  }

  async #publish(round: PrivateRound): Promise<PrivateWritingState> {
    const counts = await this.#store.counts(round.id);
    return this.#control.update(round.boardId, 'privateWriting', () => ({
      roundId: round.id,
      stepId: round.stepId,
      status: round.status,
      startedAt: round.startedAt,
      revealedAt: round.revealedAt,
      noteCount: counts.notes,
      writerCount: counts.writers,
    }));
  }
}

/** The board's round being written, in `store` (the service's, or one bound to a transaction). */
async function activeRoundIn(store: PrivateNoteStore, boardId: string): Promise<PrivateRound> {
  const round = await store.activeRound(boardId);
  if (!round) throw new DomainError('conflict', 'no_private_round', 'Private writing is not on right now.');
  return round;
}

function withoutAuthor(note: PrivateNote & { author?: NoteAuthor }): PrivateNote {
  return {
    id: note.id,
    roundId: note.roundId,
    text: note.text,
    x: note.x,
    y: note.y,
    updatedAt: note.updatedAt,
    ...(note.growY !== undefined ? { growY: note.growY } : {}),
    ...(note.fontSizeAdjustment !== undefined ? { fontSizeAdjustment: note.fontSizeAdjustment } : {}),
  };
}
