/**
 * Makes the benchmark's boards through the real server: the admin creates a board with a format
 * (the server writes its sheets), a participant joins it and writes the notes into the board's
 * canvas document with a real Yjs client, in batches, the way a browser's edits arrive; the
 * server checks every record ([D3]) and stores them. Then a second client reads the board back,
 * so what the pages open is what the server holds.
 */
import { checkCanvasEntry } from '@empiria/formats';
import { CANVAS_META_MAP, CANVAS_SCHEMA_KEY, type BoardFormat, type JoinResponse } from '@empiria/shared';
import { createBoard, join } from '../../support/api';
import { canvasRecords, type CanvasRecord } from '../../support/canvas-records';
import type { ServerHandle } from '../../support/server-process';
import { connectDoc } from '../../support/yjs-client';
import { benchNotes } from './board-content';

/** Records per transaction: one update stays well below the server's 2 MiB frame limit. */
const BATCH = 250;

export interface SeededBoard {
  boardId: string;
  /** The participant's session, for the product page (it goes straight to the board). */
  session: JoinResponse;
  /** Every record of the board's canvas as the server holds it: document, page, sheets, notes. */
  records: CanvasRecord[];
  /** The tldraw schema stored with the board (`meta.schema`). */
  schema: unknown;
  notes: number;
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * `n` ascending fractional index keys with a three-digit integer part (`c000`…`czzz`), above
 * every key the template uses (`a?`, `b??`, formats/src/layout/index-keys.ts).
 */
function indicesAboveTemplate(n: number): string[] {
  if (n > 62 ** 3) throw new Error(`too many notes for one run of keys: ${n}`);
  return Array.from(
    { length: n },
    (_, i) => `c${DIGITS[Math.floor(i / 3844)]}${DIGITS[Math.floor(i / 62) % 62]}${DIGITS[i % 62]}`,
  );
}

export async function seedBoard(
  server: ServerHandle,
  options: { format: BoardFormat; notes: number; title: string },
): Promise<SeededBoard> {
  const board = await createBoard(server, options.title, options.format);
  const session = await join(server, board.id, board.invites.participant, 'Anna Kowalska', 'Lublin');
  const notes = benchNotes(options.format, options.notes, indicesAboveTemplate);
  for (const note of notes) {
    const check = checkCanvasEntry({ key: note.id, val: note });
    if (!check.ok) throw new Error(`the bench wrote a record the server would refuse: ${check.reason}`);
  }

  const writer = await connectDoc(server, board.id, 'canvas', session.sessionToken, { timeoutMs: 60_000 });
  try {
    const records = canvasRecords(writer.doc);
    for (let start = 0; start < notes.length; start += BATCH) {
      writer.doc.transact(() => {
        for (const note of notes.slice(start, start + BATCH)) records.set(note.id, note);
      });
      // Let the socket drain between batches, as a person's edits would arrive.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    // Give the last batch time to leave before the socket closes.
    await new Promise((resolve) => setTimeout(resolve, 500));
    writer.destroy();
  }

  const reader = await connectDoc(server, board.id, 'canvas', session.sessionToken, { timeoutMs: 60_000 });
  try {
    const last = notes.at(-1)?.id;
    await reader.waitFor(
      (doc) => last === undefined || canvasRecords(doc).has(last),
      60_000,
      `all ${notes.length} notes stored`,
    );
    const records = [...canvasRecords(reader.doc).map.values()].map((entry) => entry.val);
    const stored = records.filter((record) => record.typeName === 'shape' && record.type === 'note').length;
    if (stored !== notes.length) throw new Error(`the server holds ${stored} of ${notes.length} notes`);
    return {
      boardId: board.id,
      session,
      records,
      schema: reader.doc.getMap(CANVAS_META_MAP).get(CANVAS_SCHEMA_KEY),
      notes: notes.length,
    };
  } finally {
    reader.destroy();
  }
}
