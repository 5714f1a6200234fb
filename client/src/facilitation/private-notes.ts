import { toRichText } from 'tldraw';
import type { Editor, TLNoteShape, TLShape, TLShapeId } from 'tldraw';
import { MAX_PRIVATE_NOTE_CHARS, cityNoteColor, metaWith, privateRoundOf } from '@empiria/shared';
import type { Identity, PrivateNoteInput, PrivateWritingState } from '@empiria/shared';
import { ApiRequestError } from '../api/http';
import { revealedNoteSize } from '../note-shape/revealed-size';
import { deletePrivateNote, fetchPrivateNotes, putPrivateNote } from './facilitation-api';
import {
  acknowledge,
  parseOutbox,
  queueDelete,
  queuePut,
  restoreNotes,
  retryDelay,
  withoutRound,
} from './private-outbox';
import type { Outbox, OutboxEntry } from './private-outbox';

/** Typing is sent after this pause; every keystroke would be a request. */
const SEND_AFTER_MS = 600;
/** After the reveal, how long the revealed copies may take to arrive through the canvas room. */
const REVEAL_GRACE_MS = 6000;

export interface PrivateNotesOptions {
  boardId: string;
  token: string;
  identity: Identity;
  /** The round as the control document says (null when none ever ran). */
  round: () => PrivateWritingState | null;
  onCounts: (mine: number, unsent: number) => void;
}

/**
 * This person's private notes during a round of private writing. The notes are ordinary tldraw
 * notes marked `meta.empiria.private` (so the canvas sync never sends them, see note-meta.ts);
 * this class sends each one to the server as it is typed (`PUT /private-notes/:id`), keeps what
 * is not yet confirmed in an outbox on the device and retries it, restores the notes after a
 * reload (`GET /private-notes`), and after the reveal lets the server's copies (same ids) replace
 * them. A note the server never got is published as an ordinary note: nothing is lost.
 */
export class PrivateNotes {
  private outbox: Outbox;
  private readonly storageKey: string;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly inFlight = new Set<string>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private restoredRound: string | null = null;
  private revealTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly disposers: Array<() => void> = [];
  private stopped = false;

  constructor(
    private readonly editor: Editor,
    private readonly options: PrivateNotesOptions,
  ) {
    this.storageKey = `empiria.privateNotes.${options.boardId}.${options.identity.id}`;
    this.outbox = this.load();
  }

  start(): () => void {
    this.disposers.push(
      this.editor.store.listen(
        ({ changes }) => {
          for (const record of Object.values(changes.added)) this.onLocal(record as TLShape);
          for (const [, to] of Object.values(changes.updated)) this.onLocal(to as TLShape);
          for (const record of Object.values(changes.removed)) {
            const round = privateRoundOf(record as TLShape);
            if (record.typeName === 'shape' && round)
              this.enqueue(queueDelete(this.outbox, round, record.id));
          }
          this.report();
        },
        { source: 'user', scope: 'document' },
      ),
    );
    const online = () => this.flushSoon(0);
    window.addEventListener('online', online);
    this.disposers.push(() => window.removeEventListener('online', online));
    this.roundChanged();
    return () => this.stop();
  }

  stop(): void {
    this.stopped = true;
    for (const dispose of this.disposers.splice(0)) dispose();
    for (const timer of this.timers.values()) clearTimeout(timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.revealTimer) clearTimeout(this.revealTimer);
  }

  /** The control document's round changed: restore, keep writing, or hand over after a reveal. */
  roundChanged(): void {
    const round = this.options.round();
    if (round?.status === 'writing') {
      if (this.restoredRound !== round.roundId) {
        this.restoredRound = round.roundId;
        void this.restore(round.roundId);
      }
    } else {
      this.restoredRound = null;
      this.scheduleHandover();
    }
    this.report();
  }

  /** The private notes of the current round on this screen. */
  localNotes(roundId?: string): TLNoteShape[] {
    return this.editor
      .getCurrentPageShapes()
      .filter(
        (shape): shape is TLNoteShape =>
          shape.type === 'note' &&
          privateRoundOf(shape) !== null &&
          (roundId === undefined || privateRoundOf(shape) === roundId),
      );
  }

  private onLocal(record: TLShape): void {
    if (record.typeName !== 'shape' || record.type !== 'note') return;
    const round = privateRoundOf(record);
    if (!round) return;
    const id = record.id;
    const existing = this.timers.get(id);
    if (existing) clearTimeout(existing);
    this.timers.set(
      id,
      setTimeout(() => {
        this.timers.delete(id);
        const note = this.editor.getShape<TLNoteShape>(id as TLShapeId);
        if (note && privateRoundOf(note) === round)
          this.enqueue(queuePut(this.outbox, round, this.input(note)));
      }, SEND_AFTER_MS),
    );
  }

  /** What is sent of a note: its text, where it lies, and its height once revealed (D54). */
  private input(note: TLNoteShape): PrivateNoteInput {
    const text = (this.editor.getShapeUtil(note).getText?.(note) ?? '').slice(0, MAX_PRIVATE_NOTE_CHARS);
    const bounds = this.editor.getShapePageBounds(note.id);
    return {
      id: note.id,
      text,
      x: Math.round(bounds?.minX ?? note.x),
      y: Math.round(bounds?.minY ?? note.y),
      ...revealedNoteSize(this.editor, note, text),
    };
  }

