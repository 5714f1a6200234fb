/**
 * What Empiria keeps in a sticky note's `meta.empiria` besides its zone:
 * - `author = { id, name, city }`: who wrote it, stamped by the author's own client when the
 *   note is made (and by the server for revealed private notes);
 * - `private = roundId`: a note written during private writing, shown only on its author's
 *   screen. Such a record is local-only: the canvas sync never sends it (see
 *   `isLocalOnlyRecord`), it reaches the server through the private-notes API instead.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface NoteAuthor {
  id: string;
  name: string;
  city: string;
}

function empiriaOf(meta: unknown): Record<string, unknown> | null {
  const empiria = (meta as { empiria?: unknown } | null | undefined)?.empiria;
  return typeof empiria === 'object' && empiria !== null && !Array.isArray(empiria)
    ? (empiria as Record<string, unknown>)
    : null;
}

export function readAuthor(meta: unknown): NoteAuthor | null {
  const author = empiriaOf(meta)?.author as Partial<NoteAuthor> | undefined;
  if (!author || typeof author.id !== 'string' || typeof author.name !== 'string') return null;
  return { id: author.id, name: author.name, city: typeof author.city === 'string' ? author.city : '' };
}

/** `meta` with the author stamped, unless it already names one (a copy keeps its author). */
export function withAuthor(meta: JsonObject, author: NoteAuthor): JsonObject {
  if (readAuthor(meta)) return meta;
  const empiria = empiriaOf(meta) ?? {};
  return {
    ...meta,
    empiria: { ...(empiria as JsonObject), author: { id: author.id, name: author.name, city: author.city } },
  };
}

/** The private-writing round a note belongs to, if it is one of this person's private notes. */
export function privateRoundOf(meta: unknown): string | null {
  const round = empiriaOf(meta)?.private;
  return typeof round === 'string' && round.length > 0 ? round : null;
}

export function withPrivateRound(meta: JsonObject, roundId: string): JsonObject {
  const empiria = empiriaOf(meta) ?? {};
  return { ...meta, empiria: { ...(empiria as JsonObject), private: roundId } };
}

export function withoutPrivateRound(meta: JsonObject): JsonObject {
  const empiria = empiriaOf(meta);
  if (!empiria || !('private' in empiria)) return meta;
  const rest = { ...(empiria as JsonObject) };
  delete rest.private;
  return { ...meta, empiria: rest };
}

/**
 * A record that must stay on this device: a private note. The canvas sync skips it in both
 * directions of a local change (added, updated, removed), so it never enters the shared document.
 */
export function isLocalOnlyRecord(record: { typeName?: string; meta?: unknown } | undefined): boolean {
  return record?.typeName === 'shape' && privateRoundOf(record.meta) !== null;
}
