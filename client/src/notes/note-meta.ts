import { metaWith, noteAuthorOf, privateRoundOf, type JsonObject, type NoteAuthor } from '@empiria/shared';

/**
 * The two facts about a sticky note this client stamps itself (their schema and readers are
 * `shared/src/canvas/record-meta.ts`):
 * - `author`: who wrote it, stamped by the author's own client when the note is made (and by the
 *   server for revealed private notes); a copy keeps its author;
 * - `private = roundId`: a note written during private writing, shown only on its author's
 *   screen. Such a record is local-only: the canvas sync never sends it (see
 *   `isLocalOnlyRecord`), it reaches the server through the private-notes API instead.
 */

/** `meta` with the author stamped, unless it already names one (a copy keeps its author). */
export function withAuthor(meta: unknown, author: NoteAuthor): JsonObject {
  if (noteAuthorOf({ meta })) return metaWith(meta, {});
  return metaWith(meta, { author: { id: author.id, name: author.name, city: author.city } });
}

/**
 * A record that must stay on this device: a private note. The canvas sync skips it in both
 * directions of a local change (added, updated, removed), so it never enters the shared document.
 */
export function isLocalOnlyRecord(record: { typeName?: string; meta?: unknown } | undefined): boolean {
  return record?.typeName === 'shape' && privateRoundOf(record) !== null;
}