  private enqueue(outbox: Outbox): void {
    this.outbox = outbox;
    this.save();
    this.report();
    this.flushSoon(0);
  }

  private flushSoon(delay: number): void {
    if (this.stopped) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, delay);
  }

  private async flush(): Promise<void> {
    const { boardId, token } = this.options;
    let failed = false;
    for (const entry of Object.values(this.outbox)) {
      const id = entry.op === 'put' ? entry.note.id : entry.id;
      if (this.inFlight.has(id) || this.stopped) continue;
      this.inFlight.add(id);
      try {
        if (entry.op === 'put') await putPrivateNote(boardId, token, entry.note);
        else await deletePrivateNote(boardId, token, entry.id);
        this.outbox = acknowledge(this.outbox, id, entry.version);
      } catch (error) {
        if (this.giveUp(entry, error)) this.outbox = acknowledge(this.outbox, id, entry.version);
        else failed = true;
      } finally {
        this.inFlight.delete(id);
      }
    }
    this.save();
    this.report();
    if (failed) this.flushSoon(retryDelay(this.attempt++));
    else {
      this.attempt = 0;
      // Something queued while we were sending.
      if (Object.values(this.outbox).some((e) => !this.inFlight.has(e.op === 'put' ? e.note.id : e.id)))
        this.flushSoon(SEND_AFTER_MS);
    }
  }

  /** Whether a refused send is final (drop it) rather than worth retrying. */
  private giveUp(entry: OutboxEntry, error: unknown): boolean {
    if (!(error instanceof ApiRequestError) || error.isNetworkError || error.status >= 500) return false;
    // The round ended before this reached the server: the note is handed over after the reveal.
    if (error.code === 'no_private_round') return true;
    // Deleting a note the server never had.
    if (entry.op === 'delete' && error.status === 404) return true;
    console.warn(`[empiria] the server refused a private note (${error.code}): ${error.message}`);
    return error.status !== 429;
  }

  private async restore(roundId: string): Promise<void> {
    const { boardId, token, identity } = this.options;
    let server: Awaited<ReturnType<typeof fetchPrivateNotes>> = { roundId: null, notes: [] };
    try {
      server = await fetchPrivateNotes(boardId, token);
    } catch (error) {
      console.warn('[empiria] could not load my private notes; showing those kept on this device', error);
    }
    if (this.stopped || this.restoredRound !== roundId) return;
    const notes = restoreNotes(roundId, server.roundId === roundId ? server.notes : [], this.outbox);
    const missing = notes.filter((note) => !this.editor.getShape(note.id as TLShapeId));
    if (missing.length > 0) {
      const color = cityNoteColor(identity.city);
      const author = { id: identity.id, name: identity.name, city: identity.city };
      // As a remote change: restoring is neither an edit to send again nor a step to undo.
      this.editor.store.mergeRemoteChanges(() => {
        this.editor.createShapes<TLNoteShape>(
          missing.map((note) => ({
            id: note.id as TLShapeId,
            type: 'note',
            parentId: this.editor.getCurrentPageId(),
            x: note.x,
            y: note.y,
            props: { color, richText: toRichText(note.text) },
            meta: metaWith({}, { author, private: roundId }),
          })),
        );
      });
    }
    this.flushSoon(0);
    this.report();
  }

  /**
   * After the reveal the server's copies arrive through the canvas room and replace the local
   * notes (same ids). Whatever is still private once they had time to arrive never reached the
   * server: it is published as an ordinary note, so nothing written is lost.
   */
  private scheduleHandover(): void {
    if (this.revealTimer) clearTimeout(this.revealTimer);
    const round = this.options.round();
    const current = round?.status === 'writing' ? round.roundId : null;
    const leftovers = () => this.localNotes().filter((note) => privateRoundOf(note) !== current);
    if (leftovers().length === 0) {
      this.dropEndedRounds(current);
      return;
    }
    this.revealTimer = setTimeout(() => {
      this.revealTimer = null;
      const notes = leftovers();
      if (notes.length > 0) {
        this.editor.run(
          () =>
            this.editor.updateShapes(
              notes.map((note) => ({
                id: note.id,
                type: 'note' as const,
                meta: metaWith(note.meta, { private: undefined }),
              })),
            ),
          { history: 'ignore' },
        );
      }
      this.dropEndedRounds(current);
      this.report();
    }, REVEAL_GRACE_MS);
  }

  private dropEndedRounds(current: string | null): void {
    let outbox = this.outbox;
    for (const entry of Object.values(outbox))
      if (entry.roundId !== current) outbox = withoutRound(outbox, entry.roundId);
    if (outbox !== this.outbox) {
      this.outbox = outbox;
      this.save();
    }
  }

  private report(): void {
    const round = this.options.round();
    const mine = round?.status === 'writing' ? this.localNotes(round.roundId).length : 0;
    this.options.onCounts(mine, Object.keys(this.outbox).length);
  }

  private load(): Outbox {
    try {
      return parseOutbox(localStorage.getItem(this.storageKey));
    } catch {
      return {};
    }
  }

  private save(): void {
    try {
      if (Object.keys(this.outbox).length === 0) localStorage.removeItem(this.storageKey);
      else localStorage.setItem(this.storageKey, JSON.stringify(this.outbox));
    } catch {
      // Storage full or off: the notes are still on screen and sent while the tab lives.
    }
  }
}
